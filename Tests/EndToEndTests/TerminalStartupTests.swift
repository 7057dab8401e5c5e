import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Where the dashboard must not start: no terminal, or a terminal that cannot address the cursor.
/// It says so in one line that points to `tradedash render`, exits 2 and writes no escape code.
/// A broken data file is reported before the terminal is touched.
@Suite("Dashboard start-up refusals")
struct TerminalStartupTests {
    static func binary() throws -> String {
        switch TerminalBinary.path {
        case .success(let p): return p
        case .failure(let why): throw why
        }
    }

    static var cleanEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        env["NO_COLOR"] = nil
        env["TERM"] = "xterm-256color"
        // Never the user's own config file (see docs/configuration.md).
        env["XDG_CONFIG_HOME"] = "/nonexistent/tradedash-tests"
        return env
    }

    @Test("stdout piped: one line on stderr, exit 2, nothing on stdout")
    func pipedStdout() throws {
        let bin = try Self.binary()
        // stdin from a terminal would not help: stdout is what matters. Here both are not terminals.
        let r = TerminalProcess.run([bin], environment: Self.cleanEnvironment)
        #expect(r.status == 2)
        #expect(r.stdoutBytes.isEmpty, "stdout: \(r.stdout)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("standard input and output are not terminals") && r.stderr.contains("tradedash render"), "stderr: \(r.stderr)")
        #expect(!r.stderr.utf8.contains(0x1B))
    }

    @Test("stdin not a terminal, stdout a terminal: refused too, no escape code")
    func stdinNotATerminal() throws {
        let bin = try Self.binary()
        // `sh -c 'tradedash < /dev/null'` on a pseudo-terminal.
        let out = try #require(TerminalPTY.run(["/bin/sh", "-c", TerminalTmux.quote(bin) + " < /dev/null"], environment: Self.cleanEnvironment))
        #expect(out.status == 2)
        let text = String(decoding: out.output, as: UTF8.self)
        #expect(text.contains("standard input is not a terminal") && text.contains("tradedash render"), "\(text)")
        #expect(!out.output.contains(0x1B), "escape codes written: \(text.debugDescription)")
    }

    @Test("TERM that cannot address the cursor, unset or unknown: one line, exit 2, no escape code",
          arguments: ["dumb", ""])
    func badTerm(_ term: String) throws {
        let bin = try Self.binary()
        var env = Self.cleanEnvironment
        env["TERM"] = term.isEmpty ? nil : term
        let out = try #require(TerminalPTY.run([bin], environment: env))
        let text = String(decoding: out.output, as: UTF8.self)
        #expect(out.status == 2, "\(text)")
        #expect(!out.output.contains(0x1B), "escape codes written: \(text.debugDescription)")
        #expect(text.split(separator: "\n").count == 1, "\(text.debugDescription)")
        #expect(text.contains("tradedash render"))
        if term == "dumb" { #expect(text.contains("cannot move the cursor")) }
        if term.isEmpty { #expect(text.contains("TERM is not set")) }
    }

    /// A TERM with no terminfo entry here (kitty's, and a made-up one) is driven through the closest
    /// entry that exists; one line on stderr after the dashboard says which.
    @Test("a TERM without a terminfo entry falls back (xterm-kitty to xterm-256color, an unknown name to vt100) and says so after")
    func fallbackTerm() throws {
        guard TerminalTools.tmux != nil else { throw TerminalSkip("tmux is not installed (apt-get install tmux)") }
        for (term, used) in [("xterm-kitty", "xterm-256color"), ("no-such-terminal-xyz", "vt100")] {
            let t = TerminalTmux(script: TerminalTmux.dashboardScript(environment: ["TERM": term]))
            defer { t.close() }
            // vt100 has no alternate screen: the dashboard draws on the normal one.
            #expect(TerminalWait.until { t.text.contains("1 Overview") && t.text.contains("q quit") }, "\(term): \(t.text)")
            t.send("?")
            #expect(TerminalWait.until { t.lines().joined().contains("TERM=\(term) has no terminfo entry") }, "the help view says it: \(t.text)")
            t.send("Escape")
            t.send("q")
            #expect(t.waitForExit()?.status == 0, "\(term)")
            // The line wraps in the pane: its rows joined.
            #expect(TerminalWait.until { t.lines().joined().contains("tradedash: TERM=\(term) has no terminfo entry on this machine; the dashboard used \(used) instead") }, "\(t.text)")
        }
    }

    @Test("an invalid data file: every problem as FILE: path: message, exit 1, terminal untouched")
    func invalidData() throws {
        let bin = try Self.binary()
        let file = NSTemporaryDirectory() + "/tdt-bad-\(getpid()).json"
        try Data("{\"schema\": 1, \"title\": 5, \"asOf\": \"2025-13-01\"}".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let out = try #require(TerminalPTY.run([bin, "--data", file], environment: Self.cleanEnvironment))
        let text = String(decoding: out.output, as: UTF8.self)
        #expect(out.status == 1, "\(text)")
        #expect(!out.output.contains(0x1B), "escape codes written: \(text.debugDescription)")
        let lines = text.split(whereSeparator: \.isNewline)
        #expect(lines.count >= 2, "every problem is listed: \(text)")
        #expect(lines.allSatisfy { $0.hasPrefix(file + ": ") }, "\(text)")
        // And when stdout is piped too, the data problems still come first (exit 1, not 2).
        let piped = TerminalProcess.run([bin, "--data", file], environment: Self.cleanEnvironment)
        #expect(piped.status == 1)
        #expect(piped.stderr.contains(file + ": "))
    }

    @Test("a missing data file is one clear problem, exit 1")
    func missingData() throws {
        let bin = try Self.binary()
        let r = TerminalProcess.run([bin, "--data", "/nonexistent/x.json"], environment: Self.cleanEnvironment)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("/nonexistent/x.json: "), "\(r.stderr)")
    }

    @Test("a bad option is a usage error, not a crash")
    func badOption() throws {
        let bin = try Self.binary()
        let r = TerminalProcess.run([bin, "--theme", "purple"], environment: Self.cleanEnvironment)
        #expect(r.status == 64)
        #expect(r.stderr.contains("purple"))
    }
}

/// The terminal vanishing under the dashboard (its window closed, an SSH connection dropped
/// without SIGHUP reaching it): the program notices and ends instead of spinning or hanging.
@Suite("Dashboard when the terminal goes away")
struct TerminalHangupTests {
    @Test("closing the terminal ends the program quietly, without spinning")
    func terminalClosed() throws {
        let bin = try TerminalStartupTests.binary()
        let (master, slave) = try #require(TerminalPTY.open(width: 100, height: 30))
        let pid = TerminalProcess.spawn([bin], environment: TerminalStartupTests.cleanEnvironment, stdin: slave, stdout: slave, stderr: slave)
        close(slave)
        #expect(pid > 0)
        // The first frame ends with the footer's "quit".
        let frame = TerminalPTY.read(master, timeout: 10) { String(decoding: $0, as: UTF8.self).contains("quit") }
        #expect(String(decoding: frame, as: UTF8.self).contains("quit"), "no first frame")
        close(master)
        let status = TerminalPTY.wait(pid, timeout: 10)
        if status == nil { kill(pid, SIGKILL); _ = TerminalPTY.wait(pid, timeout: 5) }
        #expect(status != nil, "still running after its terminal was closed")
        #expect(status == 1 || status == 128 + SIGHUP, "exit status \(String(describing: status))")
    }
}
