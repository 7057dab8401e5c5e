import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Detached POSIX threads, without Foundation or Dispatch (neither is loaded by the dashboard).
///
/// The signals the dashboard answers are blocked in every thread started here, so that their
/// handlers (which only write a byte on a pipe) run on the main thread or the watch thread; a
/// background thread never has its work interrupted by them.
enum BackgroundThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body` on a new detached thread. False when the system refuses a thread.
    nonisolated static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for sig in SignalPipe.handled { sigaddset(&blocked, sig) }
        var previous = sigset_t()
        // A new thread inherits the mask of the thread that creates it.
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            Unmanaged<Body>.fromOpaque(argument).takeRetainedValue().run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}

/// One background thread that runs jobs for the event loop, one at a time: the loop `submit`s a
/// job and goes on reading keys; when the job is done, a byte on `readyDescriptor` wakes the loop's
/// `poll`, and `take` hands over the result. A job submitted while another is still waiting to
/// start replaces it (only the latest state is worth drawing).
///
/// The thread sleeps in `read` on a pipe between jobs: no CPU while idle.
final class BackgroundWorker<Job: Sendable, Output: Sendable>: Sendable {
    private let slots = Mutex<(job: Job?, output: Output?)>((nil, nil))
    private let work: @Sendable (Job) -> Output
    private let wakeRead: Int32, wakeWrite: Int32
    /// Readable when an output is waiting: watch it in `poll` beside the keyboard.
    let readyDescriptor: Int32
    private let readyWrite: Int32

    /// Nil when a pipe or the thread cannot be had.
    init?(_ work: @escaping @Sendable (Job) -> Output) {
        var wake: [Int32] = [-1, -1], ready: [Int32] = [-1, -1]
        guard pipe(&wake) == 0 else { return nil }
        guard pipe(&ready) == 0 else { close(wake[0]); close(wake[1]); return nil }
        for fd in wake + ready { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        // The worker blocks on wakeRead; everything else never blocks.
        for fd in [wake[1], ready[0], ready[1]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        self.work = work
        wakeRead = wake[0]
        wakeWrite = wake[1]
        readyDescriptor = ready[0]
        readyWrite = ready[1]
        guard BackgroundThread.start({ [self] in self.serve() }) else {
            for fd in wake + ready { close(fd) }
            return nil
        }
    }

    /// Gives the thread a job (replacing one that has not started yet).
    func submit(_ job: Job) {
        slots.withLock { $0.job = job }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// The output of the last finished job, if one is waiting (and drains the wake-up bytes).
    func take() -> Output? {
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(readyDescriptor, $0.baseAddress, 64) }) > 0 {}
        return slots.withLock { slot in
            let output = slot.output
            slot.output = nil
            return output
        }
    }

    private func serve() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(wakeRead, $0.baseAddress, 64) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            guard let job = slots.withLock({ slot -> Job? in
                let job = slot.job
                slot.job = nil
                return job
            }) else { continue }
            let output = work(job)
            slots.withLock { $0.output = output }
            var byte: UInt8 = 1
            _ = write(readyWrite, &byte, 1)
        }
    }
}
