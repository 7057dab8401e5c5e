import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// tradedash-serve's limits: connections per address, the authentication timeout, and a peer that
/// does not speak SSH. Loopback only, each bounded in time.
extension ServeTests {
    @Suite("Limits")
    struct Limits {
        @Test("over --max-per-address: the client is told in one line and refused; the open session goes on")
        func perAddress() throws {
            let server = try ServeServer(arguments: ["--max-per-address", "1"])
            defer { server.stop() }
            let t = TerminalTmux(script: Sessions.script(server), width: 100, height: 30)
            defer { t.close() }
            Sessions.expectScreen(t, server, try Sessions.expected(), "the first session")
            let second = server.run(["render"])
            #expect(second.status == 1, "the second connection's status: \(second.status)\n\(second.stderr)")
            #expect(second.stdout.isEmpty)
            #expect(second.stderr == "tradedash serve: too many sessions from 127.0.0.1 (the limit is 1)\n",
                    "the client is told why: \(second.stderr)")
            #expect(server.log.contains("connection refused: too many sessions from 127.0.0.1"), "\(server.log)")
            // The first session is unaffected: a key still reaches it.
            t.send("2")
            Sessions.expectScreen(t, server, try Sessions.expected(screen: 2), "the first session after the refusal")
            t.send("q")
            #expect(t.waitForExit()?.status == 0)
            // Its slot is free again.
            #expect(TerminalWait.until(timeout: 5) { server.log.components(separatedBy: "connection closed").count >= 3 }, "\(server.log)")
            #expect(server.run(["validate", "--quiet"]).status == 0, "a new connection after the first ended:\n\(server.log)")
        }

        @Test("a connection that never authenticates is closed after the timeout", arguments: [false, true])
        func authTimeout(midHandshake: Bool) throws {
            let server = try ServeServer(arguments: ["--auth-timeout", "1"])
            defer { server.stop() }
            let s = SSHServer.connect(server.port)
            #expect(s >= 0)
            defer { close(s) }
            if midHandshake {
                // A client that sends its version line and then nothing more.
                let hello = Array("SSH-2.0-stalled_client\r\n".utf8)
                _ = hello.withUnsafeBytes { write(s, $0.baseAddress, $0.count) }
            }
            let start = Date()
            var buffer = [UInt8](repeating: 0, count: 4096)
            var got = [UInt8]()
            var closed = false
            while Date().timeIntervalSince(start) < 5 {
                var pfd = pollfd(fd: s, events: Int16(POLLIN), revents: 0)
                guard poll(&pfd, 1, 500) == 1 else { continue }
                let n = read(s, &buffer, buffer.count)
                if n <= 0 { closed = true; break }
                got += buffer[0..<n]
            }
            let elapsed = Date().timeIntervalSince(start)
            #expect(String(decoding: got, as: UTF8.self).hasPrefix("SSH-2.0-"), "the server's version line first")
            #expect(closed && elapsed >= 0.9 && elapsed < 4, "closed \(closed) after \(elapsed) s")
            #expect(TerminalWait.until(timeout: 2) { server.log.contains("no authentication within 1 s") }, "\(server.log)")
        }

        @Test("garbage on the port ends that connection only")
        func garbage() throws {
            let server = try ServeServer()
            defer { server.stop() }
            let s = SSHServer.connect(server.port)
            #expect(s >= 0)
            defer { close(s) }
            let junk = Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8) + (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37) }
            _ = junk.withUnsafeBytes { write(s, $0.baseAddress, $0.count) }
            var buffer = [UInt8](repeating: 0, count: 4096)
            var closed = false
            let start = Date()
            while Date().timeIntervalSince(start) < 5 {
                var pfd = pollfd(fd: s, events: Int16(POLLIN), revents: 0)
                guard poll(&pfd, 1, 500) == 1 else { continue }
                if read(s, &buffer, buffer.count) <= 0 { closed = true; break }
            }
            #expect(closed, "the server kept a connection that sent garbage open for 5 s")
            #expect(TerminalWait.until(timeout: 2) { server.log.contains("connection error") }, "\(server.log)")
            let r = server.run(["validate", "--quiet"])
            #expect(r.status == 0, "the server still serves: \(r.status) \(r.stderr)\n\(server.log)")
        }
    }
}

extension ServeTests.Limits {
    @Test("a lost client (SIGKILL of ssh) ends its dashboard within 5 s")
    func lostClient() throws {
        let server = try ServeServer()
        defer { server.stop() }
        let t = TerminalTmux(script: ServeTests.Sessions.script(server), width: 100, height: 30)
        defer { t.close() }
        ServeTests.Sessions.expectScreen(t, server, try ServeTests.Sessions.expected(), "first frame")
        let dash = try #require(server.dashboardPID(), "no dashboard:\n\(server.log)")
        let client = try #require(t.programPID(), "the ssh client's pid")
        #expect(SSHProc.name(client) == "ssh", "the pane's program is \(SSHProc.name(client) ?? "?")")
        kill(client, SIGKILL)
        #expect(TerminalWait.until(timeout: 5) { SSHProc.ended(dash) }, "the dashboard still runs 5 s after its client was killed:\n\(server.log)")
        #expect(TerminalWait.until(timeout: 5) { server.log.contains("session end") }, "\(server.log)")
        // The server goes on serving.
        #expect(server.run(["validate", "--quiet"]).status == 0, "\(server.log)")
    }

    @Test("a second session on the same connection (ControlMaster) is refused")
    func oneSessionPerConnection() throws {
        let server = try ServeServer()
        defer { server.stop() }
        let control = server.directory + "/cm"
        let master = ["-o", "ControlMaster=yes", "-o", "ControlPath=\(control)", "-o", "ControlPersist=no"]
        let t = TerminalTmux(script: ServeTests.Sessions.script(server, options: ["-tt"] + master), width: 100, height: 30)
        defer { t.close() }
        ServeTests.Sessions.expectScreen(t, server, try ServeTests.Sessions.expected(), "first frame")
        #expect(TerminalWait.until(timeout: 5) { FileManager.default.fileExists(atPath: control) }, "no control socket")
        // The mux client asks the master for a second session channel; the server refuses it, and
        // OpenSSH then falls back to a connection of its own (which the limits count).
        let second = server.run(["render"], options: ["-o", "ControlMaster=no", "-o", "ControlPath=\(control)"])
        #expect(second.status == 0, "the fallback connection: \(second.status)\n\(server.log)")
        #expect(server.log.components(separatedBy: "auth accepted").count == 3, "two authenticated connections:\n\(server.log)")
        #expect(server.log.contains("session refused: one session at a time per connection"), "\(server.log)")
        t.send("q")
        #expect(t.waitForExit()?.status == 0, "the first session still ends with q:\n\(t.text)")
    }
}

extension ServeTests.Limits {
    @Test("--idle-timeout: keys keep a session open; without them it is closed and the client told")
    func idleTimeout() throws {
        let server = try ServeServer(arguments: ["--idle-timeout", "3s"])
        defer { server.stop() }
        let t = TerminalTmux(script: ServeTests.Sessions.script(server), width: 100, height: 30)
        defer { t.close() }
        ServeTests.Sessions.expectScreen(t, server, try ServeTests.Sessions.expected(), "first frame")
        let dash = try #require(server.dashboardPID(), "no dashboard:\n\(server.log)")
        // Keys every 0.3 s for 4 s: longer than the timeout, never idle for it.
        let start = Date()
        while Date().timeIntervalSince(start) < 4 {
            t.send("2")
            usleep(300_000)
        }
        #expect(!SSHProc.ended(dash), "the session was closed while keys came (after \(Date().timeIntervalSince(start)) s):\n\(server.log)")
        let idleStart = Date()
        let exit = try #require(t.waitForExit(timeout: 10), "the idle session was not closed:\n\(t.text)\n\(server.log)")
        let waited = Date().timeIntervalSince(idleStart)
        #expect(waited >= 2.5 && waited < 9, "closed \(waited) s after the last key")
        #expect(exit.status != 0, "ssh's status after the idle close: \(exit.status)")
        #expect(t.joinedText.contains("tradedash serve: no key for 3 s; session closed"), "the client is told:\n\(t.joinedText)")
        #expect(server.log.contains("session idle for 3 s: closing"), "\(server.log)")
        #expect(!t.alternateScreen, "the local terminal is given back")
    }
}

extension ServeTests.Limits {
    @Test("--max-attempts-per-minute: more connections from one address are closed at once, logged once")
    func attemptsPerMinute() throws {
        // The harness's own check that the port accepts is the first attempt.
        let server = try ServeServer(arguments: ["--max-attempts-per-minute", "3"])
        defer { server.stop() }
        var spoke = [Bool]()
        for _ in 0..<5 {
            let s = SSHServer.connect(server.port)
            #expect(s >= 0)
            defer { close(s) }
            var buffer = [UInt8](repeating: 0, count: 256)
            var pfd = pollfd(fd: s, events: Int16(POLLIN), revents: 0)
            #expect(poll(&pfd, 1, 5000) == 1, "the server neither spoke nor closed")
            let n = read(s, &buffer, buffer.count)
            spoke.append(n > 0 && String(decoding: buffer[0..<max(n, 0)], as: UTF8.self).hasPrefix("SSH-2.0-"))
        }
        #expect(spoke == [true, true, false, false, false], "which connections got the version line: \(spoke)\n\(server.log)")
        #expect(server.log.components(separatedBy: "connection dropped: more than 3 connections from 127.0.0.1 in a minute").count == 2,
                "logged once:\n\(server.log)")
    }
}
