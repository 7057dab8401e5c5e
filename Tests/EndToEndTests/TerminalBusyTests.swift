import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A dataset with many trade rows, generated from the bundled one: every period of 1900–2024 (the
/// full year and every run of months), every flow, stated by one source after another until there
/// are `rows` rows. The sources agree, so the file is valid. Generated once per size and process.
enum TerminalBigData {
    private static let made = TerminalBigDataCache()

    /// Suites run in parallel: one generates while the others wait for it.
    static func file(rows: Int, title: String? = nil) throws -> String {
        try made.withLock { paths in
            let key = "\(rows)-\(title ?? "")"
            if let p = paths[key] { return p }
            let p = try generate(rows: rows, title: title, number: paths.count)
            paths[key] = p
            return p
        }
    }

    /// The files of earlier test processes that have ended (a test run has no hook at its very end).
    private static func removeLeftovers() {
        let dir = NSTemporaryDirectory()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasPrefix("tdt-big-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 3, let pid = Int32(parts[2]), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: dir + "/" + name) }
        }
    }

    private static func generate(rows: Int, title: String?, number: Int) throws -> String {
        let bundled = try #require(TerminalBundled.path)
        var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundled))) as? [String: Any])
        let sources = try #require(root["sources"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        var ranges: [[Int]?] = [nil]
        for a in 1...12 { for b in a...12 where (a, b) != (1, 12) { ranges.append([a, b]) } }
        let flows: [(String, String?, String?)] = [("turnover", nil, nil), ("exports", "KZ", "TM"), ("imports", "TM", "KZ")]
        var trade = [[String: Any]]()
        trade.reserveCapacity(rows)
        outer: for source in sources {
            for year in stride(from: 2024, through: 1900, by: -1) {
                for months in ranges {
                    for (flow, from, to) in flows {
                        if trade.count >= rows { break outer }
                        var o: [String: Any] = ["year": year, "flow": flow, "kind": "stated", "source": source]
                        if let months { o["months"] = months }
                        if let from, let to { o["from"] = from; o["to"] = to }
                        let m = months.map { $0[0] * 13 + $0[1] } ?? 0
                        o["usd"] = Double(1_000_000 + year * 1000 + m * 3 + flow.count)
                        trade.append(o)
                    }
                }
            }
        }
        try #require(trade.count == rows, "the generator makes at most \(trade.count) distinct rows")
        root["trade"] = trade
        if let title { root["title"] = title }
        if number == 0 { removeLeftovers() }
        let path = NSTemporaryDirectory() + "/tdt-big-\(getpid())-\(number).json"
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: path))
        return path
    }
}

final class TerminalBigDataCache: @unchecked Sendable {
    private var paths: [String: String] = [:]
    private let lock = NSLock()
    func withLock<T>(_ body: (inout [String: String]) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&paths)
    }
}

/// Busy is not deaf: while the dashboard draws a screen of a large dataset (the Trade screen of
/// 20,000 rows took 17 s in a release build before it was made linear) or reloads one, signals, Ctrl-C, a lost
/// terminal and other keys are answered. The assertions do not depend on the work being slow: the
/// exit and the restored terminal must be there whether or not the frame was still being drawn.
@Suite("Dashboard while busy", .serialized, .enabled(if: TerminalTools.tmux != nil, "tmux is not installed (apt-get install tmux): skipping the real-terminal tests"))
struct TerminalBusyTests {
    static let rows = 20_000

    /// Starts the dashboard on the large dataset and opens the Trade screen (its heaviest).
    static func busyDashboard(keys: String = "2") throws -> TerminalTmux {
        if case .failure(let why) = TerminalBinary.path { throw why }
        let data = try TerminalBigData.file(rows: rows)
        let t = TerminalTmux(script: TerminalTmux.dashboardScript(arguments: ["--data", data]))
        #expect(t.waitForDashboard(containing: "Overview", timeout: 60), "dashboard did not start:\n\(t.text)")
        t.send(keys)
        return t
    }

    static func expectRestored(_ t: TerminalTmux, _ exit: TerminalTmux.Exit, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!t.alternateScreen, "still on the alternate screen", sourceLocation: sourceLocation)
        #expect(t.cursorVisible, "cursor still hidden", sourceLocation: sourceLocation)
        #expect(exit.modes.contains("icanon") && !exit.modes.contains("-icanon"), "not in canonical mode: \(exit.modes.sorted())", sourceLocation: sourceLocation)
        #expect(exit.modes.contains("echo") && !exit.modes.contains("-echo"), "echo is off: \(exit.modes.sorted())", sourceLocation: sourceLocation)
        #expect(exit.modes.contains("isig") && exit.modes.contains("icrnl"), "signals or CR translation not restored: \(exit.modes.sorted())", sourceLocation: sourceLocation)
    }

    @Test("SIGTERM, SIGHUP or SIGINT while drawing the Trade screen of 20,000 rows: it dies of the signal, terminal restored",
          arguments: [SIGTERM, SIGHUP, SIGINT])
    func signalWhileDrawing(_ sig: Int32) throws {
        let t = try Self.busyDashboard()
        defer { t.close() }
        let pid = try #require(t.programPID(), "pid of tradedash")
        kill(pid, sig)
        let exit = try #require(t.waitForExit(timeout: 10), "the program did not end within 10 s of the signal:\n\(t.text)")
        #expect(exit.status == 128 + sig)
        Self.expectRestored(t, exit)
    }

    @Test("SIGTERM or Ctrl-C while a key's own work runs (j on the Trade list of 20,000 rows counts its rows): it ends at once",
          arguments: ["SIGTERM", "C-c"])
    func endWhileUpdating(_ how: String) throws {
        let t = try Self.busyDashboard(keys: "2")
        defer { t.close() }
        t.send("j")
        if how == "SIGTERM" {
            kill(try #require(t.programPID(), "pid of tradedash"), SIGTERM)
        } else {
            t.send(how)
        }
        let exit = try #require(t.waitForExit(timeout: 10), "the program did not end within 10 s of \(how):\n\(t.text)")
        #expect(exit.status == (how == "SIGTERM" ? 128 + SIGTERM : 0))
        Self.expectRestored(t, exit)
    }

    @Test("the main thread sleeps while keys are being applied, even when a reload has finished meanwhile")
    func noSpinWhileUpdating() throws {
        // r, then j 16 times on the Trade list: the reload (of the same 20,000 rows) ends while the
        // j's are still being counted, and its result waits for them. The main thread must not
        // busy-wait meanwhile (it once did: 189 of 300 ticks). When the keys are quicker than the
        // reload, the main thread is idle all the same and the check holds too.
        let t = try Self.busyDashboard(keys: "2")
        defer { t.close() }
        let pid = try #require(t.programPID(), "pid of tradedash")
        t.send("r")
        t.send("j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
        // The main thread's own ticks (its task has the pid's number), over two seconds.
        let before = try #require(TerminalProc.cpuTicks(pid, thread: pid))
        TerminalWait.until(timeout: 2) { false }
        let after = try #require(TerminalProc.cpuTicks(pid, thread: pid))
        let hz = Int(sysconf(Int32(_SC_CLK_TCK)))
        #expect(after - before <= hz / 10, "main-thread CPU ticks in 2 s: \(after - before) (of \(2 * hz))")
        t.send("C-c")
        #expect(t.waitForExit(timeout: 10)?.status == 0)
    }

    @Test("Ctrl-C while drawing the Trade screen of 20,000 rows quits at once (status 0), terminal restored")
    func ctrlCWhileDrawing() throws {
        let t = try Self.busyDashboard()
        defer { t.close() }
        t.send("C-c")
        let exit = try #require(t.waitForExit(timeout: 10), "Ctrl-C did not end the program within 10 s:\n\(t.text)")
        #expect(exit.status == 0)
        Self.expectRestored(t, exit)
    }

    @Test("SIGTERM during the initial load of a large file (before the terminal is taken): it dies of it, terminal untouched")
    func signalWhileLoading() throws {
        if case .failure(let why) = TerminalBinary.path { throw why }
        let data = try TerminalBigData.file(rows: Self.rows)
        let t = TerminalTmux(script: TerminalTmux.dashboardScript(arguments: ["--data", data]))
        defer { t.close() }
        var pid: pid_t?
        #expect(TerminalWait.until { pid = t.programPID(); return pid != nil }, "tradedash never started")
        kill(try #require(pid), SIGTERM)
        let exit = try #require(t.waitForExit(timeout: 10), "the program did not end within 10 s of SIGTERM:\n\(t.text)")
        #expect(exit.status == 128 + SIGTERM)
        Self.expectRestored(t, exit)
    }

    @Test("r with a large file: the status line says Loading, keys still switch screens, then the new data shows")
    func backgroundReload() throws {
        if case .failure(let why) = TerminalBinary.path { throw why }
        let bundled = try #require(TerminalBundled.path)
        // The title tells the new data from the old on every screen's header.
        let newTitle = "Kazakhstan and Turkmenistan, generated rows"
        let big = try TerminalBigData.file(rows: 40_000, title: newTitle)
        let dir = NSTemporaryDirectory() + "/tdt-bgreload-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/data.json"
        try Data(contentsOf: URL(fileURLWithPath: bundled)).write(to: URL(fileURLWithPath: file))
        let energy = try TerminalDashboardTests.expected(screen: 4, data: file)

        let t = TerminalTmux(script: TerminalTmux.dashboardScript(arguments: ["--data", file]))
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"), "dashboard did not start:\n\(t.text)")
        #expect(!t.text.contains(newTitle))
        // Loading 40,000 rows takes about a second in a release build (5 s in a debug one); a screen
        // capture takes milliseconds.
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.copyItem(atPath: big, toPath: file)
        t.send("r")
        #expect(TerminalWait.until { t.text.contains("Loading \(file)") }, "the status line says it is loading:\n\(t.text)")
        // Meanwhile the keys work: the Energy screen of the old data, with the loading status below it.
        t.send("4")
        #expect(TerminalWait.until {
            let l = t.lines()
            return l.count == energy.count && Array(l.dropLast()) == Array(energy.dropLast()) && l.last?.contains("Loading") == true
        }, "Energy screen while loading: \(TerminalScreenText.firstDifference(t.lines(), energy))\n\(t.text)")
        t.send("r")
        #expect(TerminalWait.until { t.text.contains("Still loading") }, "a second r says the first is still running:\n\(t.text)")
        #expect(TerminalWait.until(timeout: 60) { t.text.contains("Reloaded") }, "the reload never finished:\n\(t.text)")
        #expect(t.text.contains(newTitle), "the new data is shown:\n\(t.text)")
        #expect(t.lines().contains { $0.contains("4 Energy") }, "still on the screen chosen meanwhile")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }
}

/// The terminal vanishing while the dashboard is busy: it ends instead of computing on (or spinning)
/// for nobody.
@Suite("Dashboard losing its terminal while busy", .serialized)
struct TerminalBusyHangupTests {
    @Test("closing the pseudo-terminal while the Trade screen of 20,000 rows is being drawn ends the program")
    func closedWhileDrawing() throws {
        let bin = try TerminalStartupTests.binary()
        let data = try TerminalBigData.file(rows: TerminalBusyTests.rows)
        let (master, slave) = try #require(TerminalPTY.open(width: 100, height: 30))
        let pid = TerminalProcess.spawn([bin, "--data", data], environment: TerminalStartupTests.cleanEnvironment,
                                        stdin: slave, stdout: slave, stderr: slave)
        // The slave stays open here only to see when the key has been read; closing the master hangs
        // up every descriptor of the slave all the same.
        defer { close(slave) }
        #expect(pid > 0)
        let frame = TerminalPTY.read(master, timeout: 60) { String(decoding: $0, as: UTF8.self).contains("quit") }
        #expect(String(decoding: frame, as: UTF8.self).contains("quit"), "no first frame")
        var two: UInt8 = UInt8(ascii: "2")
        _ = write(master, &two, 1)
        // Closing the master would throw away a key not yet read: wait until the dashboard has it.
        #expect(TerminalWait.until {
            var n: Int32 = -1
            return ioctl(slave, UInt(FIONREAD), &n) == 0 && n == 0
        }, "the key 2 was never read")
        close(master)
        let status = TerminalPTY.wait(pid, timeout: 10)
        if status == nil { kill(pid, SIGKILL); _ = TerminalPTY.wait(pid, timeout: 5) }
        #expect(status != nil, "still running 10 s after its terminal was closed")
        #expect(status == 1 || status == 128 + SIGHUP, "exit status \(String(describing: status))")
    }

    @Test("a terminal that stops reading (its output blocked, as on a dead connection): SIGTERM still ends it and the modes come back")
    func blockedOutput() throws {
        let bin = try TerminalStartupTests.binary()
        // A big pane: every screen switch rewrites thousands of cells, so the output soon fills the
        // pseudo-terminal's buffer, which nobody reads: the main thread blocks in write.
        let (master, slave) = try #require(TerminalPTY.open(width: 250, height: 80))
        var before = termios()
        #expect(tcgetattr(slave, &before) == 0)
        let pid = TerminalProcess.spawn([bin], environment: TerminalStartupTests.cleanEnvironment, stdin: slave, stdout: slave, stderr: slave)
        #expect(pid > 0)
        defer { close(master); close(slave) }
        let frame = TerminalPTY.read(master, timeout: 10) { String(decoding: $0, as: UTF8.self).contains("quit") }
        #expect(String(decoding: frame, as: UTF8.self).contains("quit"), "no first frame")
        var during = termios()
        #expect(tcgetattr(slave, &during) == 0)
        #expect(during.c_lflag & tcflag_t(ICANON) == 0, "the dashboard put the terminal in raw mode")
        // One key at a time (keys typed together make one frame), until the main thread sleeps in the
        // terminal's write (Linux shows where in /proc/PID/wchan) or 400 keys are sent.
        let keys = Array("2345671".utf8)
        for k in 0..<400 {
            var key = keys[k % keys.count]
            _ = write(master, &key, 1)
            usleep(10_000)
            let wchan = (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? ""
            if wchan.contains("wait_woken") || wchan.contains("tty_write") { break }
        }
        kill(pid, SIGTERM)
        let status = TerminalPTY.wait(pid, timeout: 10)
        if status == nil { kill(pid, SIGKILL); _ = TerminalPTY.wait(pid, timeout: 5) }
        #expect(status == 128 + SIGTERM, "exit status \(String(describing: status)) (nil: still running 10 s after SIGTERM)")
        var after = termios()
        #expect(tcgetattr(slave, &after) == 0)
        #expect(after.c_lflag & tcflag_t(ICANON) != 0 && after.c_lflag & tcflag_t(ECHO) != 0, "canonical mode and echo are back")
        #expect(after.c_lflag == before.c_lflag && after.c_iflag == before.c_iflag && after.c_oflag == before.c_oflag,
                "the modes are the ones before the dashboard")
    }
}
