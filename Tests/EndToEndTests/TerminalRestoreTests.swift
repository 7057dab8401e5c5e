import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// However the dashboard ends, the terminal is given back: the alternate screen left, the cursor
/// visible, and the tty in canonical mode with echo (checked with `stty -a` run in the same pane
/// right after the program).
@Suite("Terminal restored on every exit", .serialized, .enabled(if: TerminalTools.tmux != nil, "tmux is not installed (apt-get install tmux): skipping the real-terminal tests"))
struct TerminalRestoreTests {
    enum Ending: String, CaseIterable, CustomTestStringConvertible {
        case q, ctrlC, sigterm, sighup, sigint, sigsegv, sigabrt
        var testDescription: String { rawValue }

        /// The status the shell reports: 0 for the quit keys, 128 + the signal for a signal.
        var status: Int32 {
            switch self {
            case .q, .ctrlC: return 0
            case .sigterm: return 128 + SIGTERM
            case .sighup: return 128 + SIGHUP
            case .sigint: return 128 + SIGINT
            case .sigsegv: return 128 + SIGSEGV
            case .sigabrt: return 128 + SIGABRT
            }
        }
    }

    @Test("the terminal is restored after", arguments: Ending.allCases)
    func restored(_ ending: Ending) throws {
        if case .failure(let why) = TerminalBinary.path { throw why }
        let t = TerminalTmux(script: TerminalTmux.dashboardScript())
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"), "dashboard did not start:\n\(t.text)")
        #expect(t.alternateScreen)
        switch ending {
        case .q: t.send("q")
        case .ctrlC: t.send("C-c")
        default:
            let pid = try #require(t.programPID(), "pid of tradedash")
            let sig: Int32 = [.sigterm: SIGTERM, .sighup: SIGHUP, .sigint: SIGINT, .sigsegv: SIGSEGV, .sigabrt: SIGABRT][ending]!
            kill(pid, sig)
        }
        let exit = try #require(t.waitForExit(), "the program did not end:\n\(t.text)")
        #expect(exit.status == ending.status)
        #expect(!t.alternateScreen, "still on the alternate screen")
        #expect(t.cursorVisible, "cursor still hidden")
        #expect(exit.modes.contains("icanon") && !exit.modes.contains("-icanon"), "not in canonical mode: \(exit.modes.sorted())")
        #expect(exit.modes.contains("echo") && !exit.modes.contains("-echo"), "echo is off: \(exit.modes.sorted())")
        #expect(exit.modes.contains("isig") && exit.modes.contains("ixon") && exit.modes.contains("icrnl"),
                "signals, flow control or CR translation not restored: \(exit.modes.sorted())")
        #expect(t.format("#{mouse_any_flag}") == "0" && t.format("#{keypad_flag}") == "0", "mouse or keypad mode left on")
    }

    @Test("Ctrl-Z suspends to the shell and fg redraws the dashboard")
    func suspendAndResume() throws {
        guard case .success(let bin) = TerminalBinary.path else { throw TerminalSkip("no binary") }
        let shell = TerminalTools.which("bash") ?? "/bin/sh"
        let t = TerminalTmux(script: "unset NO_COLOR LC_ALL; export LANG=C.UTF-8 PS1='$ '; exec \(shell) --norc --noprofile -i\n")
        defer { t.close() }
        #expect(TerminalWait.until { t.text.contains("$") }, "shell prompt:\n\(t.text)")
        t.type(TerminalTmux.quote(bin))
        t.send("Enter")
        #expect(t.waitForDashboard(containing: "Overview"), "dashboard did not start:\n\(t.text)")
        t.send("3")
        let target = try #require(TerminalRender.lines(screen: 3, width: 100, height: 30))
        #expect(t.waitForScreen(target))
        t.send("C-z")
        #expect(TerminalWait.until { !t.alternateScreen && t.text.contains("Stopped") }, "not suspended:\n\(t.text)")
        #expect(t.cursorVisible)
        t.type("stty -a; echo __ST\"\"TY__")
        t.send("Enter")
        #expect(TerminalWait.until { t.joinedText.contains("__STTY__\n") })
        let modes = t.joinedText
        #expect(modes.contains(" icanon") && modes.contains(" echo "), "tty modes while suspended:\n\(modes)")
        t.type("fg")
        t.send("Enter")
        #expect(t.waitForScreen(target), "after fg: \(TerminalScreenText.firstDifference(t.lines(), target))")
        #expect(t.alternateScreen)
        t.send("2")
        let trade = try #require(TerminalRender.lines(screen: 2, width: 100, height: 30))
        #expect(t.waitForScreen(trade), "keys work after fg")
        t.send("q")
        #expect(TerminalWait.until { !t.alternateScreen && t.text.hasSuffix("$") }, "back at the prompt:\n\(t.text)")
    }

    @Test("idle means idle: no output and no CPU while no key is pressed")
    func idle() throws {
        let t = TerminalTmux(script: TerminalTmux.dashboardScript())
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"))
        let pid = try #require(t.programPID())
        // Let start-up finish first (the first frame's last writes, tmux settling the pane): wait until
        // the process has been asleep for ten samples in a row.
        var asleep = 0
        #expect(TerminalWait.until(timeout: 10) {
            asleep = TerminalProc.state(pid) == "S" ? asleep + 1 : 0
            return asleep >= 10
        }, "the dashboard never went to sleep")
        // Then, for a whole second, it must use no CPU: this counts what the process consumed, which a
        // busy machine's scheduling cannot inflate (a sampled "R" could be a wake-up by tmux).
        let before = try #require(TerminalProc.cpuTicks(pid))
        var states = [String]()
        TerminalWait.until(timeout: 1.0) {
            if let s = TerminalProc.state(pid) { states.append(s) }
            return false
        }
        let after = try #require(TerminalProc.cpuTicks(pid))
        #expect(after - before <= 1, "CPU ticks in one idle second: \(after - before)")
        #expect(states.filter { $0 == "S" }.count * 10 >= states.count * 9, "asleep nearly all the time while idle: \(states)")
        t.send("q")
        _ = t.waitForExit()
    }
}

enum TerminalProc {
    /// utime + stime of a process (or of one of its threads), in clock ticks.
    static func cpuTicks(_ pid: pid_t, thread: pid_t? = nil) -> Int? {
        let file = thread.map { "/proc/\(pid)/task/\($0)/stat" } ?? "/proc/\(pid)/stat"
        guard let stat = try? String(contentsOfFile: file, encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let u = Int(fields[11]), let s = Int(fields[12]) else { return nil }
        return u + s
    }

    static func state(_ pid: pid_t) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ").first.map(String.init)
    }
}
