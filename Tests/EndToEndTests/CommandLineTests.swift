import Foundation
import Testing

/// The command line as a script sees it: exit codes, stdout, stderr.
@Suite struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("Tests/TradeModelTests/Corpus")

    func run(_ args: [String], environment: [String: String]? = nil) throws -> TerminalProcess.Result {
        let bin = try TerminalBinary.path.get()
        var env = environment ?? ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        return TerminalProcess.run([bin] + args, environment: env)
    }

    @Test func validateSummarisesTheBundledDataset() throws {
        let r = try run(["validate"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("OK: Kazakhstan–Turkmenistan"))
        #expect(r.stdout.contains("latest full-year turnover: 2024: over USD 555 M"))
        #expect(r.stdout.contains("years covered: 2011–2025"))
        // 2021's 254.3 M and "about 250 M" agree (rounding); 2023's growth rates do not: two pairs.
        #expect(r.stdout.contains("conflicts between sources: 2"))
        #expect(!r.stdout.contains("2021 turnover: 254.3 M"))
        #expect(r.stdout.contains("2023 turnover: growth +28.0 % (inform-kz-four-fold) vs +22.5 % (newscentralasia-2024-05-03)"))
    }

    @Test func everyBrokenFileExitsOneWithItsProblems() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 25)
        for f in files {
            let path = Self.corpus.appendingPathComponent(f).path
            let r = try run(["validate", path])
            #expect(r.status == 1, "\(f): exit \(r.status)")
            let lines = r.stdout.split(separator: "\n")
            #expect(!lines.isEmpty, "\(f): no problem printed")
            #expect(lines.allSatisfy { $0.hasPrefix(path + ": ") }, "\(f): every line is FILE: path: message")
        }
    }

    @Test func validateReportsEachFileAndFailsIfAnyFails() throws {
        let good = Self.root.appendingPathComponent("seeds/kazakhstan-turkmenistan.json").path
        let bad = Self.corpus.appendingPathComponent("15-unknown-source.json").path
        let r = try run(["validate", good, bad, "/nonexistent.json"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(good): OK"))
        #expect(r.stdout.contains("\(bad): trade["))
        #expect(r.stdout.contains("/nonexistent.json: cannot read the file: no such file"))
    }

    /// A review: `render --height 5` printed the too-small notice with status 0, as if it were a screen.
    @Test func renderBelowTheMinimumSizeIsStatus1() throws {
        let r = try run(["render", "--screen", "trade", "--width", "100", "--height", "5", "--color", "never"])
        #expect(r.status == 1, "status \(r.status)")
        #expect(r.stdout.contains("terminal too small: 100×5 (needs 60×20)"), "what the dashboard shows is still printed: \(r.stdout)")
        #expect(r.stderr.contains("render needs at least 60×20"), "\(r.stderr)")
        let ok = try run(["render", "--screen", "trade", "--width", "60", "--height", "20", "--color", "never"])
        #expect(ok.status == 0 && ok.stderr.isEmpty, "at the minimum: \(ok.status) \(ok.stderr)")
    }

    @Test func renderPrintsTheTargetScreen() throws {
        let r = try run(["render", "--screen", "target", "--width", "100", "--height", "30"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("2024 (latest full year): over USD 555 M = at least 55.5 % of 1,000 M; at most 445 M to go"))
        // The 2025 estimate: over 555 M × 1.054 = at least 584.97 M, shown rounded down (≥584.9 M: ≥585 M
        // would claim more); (1000 / 584.97)^(1/2) − 1 = at most 30.75 %, shown rounded up.
        #expect(r.stdout.contains("2025 estimate: ≥584.9 M^"))
        #expect(r.stdout.contains("Needed: at most +30.8 % a year in 2026–2027, after the 2025 estimate"))
        // 584.97 × 1.054^n ≥ 1,000: n = ln 1.70949 / ln 1.054 = 10.2 → 11 → 2036.
        #expect(r.stdout.split(separator: "\n").contains { $0.contains("+5.4 % Jan–Sep 2025 pace") && $0.contains("≤2036") })
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 30)
        #expect(!r.stdout.contains("\u{1B}"), "a pipe gets no escape codes with --color auto")
    }

    @Test func renderColourModes() throws {
        let always = try run(["render", "--color", "always", "--width", "80", "--height", "24"])
        #expect(always.stdout.contains("\u{1B}["))
        let never = try run(["render", "--color", "never", "--width", "80", "--height", "24"])
        #expect(!never.stdout.contains("\u{1B}"))
        let ascii = try run(["render", "--ascii", "--screen", "infrastructure", "--width", "120", "--height", "40"])
        #expect(ascii.status == 0)
        #expect(ascii.stdoutBytes.allSatisfy { $0 < 0x80 }, "--ascii output is 7-bit")
    }

    @Test func renderKeysOpenADetail() throws {
        let r = try run(["render", "--screen", "energy", "--keys", "<enter>", "--width", "100", "--height", "30"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Sources ("))
    }

    /// The sort is part of the state: `render --keys s` shows the Sources sorted by date.
    @Test func renderKeysSortTheSourcesByDate() throws {
        let r = try run(["render", "--screen", "sources", "--keys", "s", "--width", "100", "--height", "30", "--color", "never"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Date▲"))
        #expect(r.stdout.contains("Sorted by date, oldest first"))
        let reversed = try run(["render", "--screen", "sources", "--keys", "sS", "--width", "100", "--height", "30", "--ascii", "--color", "never"])
        #expect(reversed.stdout.contains("Datev"), "ASCII marks descending with v")
        #expect(reversed.stdout.contains("newest first"))
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let screen = try run(["render", "--screen", "nowhere"])
        #expect(screen.status == 64)
        #expect(screen.stderr.contains("unknown screen \"nowhere\""))
        let width = try run(["render", "--width", "0"])
        #expect(width.status == 64)
        let key = try run(["render", "--keys", "<nokey>"])
        #expect(key.status == 64)
        #expect(key.stderr.contains("unknown key <nokey>"))
        let theme = try run(["render", "--theme", "neon"])
        #expect(theme.status == 64)
        let unclosed = try run(["render", "--keys", "<enter"])
        #expect(unclosed.status == 64, "an unclosed <name is not typed as the letters e, n, t, e, r (r would reload)")
        #expect(unclosed.stderr.contains("unclosed <"))
    }

    @Test func renderRefusesABrokenDataFile() throws {
        let bad = Self.corpus.appendingPathComponent("14-unknown-status.json").path
        let r = try run(["render", "--data", bad])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(bad): deals[0].status: unknown value"))
        #expect(r.stdout.isEmpty)
    }

    @Test func versionAndHelp() throws {
        let v = try run(["--version"])
        #expect(v.status == 0)
        // The version, then the embedded dataset (EmbeddedDatasetTests checks that line).
        #expect(v.stdout.split(separator: "\n").first == "tradedash 0.1.0", "\(v.stdout)")
        let h = try run(["--help"])
        #expect(h.status == 0)
        for word in ["render", "validate", "import"] { #expect(h.stdout.contains(word)) }
    }
}
