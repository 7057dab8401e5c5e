import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The kiosk account of docs/ssh.md (issue 13, part 6): the private sshd runs the documented `Match`
/// block (read from docs/ssh.md, for the current user instead of `dash`, with scripts/tradedash-kiosk
/// as the ForceCommand and the build's tradedash beside it).
extension SSHTests {
    @Suite("Kiosk account (docs/ssh.md)")
    struct Kiosk {
        @Test("the documented block is valid for this sshd and applies to the account")
        func configurationApplies() throws {
            let server = try SSHServer(kiosk: true)
            defer { server.stop() }
            let r = TerminalProcess.run([SSHTools.sshd, "-T", "-f", server.directory + "/sshd_config",
                                         "-C", "user=\(server.user),host=localhost,addr=127.0.0.1"], timeout: 20)
            #expect(r.status == 0, "sshd -T: \(r.stderr)")
            // /tmp (1777) fails StrictModes; the build folder normally passes, so the keys file's checks are sshd's own.
            print("ssh kiosk: private sshd in \(server.directory), StrictModes \(server.strictModes ? "yes" : "no")")
            let effective = Set(r.stdout.split(separator: "\n").map { $0.lowercased() })
            for line in ["forcecommand \(server.kioskCommand.lowercased())", "permittty yes", "disableforwarding yes",
                         "allowtcpforwarding no", "allowstreamlocalforwarding no", "allowagentforwarding no",
                         "x11forwarding no", "permittunnel no", "permitopen none", "permitlisten none",
                         "gatewayports no", "permituserrc no", "passwordauthentication no",
                         "authorizedkeysfile \(server.directory.lowercased())/authorized_keys"] {
                #expect(effective.contains(line), "sshd -T for the account lacks `\(line)`")
            }
        }

        @Test("ssh to the account gets the dashboard, and q logs out with 0")
        func dashboard() throws {
            let want = try Session.expected()
            let server = try SSHServer(kiosk: true)
            defer { server.stop() }
            // Plain `ssh USER@HOST` from a terminal, as the team types it: the client asks for a pty itself.
            let t = TerminalTmux(script: Session.script(server, options: [], remote: nil))
            defer { t.close() }
            Session.expectScreen(t, server, want, "the kiosk's first frame")
            #expect(server.log.contains("forced-command (config)"), "sshd ran the ForceCommand:\n\(server.log)")
            t.send("q")
            let exit = try #require(t.waitForExit(), "ssh did not end after q:\n\(t.text)")
            #expect(exit.status == 0)
        }

        /// Commands that would leave a trace if they ran.
        static func commands(_ marker: String) -> [String] {
            ["id", "touch \(marker)", "sh -c 'echo SHELL=$SHELL; touch \(marker)'"]
        }

        @Test("a command is refused and never run, with a terminal or without")
        func commandRefused() throws {
            let server = try SSHServer(kiosk: true)
            defer { server.stop() }
            let marker = server.directory + "/command-ran"
            for command in Self.commands(marker) {
                // Without a terminal (what `ssh server cmd` gets).
                let plain = TerminalProcess.run(server.client() + [command], timeout: 20)
                #expect(plain.status != 0, "`\(command)` without a terminal: exit \(plain.status)")
                #expect(plain.stderr.contains("the command you gave was not run"), "`\(command)`: \(plain.stderr)")
                #expect(!plain.stdout.contains("uid=") && !plain.stdout.contains("SHELL="), "`\(command)` ran: \(plain.stdout)")
                // With one (ssh -tt): the same refusal, printed on the terminal.
                let tty = try #require(TerminalPTY.run(server.client(["-tt"]) + [command], environment: ["TERM": TerminalTools.paneTerm, "LANG": "C.UTF-8"], timeout: 20))
                let shown = String(decoding: tty.output, as: UTF8.self)
                #expect(tty.status != 0, "`\(command)` with ssh -tt: exit \(tty.status)")
                #expect(shown.contains("the command you gave was not run"), "`\(command)` with ssh -tt: \(shown)")
                #expect(!shown.contains("uid=") && !shown.contains("SHELL="), "`\(command)` ran with ssh -tt: \(shown)")
            }
            #expect(!FileManager.default.fileExists(atPath: marker), "a command given to the kiosk ran")
            #expect(!server.log.contains("Starting session: command"), "sshd started a client's command:\n\(server.log)")
        }

        @Test("without a terminal (ssh -T) it refuses with a message and a non-zero status")
        func noTerminalRefused() throws {
            let server = try SSHServer(kiosk: true)
            defer { server.stop() }
            let r = TerminalProcess.run(server.client(["-T"]), timeout: 20)
            #expect(r.status == 1, "exit status of ssh -T: \(r.status)")
            #expect(r.stderr.contains("this account only shows the dashboard, which needs a terminal"), "message: \(r.stderr)")
            #expect(!r.stdout.contains("\u{1B}["), "no terminal codes written to a pipe: \(r.stdout.debugDescription)")
        }

        @Test("file copy is refused: scp (SFTP) and scp -O get no file across")
        func fileCopyRefused() throws {
            let server = try SSHServer(kiosk: true)
            defer { server.stop() }
            guard let scp = TerminalTools.which("scp") else { throw TerminalSkip("scp is not installed") }
            let source = server.directory + "/copy-source"
            try "a file\n".write(toFile: source, atomically: false, encoding: .utf8)
            // scp takes ssh's options; -P for the port, placed before the rest.
            var options = Array(server.client().dropFirst().dropLast())
            if let p = options.firstIndex(of: "-p") { options[p] = "-P" }
            // scp over the SFTP protocol (the default since OpenSSH 9.0), then the legacy protocol (-O),
            // which runs `scp -t` as a command.
            for (flags, what) in [([String](), "scp"), (["-O"], "scp -O")] {
                let target = server.directory + "/copied"
                let r = TerminalProcess.run([scp] + flags + options + [source, "\(server.user)@127.0.0.1:\(target)"], timeout: 20)
                #expect(r.status != 0, "\(what): exit \(r.status)")
                #expect(!FileManager.default.fileExists(atPath: target), "\(what) copied a file through the kiosk")
            }
            // Both reached the ForceCommand (the server has an sftp subsystem, as Debian's has).
            let forced = server.log.components(separatedBy: "forced-command (config)").count - 1
            #expect(forced == 2, "the ForceCommand answered \(forced) of 2 copies:\n\(server.log)")
        }

        /// What a local forward (`ssh -N -L PORT:127.0.0.1:SSHD_PORT`) to the server's own sshd
        /// gives: the bytes read from it in 3 s (sshd's banner when forwarding works), and ssh's stderr.
        static func forwardToOwnPort(_ server: SSHServer) throws -> (read: String, stderr: String) {
            let local = try SSHServer.freePort()
            let errPath = server.directory + "/forward.err"
            let errFD = open(errPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
            let pid = TerminalProcess.spawn(server.client(["-o", "LogLevel=INFO", "-N", "-L", "\(local):127.0.0.1:\(server.port)"]),
                                            stdin: devNull, stdout: devNull, stderr: errFD)
            close(errFD)
            close(devNull)
            defer {
                kill(pid, SIGTERM)
                if TerminalPTY.wait(pid, timeout: 5) == nil { kill(pid, SIGKILL); _ = TerminalPTY.wait(pid, timeout: 5) }
            }
            #expect(pid > 0)
            // The client listens once it has logged in.
            #expect(TerminalWait.until(timeout: 10) { SSHServer.accepts(local) }, "ssh -L never listened on \(local)")
            let s = SSHServer.connect(local)
            guard s >= 0 else { return ("", "") }
            defer { close(s) }
            let bytes = TerminalPTY.read(s, timeout: 3) { $0.contains(UInt8(ascii: "\n")) }
            // The refusal reaches the client's stderr a moment after the channel closes.
            TerminalWait.until(timeout: 2) { ((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "").contains("open failed") }
            return (String(decoding: bytes, as: UTF8.self), (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
        }

        @Test("port forwarding is refused (ssh -N -L, ssh -N -R), where the plain server allows it")
        func forwardingRefused() throws {
            // The control: without the kiosk block the same forward reaches sshd's banner, so a
            // refusal below is the configuration's doing, not the test's.
            do {
                let plain = try SSHServer()
                defer { plain.stop() }
                let open = try Self.forwardToOwnPort(plain)
                #expect(open.read.hasPrefix("SSH-2.0-"), "the control forward read \(open.read.debugDescription); ssh: \(open.stderr)")
            }
            let server = try SSHServer(kiosk: true)
            defer { server.stop() }
            let local = try Self.forwardToOwnPort(server)
            #expect(!local.read.contains("SSH-"), "a local forward reached sshd through the kiosk: \(local.read.debugDescription)")
            #expect(local.stderr.contains("administratively prohibited"), "ssh's stderr: \(local.stderr)")
            #expect(server.log.contains("refused local port forward"), "sshd's log:\n\(server.log)")

            let listen = try SSHServer.freePort()
            let remote = TerminalProcess.run(server.client(["-N", "-o", "ExitOnForwardFailure=yes", "-R", "\(listen):127.0.0.1:\(server.port)"]), timeout: 20)
            #expect(remote.status == 255, "ssh -R with ExitOnForwardFailure: exit \(remote.status)")
            #expect(remote.stderr.contains("remote port forwarding failed"), "ssh -R: \(remote.stderr)")
            #expect(!SSHServer.accepts(listen), "the server listens on the remote-forward port \(listen)")
        }
    }
}
