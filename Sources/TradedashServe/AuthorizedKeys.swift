import Foundation
import Logging
import NIOCore
import NIOSSH

/// The keys let in: an OpenSSH `authorized_keys` file. ed25519 and ECDSA (P-256, P-384, P-521)
/// keys are read; other types (RSA, DSA, security keys), which swift-nio-ssh cannot verify, are
/// skipped with a log line naming the type and the line.
struct AuthorizedKeys: Sendable {
    /// Each key, with the limits of each line that lists it (usually one; its comment names the person).
    var keys: [NIOSSHPublicKey: [KeyRestrictions]] = [:]

    static let supported = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]

    static func load(path: String, logger: Logger) throws -> AuthorizedKeys {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw ServeError("cannot read the authorized keys \(path): it is a directory (give the file in it)")
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            let why = FileManager.default.fileExists(atPath: path) ? "it cannot be read as UTF-8 text (\(error.localizedDescription))" : "no such file"
            throw ServeError("cannot read the authorized keys \(path): \(why)")
        }
        var result = AuthorizedKeys()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r\u{FEFF}")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let place = "\(path):\(index + 1)"
            guard let parsed = KeyLine.parse(line) else {
                logger.warning("authorized key skipped: no key type and key (or an unclosed quote in its options)", metadata: ["place": "\(place)"])
                continue
            }
            guard supported.contains(parsed.type) else {
                logger.warning("authorized key refused: \(parsed.type) keys cannot be verified here; use ssh-ed25519 or ecdsa-sha2-nistp256 (ssh-keygen -t ed25519)",
                               metadata: ["place": "\(place)", "type": "\(parsed.type)"])
                continue
            }
            let key: NIOSSHPublicKey
            do { key = try NIOSSHPublicKey(openSSHPublicKey: parsed.type + " " + parsed.base64) } catch {
                logger.warning("authorized key skipped: its base64 is not a \(parsed.type) key", metadata: ["place": "\(place)"])
                continue
            }
            switch KeyRestrictions.from(parsed) {
            case .failure(let why):
                logger.warning("authorized key skipped: \(why)", metadata: ["place": "\(place)"])
            case .success(let (restrictions, ignored)):
                result.keys[key, default: []].append(restrictions)
                if !ignored.isEmpty {
                    logger.notice("authorized key options ignored: \(ignored.joined(separator: ", ")) (every session is limited to the dashboard and read-only commands; from= and expiry-time= are honoured)",
                                  metadata: ["place": "\(place)"])
                }
            }
        }
        if result.keys.isEmpty {
            logger.warning("no usable key in \(path): nobody can log in until it has one (it is read again when it changes)")
        }
        return result
    }
}

/// Public-key authentication for one connection: a key of the file, or any key with `--public`.
/// The library has verified the signature before asking.
final class KeyAuthDelegate: NIOSSHServerUserAuthenticationDelegate, @unchecked Sendable {
    let keys: AuthorizedKeys
    let anyone: Bool
    let logger: Logger
    /// The client's IP address, for from=.
    let peer: String
    let onSuccess: @Sendable (String) -> Void

    init(keys: AuthorizedKeys, anyone: Bool, peer: String, logger: Logger, onSuccess: @escaping @Sendable (String) -> Void) {
        self.peer = peer
        self.keys = keys
        self.anyone = anyone
        self.logger = logger
        self.onSuccess = onSuccess
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .publicKey }

    func requestReceived(request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        guard case .publicKey(let offer) = request.request else {
            logger.debug("auth refused: not a public key", metadata: ["user": "\(request.username.loggable(40))"])
            responsePromise.succeed(.failure)
            return
        }
        let fingerprint = KeyFingerprint.of(offer.publicKey)
        var metadata: Logger.Metadata = ["user": "\(request.username.loggable(40))", "key": "\(fingerprint)"]
        if let lines = keys.keys[offer.publicKey] {
            if let comment = lines.first?.comment, !comment.isEmpty { metadata["comment"] = "\(comment.loggable(80))" }
            // As sshd: any line of the key whose limits allow this login lets it in.
            guard lines.contains(where: { $0.refusal(address: peer) == nil }) else {
                let why = lines.compactMap { $0.refusal(address: peer) }.joined(separator: "; ")
                logger.notice("auth refused: \(why)", metadata: metadata)
                responsePromise.succeed(.failure)
                return
            }
            logger.info("auth accepted", metadata: metadata)
            onSuccess(fingerprint)
            responsePromise.succeed(.success)
        } else if anyone {
            logger.info("auth accepted (--public)", metadata: metadata)
            onSuccess(fingerprint)
            responsePromise.succeed(.success)
        } else {
            logger.notice("auth refused: key not in the authorized keys", metadata: metadata)
            responsePromise.succeed(.failure)
        }
    }
}
