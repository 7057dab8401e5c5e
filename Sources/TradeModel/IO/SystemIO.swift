#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The little the model and the commands need from the operating system, through the C library
/// rather than Foundation: full Foundation (with ICU) adds about 7 MB to every process that links it.
public enum SystemIO {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Opens `path` for reading and checks that it is a regular file, without ever blocking: it is
    /// opened with `O_NONBLOCK` (so that a FIFO without a writer does not hang the open), then
    /// `fstat`-ed, and anything but a regular file (a directory, a FIFO, a device such as /dev/zero, a
    /// socket) is refused. The descriptor returned is back in blocking mode; the caller closes it.
    /// `size` is the file's size in bytes.
    public static func openRegularFile(_ path: String) throws(Failure) -> (fd: Int32, size: Int) {
        // Look before opening, so that a device is not even opened (opening some has effects); the
        // check is repeated on the open descriptor below, which is what counts.
        var st = stat()
        if stat(path, &st) == 0 { try requireRegular(st.st_mode) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw Failure(message: "cannot read the file: \(errorText(errno))") }
        guard fstat(fd, &st) == 0 else {
            let e = errno
            close(fd)
            throw Failure(message: "cannot read the file: \(errorText(e))")
        }
        do {
            try requireRegular(st.st_mode)
        } catch {
            close(fd)
            throw error
        }
        // Regular files never block; clear the flag all the same so reads behave as usual.
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return (fd, Int(st.st_size))
    }

    private static func requireRegular(_ mode: mode_t) throws(Failure) {
        let type = mode & S_IFMT
        if type == S_IFREG { return }
        if type == S_IFDIR { throw Failure(message: "cannot read the file: it is a directory") }
        throw Failure(message: "cannot read the file: it is not a regular file (\(describeFileType(type)))")
    }

    /// "a FIFO", "a device", "a socket"... for the `S_IFMT` bits of a file that is not regular.
    public static func describeFileType(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a directory"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }

    /// Reads a whole regular file of at most `limit` bytes. Anything else (a FIFO, a device, a socket,
    /// a directory) is refused at once rather than read: a FIFO would block forever, /dev/zero never end.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let (fd, size) = try openRegularFile(path)
        defer { close(fd) }
        if size > limit {
            throw Failure(message: "the file is \(size / 1_048_576) MB; a dataset may be at most \(limit / 1_048_576) MB")
        }
        var bytes = [UInt8]()
        // The size is known: one allocation, no copy while the array grows.
        bytes.reserveCapacity(size)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot read the file: \(errorText(errno))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            // A growing file cannot exhaust memory: stop one chunk past the limit.
            if bytes.count > limit {
                throw Failure(message: "the file is larger than \(limit / 1_048_576) MB, the most a dataset may be")
            }
        }
        return bytes
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The running executable's path (Linux: /proc/self/exe).
    public static func executablePath() -> String? {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public static func writeStandardError(_ s: String) { write(2, s) }
    public static func writeStandardOutput(_ s: String) { write(1, s) }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    private static func write(_ fd: Int32, _ s: String) {
        var bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { writeBytes(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if errno == EINTR { continue } else { return } }
            offset += n
        }
    }

    public static func errorText(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "it is a directory"
        case ENXIO: return "it is not a regular file (no such device or address)"
        default: return String(cString: strerror(code))
        }
    }
}

#if canImport(Glibc)
private let readBytes = Glibc.read
private let writeBytes = Glibc.write
#elseif canImport(Musl)
private let readBytes = Musl.read
private let writeBytes = Musl.write
#else
private let readBytes = Darwin.read
private let writeBytes = Darwin.write
#endif
