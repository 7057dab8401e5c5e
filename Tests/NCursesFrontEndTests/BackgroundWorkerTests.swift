import Glibc
@testable import NCursesFrontEnd
import Synchronization
import Testing

/// The worker the event loop hands frames and reloads to: results come back through a descriptor
/// `poll` can watch, the work runs on another thread, and a job waiting to start is replaced by a
/// newer one.
@Suite("Background worker")
struct BackgroundWorkerTests {
    /// Waits (in poll, up to 10 s) until the worker says an output is ready.
    static func waitReady(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 10_000) == 1
    }

    /// A pipe the test writes to let a job go on.
    final class Gate: Sendable {
        let read: Int32, write: Int32
        init() {
            var fds: [Int32] = [-1, -1]
            _ = pipe(&fds)
            read = fds[0]
            write = fds[1]
        }
        func wait() {
            var b: UInt8 = 0
            while Glibc.read(read, &b, 1) < 0 && errno == EINTR {}
        }
        func open() {
            var b: UInt8 = 1
            _ = Glibc.write(write, &b, 1)
        }
        deinit { close(read); close(write) }
    }

    @Test("a job runs on another thread and its output is handed over once, after the ready descriptor fires")
    func roundTrip() throws {
        let caller = UInt(pthread_self())
        let made = BackgroundWorker<Int, [UInt]>({ n in [UInt(n * 2), UInt(pthread_self())] })
        let worker = try #require(made)
        #expect(worker.take() == nil, "nothing before a job")
        worker.submit(21)
        #expect(Self.waitReady(worker.readyDescriptor))
        let out = try #require(worker.take())
        #expect(out[0] == 42)
        #expect(out[1] != caller, "the work ran on the caller's thread")
        #expect(worker.take() == nil, "an output is handed over once")
        var p = pollfd(fd: worker.readyDescriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&p, 1, 0) == 0, "take drains the ready descriptor")
    }

    @Test("jobs submitted while one runs: only the latest is run after it")
    func latestWins() throws {
        let gate = Gate(), started = Gate()
        let runs = Atomic<Int>(0)
        let made = BackgroundWorker<Int, Int>({ n in
            runs.add(1, ordering: .sequentiallyConsistent)
            if n == 1 {
                started.open()
                gate.wait()
            }
            return n
        })
        let worker = try #require(made)
        worker.submit(1)
        started.wait()
        worker.submit(2)
        worker.submit(3)
        worker.submit(4)
        gate.open()
        var outputs = [Int]()
        while outputs.last != 4 {
            #expect(Self.waitReady(worker.readyDescriptor), "outputs so far: \(outputs)")
            if let o = worker.take() { outputs.append(o) }
            if outputs.count > 4 { break }
        }
        #expect(outputs.last == 4)
        #expect(!outputs.contains(2) && !outputs.contains(3), "replaced jobs ran: \(outputs)")
        #expect(runs.load(ordering: .sequentiallyConsistent) == 2, "job 1, then job 4 only")
    }

    @Test("the thread's signal mask blocks the signals the dashboard handles, so their handlers run on the main thread")
    func signalsBlocked() throws {
        var before = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &before)
        let made = BackgroundWorker<Int, [Int32]>({ _ in
            var current = sigset_t()
            pthread_sigmask(SIG_BLOCK, nil, &current)
            return SignalPipe.handled.filter { sigismember(&current, $0) != 1 }
        })
        let worker = try #require(made)
        worker.submit(0)
        #expect(Self.waitReady(worker.readyDescriptor))
        #expect(worker.take() == [], "signals left unblocked in the worker")
        var after = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &after)
        #expect((1..<32).allSatisfy { sigismember(&before, $0) == sigismember(&after, $0) }, "the caller's mask is left as it was")
    }
}
