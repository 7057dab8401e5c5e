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

extension ServeTests.Sessions {
    /// The options that decide who may use a key are honoured as sshd honours them; the ones that
    /// cannot be (certificates) skip the line; the rest are named in one line and ignored.
    @Test("from= and expiry-time= are honoured; cert-authority and a bad expiry-time skip the line; other options are named")
    func keyOptions() throws {
        // (options, let in?) — each line its own key; the client comes from 127.0.0.1.
        let cases: [(String, Bool)] = [
            ("from=\"10.9.9.9\"", false), ("from=\"127.0.0.*\"", true), ("from=\"!127.0.0.1,*\"", false),
            ("from=\"127.0.0.0/8\"", true), ("from=\"10.0.0.0/8,::1\"", false), ("from=\"localhost\"", false),
            ("expiry-time=\"20000101Z\"", false), ("expiry-time=\"29991231\"", true),
            ("from=\"127.0.0.1\",expiry-time=\"20000101\"", false),
            ("cert-authority", false), ("expiry-time=\"2099-12-31\"", false),
            ("no-pty,command=\"echo hi\",restrict", true),
        ]
        let folder = NSTemporaryDirectory() + "/serve-key-options-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var lines = [String]()
        for (k, (options, _)) in cases.enumerated() {
            try ServeServer.keygen(["-t", "ed25519", "-C", "case-\(k)", "-f", "\(folder)/key\(k)"])
            lines.append(options + " " + (try String(contentsOfFile: "\(folder)/key\(k).pub", encoding: .utf8)).trimmingCharacters(in: .newlines))
        }
        let server = try ServeServer(extraKeys: lines)
        defer { server.stop() }
        for (k, (options, allowed)) in cases.enumerated() {
            let r = server.run(["validate", "--quiet"], key: "\(folder)/key\(k)")
            #expect((r.status == 0) == allowed, "\(options): status \(r.status), expected \(allowed ? "in" : "refused")\n\(r.stderr)")
        }
        let log = server.log
        #expect(log.contains("auth refused: 127.0.0.1 is not in the key's from=\"10.9.9.9\""), "\(log)")
        #expect(log.contains("auth refused: the key expired (expiry-time) at 2000-01-01 00:00:00 UTC"), "\(log)")
        #expect(log.contains("authorized key skipped: cert-authority: certificates are not supported here") && log.contains("authorized_keys:11"), "\(log)")
        #expect(log.contains("authorized key skipped: expiry-time=\"2099-12-31\" is not YYYYMMDD"), "\(log)")
        #expect(log.contains("authorized key options ignored: no-pty, command, restrict"), "\(log)")
    }
}
