import Foundation
import Testing

/// `tradedash config` and `--config` on the command line. Every run points XDG_CONFIG_HOME at a
/// temporary folder, so that the user's own config file is never read.
@Suite struct ConfigCommandTests {
    /// A temporary XDG_CONFIG_HOME, with `text` as its tradedash/config.toml when given.
    final class Home {
        let dir: String
        var file: String { dir + "/tradedash/config.toml" }
        init(_ text: String? = nil) throws {
            dir = NSTemporaryDirectory() + "tradedash-config-\(getpid())-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir + "/tradedash", withIntermediateDirectories: true)
            if let text { try text.write(toFile: file, atomically: true, encoding: .utf8) }
        }
        func write(_ name: String, _ text: String) throws -> String {
            let p = dir + "/" + name
            try text.write(toFile: p, atomically: true, encoding: .utf8)
            return p
        }
        /// Called by a `defer` (a deinit could run as soon as the last use, before a process reads the file).
        func remove() { try? FileManager.default.removeItem(atPath: dir) }
    }

    func run(_ args: [String], xdg: String?, home: String = "/nonexistent-home") throws -> TerminalProcess.Result {
        let bin = try TerminalBinary.path.get()
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        env["HOME"] = home
        env["XDG_CONFIG_HOME"] = xdg
        if xdg == nil { env.removeValue(forKey: "XDG_CONFIG_HOME") }
        env.removeValue(forKey: "NO_COLOR")
        return TerminalProcess.run([bin] + args, environment: env)
    }

    @Test func pathFollowsXDGAndSaysWhetherTheFileExists() throws {
        let h = try Home()
        defer { h.remove() }
        var r = try run(["config", "--path"], xdg: h.dir)
        #expect(r.status == 0 && r.stdout == h.file + "\n", "\(r.stdout)")
        #expect(r.stderr.contains("does not exist"), "\(r.stderr)")
        _ = try h.write("tradedash/config.toml", "theme = \"mono\"\n")
        r = try run(["config", "--path"], xdg: h.dir)
        #expect(r.stdout == h.file + "\n" && r.stderr == "exists\n", "\(r.stderr)")
        // Empty or relative: ignored (XDG spec), HOME's .config instead.
        for x in ["", "relative/dir"] {
            r = try run(["config", "--path"], xdg: x, home: "/home/someone")
            #expect(r.stdout == "/home/someone/.config/tradedash/config.toml\n", "XDG_CONFIG_HOME=\(x): \(r.stdout)")
        }
        r = try run(["config", "--path"], xdg: nil, home: "")
        #expect(r.status == 1 && r.stderr.contains("no config path"), "\(r.stderr)")
    }

    @Test func thePrintedDefaultChecksCleanly() throws {
        let h = try Home()
        defer { h.remove() }
        let d = try run(["config", "--print-default"], xdg: h.dir)
        #expect(d.status == 0 && d.stdout.contains("[keys]") && d.stdout.contains("quit"))
        _ = try h.write("tradedash/config.toml", d.stdout)
        let c = try run(["config", "--check"], xdg: h.dir)
        #expect(c.status == 0 && c.stdout == h.file + ": OK\n", "\(c.stdout)\(c.stderr)")
        // The dashboard's render with that file is the render without one.
        let with = try run(["render", "--config", h.file, "--width", "100", "--height", "30", "--color", "never"], xdg: h.dir)
        let without = try run(["render", "--width", "100", "--height", "30", "--color", "never"], xdg: h.dir)
        #expect(with.status == 0 && with.stdout == without.stdout)
    }

    @Test func checkListsEveryProblemWithLineAndColumnAndExitsOne() throws {
        let h = try Home("theme = \"purple\"\nmouse = 1\n[keys]\ncopy-row = [\"q\"]\n")
        defer { h.remove() }
        let r = try run(["config", "--check"], xdg: h.dir)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.first == "\(h.file):1:9: unknown theme \"purple\"; expected color, mono or ascii", "\(lines)")
        #expect(lines.dropFirst().first?.hasPrefix("\(h.file):2:9: mouse must be true or false") == true, "\(lines)")
        #expect(lines.dropFirst(2).first == "\(h.file):4:13: \"q\" for copy-row is already bound to quit while browsing", "\(lines)")
        #expect(lines.last?.contains("3 problems") == true)
        // A named file that does not exist is a problem; the default one's absence is not.
        let missing = try run(["config", "--check", h.dir + "/nope.toml"], xdg: h.dir)
        #expect(missing.status == 1 && missing.stderr.contains("nope.toml"), "\(missing.stderr)")
        let empty = try Home()
        defer { empty.remove() }
        let absent = try run(["config", "--check"], xdg: empty.dir)
        #expect(absent.status == 0 && absent.stdout.contains("does not exist"), "\(absent.stdout)")
        // A directory where the file should be.
        let dirPath = h.dir + "/adir.toml"
        try FileManager.default.createDirectory(atPath: dirPath, withIntermediateDirectories: true)
        let dir = try run(["config", "--check", dirPath], xdg: h.dir)
        #expect(dir.status == 1 && dir.stderr.hasPrefix(dirPath + ": "), "\(dir.stderr)")
    }

    @Test func renderReadsNoConfigUnlessNamedAndFlagsBeatIt() throws {
        let h = try Home("screen = \"sources\"\ntheme = \"ascii\"\n[keys]\ndetail = [\"x\"]\nquit = [\"Q\"]\n")
        defer { h.remove() }
        let size = ["--width", "100", "--height", "30", "--color", "never"]
        let plain = try run(["render"] + size, xdg: h.dir)
        let overview = try run(["render", "--screen", "overview", "--no-config"] + size, xdg: h.dir)
        #expect(plain.status == 0 && plain.stdout == overview.stdout, "render reads no config by default")

        // The footer (the last line) shows the file's keys; the rest is the same screen.
        func body(_ r: TerminalProcess.Result) -> [Substring] { Array(r.stdout.split(separator: "\n").dropLast()) }
        func footer(_ r: TerminalProcess.Result) -> String { r.stdout.split(separator: "\n").last.map(String.init) ?? "" }
        let fromFile = try run(["render", "--config", h.file] + size, xdg: h.dir)
        let sourcesAscii = try run(["render", "--screen", "sources", "--theme", "ascii"] + size, xdg: h.dir)
        #expect(fromFile.status == 0 && body(fromFile) == body(sourcesAscii), "\(fromFile.stderr)")
        #expect(footer(fromFile).contains("x detail") && footer(fromFile).contains("Q quit"), "\(footer(fromFile))")
        #expect(footer(sourcesAscii).contains("Enter detail") && footer(sourcesAscii).contains("q quit"))

        let flagged = try run(["render", "--config", h.file, "--screen", "trade", "--theme", "color"] + size, xdg: h.dir)
        let trade = try run(["render", "--screen", "trade"] + size, xdg: h.dir)
        #expect(body(flagged) == body(trade) && body(flagged) != body(fromFile), "flags beat the file")

        // The file's keys drive --keys, and the help shows them.
        let x = try run(["render", "--config", h.file, "--keys", "x"] + size, xdg: h.dir)
        let enter = try run(["render", "--screen", "sources", "--theme", "ascii", "--keys", "<enter>"] + size, xdg: h.dir)
        #expect(body(x) == body(enter) && body(x) != body(fromFile))
        let help = try run(["render", "--config", h.file, "--keys", "?"] + size, xdg: h.dir)
        #expect(help.stdout.contains("Q  Ctrl-C") && help.stdout.contains("quit"), "\(help.stdout)")
        #expect(!help.stdout.contains("q  Ctrl-C"))
    }

    @Test func renderWithABrokenConfigFailsWithItsProblems() throws {
        let h = try Home("screen = \"nowhere\"\n")
        defer { h.remove() }
        let r = try run(["render", "--config", h.file, "--width", "100", "--height", "30"], xdg: h.dir)
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.contains("\(h.file):1:10: unknown screen \"nowhere\""), "\(r.stderr)")
        let both = try run(["render", "--config", h.file, "--no-config"], xdg: h.dir)
        #expect(both.status != 0 && both.stderr.contains("cannot be used together"), "\(both.stderr)")
    }

    @Test func aConfigDataPathIsRelativeToTheFile() throws {
        let h = try Home()
        defer { h.remove() }
        let bundled = try run(["render", "--width", "100", "--height", "30", "--color", "never"], xdg: h.dir)
        // A data file that does not exist, named relative to the config file: the error names it where it was looked for.
        _ = try h.write("tradedash/config.toml", "data = \"missing.json\"\n")
        let r = try run(["render", "--config", h.file, "--width", "100", "--height", "30"], xdg: h.dir)
        #expect(r.status == 1 && r.stderr.contains(h.dir + "/tradedash/missing.json"), "\(r.stderr)")
        #expect(bundled.status == 0)
    }
}
