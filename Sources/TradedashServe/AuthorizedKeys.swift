import Foundation
import Logging
import NIOCore
import NIOSSH

/// The keys let in: an OpenSSH `authorized_keys` file. ed25519 and ECDSA (P-256, P-384, P-521)
/// keys are read; other types (RSA, DSA, security keys), which swift-nio-ssh cannot verify, are
/// skipped with a log line naming the type and the line.
struct AuthorizedKeys: Sendable {
    /// Each key and its comment (usually the person's name).
    var keys: [NIOSSHPublicKey: String] = [:]

    static let supported = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]

    static func load(path: String, logger: Logger) throws -> AuthorizedKeys {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ServeError("cannot read the authorized keys \(path): \(error.localizedDescription)")
        }
        var result = AuthorizedKeys()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let place = "\(path):\(index + 1)"
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            // Options (`restrict,command="..."`) may come before the type; the type is the first
            // word that looks like one.
            guard let at = words.firstIndex(where: { $0.hasPrefix("ssh-") || $0.hasPrefix("ecdsa-") || $0.hasPrefix("sk-") }),
                  at + 1 < words.count else {
                logger.warning("authorized key skipped: no key type and key", metadata: ["place": "\(place)"])
                continue
            }
            let type = words[at]
            guard supported.contains(type) else {
                logger.warning("authorized key refused: \(type) keys cannot be verified here; use ssh-ed25519 or ecdsa-sha2-nistp256 (ssh-keygen -t ed25519)",
                               metadata: ["place": "\(place)", "type": "\(type)"])
                continue
            }
            do {
                let key = try NIOSSHPublicKey(openSSHPublicKey: type + " " + words[at + 1])
                result.keys[key] = words.dropFirst(at + 2).joined(separator: " ")
                if at > 0 {
                    logger.warning("authorized key options ignored (tradedash-serve allows the dashboard and read-only commands only)",
                                   metadata: ["place": "\(place)"])
                }
            } catch {
                logger.warning("authorized key skipped: its base64 does not decode to a \(type) key", metadata: ["place": "\(place)"])
            }
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
    let onSuccess: @Sendable (String) -> Void

    init(keys: AuthorizedKeys, anyone: Bool, logger: Logger, onSuccess: @escaping @Sendable (String) -> Void) {
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
        if let comment = keys.keys[offer.publicKey] {
            if !comment.isEmpty { metadata["comment"] = "\(comment)" }
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
