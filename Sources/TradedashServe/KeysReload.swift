import Foundation
import Logging
import NIOConcurrencyHelpers

/// Reading the authorized keys again: on SIGHUP, and when the file changes (inotify on its
/// folder, so that an editor's save by rename is seen too; no polling). A file that cannot be
/// read keeps the keys read before.
enum KeysReload {
    static func reload(_ path: String, into keys: NIOLockedValueBox<AuthorizedKeys>, logger: Logger, why: String) {
        do {
            let fresh = try AuthorizedKeys.load(path: path, logger: logger)
            keys.withLockedValue { $0 = fresh }
            logger.notice("authorized keys read again (\(why))", metadata: ["file": "\(path)", "keys": "\(fresh.keys.count)"])
        } catch {
            let count = keys.withLockedValue { $0.keys.count }
            logger.error("\(why): \(error); keeping the \(count == 1 ? "key" : "\(count) keys") read before")
        }
    }

    /// Calls `changed` (on a thread of its own) after each write, rename (to or away), creation or deletion of `path`.
    /// A short pause first lets a burst of events (write, then rename) settle into one call.
    static func watch(_ path: String, logger: Logger, changed: @escaping @Sendable () -> Void) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        // A rename away (IN_MOVED_FROM) is a change too: the name no longer reads.
        let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        guard fd >= 0, inotify_add_watch(fd, folder, mask) >= 0 else {
            logger.warning("cannot watch \(folder) for changes to \(name) (\(String(cString: strerror(errno)))): it is not read again by itself")
            if fd >= 0 { close(fd) }
            return
        }
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n < 0 { if errno == EINTR { continue }; return }
                var at = 0, ours = false
                while at + 16 <= n {
                    // struct inotify_event: wd, mask, cookie, len, then len bytes of name.
                    let length = Int(buffer[at + 12]) | Int(buffer[at + 13]) << 8 | Int(buffer[at + 14]) << 16 | Int(buffer[at + 15]) << 24
                    let nameBytes = buffer[(at + 16)..<min(n, at + 16 + length)].prefix { $0 != 0 }
                    if String(decoding: nameBytes, as: UTF8.self) == name { ours = true }
                    at += 16 + length
                }
                if ours {
                    // The events of the same burst that came during the pause (a file written in
                    // place gives a creation, then a close after writing) make no second call.
                    usleep(100_000)
                    var pending = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    while poll(&pending, 1, 0) > 0 && read(fd, &buffer, buffer.count) > 0 {}
                    changed()
                }
            }
        }
        thread.name = "tradedash-serve keys watch"
        thread.start()
    }
}
