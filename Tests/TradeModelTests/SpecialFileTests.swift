import Foundation
import Testing
@testable import TradeModel
#if canImport(Glibc)
import Glibc
#endif

/// Loading a dataset from something that is not a regular file (a FIFO, a device) must fail at once
/// with a clear message: `tradedash validate FIFO`, `render --data FIFO` and `r` in the dashboard used
/// to block forever in open() or read().
@Suite struct SpecialFileTests {
    /// Runs `body` on a background thread and waits for it, at most `deadline` seconds (a safety net
    /// so that a regression fails instead of hanging the test run; no test depends on the time taken).
    /// `unblock` is called when the deadline passes, to let a stuck thread finish.
    static func finishes<T: Sendable>(within deadline: Double = 30, unblock: @escaping @Sendable () -> Void = {},
                                       _ body: @escaping @Sendable () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Thread.detachNewThread {
            box.set(body())
            done.signal()
        }
        if done.wait(timeout: .now() + deadline) == .timedOut {
            unblock()
            return nil
        }
        return box.get()
    }

    final class ResultBox<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var value: T?
        func set(_ v: T) { lock.lock(); value = v; lock.unlock() }
        func get() -> T? { lock.lock(); defer { lock.unlock() }; return value }
    }

    /// A FIFO with no writer in a fresh temporary directory.
    static func makeFIFO() throws -> (dir: String, fifo: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradedash-fifo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let fifo = dir + "/data.json"
        guard mkfifo(fifo, 0o600) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        return (dir, fifo)
    }

    /// Opening the FIFO for writing (and closing it) wakes a reader blocked in open() or read().
    static func unblockReader(_ fifo: String) {
        let fd = open(fifo, O_WRONLY | O_NONBLOCK)
        if fd >= 0 { close(fd) }
    }

    static func loadError(_ path: String) -> [String]? {
        do {
            _ = try DatasetLoader.load(path: path)
            return []
        } catch {
            return error.lines
        }
    }

    @Test func aFIFOIsRefusedAtOnce() throws {
        let (dir, fifo) = try Self.makeFIFO()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = Self.finishes(unblock: { Self.unblockReader(fifo) }) { Self.loadError(fifo) }
        #expect(lines != nil, "loading a FIFO did not return: it blocks")
        #expect(lines ?? nil == ["\(fifo): cannot read the file: it is not a regular file (a FIFO)"])
    }

    @Test func aFIFOIsRefusedByTheLowLevelRead() throws {
        let (dir, fifo) = try Self.makeFIFO()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let message = Self.finishes(unblock: { Self.unblockReader(fifo) }) { () -> String in
            do {
                _ = try SystemIO.read(fifo, limit: 1 << 20)
                return "read"
            } catch {
                return "\(error)"
            }
        }
        #expect(message == "cannot read the file: it is not a regular file (a FIFO)")
    }

    /// A symbolic link to a FIFO is what it points to.
    @Test func aLinkToAFIFOIsRefused() throws {
        let (dir, fifo) = try Self.makeFIFO()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let link = dir + "/link.json"
        #expect(symlink(fifo, link) == 0)
        let lines = Self.finishes(unblock: { Self.unblockReader(fifo) }) { Self.loadError(link) }
        #expect(lines ?? nil == ["\(link): cannot read the file: it is not a regular file (a FIFO)"])
    }

    @Test(arguments: ["/dev/zero", "/dev/urandom", "/dev/null"])
    func devicesAreRefused(_ device: String) {
        guard SystemIO.exists(device) else { return }
        let lines = Self.finishes { Self.loadError(device) }
        #expect(lines ?? nil == ["\(device): cannot read the file: it is not a regular file (a device)"])
    }

    @Test func regularFilesStillLoad() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradedash-regular-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/d.json"
        let text = "{\"schema\": 1}"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try SystemIO.read(path, limit: 1 << 20) == Array(text.utf8))
    }
}
