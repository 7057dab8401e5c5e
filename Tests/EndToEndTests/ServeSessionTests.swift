import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `tradedash-serve` (issue 14) with the OpenSSH client: the dashboard in tmux, exec requests,
/// refusals and SIGTERM. Loopback only, each step bounded in time.
extension ServeTests {
    @Suite("Sessions and refusals")
    struct Sessions {
        static func script(_ server: ServeServer, options: [String] = ["-tt"], key: String? = nil) -> String {
            var s = "unset NO_COLOR LC_ALL LC_CTYPE LANGUAGE\nexport LANG=C.UTF-8\n"
            s += server.client(options, key: key).map(TerminalTmux.quote).joined(separator: " ") + "\n"
            s += "echo \"__EXIT__=$?\"\nstty -a\necho __END__\nread _\n"
            return s
        }

        static func expectScreen(_ t: TerminalTmux, _ server: ServeServer, _ want: [String], _ what: String, timeout: Double = 15,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
            let ok = t.waitForScreen(want, timeout: timeout)
            #expect(ok, "\(what): \(TerminalScreenText.firstDifference(t.lines(), want))\n--- pane:\n\(t.text)\n--- serve log:\n\(server.log)",
                    sourceLocation: sourceLocation)
        }

        /// The seed, and a copy of it as data.json in a folder of its own (for --data; the caller removes the folder).
        static func seedCopy() throws -> (seed: String, data: String) {
            let seed = try String(contentsOf: ValidateSummaryTests.seed, encoding: .utf8)
            let folder = NSTemporaryDirectory() + "/tradedash-serve-data-\(getpid())-\(ServeServer.counter.next())"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let data = folder + "/data.json"
            try seed.write(toFile: data, atomically: true, encoding: .utf8)
            return (seed, data)
        }

        static func expected(screen: Int = 1, width: Int = 100, height: Int = 30) throws -> [String] {
            if case .failure(let why) = TerminalBinary.path { throw why }
            return try #require(TerminalRender.lines(screen: screen, width: width, height: height), "tradedash render failed")
        }

        @Test("a listed key gets the dashboard as rendered, a resize reaches it, Ctrl-Z does not stop it, q ends ssh with 0")
        func dashboard() throws {
            let big = try Self.expected(width: 100, height: 30)
            let small = try Self.expected(width: 80, height: 24)
            #expect(big != small, "the layout differs between 100×30 and 80×24, or the resize check proves nothing")
            let server = try ServeServer()
            defer { server.stop() }
            let t = TerminalTmux(script: Self.script(server), width: 100, height: 30)
            defer { t.close() }
            Self.expectScreen(t, server, big, "first frame through tradedash-serve")
            #expect(t.alternateScreen, "the dashboard runs on the alternate screen")
            let dash = try #require(server.dashboardPID(), "no tradedash below tradedash-serve:\n\(server.log)")
            t.send("2")
            Self.expectScreen(t, server, try Self.expected(screen: 2), "key 2 reaches the dashboard (the Trade screen)")
            t.resize(width: 80, height: 24)
            Self.expectScreen(t, server, try Self.expected(screen: 2, width: 80, height: 24), "after tmux resize-window to 80×24")
            // Ctrl-Z: the dashboard's process group is orphaned (its parent is in another session),
            // so the kernel does not stop it: it takes the terminal back and goes on.
            t.send("C-z")
            Self.expectScreen(t, server, try Self.expected(screen: 2, width: 80, height: 24), "after Ctrl-Z (nothing to suspend to)")
            #expect(SSHProc.state(dash) != "T", "the dashboard is stopped, with no shell to continue it")
            t.send("q")
            let exit = try #require(t.waitForExit(), "ssh did not end after q:\n\(t.text)\n--- serve log:\n\(server.log)")
            #expect(exit.status == 0, "ssh's exit status (the dashboard's) after q")
            #expect(!t.alternateScreen && t.cursorVisible, "the local terminal is given back")
            #expect(TerminalWait.until(timeout: 5) { SSHProc.ended(dash) }, "the dashboard still runs")
            #expect(TerminalWait.until(timeout: 5) { server.log.contains("session end") && server.log.contains("status=0") },
                    "the log has the session's end:\n\(server.log)")
            let fingerprint = try #require(fingerprintOfHostKey(server), "ssh-keygen -l of the host key")
            #expect(server.log.contains("hostkey=\(fingerprint)"), "the log's host key fingerprint is ssh-keygen's \(fingerprint):\n\(server.log)")
            #expect(server.log.contains("auth accepted") && server.log.contains("serve-test-client"), "the log names the key:\n\(server.log)")
        }

        func fingerprintOfHostKey(_ server: ServeServer) -> String? {
            let r = TerminalProcess.run([SSHTools.keygen ?? "ssh-keygen", "-l", "-E", "sha256", "-f", server.hostKey], timeout: 10)
            return r.stdout.split(separator: " ").dropFirst().first.map(String.init)
        }

        /// The issue's done-when: `tradedash serve --authorized-keys keys --listen 127.0.0.1:PORT`, then
        /// `ssh -p PORT -i key 127.0.0.1` opens the dashboard.
        @Test("tradedash serve runs tradedash-serve beside it: the dashboard over ssh, q ends with 0")
        func throughTradedashServe() throws {
            let big = try Self.expected(width: 100, height: 30)
            let server = try ServeServer(throughTradedash: true)
            defer { server.stop() }
            let t = TerminalTmux(script: Self.script(server), width: 100, height: 30)
            defer { t.close() }
            Self.expectScreen(t, server, big, "first frame through tradedash serve")
            t.send("q")
            #expect(t.waitForExit()?.status == 0, "ssh's exit status after q:\n\(t.text)\n--- serve log:\n\(server.log)")
            // Every argument goes through: the help is tradedash-serve's.
            let help = TerminalProcess.run([try TerminalBinary.path.get(), "serve", "--help"], timeout: 30)
            #expect(help.status == 0 && help.stdout.contains("--authorized-keys") && help.stdout.contains("--max-per-address"), "\(help.stdout)")
        }

        /// Live data: the server watches its --data file and every dashboard reads it again (SIGUSR1,
        /// what `r` does); a broken file keeps the old data and shows the problem.
        @Test("the data file changes: the session shows the new data; a broken file keeps the old and says why")
        func liveData() throws {
            let (seed, data) = try Self.seedCopy()
            defer { try? FileManager.default.removeItem(atPath: (data as NSString).deletingLastPathComponent) }
            let server = try ServeServer(arguments: ["--data", data])
            defer { server.stop() }
            let t = TerminalTmux(script: Self.script(server), width: 100, height: 30)
            defer { t.close() }
            #expect(TerminalWait.until(timeout: 15) { t.text.contains("as of 22 Feb 2026") }, "first frame:\n\(t.text)\n\(server.log)")
            // Saved by rename, as editors do.
            try seed.replacingOccurrences(of: "\"asOf\": \"2026-02-22\"", with: "\"asOf\": \"2026-02-23\"").write(toFile: data, atomically: true, encoding: .utf8)
            #expect(TerminalWait.until(timeout: 10) { t.text.contains("as of 23 Feb 2026") }, "after the file changed:\n\(t.text)\n\(server.log)")
            #expect(server.log.contains("the data file changed: 1 dashboard told to reload"), "\(server.log)")
            try "{ broken".write(toFile: data, atomically: true, encoding: .utf8)
            #expect(TerminalWait.until(timeout: 10) { t.text.contains("Reload failed, keeping the old data") }, "a broken file:\n\(t.text)")
            #expect(t.text.contains("as of 23 Feb 2026"), "the old data stays")
            t.send("q")
            #expect(t.waitForExit()?.status == 0)
        }

        @Test("an unlisted key is refused; an RSA line in the file is skipped with a log line naming the type")
        func unlistedKey() throws {
            let rsa = NSTemporaryDirectory() + "/serve-rsa-\(getpid())"
            defer { unlink(rsa); unlink(rsa + ".pub") }
            try ServeServer.keygen(["-t", "rsa", "-b", "2048", "-C", "serve-test-rsa", "-f", rsa])
            let rsaLine = try String(contentsOfFile: rsa + ".pub", encoding: .utf8).trimmingCharacters(in: .newlines)
            let server = try ServeServer(extraKeys: [rsaLine])
            defer { server.stop() }
            #expect(server.log.contains("authorized_keys:2") && server.log.contains("ssh-rsa keys cannot be verified"),
                    "the RSA line is logged with its place and type:\n\(server.log)")
            let other = server.run(["render"], key: server.otherKey)
            #expect(other.status == 255, "ssh's status with an unlisted key: \(other.status)\n\(other.stderr)")
            #expect(other.stderr.contains("Permission denied"), "ssh says: \(other.stderr)")
            #expect(other.stdout.isEmpty, "nothing is printed to an unlisted key: \(other.stdout)")
            let viaRSA = server.run(["render"], key: rsa)
            #expect(viaRSA.status == 255 && viaRSA.stdout.isEmpty, "the RSA key gets nothing: \(viaRSA.status) \(viaRSA.stderr)")
            #expect(server.log.contains("auth refused: key not in the authorized keys"), "the refusal is logged:\n\(server.log)")
        }

        @Test("--public lets any key in")
        func publicAccess() throws {
            let server = try ServeServer(public: true)
            defer { server.stop() }
            let r = server.run(["render", "--screen", "target", "--width", "80", "--height", "24", "--color", "never"], key: server.otherKey)
            #expect(r.status == 0, "status \(r.status): \(r.stderr)\n\(server.log)")
            #expect(TerminalScreenText.normalise(r.stdout.components(separatedBy: "\n")) == (try Self.expected(screen: 3, width: 80, height: 24)))
            #expect(server.log.contains("auth accepted (--public)"), "the log says how:\n\(server.log)")
        }

        @Test("no pty (ssh -T): one line and status 1")
        func noTerminal() throws {
            let server = try ServeServer()
            defer { server.stop() }
            let r = server.run([], options: ["-T"])
            #expect(r.status == 1, "status \(r.status): \(r.stderr)")
            #expect(r.stderr == "tradedash serve needs a terminal: ssh -t\n", "stderr: \(r.stderr.debugDescription)")
            #expect(r.stdout.isEmpty)
        }

        @Test("exec of render prints the local render's text")
        func execRender() throws {
            let server = try ServeServer()
            defer { server.stop() }
            let r = server.run(["render", "--screen", "target", "--width", "80", "--height", "24", "--color", "never"])
            #expect(r.status == 0, "status \(r.status): \(r.stderr)\n\(server.log)")
            let want = try Self.expected(screen: 3, width: 80, height: 24)
            #expect(TerminalScreenText.normalise(r.stdout.components(separatedBy: "\n")) == want,
                    "\(TerminalScreenText.firstDifference(r.stdout.components(separatedBy: "\n"), want))")
            let bad = server.run(["render", "--screen", "nowhere"])
            #expect(bad.status != 0 && bad.stderr.contains("nowhere"), "render's own error and status come back: \(bad.status) \(bad.stderr)")
        }

        @Test("exec with a terminal (ssh -tt host render) draws its lines as on a terminal, not a staircase")
        func execOnTerminal() throws {
            let want = try Self.expected(screen: 3, width: 80, height: 20)
            let server = try ServeServer()
            defer { server.stop() }
            var script = "unset NO_COLOR LC_ALL LC_CTYPE LANGUAGE\nexport LANG=C.UTF-8\nclear\n"
            script += (server.client(["-tt"]) + ["render --screen target --width 80 --height 20 --color never"]).map(TerminalTmux.quote).joined(separator: " ")
            script += "\necho \"__EXIT__=$?\"\necho __END__\nread _\n"
            let t = TerminalTmux(script: script, width: 100, height: 30)
            defer { t.close() }
            let exit = try #require(t.waitForExit(timeout: 15), "ssh -tt render did not end:\n\(t.text)\n\(server.log)")
            #expect(exit.status == 0)
            let got = Array(t.lines().prefix(want.count))
            #expect(got == want, "\(TerminalScreenText.firstDifference(got, want))\n--- pane:\n\(t.text)")
            #expect(server.log.contains("session start (exec on a terminal)"), "\(server.log)")
        }

        @Test("exec of sh, id or a file option is refused with one line and status 1")
        func execRefused() throws {
            let server = try ServeServer()
            defer { server.stop() }
            for command in [["sh"], ["id"], ["render", "--data", "/etc/passwd"], ["export", "trade", "--output", "/tmp/x"], ["validate", "/etc/passwd"]] {
                let r = server.run(command)
                #expect(r.status == 1, "\(command): status \(r.status)")
                #expect(r.stdout.isEmpty, "\(command) printed: \(r.stdout)")
                #expect(r.stderr.hasPrefix("tradedash serve") && r.stderr.filter { $0 == "\n" }.count == 1, "\(command): \(r.stderr.debugDescription)")
            }
            #expect(server.log.contains("exec refused"), "\(server.log)")
            // What the client sent stays on its log line.
            _ = server.run(["id\nforged notice: auth accepted"])
            #expect(TerminalWait.until(timeout: 5) { server.log.contains("id?forged notice") }, "\(server.log)")
            #expect(!server.log.split(separator: "\n").contains { $0.hasPrefix("forged") }, "a client's newline split a log line:\n\(server.log)")
        }

        @Test("-N -L port forwarding is refused")
        func forwardingRefused() throws {
            let server = try ServeServer()
            defer { server.stop() }
            let local = try SSHServer.freePort()
            let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
            defer { close(devNull) }
            let client = TerminalProcess.spawn(server.client(["-N", "-L", "127.0.0.1:\(local):127.0.0.1:\(server.port)"]),
                                               environment: ["PATH": "/usr/bin:/bin"], stdin: devNull, stdout: devNull, stderr: devNull)
            #expect(client > 0)
            defer { kill(client, SIGTERM); _ = TerminalPTY.wait(client, timeout: 5) }
            var s: Int32 = -1
            #expect(TerminalWait.until(timeout: 10) { s = SSHServer.connect(local); return s >= 0 }, "ssh -L never listened")
            defer { if s >= 0 { close(s) } }
            // Through the tunnel would come tradedash-serve's own version line; the channel is refused instead.
            var byte = [UInt8](repeating: 0, count: 64)
            var pfd = pollfd(fd: s, events: Int16(POLLIN), revents: 0)
            #expect(poll(&pfd, 1, 10_000) == 1, "the forwarded connection neither closed nor spoke")
            #expect(read(s, &byte, 64) <= 0, "the forwarded connection got data: the forwarding was not refused")
            #expect(TerminalWait.until(timeout: 5) { server.log.contains("port forwarding refused") }, "\(server.log)")
        }

        @Test("SIGTERM with a session open: the client is told, the server exits 0 within 2 s")
        func sigterm() throws {
            let server = try ServeServer()
            defer { server.stop() }
            let t = TerminalTmux(script: Self.script(server), width: 100, height: 30)
            defer { t.close() }
            Self.expectScreen(t, server, try Self.expected(), "first frame through tradedash-serve")
            let dash = try #require(server.dashboardPID(), "no dashboard:\n\(server.log)")
            let ended = server.terminate(timeout: 2)
            #expect(ended != nil, "tradedash-serve still runs 2 s after SIGTERM:\n\(server.log)")
            #expect(ended?.status == 0, "its exit status: \(String(describing: ended?.status))\n\(server.log)")
            if let ended { print("tradedash-serve exited \(ended.status) \(String(format: "%.2f", ended.seconds)) s after SIGTERM") }
            #expect(TerminalWait.until(timeout: 5) { SSHProc.ended(dash) }, "the session's dashboard still runs")
            let exit = try #require(t.waitForExit(), "the ssh client did not end:\n\(t.text)")
            #expect(exit.status != 0, "the client's status after the server went: \(exit.status)")
            #expect(t.joinedText.contains("server shutting down"), "the client is told:\n\(t.joinedText)")
            #expect(!t.alternateScreen, "the local terminal is given back")
        }
    }

    @Suite("Start-up")
    struct StartUp {
        @Test("a host key others can read is refused; a new one is made with mode 0600")
        func hostKeyMode() throws {
            let server = try ServeServer()
            let key = server.hostKey
            var st = stat()
            #expect(stat(key, &st) == 0 && st.st_mode & 0o777 == 0o600, "the generated key's mode: \(String(st.st_mode & 0o777, radix: 8))")
            _ = server.terminate(timeout: 5)
            chmod(key, 0o644)
            let r = TerminalProcess.run([ServeTools.binary!, "--listen", "127.0.0.1:0", "--public", "--host-key", key],
                                        environment: server.environment, timeout: 20)
            #expect(r.status == 1, "status \(r.status)")
            #expect(r.stderr.contains("readable by others") && r.stderr.contains("chmod 600"), "\(r.stderr)")
            server.stop()
        }

        @Test("neither --authorized-keys nor --public: a usage error")
        func needsKeys() throws {
            let r = TerminalProcess.run([ServeTools.binary!, "--listen", "127.0.0.1:0"], timeout: 20)
            #expect(r.status != 0 && r.stderr.contains("--public"), "\(r.status): \(r.stderr)")
        }
    }
}
