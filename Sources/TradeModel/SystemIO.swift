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

    /// Reads a whole regular file of at most `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(message: "cannot read the file: \(errorText(errno))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure(message: "cannot read the file: \(errorText(errno))") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(message: "cannot read the file: it is a directory") }
        if (st.st_mode & S_IFMT) == S_IFREG && Int(st.st_size) > limit {
            throw Failure(message: "the file is \(Int(st.st_size) / 1_048_576) MB; a dataset may be at most \(limit / 1_048_576) MB")
        }
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot read the file: \(errorText(errno))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            // A pipe or a growing file cannot exhaust memory: stop one chunk past the limit.
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
