import Crypto
import Foundation

/// OpenSSH's private key file (`-----BEGIN OPENSSH PRIVATE KEY-----`, PROTOCOL.key), for one
/// unencrypted ed25519 key: what `ssh-keygen -t ed25519 -N ''` writes.
enum OpenSSHKeyFile {
    static let magic = Array("openssh-key-v1".utf8) + [0]
    static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    static let end = "-----END OPENSSH PRIVATE KEY-----"

    static func formatEd25519(_ key: Curve25519.Signing.PrivateKey, comment: String) -> String {
        let pub = Array(key.publicKey.rawRepresentation)
        var publicBlob = [UInt8]()
        putString(&publicBlob, Array("ssh-ed25519".utf8))
        putString(&publicBlob, pub)
        var secret = [UInt8]()
        let check = UInt32.random(in: .min ... .max)
        putUInt32(&secret, check)
        putUInt32(&secret, check)
        putString(&secret, Array("ssh-ed25519".utf8))
        putString(&secret, pub)
        putString(&secret, Array(key.rawRepresentation) + pub)
        putString(&secret, Array(comment.utf8))
        var pad: UInt8 = 1
        while secret.count % 8 != 0 { secret.append(pad); pad += 1 }
        var out = magic
        putString(&out, Array("none".utf8))
        putString(&out, Array("none".utf8))
        putString(&out, [])
        putUInt32(&out, 1)
        putString(&out, publicBlob)
        putString(&out, secret)
        let base64 = Data(out).base64EncodedString()
        var lines = [begin]
        var rest = Substring(base64)
        while !rest.isEmpty { lines.append(String(rest.prefix(70))); rest = rest.dropFirst(70) }
        lines.append(end)
        return lines.joined(separator: "\n") + "\n"
    }

    static func parseEd25519(_ text: String, path: String) throws -> Curve25519.Signing.PrivateKey {
        func bad(_ why: String) -> ServeError { ServeError("the host key \(path) is not usable: \(why)") }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(of: begin), let last = lines.firstIndex(of: end), first < last else {
            throw bad("not an OpenSSH private key file (no \(begin) line)")
        }
        guard let data = Data(base64Encoded: lines[(first + 1)..<last].joined()) else { throw bad("its base64 is broken") }
        var reader = Reader(bytes: Array(data))
        guard reader.take(magic.count) == magic else { throw bad("not openssh-key-v1") }
        guard let cipher = reader.string(), let kdf = reader.string(), reader.string() != nil else { throw bad("truncated") }
        guard cipher == Array("none".utf8), kdf == Array("none".utf8) else { throw bad("it has a passphrase (the server needs an unencrypted key)") }
        guard reader.uint32() == 1, reader.string() != nil, let secretBytes = reader.string() else { throw bad("it must hold exactly one key") }
        var secret = Reader(bytes: secretBytes)
        guard let c1 = secret.uint32(), let c2 = secret.uint32(), c1 == c2 else { throw bad("its check numbers differ") }
        guard let type = secret.string() else { throw bad("truncated") }
        guard type == Array("ssh-ed25519".utf8) else { throw bad("its type is \(String(decoding: type, as: UTF8.self)); the host key must be ed25519") }
        guard let pub = secret.string(), pub.count == 32, let priv = secret.string(), priv.count == 64 else { throw bad("its ed25519 key has the wrong length") }
        do {
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: priv[0..<32])
            guard Array(key.publicKey.rawRepresentation) == pub else { throw bad("its public half does not match its private half") }
            return key
        } catch let error as ServeError { throw error } catch { throw bad("\(error)") }
    }

    private static func putUInt32(_ out: inout [UInt8], _ value: UInt32) {
        out += [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
    }

    private static func putString(_ out: inout [UInt8], _ bytes: [UInt8]) {
        putUInt32(&out, UInt32(bytes.count))
        out += bytes
    }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0
        mutating func take(_ n: Int) -> [UInt8]? {
            guard n >= 0, at + n <= bytes.count else { return nil }
            defer { at += n }
            return Array(bytes[at..<(at + n)])
        }
        mutating func uint32() -> UInt32? {
            guard let b = take(4) else { return nil }
            return b.reduce(0) { $0 << 8 | UInt32($1) }
        }
        mutating func string() -> [UInt8]? {
            guard let n = uint32(), n < 1 << 20 else { return nil }
            return take(Int(n))
        }
    }
}
