#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The thread that makes SIGTERM, SIGHUP, SIGINT and a lost terminal end the process promptly,
/// whatever the main thread is doing (a long computation, a write to a terminal that no longer
/// reads).
///
/// It sleeps in `poll` on two things: a pipe on which the signal handlers write the number of a
/// terminating signal, and the terminal itself (standard input) with no event asked for, so that
/// only a hangup or an error wakes it (a closed pseudo-terminal, a dropped SSH connection) — it
/// never reads a key. On either, the main loop normally answers within a millisecond: it leaves
/// ncurses the ordinary way and the process dies of the signal (or exits 1 after a hangup). If the
/// process is still alive `graceMilliseconds` later, or a second terminating signal comes, this
/// thread takes over: it silences standard output (so that ncurses, on the main thread, can no
/// longer write), writes the exit sequences computed at start-up and puts the saved terminal modes
/// back (`TerminalGuard.emergencyRestore`), then dies of the signal with its default action (or
/// exits 1), taking every thread with it.
enum SignalWatch {
    /// Where the handlers write the numbers of terminating signals; -1 until `start`.
    nonisolated(unsafe) static var writeEnd: Int32 = -1
    nonisolated(unsafe) static var readEnd: Int32 = -1
    /// How long the main loop is given to end the process itself.
    static let graceMilliseconds: Int32 = 100

    enum Ending: Sendable, Equatable {
        case signal(Int32)
        case hangup
    }

    /// Opens the pipe and starts the thread (once). Call before the handlers can fire.
    nonisolated static func start() -> Bool {
        if writeEnd >= 0 { return true }
        guard let pipe = SignalPipe.nonBlockingPipe() else { return false }
        let fds = [pipe.read, pipe.write]
        readEnd = fds[0]
        let watched = fds[0]
        guard BackgroundThread.start({ watch(watched) }) else {
            close(fds[0])
            close(fds[1])
            readEnd = -1
            return false
        }
        writeEnd = fds[1]
        return true
    }

    /// The terminating signal numbers waiting on the pipe.
    private static func drain(_ fd: Int32) -> [Int32] {
        var result = [Int32]()
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 64) }
            if n <= 0 { break }
            result += buffer[0..<n].map { Int32($0) }
        }
        return result
    }

    private static func watch(_ fd: Int32) {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: 0, events: 0, revents: 0)]
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            var ending: Ending?
            if let sig = drain(fd).first { ending = .signal(sig) }
            if ending == nil, fds[1].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { ending = .hangup }
            guard var ending else { continue }
            // The grace: the main loop ends the process the ordinary way, unless it is busy. A second
            // terminating signal (or a first one after a hangup) cuts it short.
            var signalFD = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
            var left = graceMilliseconds
            var start = timespec()
            clock_gettime(CLOCK_MONOTONIC, &start)
            while left > 0 {
                signalFD[0].revents = 0
                let r = poll(&signalFD, 1, left)
                if r > 0, let sig = drain(fd).first {
                    if case .hangup = ending { ending = .signal(sig) }
                    break
                }
                if r < 0 && errno != EINTR { break }
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                let spent = Int(now.tv_sec - start.tv_sec) * 1000 + Int(now.tv_nsec - start.tv_nsec) / 1_000_000
                left = graceMilliseconds - Int32(clamping: spent)
            }
            takeOver(ending)
        }
    }

    /// Restores the terminal from this thread and ends the process.
    static func takeOver(_ ending: Ending) -> Never {
        TerminalGuard.emergencyRestore(silencingOthers: true)
        switch ending {
        case .signal(let sig):
            signal(sig, SIG_DFL)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, sig)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            // Sent to this thread, where it is now unblocked: the default action ends the process.
            raise(sig)
            _exit(128 + sig)
        case .hangup:
            _exit(1)
        }
    }
}
