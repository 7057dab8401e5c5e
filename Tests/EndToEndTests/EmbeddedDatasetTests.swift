import Foundation
import Testing
import TradeModel

/// The bundled dataset inside the binary: found with no source tree and no data file, named as
/// "the bundled dataset (embedded)", replaced by TRADEDASH_SEEDS and --data, and never reloaded.
@Suite struct EmbeddedDatasetTests {
    static let seed = BundledDataset.sourceTreePath

    /// The test's environment without TRADEDASH_SEEDS or a config file, plus `extra`.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TRADEDASH_SEEDS")
        env["SWIFT_BACKTRACE"] = "enable=no"
        env["XDG_CONFIG_HOME"] = "/nonexistent/tradedash-tests"
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs `binary` with `args` in the directory `cwd`.
    static func run(_ args: [String], binary: String? = nil, cwd: String = "/", environment extra: [String: String] = [:]) throws -> TerminalProcess.Result {
        let bin = try binary ?? TerminalBinary.path.get()
        return TerminalProcess.run(["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", cwd, bin] + args, environment: environment(extra))
    }

    /// A temporary directory, removed after `body`.
    static func withDirectory(_ body: (String) throws -> Void) throws {
        let dir = NSTemporaryDirectory() + "/tradedash-embedded-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    /// The bundled dataset with another title, as `dir/kazakhstan-turkmenistan.json`.
    static func retitledCopy(in dir: String, title: String) throws -> String {
        let text = try String(contentsOfFile: seed, encoding: .utf8)
        let original = try DatasetLoader.load(path: seed).title
        let changed = text.replacingOccurrences(of: "\"title\": \"\(original)\"", with: "\"title\": \"\(title)\"")
        try #require(changed != text, "the seed's title field was not found")
        let path = dir + "/" + BundledDataset.fileName
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("--version: the version, and the embedded dataset's title and as-of date")
    func versionNamesTheEmbeddedDataset() throws {
        let d = try DatasetLoader.load(path: Self.seed)
        let size = try FileManager.default.attributesOfItem(atPath: Self.seed)[.size] as? Int
        let r = try Self.run(["--version"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "tradedash 0.1.0", "\(r.stdout)")
        #expect(lines.count == 2 && lines[1] == "embedded dataset: \(d.title), as of \(d.asOf.iso) (seeds/\(BundledDataset.fileName), \(size ?? -1) bytes)",
                "\(r.stdout)")
    }

    @Test("a copy of the binary elsewhere, run from /, shows the bundled data with no source tree")
    func worksWithoutTheSourceTree() throws {
        try Self.withDirectory { dir in
            let copy = dir + "/tradedash"
            try FileManager.default.copyItem(atPath: try TerminalBinary.path.get(), toPath: copy)
            let args = ["render", "--screen", "overview", "--width", "100", "--height", "30", "--color", "never"]
            let embedded = try Self.run(args, binary: copy)
            #expect(embedded.status == 0, "\(embedded.stderr)")
            let fromFile = try Self.run(args + ["--data", Self.seed], binary: copy)
            #expect(fromFile.status == 0, "\(fromFile.stderr)")
            #expect(embedded.stdout == fromFile.stdout, "the embedded copy draws what the file draws")
            #expect(embedded.stdout.contains("Kazakhstan–Turkmenistan"))

            let validate = try Self.run(["validate"], binary: copy)
            #expect(validate.status == 0, "\(validate.stderr)")
            #expect(validate.stdout.hasPrefix("the bundled dataset (embedded): OK: Kazakhstan–Turkmenistan (schema 1, as of "), "\(validate.stdout)")
        }
    }

    @Test("TRADEDASH_SEEDS replaces the embedded copy; --data beats both; a missing or broken file is an error, not a fallback")
    func seedsDirectoryOverrides() throws {
        try Self.withDirectory { dir in
            let path = try Self.retitledCopy(in: dir, title: "Kazakhstan–Turkmenistan, a test copy")
            let validate = try Self.run(["validate"], environment: ["TRADEDASH_SEEDS": dir])
            #expect(validate.status == 0, "\(validate.stderr)")
            #expect(validate.stdout.hasPrefix("\(path): OK: Kazakhstan–Turkmenistan, a test copy (schema 1"), "\(validate.stdout)")
            let render = try Self.run(["render", "--width", "100", "--height", "30", "--color", "never"], environment: ["TRADEDASH_SEEDS": dir])
            #expect(render.stdout.contains("a test copy"), "\(render.stdout)")
            let data = try Self.run(["render", "--width", "100", "--height", "30", "--color", "never", "--data", Self.seed], environment: ["TRADEDASH_SEEDS": dir])
            #expect(data.status == 0 && !data.stdout.contains("a test copy"), "--data beats TRADEDASH_SEEDS")

            let missing = try Self.run(["validate"], environment: ["TRADEDASH_SEEDS": dir + "/nowhere"])
            #expect(missing.status == 1)
            #expect(missing.stdout.contains("\(dir)/nowhere/\(BundledDataset.fileName): cannot read the file: no such file"), "\(missing.stdout)")

            try Data("{\"schema\": 1,".utf8).write(to: URL(fileURLWithPath: path))
            let broken = try Self.run(["render", "--width", "100", "--height", "30"], environment: ["TRADEDASH_SEEDS": dir])
            #expect(broken.status == 1)
            #expect(broken.stderr.hasPrefix(path + ": "), "\(broken.stderr)")
            #expect(broken.stdout.isEmpty)
        }
    }

    @Test("import --output without --data starts from the embedded copy, which its messages name")
    func importStartsFromTheEmbeddedCopy() throws {
        try Self.withDirectory { dir in
            let csv = dir + "/TradeData_2023.csv"
            try Data(ImportCommandTests.csv.utf8).write(to: URL(fileURLWithPath: csv))
            let out = dir + "/new.json"
            let r = try Self.run(["import", "comtrade", csv, "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("Wrote \(out): 5 observations, 2 composition entries and 1 source added."), "\(r.stdout)")
            let bundled = try DatasetLoader.load(path: Self.seed)
            let written = try DatasetLoader.load(path: out)
            #expect(written.trade.count == bundled.trade.count + 5)
            #expect(written.title == bundled.title)
        }
    }
}

/// `r` in the dashboard: the embedded copy cannot change, and the status line says so; a file named
/// by TRADEDASH_SEEDS is reloaded as any file.
@Suite("Reload of the embedded dataset in tmux", .serialized, .enabled(if: TerminalTools.tmux != nil, "tmux is not installed (apt-get install tmux): skipping the real-terminal tests"))
struct TerminalEmbeddedReloadTests {
    @Test("r on the embedded dataset: the data stays and the status line says it cannot change")
    func reloadOfTheEmbeddedCopy() throws {
        if let why = TerminalTools.tmuxSkipReason { throw TerminalSkip(why) }
        let t = TerminalTmux(script: TerminalTmux.dashboardScript(unset: ["TRADEDASH_SEEDS"]), width: 120, height: 40)
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"), "\(t.text)")
        t.send("2")
        #expect(TerminalWait.until { t.text.contains("Period") }, "\(t.text)")
        t.send("r")
        #expect(TerminalWait.until { t.text.contains("Nothing to reload: the bundled dataset is embedded in this binary and cannot change") }, "\(t.text)")
        #expect(!t.text.contains("Reloaded") && !t.text.contains("Reload failed"))
        #expect(t.text.contains("Period"), "still on the Trade screen")
        t.send("q")
        #expect(t.waitForExit()?.status == 0, "\(t.joinedText)")
    }

    @Test("r on the TRADEDASH_SEEDS file reloads it")
    func reloadOfTheSeedsDirectory() throws {
        if let why = TerminalTools.tmuxSkipReason { throw TerminalSkip(why) }
        try EmbeddedDatasetTests.withDirectory { dir in
            let path = try EmbeddedDatasetTests.retitledCopy(in: dir, title: "Kazakhstan–Turkmenistan, a test copy")
            let t = TerminalTmux(script: TerminalTmux.dashboardScript(environment: ["TRADEDASH_SEEDS": dir]), width: 120, height: 40)
            defer { t.close() }
            #expect(t.waitForDashboard(containing: "a test copy"), "\(t.text)")
            _ = try EmbeddedDatasetTests.retitledCopy(in: dir, title: "Kazakhstan–Turkmenistan, reloaded")
            t.send("r")
            #expect(TerminalWait.until { t.text.contains("Reloaded \(path)") && t.text.contains("reloaded") }, "\(t.text)")
            t.send("q")
            #expect(t.waitForExit()?.status == 0, "\(t.joinedText)")
        }
    }
}
