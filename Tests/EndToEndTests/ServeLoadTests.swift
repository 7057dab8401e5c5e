import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// 30 sessions at once (issue 14's load test): each gets a first frame, killing one session's
/// dashboard ends only that session, and SIGTERM ends them all within 2 s.
extension ServeTests {
    @Suite("Load")
    struct Load {
        static let count = 30

        @Test("30 concurrent ssh -tt sessions: each gets a frame, each is isolated, SIGTERM ends all within 2 s")
        func thirtySessions() throws {
            let server = try ServeServer(arguments: ["--max-sessions", "\(Self.count)", "--max-per-address", "\(Self.count)",
                                                     "--max-attempts-per-minute", "100"])
            defer { server.stop() }
            let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
            defer { close(devNull) }
            var clients = [pid_t]()
            defer { for c in clients { kill(c, SIGKILL); _ = TerminalPTY.wait(c, timeout: 2) } }
            let started = Date()
            for i in 0..<Self.count {
                let out = open(server.directory + "/client-\(i).out", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
                clients.append(TerminalProcess.spawn(server.client(["-tt"]), environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8"],
                                                     stdin: devNull, stdout: out, stderr: out))
                close(out)
            }
            func output(_ i: Int) -> String { (try? String(contentsOfFile: server.directory + "/client-\(i).out", encoding: .utf8)) ?? "" }
            // The clients have no terminal of their own: the server gives each 80×24. The tab bar is drawn.
            let framed = TerminalWait.until(timeout: 60) { (0..<Self.count).allSatisfy { output($0).contains("Overview") } }
            let missing = (0..<Self.count).filter { !output($0).contains("Overview") }
            #expect(framed, "sessions without a first frame after 60 s: \(missing)\n\(server.log.suffix(3000))")
            print("serve load: \(Self.count - missing.count) of \(Self.count) sessions drew a first frame in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
            var dashboards = [pid_t]()
            TerminalWait.until(timeout: 10) {
                dashboards = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid_t($0) }.filter {
                    SSHProc.parent($0) == server.pid && SSHProc.name($0) == "tradedash" && SSHProc.state($0) != "Z"
                }
                return dashboards.count == Self.count
            }
            #expect(dashboards.count == Self.count, "dashboards running: \(dashboards.count)")

            // Killing one dashboard ends its session (its client exits), and only that one.
            let victim = try #require(dashboards.first)
            kill(victim, SIGKILL)
            var endedClients = [pid_t]()
            TerminalWait.until(timeout: 10) {
                endedClients += clients.filter { !endedClients.contains($0) && TerminalPTY.wait($0, timeout: 0) != nil }
                return !endedClients.isEmpty
            }
            usleep(500_000)
            endedClients += clients.filter { !endedClients.contains($0) && TerminalPTY.wait($0, timeout: 0) != nil }
            #expect(endedClients.count == 1, "clients ended after one dashboard was killed: \(endedClients.count)")
            let alive = dashboards.dropFirst().filter { !SSHProc.ended($0) }
            #expect(alive.count == Self.count - 1, "the other dashboards still run: \(alive.count)")
            #expect(server.log.contains("signal=KILL"), "the killed session's end is logged with its signal")

            let ended = server.terminate(timeout: 2)
            #expect(ended?.status == 0, "SIGTERM with \(Self.count - 1) sessions: \(String(describing: ended))\n\(server.log.suffix(2000))")
            if let ended { print("serve load: SIGTERM with \(Self.count - 1) sessions, exit \(ended.status) after \(String(format: "%.2f", ended.seconds)) s") }
            #expect(TerminalWait.until(timeout: 5) { alive.allSatisfy { SSHProc.ended($0) } }, "dashboards left after the server went")
        }
    }
}
