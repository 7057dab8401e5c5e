import Foundation

/// One line of an OpenSSH `authorized_keys` file, split as sshd splits it: options (a
/// comma-separated list before the key type, values in double quotes), the type, the base64 key and
/// the comment.
struct KeyLine: Equatable {
    var options: [(name: String, value: String?)]
    var type: String
    var base64: String
    var comment: String

    static func == (a: KeyLine, b: KeyLine) -> Bool {
        a.type == b.type && a.base64 == b.base64 && a.comment == b.comment
            && a.options.map { "\($0.name)=\($0.value ?? "")" } == b.options.map { "\($0.name)=\($0.value ?? "")" }
    }

    static func looksLikeType(_ word: Substring) -> Bool {
        word.hasPrefix("ssh-") || word.hasPrefix("ecdsa-") || word.hasPrefix("sk-")
    }

    /// nil when the line has no type and key after its options, or an unterminated quote.
    static func parse(_ line: String) -> KeyLine? {
        var rest = Substring(line)
        var options: [(String, String?)] = []
        let firstWord = rest.prefix { !$0.isWhitespace }
        if !looksLikeType(firstWord) {
            // name[="value"] pairs separated by commas, up to the first whitespace outside quotes.
            var name = "", value: String?, inQuotes = false
            var i = rest.startIndex
            loop: while i < rest.endIndex {
                let c = rest[i]
                if inQuotes {
                    if c == "\\", rest.index(after: i) < rest.endIndex, rest[rest.index(after: i)] == "\"" {
                        value! += "\""
                        i = rest.index(i, offsetBy: 2)
                        continue
                    }
                    if c == "\"" { inQuotes = false } else { value! += String(c) }
                } else if c == "\"" && value != nil {
                    inQuotes = true
                } else if c == "=" && value == nil {
                    value = ""
                } else if c == "," || c.isWhitespace {
                    options.append((name.lowercased(), value))
                    name = ""
                    value = nil
                    if c.isWhitespace { break loop }
                } else if value != nil {
                    value! += String(c)
                } else {
                    name += String(c)
                }
                i = rest.index(after: i)
            }
            guard !inQuotes, i < rest.endIndex else { return nil }
            rest = rest[i...]
        }
        let words = rest.split(whereSeparator: { $0.isWhitespace })
        guard words.count >= 2 else { return nil }
        return KeyLine(options: options, type: String(words[0]), base64: String(words[1]),
                       comment: words.dropFirst(2).joined(separator: " "))
    }
}

/// What a key's options say about who may use it: `from="pattern-list"` (the client's address)
/// and `expiry-time="YYYYMMDD[HHMM[SS]][Z]"`. Honoured at each login; everything else a session may
/// do is limited by the server anyway.
struct KeyRestrictions: Sendable, Equatable {
    var from: [String]?
    var expires: Date?
    var comment: String

    /// Options that decide who gets in and that cannot be honoured here: the line is skipped.
    static let unsupported: Set<String> = ["cert-authority", "principals"]

    /// The options read from a line, or why the line must be skipped (fail closed: a key whose limits
    /// cannot be honoured is not let in at all).
    static func from(_ line: KeyLine) -> Result<(KeyRestrictions, ignored: [String]), KeyOptionError> {
        var r = KeyRestrictions(from: nil, expires: nil, comment: line.comment)
        var ignored = [String]()
        for (name, value) in line.options {
            switch name {
            case _ where unsupported.contains(name):
                return .failure(KeyOptionError("\(name): certificates are not supported here"))
            case "from":
                guard let value, !value.isEmpty else { return .failure(KeyOptionError("from= needs a pattern list")) }
                r.from = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            case "expiry-time":
                guard let value, let date = expiry(value) else {
                    return .failure(KeyOptionError("expiry-time=\"\(value ?? "")\" is not YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS (Z at the end for UTC)"))
                }
                r.expires = date
            default:
                ignored.append(name)
            }
        }
        return .success((r, ignored))
    }

    /// nil when the key may log in from `address` at `now`, else why not.
    func refusal(address: String, now: Date = Date()) -> String? {
        if let expires, now >= expires { return "the key expired (expiry-time) at \(Self.format(expires))" }
        if let from, !Self.matches(address, patterns: from) { return "\(address) is not in the key's from=\"\(from.joined(separator: ","))\"" }
        return nil
    }

    static func format(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return f.string(from: date)
    }

    /// As sshd's expiry-time: local time, or UTC with a trailing Z.
    static func expiry(_ text: String) -> Date? {
        var digits = Substring(text)
        var zone = TimeZone.current
        if digits.hasSuffix("Z") || digits.hasSuffix("z") { digits = digits.dropLast(); zone = TimeZone(identifier: "UTC")! }
        guard [8, 12, 14].contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let n = digits.map { Int(String($0))! }
        func number(_ at: Int, _ count: Int) -> Int { n[at..<(at + count)].reduce(0) { $0 * 10 + $1 } }
        var parts = DateComponents(year: number(0, 4), month: number(4, 2), day: number(6, 2))
        if n.count >= 12 { parts.hour = number(8, 2); parts.minute = number(10, 2) }
        if n.count == 14 { parts.second = number(12, 2) }
        guard (1...12).contains(parts.month!), (1...31).contains(parts.day!), (0...23).contains(parts.hour ?? 0),
              (0...59).contains(parts.minute ?? 0), (0...60).contains(parts.second ?? 0) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let date = calendar.date(from: parts), calendar.component(.day, from: date) == parts.day else { return nil }
        return date
    }

    /// sshd's rule for from=: no negated pattern (`!p`) matches and at least one other does.
    /// Patterns are addresses with `*` and `?`, or `ADDRESS/BITS`; a host name never matches (the
    /// server looks no name up, as sshd with UseDNS no).
    static func matches(_ address: String, patterns: [String]) -> Bool {
        var allowed = false
        for raw in patterns {
            let negated = raw.hasPrefix("!")
            let pattern = negated ? String(raw.dropFirst()) : raw
            guard match(address, pattern) else { continue }
            if negated { return false }
            allowed = true
        }
        return allowed
    }

    static func match(_ address: String, _ pattern: String) -> Bool {
        if let slash = pattern.firstIndex(of: "/") {
            return inNetwork(address, String(pattern[..<slash]), Int(pattern[pattern.index(after: slash)...]))
        }
        return glob(Array(address.lowercased()), Array(pattern.lowercased()))
    }

    private static func glob(_ s: [Character], _ p: [Character]) -> Bool {
        var si = 0, pi = 0, star = -1, mark = 0
        while si < s.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == s[si]) { si += 1; pi += 1 }
            else if pi < p.count && p[pi] == "*" { star = pi; mark = si; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; si = mark }
            else { return false }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// `address` within `network/bits`, both IPv4 or both IPv6 (an IPv4-mapped IPv6 address counts as IPv4).
    static func inNetwork(_ address: String, _ network: String, _ bits: Int?) -> Bool {
        guard let bits, let a = bytes(address), let n = bytes(network), a.count == n.count, (0...(n.count * 8)).contains(bits) else { return false }
        for k in 0..<n.count {
            let take = max(0, min(8, bits - k * 8))
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - take))
            if a[k] & mask != n[k] & mask { return false }
        }
        return true
    }

    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let b = withUnsafeBytes(of: &v6) { Array($0) }
        // ::ffff:a.b.c.d
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return Array(b[12...]) }
        return b
    }
}

struct KeyOptionError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
