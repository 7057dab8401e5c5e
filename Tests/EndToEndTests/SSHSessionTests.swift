import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard over a real OpenSSH connection (issue 13, part 5): in tmux, `ssh -tt` to the private
/// sshd runs the built tradedash on the server side, as a person on a server would.
extension SSHTests {
    @Suite("Dashboard over ssh -tt")
    struct Session {
        static let testEnvironment = ["XDG_CONFIG_HOME=/nonexistent/tradedash-tests", "SWIFT_BACKTRACE=enable=no"]

        /// The remote command: tradedash with a clean environment (sshd takes no environment from
        /// the client here, so it is set on the command line).
        static func remote(locale: [String] = ["LANG=C.UTF-8"], unset: [String] = []) throws -> [String] {
            guard case .success(let bin) = TerminalBinary.path else { throw TerminalSkip("no binary") }
            return ["env"] + unset.flatMap { ["-u", $0] } + ["-u", "NO_COLOR"] + testEnvironment + locale + [bin]
        }

        /// A pane script: the client (with `clientEnvironment`, e.g. its TERM) connects and runs
        /// `remote`; then ssh's exit status and the local tty's modes are printed, as
        /// TerminalTmux.dashboardScript does, for waitForExit.
        static func script(_ server: SSHServer, options: [String] = ["-tt"], remote: [String]?, clientEnvironment: [String: String] = [:]) -> String {
            var s = "unset NO_COLOR LC_ALL LC_CTYPE LANGUAGE\nexport LANG=C.UTF-8\n"
            for (k, v) in clientEnvironment.sorted(by: { $0.key < $1.key }) { s += "export \(k)=\(TerminalTmux.quote(v))\n" }
            var argv = server.client(options)
            if let remote { argv.append(remote.map(TerminalTmux.quote).joined(separator: " ")) }
            s += argv.map(TerminalTmux.quote).joined(separator: " ") + "\n"
            s += "echo \"__EXIT__=$?\"\nstty -a\necho __END__\nread _\n"
            return s
        }

        static func expected(screen: Int = 1, width: Int = 100, height: Int = 30, ascii: Bool = false) throws -> [String] {
            if case .failure(let why) = TerminalBinary.path { throw why }
            return try #require(TerminalRender.lines(screen: screen, width: width, height: height, ascii: ascii), "tradedash render failed")
        }

        static func expectScreen(_ t: TerminalTmux, _ server: SSHServer, _ want: [String], _ what: String, timeout: Double = 15,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
            let ok = t.waitForScreen(want, timeout: timeout)
            #expect(ok, "\(what): \(TerminalScreenText.firstDifference(t.lines(), want))\n--- pane:\n\(t.text)\n--- sshd:\n\(server.log)",
                    sourceLocation: sourceLocation)
        }

        /// Waits until the server-side dashboard has gone to sleep (start-up done), as the idle test does.
        static func settle(_ pid: pid_t) -> Bool {
            var asleep = 0
            return TerminalWait.until(timeout: 10) {
                asleep = TerminalProc.state(pid) == "S" ? asleep + 1 : 0
                return asleep >= 10
            }
        }

        @Test("the dashboard appears exactly as rendered, follows a resize, and q ends ssh with 0")
        func drawsResizesQuits() throws {
            let big = try Self.expected(width: 100, height: 30)
            let small = try Self.expected(width: 80, height: 24)
            #expect(big != small, "the layout differs between 100×30 and 80×24, or the resize check proves nothing")
            let server = try SSHServer()
            defer { server.stop() }
            let t = TerminalTmux(script: Self.script(server, remote: try Self.remote()), width: 100, height: 30)
            defer { t.close() }
            Self.expectScreen(t, server, big, "first frame over ssh")
            #expect(t.alternateScreen, "the dashboard runs on the alternate screen")
            let dash = try #require(server.dashboardPID(), "no tradedash below the sshd:\n\(server.log)")
            t.resize(width: 80, height: 24)
            Self.expectScreen(t, server, small, "after tmux resize-window to 80×24")
            t.resize(width: 100, height: 30)
            Self.expectScreen(t, server, big, "after resizing back to 100×30")
            t.send("q")
            let exit = try #require(t.waitForExit(), "ssh did not end after q:\n\(t.text)")
            #expect(exit.status == 0, "ssh's exit status (the dashboard's) after q")
            #expect(!t.alternateScreen && t.cursorVisible, "the local terminal is given back")
            #expect(TerminalWait.until(timeout: 5) { SSHProc.ended(dash) }, "the server-side dashboard still runs")
        }

        enum LostClient: String, CaseIterable, CustomTestStringConvertible {
            case sigkill, escape
            var testDescription: String { self == .sigkill ? "SIGKILL of the ssh client" : "the ~. escape" }
        }

        @Test("a lost client ends the server-side dashboard within 5 s, using no CPU meanwhile", arguments: LostClient.allCases)
        func lostClient(_ how: LostClient) throws {
            let server = try SSHServer()
            defer { server.stop() }
            let t = TerminalTmux(script: Self.script(server, options: ["-tt", "-o", "EscapeChar=~"], remote: try Self.remote()))
            defer { t.close() }
            Self.expectScreen(t, server, try Self.expected(), "first frame over ssh")
            let dash = try #require(server.dashboardPID(), "no tradedash below the sshd:\n\(server.log)")
            let client = try #require(t.programPID(), "the ssh client's pid")
            #expect(SSHProc.name(client) == "ssh", "the pane's program is \(SSHProc.name(client) ?? "?")")
            if how == .escape {
                // The escape is recognised only at the start of a line: a newline first (the
                // dashboard gets it as a key), then "~.".
                t.send("Enter")
            }
            #expect(Self.settle(dash), "the server-side dashboard never went to sleep")
            let before = try #require(TerminalProc.cpuTicks(dash))
            let start = Date()
            switch how {
            case .sigkill: kill(client, SIGKILL)
            case .escape: t.type("~.")
            }
            var last = before
            let ended = TerminalWait.until(timeout: 5) {
                if let now = TerminalProc.cpuTicks(dash) { last = now }
                return SSHProc.ended(dash)
            }
            let elapsed = Date().timeIntervalSince(start)
            #expect(ended, "the server-side dashboard (pid \(dash), state \(SSHProc.state(dash) ?? "gone")) still runs 5 s after \(how.testDescription)\n--- sshd:\n\(server.log)")
            // It waits for the lost terminal to say so; it never spins: a busy loop would use 100 ticks a second.
            #expect(last - before <= 5, "CPU ticks used between \(how.testDescription) and the end: \(last - before) (in \(elapsed) s)")
            let exit = try #require(t.waitForExit(), "the ssh client did not end:\n\(t.text)")
            #expect(exit.status == (how == .sigkill ? 128 + SIGKILL : 255), "the client's exit status: \(exit.status)")
            print("ssh \(how.rawValue): the server-side dashboard ended \(String(format: "%.2f", elapsed)) s after, using \(last - before) CPU ticks")
        }

        @Test("TERM=xterm-kitty (no terminfo entry on the server) draws")
        func kittyTerm() throws {
            let server = try SSHServer()
            defer { server.stop() }
            // The client sends its TERM with the pty request: the server sees xterm-kitty, which
            // Debian's ncurses-base has no entry for (ncurses-term does).
            let t = TerminalTmux(script: Self.script(server, remote: try Self.remote(), clientEnvironment: ["TERM": "xterm-kitty"]))
            defer { t.close() }
            // The server has no entry for xterm-kitty: the dashboard falls back to xterm-256color and draws.
            let drawn = TerminalWait.until(timeout: 10) {
                (t.alternateScreen && t.text.contains("Overview")) || t.joinedText.contains("__EXIT__=")
            }
            #expect(drawn && t.alternateScreen && t.text.contains("Overview") && t.text.contains("2 Trade"),
                    "the dashboard with TERM=xterm-kitty over ssh:\n\(t.text)")
            t.send("q")
            #expect(t.waitForExit(timeout: 5)?.status == 0, "q ends it with 0:\n\(t.text)")
            // The one-line note after it names the TERM it stood in for.
            _ = t.waitForExit(timeout: 5)
            #expect(t.joinedText.contains("xterm-kitty"), "the server side never mentions xterm-kitty:\n\(t.joinedText)")
        }

        @Test("LANG unset draws 7-bit characters, in colour")
        func posixLocale() throws {
            let ascii = try Self.expected(ascii: true)
            let server = try SSHServer()
            defer { server.stop() }
            let remote = try Self.remote(locale: [], unset: ["LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANGUAGE"])
            let t = TerminalTmux(script: Self.script(server, remote: remote))
            defer { t.close() }
            // The character set is right already: the POSIX locale draws 7-bit, as `render --ascii`.
            Self.expectScreen(t, server, ascii, "7-bit frame with LANG unset over ssh")
            #expect(t.text.unicodeScalars.allSatisfy { $0.value < 0x80 }, "only 7-bit characters:\n\(t.text)")
            // Colour and character set are separate: 7-bit, in colour.
            #expect(!TerminalANSI.colorCodes(t.styledText).isEmpty, "no colour with LANG unset over ssh")
            t.send("q")
            #expect(t.waitForExit()?.status == 0)
        }
    }
}
