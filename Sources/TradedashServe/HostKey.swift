import Crypto
import Foundation
import NIOSSH

/// The server's ed25519 host key, in OpenSSH's own file format (`openssh-key-v1`, unencrypted), so
/// that `ssh-keygen -lf FILE` prints the same fingerprint as the server's log.
struct HostKey {
    let privateKey: Curve25519.Signing.PrivateKey
    let path: String

    var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: privateKey) }
    var publicKeyLine: String { String(openSSHPublicKey: sshKey.publicKey) }
    var fingerprint: String { KeyFingerprint.of(sshKey.publicKey) }

    /// `$XDG_STATE_HOME/tradedash/host_ed25519`, with ~/.local/state when XDG_STATE_HOME is unset or relative.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var base = environment["XDG_STATE_HOME"] ?? ""
        if !base.hasPrefix("/") { base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state" }
        return base + "/tradedash/host_ed25519"
    }

    /// Reads the key at `path`, or makes one there (mode 0600, its folder 0700) when there is no
    /// file. `generated` says which.
    static func loadOrCreate(path: String) throws -> (key: HostKey, generated: Bool) {
        var st = stat()
        if lstat(path, &st) != 0 {
            guard errno == ENOENT else { throw ServeError("cannot read the host key \(path): \(String(cString: strerror(errno)))") }
            let key = HostKey(privateKey: Curve25519.Signing.PrivateKey(), path: path)
            try key.write()
            return (key, true)
        }
        guard st.st_mode & S_IFMT == S_IFREG else { throw ServeError("the host key \(path) is not a regular file") }
        guard st.st_mode & 0o077 == 0 else {
            throw ServeError("the host key \(path) is readable by others (mode \(String(st.st_mode & 0o777, radix: 8))); run: chmod 600 \(path)")
        }
        guard st.st_uid == geteuid() else { throw ServeError("the host key \(path) belongs to another user (uid \(st.st_uid))") }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ServeError("cannot read the host key \(path): \(error.localizedDescription)")
        }
        return (HostKey(privateKey: try OpenSSHKeyFile.parseEd25519(text, path: path), path: path), false)
    }

    private func write() throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ServeError("cannot make the folder \(folder) for the host key: \(error.localizedDescription)")
        }
        let text = OpenSSHKeyFile.formatEd25519(privateKey, comment: "tradedash-serve")
        try Self.writeNew(path, text, mode: 0o600)
        try? FileManager.default.removeItem(atPath: path + ".pub")
        try? Self.writeNew(path + ".pub", publicKeyLine + " tradedash-serve\n", mode: 0o644)
    }

    /// Writes a new file atomically: a temporary file of `mode` beside it, synced, then renamed.
    static func writeNew(_ path: String, _ text: String, mode: mode_t) throws {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw ServeError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            throw ServeError("cannot write \(path): \(why)")
        }
    }
}

/// OpenSSH's fingerprint of a public key: `SHA256:` and the base64 of the SHA-256 of its wire
/// form, without padding, as `ssh-keygen -l` and `ssh -v` print it.
enum KeyFingerprint {
    static func of(_ key: NIOSSHPublicKey) -> String {
        let line = String(openSSHPublicKey: key)
        let parts = line.split(separator: " ")
        guard parts.count >= 2, let blob = Data(base64Encoded: String(parts[1])) else { return "SHA256:?" }
        return of(blob: blob)
    }

    static func of(blob: Data) -> String {
        var text = Data(SHA256.hash(data: blob)).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return "SHA256:" + text
    }
}

struct ServeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
