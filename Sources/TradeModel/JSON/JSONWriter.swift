/// Writes a `JSONNode` tree back to text: two-space indentation, members in their original order,
/// numbers as they were written, and short objects or arrays kept on one line so that the file
/// stays easy to read and to edit by hand.
///
/// A container goes on one line when its one-line form, indented, fits in `lineWidth` characters
/// (grapheme clusters, as `String.count` counts them) and it holds no large container (see
/// `containsLargeContainer`). The text is written into one byte array; whether a container fits is
/// measured without building its one-line form, and the measure stops as soon as the width is
/// exceeded, so each value is measured over at most `lineWidth` characters per enclosing container
/// and the whole write is linear in the size of the document.
public enum JSONWriter {
    public static func write(_ node: JSONNode, lineWidth: Int = 110) -> String {
        String(decoding: writeBytes(node, lineWidth: lineWidth), as: UTF8.self)
    }

    /// The same text as `write`, as UTF-8 bytes.
    public static func writeBytes(_ node: JSONNode, lineWidth: Int = 110) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(4096)
        emit(node.value, indent: 0, into: &out, lineWidth: lineWidth)
        out.append(0x0A)
        return out
    }

    private static func emit(_ v: JSONValue, indent: Int, into out: inout [UInt8], lineWidth: Int) {
        switch v {
        case .array(let items) where !items.isEmpty:
            if fits(v, lineWidth - indent), !containsLargeContainer(v) {
                flat(v, into: &out)
                return
            }
            out.append(0x5B) // [
            out.append(0x0A)
            for (k, item) in items.enumerated() {
                spaces(indent + 2, into: &out)
                emit(item.value, indent: indent + 2, into: &out, lineWidth: lineWidth)
                if k != items.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            spaces(indent, into: &out)
            out.append(0x5D) // ]
        case .object(let members) where !members.isEmpty:
            if fits(v, lineWidth - indent), !containsLargeContainer(v) {
                flat(v, into: &out)
                return
            }
            out.append(0x7B) // {
            out.append(0x0A)
            for (k, m) in members.enumerated() {
                spaces(indent + 2, into: &out)
                quote(m.key, into: &out)
                out.append(0x3A) // :
                out.append(0x20)
                emit(m.node.value, indent: indent + 2, into: &out, lineWidth: lineWidth)
                if k != members.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            spaces(indent, into: &out)
            out.append(0x7D) // }
        default:
            flat(v, into: &out)
        }
    }

    @inline(__always)
    private static func spaces(_ n: Int, into out: inout [UInt8]) {
        if n > 0 { out.append(contentsOf: repeatElement(0x20, count: n)) }
    }

    /// Objects holding objects or non-empty arrays of objects are never folded onto one line.
    private static func containsLargeContainer(_ v: JSONValue) -> Bool {
        switch v {
        case .object(let ms): return ms.contains { if case .object(let inner) = $0.node.value { return !inner.isEmpty } else { return false } }
                || ms.contains { if case .array(let a) = $0.node.value { return a.contains { if case .object = $0.value { return true } else { return false } } } else { return false } }
        case .array(let items): return items.contains { if case .object(let inner) = $0.value { return inner.count > 0 && containsLargeContainer($0.value) } else { return false } }
        default: return false
        }
    }

    // MARK: - One-line form

    /// One-line rendering of a value.
    public static func inline(_ v: JSONValue) -> String? {
        var out = [UInt8]()
        flat(v, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the one-line form of `v`: items joined by ", ", members as `"key": value`.
    private static func flat(_ v: JSONValue, into out: inout [UInt8]) {
        switch v {
        case .null: append("null", into: &out)
        case .bool(let b): append(b ? "true" : "false", into: &out)
        case .number(let d, let text):
            if let text { out.append(contentsOf: text.utf8) } else { out.append(contentsOf: format(d).utf8) }
        case .string(let s): quote(s, into: &out)
        case .array(let items):
            out.append(0x5B)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(0x2C); out.append(0x20) }
                flat(item.value, into: &out)
            }
            out.append(0x5D)
        case .object(let ms):
            out.append(0x7B)
            for (k, m) in ms.enumerated() {
                if k > 0 { out.append(0x2C); out.append(0x20) }
                quote(m.key, into: &out)
                out.append(0x3A)
                out.append(0x20)
                flat(m.node.value, into: &out)
            }
            out.append(0x7D)
        }
    }

    @inline(__always)
    private static func append(_ s: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    // MARK: - Measuring the one-line form

    /// Whether the one-line form of `v` has at most `budget` characters.
    ///
    /// The width of a concatenation is the sum of the widths of its parts here: the parts are joined
    /// by ASCII punctuation, and quoted strings begin and end with a quote, so no grapheme cluster
    /// spans two parts (only CR LF joins two ASCII characters, and neither is written unescaped).
    /// Each string is measured with its quotes, so a combining mark at its start (which clusters with
    /// the opening quote) is counted as `String.count` counts it.
    private static func fits(_ v: JSONValue, _ budget: Int) -> Bool {
        var left = budget
        return measure(v, &left)
    }

    /// Subtracts the width of `v`'s one-line form from `left`; false as soon as it goes below zero.
    private static func measure(_ v: JSONValue, _ left: inout Int) -> Bool {
        switch v {
        case .null: left -= 4
        case .bool(let b): left -= b ? 4 : 5
        case .number(let d, let text): left -= width(ofPlain: text ?? format(d))
        case .string(let s): return measureQuoted(s, &left)
        case .array(let items):
            left -= 2 + 2 * max(0, items.count - 1)
            if left < 0 { return false }
            for item in items where !measure(item.value, &left) { return false }
        case .object(let ms):
            left -= 2 + 2 * max(0, ms.count - 1) + 2 * ms.count
            if left < 0 { return false }
            for m in ms {
                if !measureQuoted(m.key, &left) || !measure(m.node.value, &left) { return false }
            }
        }
        return left >= 0
    }

    /// Characters of text written as it is (a number's text).
    private static func width(ofPlain s: String) -> Int {
        var ascii = true
        for b in s.utf8 where b >= 0x80 { ascii = false; break }
        return ascii ? s.utf8.count : s.count
    }

    /// Subtracts the width of `quote(s)` from `left`; false when it goes below zero.
    private static func measureQuoted(_ s: String, _ left: inout Int) -> Bool {
        let utf8 = s.utf8
        var ascii = true
        var width = 2
        for b in utf8 {
            if b >= 0x80 { ascii = false; break }
            width += b == 0x22 || b == 0x5C || b == 0x0A || b == 0x0D || b == 0x09 ? 2 : b < 0x20 ? 6 : 1
            if width > left { left -= width; return false }
        }
        if !ascii {
            // Grapheme clusters of the quoted text, counted only up to what is left.
            var bytes = [UInt8]()
            bytes.reserveCapacity(utf8.count + 2)
            quote(s, into: &bytes)
            width = 0
            for _ in String(decoding: bytes, as: UTF8.self) {
                width += 1
                if width > left { break }
            }
        }
        left -= width
        return left >= 0
    }

    // MARK: - Numbers and strings

    /// Shortest faithful text for a number; whole numbers without a fraction or exponent.
    public static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    public static func quote(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 2)
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` in quotes: `"` and `\` escaped, line feed, carriage return and tab as `\n`, `\r`,
    /// `\t`, other control characters as `\u00XX` (lower-case hex); everything else as it is.
    private static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { b in
            var run = 0 // start of the bytes not yet copied
            for k in 0..<b.count {
                let c = b[k]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                if k > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<k])) }
                run = k + 1
                out.append(0x5C)
                switch c {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x0A: out.append(0x6E) // n
                case 0x0D: out.append(0x72) // r
                case 0x09: out.append(0x74) // t
                default:
                    out.append(0x75) // u
                    out.append(0x30)
                    out.append(0x30)
                    out.append(0x30 + (c >> 4)) // 0 or 1: the byte is below 0x20
                    let low = c & 0x0F
                    out.append(low < 10 ? 0x30 + low : 0x57 + low) // 0-9, a-f
                }
            }
            if b.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<b.count])) }
        }
        out.append(0x22)
    }
}
