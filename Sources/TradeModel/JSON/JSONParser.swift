/// A syntax error in a JSON document, with its place.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Parses JSON text (RFC 8259) into a `JSONNode` tree with positions.
///
/// It never crashes or recurses without bound: nesting is limited to `maxDepth`, invalid UTF-8 is
/// reported at its byte, and NaN/Infinity, control characters in strings and trailing garbage are errors.
public struct JSONParser {
    public static let defaultMaxDepth = 200

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private let maxDepth: Int

    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONNode {
        var p = JSONParser(bytes: bytes, maxDepth: maxDepth)
        return try p.document()
    }

    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private var column: Int { columnOf(i) }

    /// Column counted in characters (UTF-8 continuation bytes do not count).
    private func columnOf(_ index: Int) -> Int {
        var c = 1
        var k = lineStart
        while k < index && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return c
    }

    private func fail(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column, message: message)
    }

    private mutating func document() throws(JSONSyntaxError) -> JSONNode {
        if bytes.isEmpty { throw JSONSyntaxError(line: 1, column: 1, message: "the file is empty") }
        try checkUTF8()
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3; lineStart = 3 }
        skipSpace()
        if i >= bytes.count { throw fail("the file holds only white space") }
        let node = try value(depth: 0)
        skipSpace()
        if i < bytes.count { throw fail("unexpected \(describe(bytes[i])) after the end of the document") }
        return node
    }

    private mutating func checkUTF8() throws(JSONSyntaxError) {
        var k = 0
        var ln = 1
        var ls = 0
        let n = bytes.count
        while k < n {
            let b = bytes[k]
            if b < 0x80 {
                if b == 0x0A { ln += 1; ls = k + 1 }
                k += 1
                continue
            }
            var need = 0
            var minScalar: UInt32 = 0
            var scalar: UInt32 = 0
            switch b {
            case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F); minScalar = 0x80
            case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F); minScalar = 0x800
            case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07); minScalar = 0x10000
            default: need = -1
            }
            var ok = need > 0 && k + need < n
            if ok {
                for j in 1...need {
                    let c = bytes[k + j]
                    if c & 0xC0 != 0x80 { ok = false; break }
                    scalar = (scalar << 6) | UInt32(c & 0x3F)
                }
                if ok && (scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar)) { ok = false }
            }
            if !ok {
                i = k
                line = ln
                lineStart = ls
                throw fail("invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true)) (the file must be UTF-8 text)")
            }
            k += need + 1
        }
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A: i += 1; line += 1; lineStart = i
            default: return
            }
        }
    }

    private func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0x20 { return "space" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard i < bytes.count else { throw fail("unexpected end of file: expected a value") }
        // Byte column: cheap, and exact for ASCII lines (errors use the character column).
        let l = line, c = i - lineStart + 1
        switch bytes[i] {
        case UInt8(ascii: "{"):
            if depth >= maxDepth { throw fail("nesting deeper than \(maxDepth) levels") }
            return JSONNode(try object(depth: depth + 1), line: l, column: c)
        case UInt8(ascii: "["):
            if depth >= maxDepth { throw fail("nesting deeper than \(maxDepth) levels") }
            return JSONNode(try array(depth: depth + 1), line: l, column: c)
        case UInt8(ascii: "\""):
            return JSONNode(.string(try string()), line: l, column: c)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(.bool(true), line: l, column: c)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(.bool(false), line: l, column: c)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(.null, line: l, column: c)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(try number(), line: l, column: c)
        case let b:
            if b == UInt8(ascii: "N") || b == UInt8(ascii: "I") { throw fail("NaN and Infinity are not JSON numbers") }
            if b == UInt8(ascii: "'") { throw fail("strings must use double quotes") }
            if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") { throw fail("expected a value, found \(describe(b))") }
            throw fail("expected a value, found \(describe(b))")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw fail("expected a value (a misspelt true, false or null?)")
        }
        i += w.count
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw fail("expected a digit in the number") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { throw fail("numbers must not have leading zeros") }
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw fail("expected a digit after the decimal point") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw fail("expected a digit in the exponent") }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let d = Double(text), d.isFinite else {
            i = start
            throw fail("number \(text.prefix(40)) is out of range")
        }
        if d == 0 {
            // `183e-400` underflows to zero: a figure silently becoming 0 is worse than an error.
            // (Only the digits before the exponent count: `0e5` and `-0.0` are zero as written.)
            let mantissaEnd = text.utf8.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? text.utf8.endIndex
            if text.utf8[..<mantissaEnd].contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) {
                i = start
                throw fail("number \(text.prefix(40)) is too small to represent")
            }
        }
        return .number(d, text: text)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private mutating func string() throws(JSONSyntaxError) -> String {
        i += 1 // opening quote
        var out = [UInt8]()
        while true {
            guard i < bytes.count else { throw fail("unterminated string") }
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                i += 1
                guard i < bytes.count else { throw fail("unterminated string") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw fail("lone UTF-16 surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid UTF-16 surrogate pair in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw fail("lone UTF-16 surrogate in \\u escape")
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
                default:
                    i -= 2
                    throw fail("invalid escape \\\(Character(Unicode.Scalar(e)))")
                }
            case 0x0A:
                throw fail("unterminated string (a line break inside a string must be written \\n)")
            case 0x00..<0x20:
                throw fail("control character \(describe(b)) inside a string must be escaped")
            default:
                out.append(b)
                i += 1
            }
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("expected four hex digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("expected four hex digits after \\u")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        i += 1
        var items = [JSONNode]()
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth))
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of file: expected ',' or ']' to continue the array") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { throw fail("trailing comma before ']'") }
                continue
            }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw fail("expected ',' or ']' after an array element, found \(describe(bytes[i]))")
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        i += 1
        var members = [JSONMember]()
        var seen = Set<String>()
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of file: expected a member name") }
            guard bytes[i] == UInt8(ascii: "\"") else {
                throw fail("expected a member name in double quotes, found \(describe(bytes[i]))")
            }
            let kl = line, keyStart = i
            let key = try string()
            if seen.contains(key) {
                throw JSONSyntaxError(line: kl, column: columnOf(keyStart), message: "duplicate member \"\(key)\" in the same object")
            }
            seen.insert(key)
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                if i >= bytes.count { throw fail("unexpected end of file: expected ':' after \"\(key)\"") }
                throw fail("expected ':' after \"\(key)\", found \(describe(bytes[i]))")
            }
            i += 1
            skipSpace()
            members.append(JSONMember(key, try value(depth: depth)))
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of file: expected ',' or '}' to continue the object") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { throw fail("trailing comma before '}'") }
                continue
            }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw fail("expected ',' or '}' after member \"\(key)\", found \(describe(bytes[i]))")
        }
    }
}
