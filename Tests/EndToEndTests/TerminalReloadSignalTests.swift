import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SIGUSR1 is the dashboard's `r` (tradedash-serve sends it when the data file changes). The server
/// starts each dashboard with SIGUSR1 blocked, so that one sent during start-up waits instead of
/// killing it at its default action; the dashboard unblocks it once it handles it.
extension TerminalDashboardTests {
    static let python: String? = TerminalTools.which("python3")

    @Test("SIGUSR1 pending and blocked from before exec: the dashboard starts, then reloads; a later SIGUSR1 reloads too",
          .enabled(if: TerminalDashboardTests.python != nil, "python3 is not installed: skipping the test that starts the dashboard with a signal pending"))
    func reloadSignalPendingAtStart() throws {
        let bundled = try #require(TerminalBundled.path)
        let dir = NSTemporaryDirectory() + "/tdt-usr1-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/data.json"
        try Data(contentsOf: URL(fileURLWithPath: bundled)).write(to: URL(fileURLWithPath: file))
        // What tradedash-serve's spawn does, and a reload asked for before the dashboard has run a line.
        let launcher = [Self.python!, "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1]); "
                        + "os.kill(os.getpid(), signal.SIGUSR1); os.execv(sys.argv[1], sys.argv[1:])"]
        let t = TerminalTmux(script: TerminalTmux.dashboardScript(arguments: ["--data", file], launcher: launcher))
        defer { t.close() }
        #expect(TerminalWait.until(timeout: 10) { t.text.contains("Reloaded \(file)") },
                "the pending SIGUSR1 was not taken as r once the dashboard ran:\n\(t.text)")
        let pid = try #require(t.programPID(), "no dashboard in the pane")
        #expect(SSHProc.name(pid) == "tradedash", "the pane runs \(SSHProc.name(pid) ?? "nothing")")
        // The status line changes on the next key; then a SIGUSR1 from outside brings it back.
        t.send("2")
        #expect(TerminalWait.until(timeout: 10) { !t.text.contains("Reloaded") }, "the status line stays:\n\(t.text)")
        kill(pid, SIGUSR1)
        #expect(TerminalWait.until(timeout: 10) { t.text.contains("Reloaded \(file)") }, "kill -USR1 is r:\n\(t.text)")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }
}
