import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `tradedash-serve`'s window limit and its faults of the data file (issue 14), with the OpenSSH
/// client in tmux. Loopback only, each step bounded in time.
extension ServeTests {
    @Suite("Window limit, client environment and data faults")
    struct WindowAndData {
        typealias S = Sessions

        @Test("a window over --max-window is refused in one line; a resize past it is drawn at the limit and told at the end")
        func maxWindow() throws {
            let server = try ServeServer(arguments: ["--max-window", "90x26"])
            defer { server.stop() }
            #expect(server.log.contains("max-window=90x26"), "the limit is on the listening line:\n\(server.log)")

            let big = TerminalTmux(script: S.script(server), width: 100, height: 30)
            defer { big.close() }
            let refused = try #require(big.waitForExit(timeout: 15), "ssh at 100×30 did not end:\n\(big.text)\n\(server.log)")
            #expect(refused.status == 1, "status of a refused session")
            #expect(big.text.contains("tradedash serve: your window is 100x30; this server draws at most 90x26 (--max-window)"), "\(big.text)")
            #expect(server.log.contains("session refused: window 100x30 is over --max-window 90x26"), "\(server.log)")
            big.close()

            let t = TerminalTmux(script: S.script(server), width: 80, height: 24)
            defer { t.close() }
            S.expectScreen(t, server, try S.expected(width: 80, height: 24), "80×24 is within the limit")
            t.resize(width: 100, height: 30)
            S.expectScreen(t, server, try S.expected(width: 90, height: 26), "grown to 100×30: drawn at 90×26")
            #expect(TerminalWait.until(timeout: 5) { server.log.contains("window 100x30 is over --max-window 90x26: drawn at 90x26") }, "\(server.log)")
            t.resize(width: 85, height: 22)
            S.expectScreen(t, server, try S.expected(width: 85, height: 22), "shrunk to 85×22: drawn at that size")
            t.send("q")
            let exit = try #require(t.waitForExit(), "ssh did not end after q:\n\(t.text)")
            #expect(exit.status == 0)
            #expect(t.joinedText.contains("tradedash serve: your window grew to 100x30, larger than this server's 90x26 (--max-window)"),
                    "told at the end:\n\(t.joinedText)")
        }

        @Test("the client's LANG and NO_COLOR reach the dashboard: 7-bit characters and no colour, as locally")
        func clientEnvironment() throws {
            let server = try ServeServer()
            defer { server.stop() }
            let t = TerminalTmux(script: S.script(server, options: ["-tt", "-o", "SetEnv=LANG=C NO_COLOR=1"]), width: 80, height: 24)
            defer { t.close() }
            S.expectScreen(t, server, try TerminalDashboardTests.expected(screen: 1, width: 80, height: 24, ascii: true), "LANG=C: ASCII")
            #expect(TerminalANSI.colorCodes(t.styledText).isEmpty, "NO_COLOR: no colour reaches the client:\n\(t.styledText)")
            t.send("q")
            #expect(t.waitForExit()?.status == 0)
            // Without them: UTF-8 and colour.
            let plain = TerminalTmux(script: S.script(server), width: 80, height: 24)
            defer { plain.close() }
            S.expectScreen(plain, server, try S.expected(width: 80, height: 24), "the server's default: C.UTF-8")
            #expect(!TerminalANSI.colorCodes(plain.styledText).isEmpty, "colour without NO_COLOR, or the check above proves nothing")
            plain.send("q")
            #expect(plain.waitForExit()?.status == 0)
        }

        @Test("render --width or --height over --max-window, or over 1000 --keys, is refused in one line")
        func execOverLimits() throws {
            let server = try ServeServer(arguments: ["--max-window", "90x26"])
            defer { server.stop() }
            for (command, says) in [(["render", "--width", "1000"], "--width 1000 is over this server's --max-window 90x26"),
                                    (["render", "--height=27"], "--height 27 is over this server's --max-window 90x26"),
                                    (["render", "--keys", String(repeating: "j", count: 1001)], "--keys has 1001 keys; this server takes at most 1000")] {
                let r = server.run(command)
                #expect(r.status == 1 && r.stdout.isEmpty, "\(command.joined(separator: " ").prefix(40)): status \(r.status)")
                #expect(r.stderr == "tradedash serve: \(says)\n", "\(r.stderr.debugDescription)")
            }
            let within = server.run(["render", "--width", "90", "--height", "26", "--color", "never", "--keys", String(repeating: "j", count: 1000)])
            #expect(within.status == 0 && within.stdout.split(separator: "\n").count == 26, "at the limit: \(within.status) \(within.stderr)")
        }

        @Test("at start: a data file that is a directory, missing or does not load, or an empty --listen address, is one line and status 1 or 64")
        func startChecks() throws {
            let folder = NSTemporaryDirectory() + "/serve-start-\(getpid())"
            try FileManager.default.createDirectory(atPath: folder + "/dir", withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try "{ broken".write(toFile: folder + "/bad.json", atomically: true, encoding: .utf8)
            let env = ["PATH": "/usr/bin:/bin", "XDG_STATE_HOME": folder + "/state", "SWIFT_BACKTRACE": "enable=no"]
            let dashboard = try TerminalBinary.path.get()
            for (data, says) in [("dir", "the data file \(folder)/dir is a directory"), ("none.json", "the data file \(folder)/none.json: no such file"),
                                 ("bad.json", "the dashboard cannot show the data file: \(folder)/bad.json: line 1, column 3")] {
                let r = TerminalProcess.run([ServeTools.binary!, "--listen", "127.0.0.1:0", "--public", "--dashboard", dashboard, "--data", folder + "/" + data],
                                            environment: env, timeout: 20)
                #expect(r.status == 1, "\(data): status \(r.status)")
                #expect(r.stderr.contains(says) && !r.stderr.contains("listening"), "\(data): \(r.stderr)")
            }
            let r = TerminalProcess.run([ServeTools.binary!, "--listen", ":2222", "--public"], environment: env, timeout: 20)
            #expect(r.status == 64 && r.stderr.contains("--listen needs an address before :2222"), "\(r.status) \(r.stderr)")
        }

        @Test("--max-window that is not COLSxROWS, or too small, is a usage error naming it", arguments: ["10x5", "90", "90x", "x26", "ax26", "90x4"])
        func badMaxWindow(_ value: String) throws {
            let r = TerminalProcess.run([ServeTools.binary!, "--listen", "127.0.0.1:0", "--public", "--max-window", value], timeout: 20)
            #expect(r.status != 0, "status \(r.status)")
            #expect(r.stderr.contains("--max-window must be COLSxROWS") && r.stderr.contains("\"\(value)\""), "\(r.stderr)")
        }

        /// The data file deleted and put back: an open session keeps its data and says why; a new one
        /// gets the dashboard's own error and status 1 while the file is missing, and the data again after.
        @Test("the data file deleted: the open session keeps its data, a new one is told why; put back, both read it")
        func dataDeleted() throws {
            let (seed, data) = try S.seedCopy()
            defer { try? FileManager.default.removeItem(atPath: (data as NSString).deletingLastPathComponent) }
            let server = try ServeServer(arguments: ["--data", data])
            defer { server.stop() }
            let t = TerminalTmux(script: S.script(server), width: 100, height: 30)
            defer { t.close() }
            #expect(TerminalWait.until(timeout: 15) { t.text.contains("as of 22 Feb 2026") }, "first frame:\n\(t.text)\n\(server.log)")

            try FileManager.default.removeItem(atPath: data)
            #expect(TerminalWait.until(timeout: 10) { t.text.contains("Reload failed, keeping the old data") }, "deleted:\n\(t.text)\n\(server.log)")
            #expect(t.text.contains("as of 22 Feb 2026"), "the old data stays")
            let late = server.run([], options: ["-tt"], timeout: 20)
            #expect(late.status == 1, "a new session while the file is missing: status \(late.status)")
            #expect(late.stdout.contains("data.json: cannot read the file"), "the dashboard's own error reaches the client: \(late.stdout.debugDescription)")

            try seed.replacingOccurrences(of: "\"asOf\": \"2026-02-22\"", with: "\"asOf\": \"2026-02-24\"").write(toFile: data, atomically: true, encoding: .utf8)
            #expect(TerminalWait.until(timeout: 10) { t.text.contains("as of 24 Feb 2026") }, "put back:\n\(t.text)\n\(server.log)")
            let again = TerminalTmux(script: S.script(server), width: 100, height: 30)
            defer { again.close() }
            #expect(TerminalWait.until(timeout: 15) { again.text.contains("as of 24 Feb 2026") }, "a new session after:\n\(again.text)\n--- serve log:\n\(server.log)")
            for pane in [t, again] {
                pane.send("q")
                #expect(pane.waitForExit()?.status == 0)
            }
        }
    }
}
