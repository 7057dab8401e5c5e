/// Writes a `JSONNode` tree back to text: two-space indentation, members in their original order,
/// numbers as they were written, and short objects or arrays kept on one line so that the file
/// stays easy to read and to edit by hand.
public enum JSONWriter {
    public static func write(_ node: JSONNode, lineWidth: Int = 110) -> String {
        var out = ""
        emit(node.value, indent: 0, into: &out, lineWidth: lineWidth)
        out += "\n"
        return out
    }

    private static func emit(_ v: JSONValue, indent: Int, into out: inout String, lineWidth: Int) {
        switch v {
        case .array(let items) where !items.isEmpty:
            if let flat = inline(v), flat.count + indent <= lineWidth, !containsLargeContainer(v) {
                out += flat
                return
            }
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                emit(item.value, indent: indent + 2, into: &out, lineWidth: lineWidth)
                out += k == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members) where !members.isEmpty:
            if let flat = inline(v), flat.count + indent <= lineWidth, !containsLargeContainer(v) {
                out += flat
                return
            }
            out += "{\n"
            for (k, m) in members.enumerated() {
                out += String(repeating: " ", count: indent + 2) + quote(m.key) + ": "
                emit(m.node.value, indent: indent + 2, into: &out, lineWidth: lineWidth)
                out += k == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        default:
            out += inline(v) ?? ""
        }
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

    /// One-line rendering of a value.
    public static func inline(_ v: JSONValue) -> String? {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d, let text): return text ?? format(d)
        case .string(let s): return quote(s)
        case .array(let items): return "[" + items.map { inline($0.value) ?? "" }.joined(separator: ", ") + "]"
        case .object(let ms): return "{" + ms.map { quote($0.key) + ": " + (inline($0.node.value) ?? "") }.joined(separator: ", ") + "}"
        }
    }

    /// Shortest faithful text for a number; whole numbers without a fraction or exponent.
    public static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let h = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
