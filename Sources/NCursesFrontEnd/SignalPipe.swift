import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signals the dashboard answers (INT, TERM, HUP, TSTP, WINCH, CONT), turned into bytes on a
/// pipe that the event loop watches beside the keyboard (the self-pipe trick). The handlers only
/// `write`, so every ncurses call stays on the main thread, and a signal that arrives just before
/// the loop goes to sleep is not lost: its byte is already waiting.
///
/// These handlers are installed before `newterm`, so ncurses keeps its own hands off these signals
/// (it only catches signals still at their default action). SIGWINCH therefore ends up here, and the
/// loop calls `resizeterm` itself.
///
/// SIGINT, SIGTERM and SIGHUP are also written on a second pipe, watched by `SignalWatch`'s thread,
/// which ends the process itself when the loop does not answer at once (see there).
enum SignalPipe {
    nonisolated(unsafe) static var readEnd: Int32 = -1
    nonisolated(unsafe) static var writeEnd: Int32 = -1
    /// SIGUSR1 asks for what `r` does: read the data file again (tradedash-serve sends it to every
    /// session when the file changes).
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGWINCH, SIGCONT, SIGUSR1]
    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Opens the pipe and installs the handlers (once).
    nonisolated static func install() -> Bool {
        if readEnd >= 0 { return true }
        guard let fds = nonBlockingPipe() else { return false }
        readEnd = fds.read
        writeEnd = fds.write
        _ = TerminalGuard.armed.load(ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = makeHandler()
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        for sig in handled { sigaction(sig, &action, nil) }
        // A parent may have started us with some of them blocked (tradedash-serve blocks SIGUSR1
        // until now, so that a reload asked for during start-up waits instead of killing us):
        // handled from here on, so unblocked, and one already pending arrives now, on the pipe.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in handled { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        return true
    }

    /// A pipe whose ends never block and are closed on exec (for bytes written by signal handlers).
    nonisolated static func nonBlockingPipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }

    /// Reads every signal number waiting on the pipe.
    static func drain() -> [Int32] {
        var result = [Int32]()
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, 64) }
            if n <= 0 { break }
            result += buffer[0..<n].map { Int32($0) }
        }
        return result
    }

    /// Sets a signal back to its default action (before dying of it, or before stopping on SIGTSTP).
    static func setDefault(_ sig: Int32) {
        signal(sig, SIG_DFL)
    }

    /// Installs the pipe handler again for one signal (after a suspend).
    nonisolated static func reinstall(_ sig: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = makeHandler()
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(sig, &action, nil)
    }

    nonisolated private static func makeHandler() -> @convention(c) (Int32) -> Void {
        return { sig in
            let saved = errno
            var byte = UInt8(truncatingIfNeeded: sig)
            _ = write(SignalPipe.writeEnd, &byte, 1)
            if sig == SIGINT || sig == SIGTERM || sig == SIGHUP, SignalWatch.writeEnd >= 0 {
                _ = write(SignalWatch.writeEnd, &byte, 1)
            }
            errno = saved
        }
    }
}
