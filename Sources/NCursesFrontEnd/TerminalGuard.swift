import CNCurses
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the terminal back on every way out of the program.
///
/// - Normal exits (q, Ctrl-C, SIGTERM, SIGHUP, SIGINT) leave the event loop and call `endwin`.
/// - `exit()` from anywhere skips `defer`: an `atexit` handler calls `endwin` if ncurses still owns
///   the terminal.
/// - Crash signals (SEGV, BUS, ILL, TRAP, ABRT, FPE, QUIT, SYS) cannot call ncurses (not
///   async-signal-safe): the handler writes the exit sequences computed at start-up (rmkx, sgr0,
///   cnorm, rmcup, mouse off), restores the terminal modes saved before `newterm` with `tcsetattr`,
///   puts back the previous handler (Swift's backtracer) and lets the signal happen again, so the
///   backtrace is printed on a sane terminal and the exit status is the signal's.
///
/// While ncurses owns the screen, standard error (when it is the terminal) goes to a temporary file:
/// a stray message would scribble over the dashboard, and a fatal error's message written on the
/// alternate screen would vanish with it. The file is replayed on the terminal after it is restored,
/// by the normal exit, the suspend and the crash handler alike.
///
/// `SignalWatch` uses the same restore from its own thread when the main thread does not answer a
/// SIGTERM, SIGHUP or SIGINT (or a hangup) at once; it first points standard output at /dev/null, so
/// that ncurses, still drawing on the main thread, cannot write after the restore, and writes through a
/// duplicate of the terminal's descriptor kept for the purpose. Every write there waits at most
/// `writeTimeoutMilliseconds` for the terminal to take bytes, and the modes are set with `TCSANOW`:
/// a terminal that no longer reads (a dead connection) cannot hold the process.
///
/// Everything the handlers touch is allocated before they are installed.
enum TerminalGuard {
    /// True while ncurses owns the terminal (between newterm/resume and endwin).
    static let armed = Atomic<Bool>(false)
    nonisolated(unsafe) static var exitBytes: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) static var exitCount = 0
    nonisolated(unsafe) static var savedModes: UnsafeMutablePointer<termios>?
    nonisolated(unsafe) static var previousActions: UnsafeMutablePointer<sigaction>?
    nonisolated(unsafe) static var installed = false
    /// The terminal's standard error while it is captured, else -1 (the watch thread may release it too).
    static let realStderr = Atomic<Int32>(-1)
    /// A duplicate of standard output (the terminal), for the restore after standard output is silenced.
    nonisolated(unsafe) static var terminalOut: Int32 = -1
    /// /dev/null, opened at install, put on standard output by `emergencyRestore(silencingOthers:)`.
    nonisolated(unsafe) static var devNull: Int32 = -1
    /// How long a restore waits for a full terminal to take bytes (the exit sequences, then what was
    /// captured of standard error).
    static let writeTimeoutMilliseconds: Int32 = 20
    /// The temporary file standard error goes to while captured.
    nonisolated(unsafe) static var captureFile: Int32 = -1
    nonisolated(unsafe) static var replayBuffer: UnsafeMutableRawPointer?
    static let replaySize = 4096

    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT, SIGSYS]
    static let signalSlots = 65

    /// Saves the terminal's modes and installs the crash handlers and the atexit hook (once), and
    /// stores the bytes that restore the terminal. Call before `newterm`.
    nonisolated static func install(exitSequence: [UInt8]) {
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, exitSequence.count))
        bytes.initialize(from: exitSequence, count: exitSequence.count)
        let old = exitBytes
        exitBytes = bytes
        exitCount = exitSequence.count
        old?.deallocate()
        _ = armed.load(ordering: .relaxed)
        guard !installed else { return }
        installed = true

        let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        modes.initialize(to: termios())
        if tcgetattr(0, modes) == 0 { savedModes = modes } else { modes.deallocate() }
        let out = fcntl(1, F_DUPFD_CLOEXEC, 3)
        if out >= 0 { terminalOut = out }
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        if null >= 0 { devNull = null }

        replayBuffer = UnsafeMutableRawPointer.allocate(byteCount: replaySize, alignment: 16)
        if let file = tmpfile() {
            let fd = dup(fileno(file))
            fclose(file)
            if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC); captureFile = fd }
        }

        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
        previous.initialize(repeating: sigaction(), count: signalSlots)
        previousActions = previous

        installAlternateStack()
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = makeCrashHandler()
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigemptyset(&action.sa_mask)
        for sig in crashSignals { sigaction(sig, &action, previous + Int(sig)) }
        atexit(makeExitHook())
    }

    /// A stack for the crash handler, so that a stack overflow can still restore the terminal
    /// (kept if the Swift runtime already set one).
    nonisolated private static func installAlternateStack() {
        var current = stack_t()
        if sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) == 0 { return }
        let size = 64 * 1024
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
    }

    /// Writes the exit sequences and restores the saved terminal modes (only while ncurses owns the
    /// terminal, and only once), then gives standard error back. Async-signal-safe. With
    /// `silencingOthers`, standard output is first pointed at /dev/null, so that another thread still
    /// drawing cannot write after the restore.
    nonisolated static func emergencyRestore(silencingOthers: Bool = false) {
        defer { releaseStderr() }
        guard armed.exchange(false, ordering: .sequentiallyConsistent) else { return }
        // In the background (the job was stopped, then sent SIGTERM and continued), the terminal is
        // the shell's: touching it would stop the process with SIGTTOU.
        let foreground = tcgetpgrp(0)
        if foreground >= 0 && foreground != getpgrp() { return }
        var out: Int32 = 1
        if terminalOut >= 0 {
            out = terminalOut
            if silencingOthers && devNull >= 0 { _ = dup2(devNull, 1) }
        }
        if let bytes = exitBytes, exitCount > 0 { writeBounded(out, bytes, exitCount) }
        if let modes = savedModes { tcsetattr(0, TCSANOW, modes) }
    }

    /// Writes as much of the bytes as the terminal takes, waiting at most `writeTimeoutMilliseconds`
    /// each time it is full. Async-signal-safe.
    nonisolated static func writeBounded(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) {
        var done = 0
        while done < count {
            var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&p, 1, writeTimeoutMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0, p.revents & Int16(POLLOUT) != 0 else { return }
            let n = write(fd, bytes + done, count - done)
            if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }

    /// Sends standard error to the capture file, if it is a terminal. Call when ncurses takes the screen.
    nonisolated static func captureStderr() {
        guard realStderr.load(ordering: .sequentiallyConsistent) < 0, captureFile >= 0, isatty(2) != 0 else { return }
        let saved = dup(2)
        guard saved >= 0 else { return }
        _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
        _ = ftruncate(captureFile, 0)
        _ = lseek(captureFile, 0, SEEK_SET)
        guard dup2(captureFile, 2) >= 0 else { close(saved); return }
        realStderr.store(saved, ordering: .sequentiallyConsistent)
    }

    /// Puts standard error back and writes what was captured. Async-signal-safe; idempotent.
    nonisolated static func releaseStderr() {
        let saved = realStderr.exchange(-1, ordering: .sequentiallyConsistent)
        guard saved >= 0 else { return }
        _ = dup2(saved, 2)
        close(saved)
        guard let buffer = replayBuffer, captureFile >= 0 else { return }
        var offset: off_t = 0
        while true {
            let n = pread(captureFile, buffer, replaySize, offset)
            if n <= 0 { break }
            offset += off_t(n)
            writeBounded(2, buffer, n)
        }
        _ = ftruncate(captureFile, 0)
    }

    nonisolated private static func makeCrashHandler() -> @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void {
        return { sig, info, _ in
            TerminalGuard.emergencyRestore()
            if let previous = TerminalGuard.previousActions, sig > 0, Int(sig) < TerminalGuard.signalSlots {
                sigaction(sig, previous + Int(sig), nil)
            } else {
                signal(sig, SIG_DFL)
            }
            // A real fault happens again by itself when the instruction is retried, now reaching the
            // previous handler. A signal sent by kill(), raise() or abort() is sent again: first to the
            // previous handler (the backtracer), which may return, then with the default action.
            guard (info?.pointee.si_code ?? 0) <= 0 else { return }
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, sig)
            sigprocmask(SIG_UNBLOCK, &set, nil)
            raise(sig)
            signal(sig, SIG_DFL)
            raise(sig)
        }
    }

    nonisolated private static func makeExitHook() -> @convention(c) () -> Void {
        return {
            if TerminalGuard.armed.exchange(false, ordering: .sequentiallyConsistent) { endwin() }
            TerminalGuard.releaseStderr()
        }
    }
}
