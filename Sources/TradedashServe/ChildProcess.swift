import CServePTY
import Foundation
import NIOConcurrencyHelpers

/// How a child ended: its exit status, or the signal that killed it.
enum ChildEnd: Sendable {
    case exited(Int32)
    case signaled(Int32)
}

/// One child of a session: the dashboard on its own pseudo-terminal, or a command on pipes. A
/// thread of its own reads the child's output (`output(bytes, isStdErr)`) until the child has
/// closed it, reaps the child and calls `ended`. Input goes through a serial queue, so a child
/// that does not read never blocks the event loop.
final class ChildProcess: @unchecked Sendable {
    let pid: pid_t
    private let lock = NIOLock()
    private var reaped = false
    private let input = DispatchQueue(label: "tradedash-serve.input")
    /// Where input goes: the pty's master (a duplicate the reader does not own), or the stdin pipe.
    private var inputFD: Int32

    private init(pid: pid_t, inputFD: Int32) {
        self.pid = pid
        self.inputFD = inputFD
    }

    struct SpawnError: Error, CustomStringConvertible { let description: String }

    /// `argv[0]` is the program's path; `rows` × `cols` the terminal's size.
    static func onTerminal(_ argv: [String], environment: [String], rows: Int, cols: Int,
                           output: @escaping @Sendable ([UInt8], Bool) -> Void,
                           ended: @escaping @Sendable (ChildEnd) -> Void) throws -> ChildProcess {
        var master: Int32 = -1
        var name = [CChar](repeating: 0, count: 128)
        guard serve_open_pty(&master, &name, name.count, clamp(rows), clamp(cols)) == 0 else {
            throw SpawnError(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else {
            let why = String(cString: strerror(errno)); close(master)
            throw SpawnError(description: "cannot open \(slavePath): \(why)")
        }
        let pid = spawn(argv, environment, slave, slave, slave, controlTTY: true)
        let spawnErrno = errno
        close(slave)  // the child holds it now: its end makes the master's read fail (EIO)
        guard pid > 0 else {
            close(master)
            throw SpawnError(description: "cannot start \(argv[0]): \(String(cString: strerror(spawnErrno)))")
        }
        let child = ChildProcess(pid: pid, inputFD: dup(master))
        child.startReader(fds: [master], output: output, ended: ended)
        return child
    }

    /// A command with stdin from /dev/null, stdout and stderr on pipes.
    static func onPipes(_ argv: [String], environment: [String],
                        output: @escaping @Sendable ([UInt8], Bool) -> Void,
                        ended: @escaping @Sendable (ChildEnd) -> Void) throws -> ChildProcess {
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        guard serve_pipe(&out) == 0 else { throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))") }
        guard serve_pipe(&err) == 0 else { close(out[0]); close(out[1]); throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))") }
        let null = open("/dev/null", O_RDONLY | O_CLOEXEC)
        let pid = spawn(argv, environment, null, out[1], err[1], controlTTY: false)
        let spawnErrno = errno
        close(null); close(out[1]); close(err[1])
        guard pid > 0 else {
            close(out[0]); close(err[0])
            throw SpawnError(description: "cannot start \(argv[0]): \(String(cString: strerror(spawnErrno)))")
        }
        let child = ChildProcess(pid: pid, inputFD: -1)
        child.startReader(fds: [out[0], err[0]], output: output, ended: ended)
        return child
    }

    /// The session handler keeps sizes within --max-window; this only keeps them within what the kernel takes.
    private static func clamp(_ n: Int) -> UInt16 { UInt16(max(1, min(n, Int(UInt16.max)))) }

    private static func spawn(_ argv: [String], _ environment: [String], _ i: Int32, _ o: Int32, _ e: Int32, controlTTY: Bool) -> pid_t {
        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup($0) } + [nil]
        defer { cArgv.forEach { free($0) }; cEnv.forEach { free($0) } }
        return serve_spawn(argv[0], cArgv, cEnv, i, o, e, controlTTY ? 1 : 0)
    }

    private func startReader(fds: [Int32], output: @escaping @Sendable ([UInt8], Bool) -> Void, ended: @escaping @Sendable (ChildEnd) -> Void) {
        let thread = Thread { [self] in
            var open = fds
            var buffer = [UInt8](repeating: 0, count: 16384)
            while !open.isEmpty {
                var polls = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
                let n = poll(&polls, nfds_t(polls.count), -1)
                if n < 0 { if errno == EINTR { continue }; break }
                for p in polls where p.revents != 0 {
                    let count = read(p.fd, &buffer, buffer.count)
                    if count > 0 {
                        output(Array(buffer[0..<count]), fds.count > 1 && p.fd == fds[1])
                    } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                        // 0: the pipe's end; EIO: every holder of the pty's slave has gone.
                        close(p.fd)
                        open.removeAll { $0 == p.fd }
                    }
                }
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            lock.withLock { reaped = true }
            input.async { [self] in
                if inputFD >= 0 { close(inputFD); inputFD = -1 }
            }
            let signal = status & 0x7f
            ended(signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal))
        }
        thread.name = "tradedash-serve child \(pid)"
        thread.start()
    }

    /// Bytes from the client, to the child's terminal.
    func write(_ bytes: [UInt8]) {
        input.async { [self] in
            var at = 0
            while at < bytes.count && inputFD >= 0 {
                let n = bytes[at...].withUnsafeBytes { Glibc.write(inputFD, $0.baseAddress, $0.count) }
                if n > 0 { at += n } else if n < 0 && errno == EINTR { continue } else { break }
            }
        }
    }

    /// A new window size: TIOCSWINSZ on the master; the kernel sends the child SIGWINCH.
    func resize(rows: Int, cols: Int) {
        input.async { [self] in
            if inputFD >= 0 { _ = serve_set_window_size(inputFD, Self.clamp(rows), Self.clamp(cols)) }
        }
    }

    /// Sends `signal` to the child's process group (it leads its own session), unless it has been
    /// reaped (its pid may be someone else's now).
    func signal(_ signal: Int32) {
        lock.withLock {
            if !reaped { kill(-pid, signal) }
        }
    }

    var hasEnded: Bool { lock.withLock { reaped } }
}
