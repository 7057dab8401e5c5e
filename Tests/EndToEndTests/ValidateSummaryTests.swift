import Foundation
import Testing

/// `validate` on a dataset where many sources disagree: a bounded summary per series by default,
/// every pair with `--all`.
@Suite struct ValidateSummaryTests {
    static let seed = CommandLineTests.root.appendingPathComponent("seeds/kazakhstan-turkmenistan.json")

    /// The bundled dataset plus `n` sources stating 2019's turnover, each differently (0.5 M apart:
    /// many pairs agree within 1 %, most do not), every third with a growth rate too.
    static func disagreeingFile(_ n: Int) throws -> String {
        var doc = try JSONSerialization.jsonObject(with: Data(contentsOf: seed)) as! [String: Any]
        var sources = doc["sources"] as! [[String: Any]]
        var trade = doc["trade"] as! [[String: Any]]
        for i in 0..<n {
            sources.append(["id": "synthetic-\(i)", "publisher": "Synthetic source \(i)"])
            var o: [String: Any] = ["year": 2019, "flow": "turnover", "usd": (300 + Double(i) * 0.5) * 1e6, "kind": "stated", "source": "synthetic-\(i)"]
            if i % 3 == 0 { o["growth"] = Double(i % 50) / 100 }
            trade.append(o)
        }
        doc["sources"] = sources
        doc["trade"] = trade
        let path = NSTemporaryDirectory() + "tradedash-disagreeing-\(n)-\(getpid()).json"
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The values an exact figure of `m` million (100 ≤ m < 10,000) allows: ±0.5 %, or, when it has
    /// two significant digits or fewer (visibly rounded), half its second digit's unit: a multiple
    /// of 10 M below 1,000 M allows ±5 M, a multiple of 100 M from 1,000 M up allows ±50 M.
    static func range(_ m: Double) -> (Double, Double) {
        let unit: Double = m < 1000 ? 10 : 100
        let half = max(m * 0.005, m.truncatingRemainder(dividingBy: unit) == 0 ? unit / 2 : 0)
        return (m - half, m + half)
    }

    /// Disagreeing pairs counted the long way: figures whose ranges do not meet.
    static func pairs(_ n: Int) -> (value: Int, growth: Int) {
        var value = 0, growth = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let x = range(300 + Double(i) * 0.5), y = range(300 + Double(j) * 0.5)
                if x.1 < y.0 || y.1 < x.0 { value += 1 }
                if i % 3 == 0, j % 3 == 0, abs(Double(i % 50) / 100 - Double(j % 50) / 100) > 0.01 { growth += 1 }
            }
        }
        return (value, growth)
    }

    @Test func manyDisagreeingSourcesAreSummarisedPerSeries() throws {
        let n = 2_000
        let path = try Self.disagreeingFile(n)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CommandLineTests().run(["validate", path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count < 40, "\(lines.count) lines")
        let (value, growth) = Self.pairs(n)
        // The bundled data's own two growth conflicts (2023) are listed pair by pair, as before; its
        // 2021 figures agree (254.3 M rounds to "about 250 M").
        #expect(lines.contains("  conflicts between sources: \(value + growth + 2) (summarised per series; --all lists every pair)"))
        #expect(!lines.contains { $0.hasPrefix("    2021 turnover") })
        #expect(lines.contains("    2019 turnover: \(value) disagreeing pairs among \(n) figures from \(n) sources, values 300 M–1,299.5 M"))
        #expect(lines.contains("    2019 turnover growth: \(growth) disagreeing pairs among 667 figures from 667 sources, growth 0.0 % to +49.0 %"))
        // The first pairs in list order: synthetic-0 (300 M, visibly rounded: 295–305 M) against the
        // first figure whose range starts above 305 M: 307 M (305.465–308.535 M), synthetic-14.
        #expect(lines.contains("      e.g. 2019 turnover: 300 M (synthetic-0) vs 307 M (synthetic-14)"))
        #expect(lines.contains("      and \(value - 3) more pairs"))
        #expect(lines.contains("      and \(growth - 3) more pairs"))
    }

    @Test func manySeriesWithConflictsAreCountedAfterTheFirstHundred() throws {
        var doc = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.seed)) as! [String: Any]
        var sources = doc["sources"] as! [[String: Any]]
        var trade = doc["trade"] as! [[String: Any]]
        sources += [["id": "synthetic-a", "publisher": "Synthetic A"], ["id": "synthetic-b", "publisher": "Synthetic B"]]
        // 75 years before the bundled ones, the full year and January–June of each stated twice, 11 %
        // apart: 150 series, one pair each.
        for year in 1900..<1975 {
            for months: [Int]? in [nil, [1, 6]] {
                for (source, usd) in [("synthetic-a", 100e6), ("synthetic-b", 111e6)] {
                    var o: [String: Any] = ["year": year, "flow": "turnover", "usd": usd, "kind": "stated", "source": source]
                    if let months { o["months"] = months }
                    trade.append(o)
                }
            }
        }
        doc["sources"] = sources
        doc["trade"] = trade
        let path = NSTemporaryDirectory() + "tradedash-many-series-\(getpid()).json"
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CommandLineTests().run(["validate", path])
        #expect(r.status == 0, "\(r.stdout.prefix(500))")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        // The bundled data's one series with conflicts (2023's growth, two pairs) comes first in the
        // file, then 99 synthetic ones (1900 to 1949's full year) make the 100 shown; the other 51
        // are counted. 100 M is rounded to 10 M (95–105 M); 111 M allows 110.4–111.6 M: they do not meet.
        #expect(lines.contains("  conflicts between sources: 152 (summarised per series; --all lists every pair)"))
        #expect(lines.contains("    1900 turnover: 100 M (synthetic-a) vs 111 M (synthetic-b)"))
        #expect(lines.contains("    2023 turnover: growth +28.0 % (inform-kz-four-fold) vs +22.5 % (newscentralasia-2024-05-03)"))
        #expect(lines.contains("    1948 Jan–Jun turnover: 100 M (synthetic-a) vs 111 M (synthetic-b)"))
        #expect(lines.contains("    1949 turnover: 100 M (synthetic-a) vs 111 M (synthetic-b)"))
        #expect(!lines.contains { $0.hasPrefix("    1949 Jan–Jun") })
        #expect(lines.contains("    and 51 more series where sources disagree (51 pairs); --all lists every pair"))
        #expect(lines.count < 120, "\(lines.count) lines")
    }

    @Test func allListsEveryPair() throws {
        let n = 120
        let path = try Self.disagreeingFile(n)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CommandLineTests().run(["validate", "--all", path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let (value, growth) = Self.pairs(n)
        #expect(lines.contains("  conflicts between sources: \(value + growth + 2)"))
        let listed = lines.filter { $0.hasPrefix("    2019 turnover: ") }
        #expect(listed.count == value + growth)
        #expect(listed.filter { $0.contains("growth") }.count == growth)
        #expect(!lines.contains { $0.contains("disagreeing pairs among") })
    }

    /// The summary counts goods lists and their items (with the years they span) and indicators
    /// with their values; a broken goods item is reported with its place and fails.
    @Test func goodsAndIndicatorsAreCounted() throws {
        let text = """
        {"schema": 1, "title": "t", "asOf": "2025-12-01", "countries": [{"code": "KZ", "name": "K"}, {"code": "TM", "name": "T"}],
         "sources": [{"id": "s1", "publisher": "P"}, {"id": "s2", "publisher": "Q"}],
         "composition": [{"id": "a", "year": 2015, "from": "KZ", "to": "TM", "source": "s1", "goods": [{"name": "flour"}, {"name": "iron"}]},
                         {"id": "b", "year": 2023, "months": [1, 6], "from": "KZ", "to": "TM", "source": "s1",
                          "goods": [{"name": "wheat", "quantity": 259, "unit": "kt"}]}],
         "indicators": [{"id": "rail", "title": "Rail cargo", "unit": "Mt", "values": [{"year": 2023, "value": 1.3, "source": "s1"},
                                                                                      {"year": 2024, "value": 1.6, "source": "s1"},
                                                                                      {"year": 2019, "value": 1.245, "qualifier": "over", "source": "s1"},
                                                                                      {"year": 2019, "value": 1, "source": "s2"}]},
                        {"id": "gas", "title": "Gas delivered", "unit": "bcm", "values": []}]}
        """
        let path = NSTemporaryDirectory() + "tradedash-goods-\(getpid()).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CommandLineTests().run(["validate", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("  goods: 2 lists, 3 items (2015–2023); indicators: 2 (4 values)\n"), "\(r.stdout)")
        #expect(r.stdout.contains("  conflicts between indicator values: 1\n    2019 Rail cargo: over 1.245 Mt (s1) vs 1 Mt (s2)\n"), "\(r.stdout)")

        let broken = text.replacingOccurrences(of: #""unit": "kt""#, with: #""unit": "tons""#)
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let b = try CommandLineTests().run(["validate", path])
        #expect(b.status != 0)
        #expect((b.stdout + b.stderr).contains("composition[1].goods[0].unit: unknown value \"tons\""), "\(b.stdout)")
        #expect((b.stdout + b.stderr).contains("(line 5)"), "\(b.stdout)")
    }

    /// A file with thousands of problems: the first 200 and a count; --all lists every one; the
    /// dashboard and render print the same 200 and the count on stderr. Exit 1 each time.
    @Test func manyProblemsAreCappedUnlessAll() throws {
        let items = (0..<1_000).map { _ in #"{"name": "x", "usd": -1}"# }.joined(separator: ", ")
        let text = """
        {"schema": 1, "title": "t", "asOf": "2025-12-01", "countries": [{"code": "KZ", "name": "K"}, {"code": "TM", "name": "T"}],
         "sources": [{"id": "s1", "publisher": "P"}],
         "composition": [{"id": "a", "year": 2024, "from": "KZ", "to": "TM", "source": "s1", "goods": [\(items)]}]}
        """
        let path = NSTemporaryDirectory() + "tradedash-many-problems-\(getpid()).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CommandLineTests().run(["validate", path])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 201, "\(lines.count) lines")
        #expect(lines[0].hasSuffix("composition[0].goods[0].usd: must not be negative (-1) (line 3)"), "\(lines[0])")
        #expect(lines.last == "\(path): and 800 more problems (--all lists every one)")
        let all = try CommandLineTests().run(["validate", "--all", path])
        #expect(all.status == 1 && all.stdout.split(separator: "\n").count == 1_000)
        let render = try CommandLineTests().run(["render", "--data", path])
        #expect(render.status == 1)
        let err = render.stderr.split(separator: "\n").map(String.init)
        #expect(err.count == 201 && err.last == "\(path): and 800 more problems (tradedash validate --all lists every one)", "\(err.suffix(2))")
    }

    /// docs/data-format.md's short example is a valid dataset, goods and indicators included.
    @Test func theDocumentedExampleIsValid() throws {
        let doc = try String(contentsOf: CommandLineTests.root.appendingPathComponent("docs/data-format.md"), encoding: .utf8)
        let example = try #require(doc.components(separatedBy: "## A short example").last)
        let json = try #require(example.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "\n```").first)
        let path = NSTemporaryDirectory() + "tradedash-doc-example-\(getpid()).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try CommandLineTests().run(["validate", path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("  goods: 1 list, 2 items (2025); indicators: 2 (1 value)"), "\(r.stdout)")
    }

    /// Many conflicting indicator values: the first 10 pairs and a count; --all lists every one.
    @Test func indicatorConflictsAreCappedUnlessAll() throws {
        let sources = (0..<12).map { #"{"id": "s\#($0)", "publisher": "P"}"# }.joined(separator: ", ")
        let values = (0..<12).map { #"{"year": 2019, "value": \#(1 + Double($0) * 0.5), "source": "s\#($0)"}"# }.joined(separator: ", ")
        let text = """
        {"schema": 1, "title": "t", "asOf": "2025-12-01", "countries": [{"code": "KZ", "name": "K"}, {"code": "TM", "name": "T"}],
         "sources": [\(sources)],
         "indicators": [{"id": "rail", "title": "Rail cargo", "unit": "Mt", "values": [\(values)]}]}
        """
        let path = NSTemporaryDirectory() + "tradedash-indicator-pairs-\(getpid()).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        // 12 values 0.5 Mt apart, each allowing at most ±0.05 Mt (or ±0.5 % of it): every pair conflicts.
        let r = try CommandLineTests().run(["validate", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("  conflicts between indicator values: 66\n"), "\(r.stdout)")
        #expect(r.stdout.contains("    and 56 more pairs (--all lists every one)\n"), "\(r.stdout)")
        let all = try CommandLineTests().run(["validate", "--all", path])
        #expect(all.stdout.split(separator: "\n").filter { $0.hasPrefix("    2019 Rail cargo: ") }.count == 66)
    }
}
