import Foundation
import Testing

/// `validate` with warnings about the data's arithmetic: listed under the summary with their places,
/// bounded unless `--all`, and never a failure.
@Suite struct ValidateArithmeticTests {
    /// 2022 460 M, 2023 563 M, then 2024's turnover typed as 700 (for 700e6) beside exports of 550 M
    /// and imports of 150 M. Invented figures.
    static let typo = """
    {"schema": 1, "title": "Arithmetic warnings (invented figures)", "asOf": "2025-12-01",
     "countries": [{"code": "KZ", "name": "Kazakhstan"}, {"code": "TM", "name": "Turkmenistan"}],
     "sources": [{"id": "test", "publisher": "Test"}],
     "trade": [
      {"year": 2022, "flow": "turnover", "usd": 460e6, "kind": "stated", "source": "test"},
      {"year": 2023, "flow": "turnover", "usd": 563e6, "kind": "stated", "source": "test"},
      {"year": 2024, "flow": "turnover", "usd": 700, "kind": "stated", "source": "test"},
      {"year": 2024, "flow": "exports", "from": "KZ", "to": "TM", "usd": 550e6, "kind": "stated", "source": "test"},
      {"year": 2024, "flow": "imports", "from": "TM", "to": "KZ", "usd": 150e6, "kind": "stated", "source": "test"}
     ]}
    """

    static func write(_ text: String, _ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "tradedash-\(name)-\(getpid()).json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theTypoIsAWarningWithItsLineAndTheFileStillValidates() throws {
        let path = try Self.write(Self.typo, "arithmetic-typo")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CommandLineTests().run(["validate", path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(path): OK: Arithmetic warnings (invented figures) (schema 1, as of 2025-12-01)")
        // The typo'd figure is readable, not "0 M".
        #expect(lines.contains("  latest full-year turnover: 2024: USD 0.0007 M (stated, test)"))
        // The observation is on line 7 of the file. (700 M − 700) / 700 M rounds to 100 %; 563 M / 700 = 804,285.7.
        #expect(Array(lines.suffix(3)) == [
            "  arithmetic warnings: 2",
            "    trade[2] (line 7): 2024 turnover 700 USD vs KZ→TM exports 550 M + TM→KZ imports 150 M = 700 M: 100 % apart",
            "    trade[2] (line 7): 2024 turnover 700 USD is 804,286× below 2023's 563 M — a typo for 700 M?",
        ])
        // The dashboard shows the file too.
        let render = try CommandLineTests().run(["render", "--data", path, "--screen", "trade", "--width", "100", "--height", "30", "--color", "never"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("0.0007 M"))
    }

    @Test func theBundledWarningsFollowTheConflicts() throws {
        let r = try CommandLineTests().run(["validate"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let conflicts = try #require(lines.firstIndex { $0.hasPrefix("  conflicts between sources:") })
        let warnings = try #require(lines.firstIndex { $0.hasPrefix("  arithmetic warnings: ") })
        #expect(conflicts < warnings)
        // The 2012 growth only: 2023's +22.5 % against the 2022 value derived from +28 % is a conflict
        // between sources, listed above, not an arithmetic warning (see ArithmeticBundledTests).
        #expect(lines.contains("    trade[1] (line 346): 2012 turnover growth stated +90 %, but 2011's 183 M to 2012's 345 M is +88.5 % (+87.7 % to +89.3 % within their rounding)"))
        #expect(lines[warnings] == "  arithmetic warnings: 1")
        #expect(!lines.contains { $0.hasPrefix("    trade[23] (line 407): 2023 turnover growth stated +22.5 %") })
        #expect(lines.contains { $0.contains("2023 turnover: growth +28.0 % (inform-kz-four-fold) vs +22.5 % (newscentralasia-2024-05-03)") })
    }

    /// Turnover of 100 M a year from 1901 to 1975 with 25 typos of 100 USD (1902, 1905, … 1974),
    /// each between two years of 100 M: 25 warnings.
    static func manyTypos() -> String {
        var rows = [String]()
        for year in 1901...1975 {
            let usd = (year - 1902) % 3 == 0 ? "100" : "100e6"
            rows.append("{\"year\": \(year), \"flow\": \"turnover\", \"usd\": \(usd), \"kind\": \"stated\", \"source\": \"test\"}")
        }
        return """
        {"schema": 1, "title": "Many typos (invented figures)", "asOf": "2025-12-01",
         "countries": [{"code": "KZ", "name": "Kazakhstan"}, {"code": "TM", "name": "Turkmenistan"}],
         "sources": [{"id": "test", "publisher": "Test"}],
         "trade": [
        \(rows.joined(separator: ",\n"))
        ]}
        """
    }

    @Test func aBoundedListUnlessAll() throws {
        let path = try Self.write(Self.manyTypos(), "arithmetic-many")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CommandLineTests().run(["validate", path])
        #expect(r.status == 0, "\(r.stdout)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let shown = lines.filter { $0.hasPrefix("    trade[") }
        #expect(lines.contains("  arithmetic warnings: 25"))
        #expect(shown.count == 20)
        // The first: 1902 is trade[1], on line 6 (the rows start on line 5); 100 M / 100 = 1,000,000 both sides.
        #expect(shown.first == "    trade[1] (line 6): 1902 turnover 100 USD is 1,000,000× below 1901's 100 M and 1,000,000× below 1903's 100 M — a typo for 100 M?")
        #expect(lines.last == "    and 5 more (--all lists them)")
        let all = try CommandLineTests().run(["validate", "--all", path])
        #expect(all.status == 0)
        let allLines = all.stdout.split(separator: "\n").map(String.init)
        #expect(allLines.filter { $0.hasPrefix("    trade[") }.count == 25)
        // The last: 1974 is trade[73], on line 78.
        #expect(allLines.last?.hasPrefix("    trade[73] (line 78): 1974 turnover 100 USD") == true)
        #expect(!all.stdout.contains("more (--all lists them)"))
    }
}
