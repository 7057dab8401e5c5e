import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// tradedash-serve's authorized keys read again: on SIGHUP, and when the file changes.
extension ServeTests.Sessions {
    @Test("SIGHUP reads the authorized keys again; a file that is gone keeps the keys before")
    func reloadKeys() throws {
        let server = try ServeServer()
        defer { server.stop() }
        #expect(server.run(["validate", "--quiet"], key: server.otherKey).status == 255, "the other key is not listed yet")
        let keys = server.directory + "/authorized_keys"
        let both = try String(contentsOfFile: keys, encoding: .utf8) + (try String(contentsOfFile: server.otherKey + ".pub", encoding: .utf8))
        try both.write(toFile: keys, atomically: true, encoding: .utf8)
        kill(server.pid, SIGHUP)
        #expect(TerminalWait.until(timeout: 5) { server.log.contains("authorized keys read again (SIGHUP)") && server.log.contains("keys=2") }, "\(server.log)")
        #expect(server.run(["validate", "--quiet"], key: server.otherKey).status == 0, "the newly listed key:\n\(server.log)")
        unlink(keys)
        kill(server.pid, SIGHUP)
        #expect(TerminalWait.until(timeout: 5) { server.log.contains("keeping the 2 keys read before") }, "\(server.log)")
        #expect(server.run(["validate", "--quiet"], key: server.otherKey).status == 0, "the keys before are kept:\n\(server.log)")
    }
}

extension ServeTests.Sessions {
    @Test("a change to the authorized keys file is read at once (inotify), both an append and a save by rename")
    func watchKeys() throws {
        let server = try ServeServer()
        defer { server.stop() }
        let keys = server.directory + "/authorized_keys"
        let listed = try String(contentsOfFile: keys, encoding: .utf8)
        let other = try String(contentsOfFile: server.otherKey + ".pub", encoding: .utf8)
        // Appended in place (as `>>` does).
        let fh = try #require(FileHandle(forWritingAtPath: keys))
        fh.seekToEndOfFile()
        fh.write(Data(other.utf8))
        fh.closeFile()
        #expect(TerminalWait.until(timeout: 5) { server.log.contains("authorized keys read again (the file changed)") && server.log.contains("keys=2") }, "\(server.log)")
        #expect(server.run(["validate", "--quiet"], key: server.otherKey).status == 0, "the appended key:\n\(server.log)")
        // Saved by rename (as editors do), without the other key.
        try listed.write(toFile: keys, atomically: true, encoding: .utf8)
        #expect(TerminalWait.until(timeout: 5) { server.log.components(separatedBy: "keys=1").count >= 3 }, "\(server.log)")
        #expect(server.run(["validate", "--quiet"], key: server.otherKey).status == 255, "the removed key is refused:\n\(server.log)")
    }
}
