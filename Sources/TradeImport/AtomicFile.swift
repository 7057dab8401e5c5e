#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TradeModel

/// Writes a file so that readers see either the old content or the new, never a part: the bytes go to
/// a temporary file in the same directory, which is flushed to disk and then renamed over the target
/// (or linked to it, when the target must not exist yet). On any failure the temporary file is removed
/// and the target is untouched.
public enum AtomicFile {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public enum Mode: Sendable {
        /// Replace the file if it exists (its permissions are kept).
        case replace
        /// Fail if the file exists (checked atomically at the moment of writing).
        case createNew
    }

    public static func write(_ bytes: [UInt8], to path: String, mode: Mode) throws(WriteError) {
        // Write beside the real file when the path is a symbolic link, so that the link stays.
        var target = path
        if mode == .replace, let real = realpath(path, nil) {
            target = String(cString: real)
            free(real)
        }
        let (dir, base) = split(target)
        var permissions: mode_t = 0o666
        var st = stat()
        if stat(target, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw WriteError(message: "\(path) is a directory") }
            // Never rename over a FIFO, a device (/dev/null as root!) or a socket.
            if (st.st_mode & S_IFMT) != S_IFREG {
                throw WriteError(message: "\(path) is not a regular file (\(SystemIO.describeFileType(st.st_mode & S_IFMT)))")
            }
            if mode == .createNew { throw WriteError(message: "\(path) already exists (use --force to replace it)") }
            permissions = st.st_mode & 0o7777
        }

        var temp = ""
        var fd: Int32 = -1
        for attempt in 0..<100 {
            temp = dir + "/." + base + ".tradedash-\(getpid())-\(attempt).tmp"
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 { throw WriteError(message: "cannot create a temporary file in \(dir): \(lastError())") }
        var ok = false
        defer {
            if fd >= 0 { close(fd) }
            if !ok { unlink(temp) }
        }
        if mode == .replace && stat(target, &st) == 0 { _ = fchmod(fd, permissions) }

        var written = 0
        let failure: String? = bytes.withUnsafeBytes { raw -> String? in
            while written < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return lastError()
                }
                written += n
            }
            return nil
        }
        if let failure { throw WriteError(message: "cannot write \(temp): \(failure)") }
        if fsync(fd) != 0 { throw WriteError(message: "cannot flush \(temp) to disk: \(lastError())") }
        if close(fd) != 0 { fd = -1; throw WriteError(message: "cannot write \(temp): \(lastError())") }
        fd = -1

        switch mode {
        case .replace:
            if rename(temp, target) != 0 { throw WriteError(message: "cannot replace \(path): \(lastError())") }
        case .createNew:
            // link() fails if the target appeared meanwhile: never overwrite what is not ours.
            if link(temp, target) != 0 {
                let e = errno
                if e == EEXIST { throw WriteError(message: "\(path) already exists (use --force to replace it)") }
                // Some file systems have no hard links: fall back to a rename after a last check.
                if access(target, F_OK) == 0 { throw WriteError(message: "\(path) already exists (use --force to replace it)") }
                if rename(temp, target) != 0 { throw WriteError(message: "cannot create \(path): \(lastError())") }
            } else {
                unlink(temp)
            }
        }
        ok = true
        // Make the rename itself durable.
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }

    private static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    private static func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, p, n)
        #else
        return Darwin.write(fd, p, n)
        #endif
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
