/// A syntax error in a JSON document, with its place.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Parses JSON text (RFC 8259) into a `JSONNode` tree with positions, or (for the loader) into a flat
/// `JSONDocument`.
///
/// It never crashes or recurses without bound: nesting is limited to `maxDepth`, invalid UTF-8 is
/// reported at its byte, and NaN/Infinity, control characters in strings and trailing garbage are errors.
/// It runs in time linear in the size of the text: one pass checks the UTF-8 and notes where lines
/// begin (`LineIndex`), one pass parses.
public struct JSONParser {
    public static let defaultMaxDepth = 200

    private let bytes: UnsafeBufferPointer<UInt8>
    private let count: Int
    private var i = 0
    private let maxDepth: Int
    private var lines = LineIndex(checkpoints: [], firstLineStart: 0)
    private var nodes = [JSONDocument.Node]()
    private var keys: JSONKeys
    /// Canonical member name ids of the objects being parsed, innermost last (duplicate checks).
    private var memberStack = [UInt32]()

    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONNode {
        try withDocument(bytes, maxDepth: maxDepth) { $0.tree() }
    }

    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    /// Parses `bytes` into a document and gives it to `body`; the document refers to the bytes and
    /// must not be kept after `body` returns. `predefinedKeys` get the first canonical key ids.
    static func withDocument<R>(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth, predefinedKeys: [String] = [],
                                _ body: (JSONDocument) -> R) throws(JSONSyntaxError) -> R {
        let result: Result<R, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var p = JSONParser(bytes: buffer, maxDepth: maxDepth, predefinedKeys: predefinedKeys)
            let doc: JSONDocument
            do throws(JSONSyntaxError) {
                doc = try p.document()
            } catch {
                return .failure(error)
            }
            return .success(body(doc))
        }
        return try result.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, predefinedKeys: [String]) {
        self.bytes = bytes
        self.count = bytes.count
        self.maxDepth = maxDepth
        self.keys = JSONKeys(predefined: predefinedKeys)
    }

    /// Line and column (counted in characters: UTF-8 continuation bytes do not count) of `offset`.
    private func place(_ offset: Int) -> (line: Int, column: Int) {
        let (line, start) = lines.lineAndStart(offset, in: bytes)
        var c = 1
        var k = start
        while k < offset && k < count {
            if bytes[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return (line, c)
    }

    private func fail(_ message: String) -> JSONSyntaxError { fail(at: i, message) }

    private func fail(at offset: Int, _ message: String) -> JSONSyntaxError {
        let (line, column) = place(offset)
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    private mutating func document() throws(JSONSyntaxError) -> JSONDocument {
        if count == 0 { throw JSONSyntaxError(line: 1, column: 1, message: "the file is empty") }
        if count >= Int(UInt32.max) { throw JSONSyntaxError(line: 1, column: 1, message: "the document is larger than 4 GB") }
        try checkUTF8()
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3; lines.firstLineStart = 3 }
        // A dataset has about one value per 20 bytes (the bundled one: 32); room for one per 16 bytes
        // saves the copies of growing, and denser documents grow the array as usual.
        nodes.reserveCapacity(count / 16 + 16)
        skipSpace()
        if i >= count { throw fail("the file holds only white space") }
        try value(depth: 0)
        skipSpace()
        if i < count { throw fail("unexpected \(describe(bytes[i])) after the end of the document") }
        return JSONDocument(nodes: nodes, keys: keys, bytes: bytes, lines: lines)
    }

    /// Checks that the whole text is UTF-8 and records the line checkpoints of `LineIndex`.
    private mutating func checkUTF8() throws(JSONSyntaxError) {
        var k = 0
        var ln = 1
        var ls = 0
        let n = count
        let blockSize = 1 << LineIndex.blockShift
        var checkpoints = [UInt64]()
        checkpoints.reserveCapacity(n / blockSize + 2)
        var nextCheckpoint = 0
        while k < n {
            if k >= nextCheckpoint {
                // No line break lies between the checkpoint and k: the state there is the state here.
                while nextCheckpoint <= k {
                    checkpoints.append(UInt64(ln) << 32 | UInt64(ls))
                    nextCheckpoint += blockSize
                }
            }
            // Eight ASCII bytes without a line break at a time, up to the next checkpoint.
            while k + 8 <= nextCheckpoint && k + 8 <= n {
                let w = UnsafeRawPointer(bytes.baseAddress! + k).loadUnaligned(as: UInt64.self)
                let x = w ^ 0x0A0A_0A0A_0A0A_0A0A
                let hasNewline = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                if (w & 0x8080_8080_8080_8080) | hasNewline != 0 { break }
                k += 8
            }
            if k >= n { break }
            if k >= nextCheckpoint { continue } // record the checkpoint first
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
                // Column in characters from the line's start (a byte order mark counts here).
                var c = 1
                for j in ls..<k where bytes[j] & 0xC0 != 0x80 { c += 1 }
                throw JSONSyntaxError(line: ln, column: c,
                                      message: "invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true)) (the file must be UTF-8 text)")
            }
            k += need + 1
        }
        while checkpoints.count <= n / blockSize {
            checkpoints.append(UInt64(ln) << 32 | UInt64(ls))
        }
        lines.checkpoints = checkpoints
    }

    @inline(__always) private mutating func skipSpace() {
        while i < count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D, 0x0A: i += 1
            default: return
            }
        }
    }

    private func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0x20 { return "space" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    @inline(__always) private mutating func append(_ kind: JSONDocument.Kind, _ flag: Bool = false, offset: Int, payload: UInt64 = 0) {
        nodes.append(JSONDocument.Node(tag: kind.rawValue | (flag ? 8 : 0), offset: UInt32(truncatingIfNeeded: offset), payload: payload))
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) {
        guard i < count else { throw fail("unexpected end of file: expected a value") }
        let start = i
        switch bytes[i] {
        case UInt8(ascii: "{"):
            if depth >= maxDepth { throw fail("nesting deeper than \(maxDepth) levels") }
            try object(depth: depth + 1)
        case UInt8(ascii: "["):
            if depth >= maxDepth { throw fail("nesting deeper than \(maxDepth) levels") }
            try array(depth: depth + 1)
        case UInt8(ascii: "\""):
            let (length, escaped) = try string()
            append(.string, escaped, offset: start, payload: UInt64(length))
        case UInt8(ascii: "t"): try literal("true"); append(.bool, true, offset: start)
        case UInt8(ascii: "f"): try literal("false"); append(.bool, false, offset: start)
        case UInt8(ascii: "n"): try literal("null"); append(.null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let d = try number()
            append(.number, offset: start, payload: d.bitPattern)
        case let b:
            if b == UInt8(ascii: "N") || b == UInt8(ascii: "I") { throw fail("NaN and Infinity are not JSON numbers") }
            if b == UInt8(ascii: "'") { throw fail("strings must use double quotes") }
            throw fail("expected a value, found \(describe(b))")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard i + w.count <= count, (0..<w.count).allSatisfy({ bytes[i + $0] == w[$0] }) else {
            throw fail("expected a value (a misspelt true, false or null?)")
        }
        i += w.count
    }

    private static let powersOfTen: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { r, _ in r * 10 } }

    private mutating func number() throws(JSONSyntaxError) -> Double {
        let start = i
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { i += 1; negative = true }
        guard i < count, isDigit(bytes[i]) else { throw fail("expected a digit in the number") }
        // The digits as an integer while they fit exactly (for the exact fast path below).
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < count, isDigit(bytes[i]) { throw fail("numbers must not have leading zeros") }
        } else {
            while i < count, isDigit(bytes[i]) {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(bytes[i] - 0x30) }
                digits += 1
                i += 1
            }
        }
        if i < count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < count, isDigit(bytes[i]) else { throw fail("expected a digit after the decimal point") }
            while i < count, isDigit(bytes[i]) {
                if mantissa != 0 || bytes[i] != 0x30 {
                    if digits < 19 { mantissa = mantissa * 10 + UInt64(bytes[i] - 0x30) }
                    digits += 1
                }
                fractionDigits += 1
                i += 1
            }
        }
        var exponent = 0
        if i < count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { expNegative = bytes[i] == UInt8(ascii: "-"); i += 1 }
            guard i < count, isDigit(bytes[i]) else { throw fail("expected a digit in the exponent") }
            while i < count, isDigit(bytes[i]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[i] - 0x30) }
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        // Exact fast path: an integer below 2^53 times or divided by a power of ten up to 10^22 is one
        // correctly rounded operation on exact operands, so it equals the correctly rounded decimal.
        let scale = exponent - fractionDigits
        if digits <= 19 && mantissa <= 1 << 53 && abs(scale) <= 22 {
            var d = Double(mantissa)
            if scale >= 0 { d *= JSONParser.powersOfTen[scale] } else { d /= JSONParser.powersOfTen[-scale] }
            return negative ? -d : d
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
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
        return d
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Checks a string from its opening quote to past its closing quote; returns the length of its raw
    /// text (between the quotes) and whether it has escapes.
    private mutating func string() throws(JSONSyntaxError) -> (length: Int, escaped: Bool) {
        i += 1 // opening quote
        let start = i
        var escaped = false
        while true {
            guard i < count else { throw fail("unterminated string") }
            let b = bytes[i]
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { i += 1; continue }
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return (i - 1 - start, escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                i += 1
                guard i < count else { throw fail("unterminated string") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    let scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 1 < count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw fail("lone UTF-16 surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid UTF-16 surrogate pair in \\u escape") }
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw fail("lone UTF-16 surrogate in \\u escape")
                    }
                default:
                    i -= 2
                    throw fail("invalid escape \\\(Character(Unicode.Scalar(e)))")
                }
            case 0x0A:
                throw fail("unterminated string (a line break inside a string must be written \\n)")
            default:
                throw fail("control character \(describe(b)) inside a string must be escaped")
            }
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= count else { throw fail("expected four hex digits after \\u") }
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

    private mutating func array(depth: Int) throws(JSONSyntaxError) {
        let at = nodes.count
        append(.array, offset: i)
        i += 1
        var n: UInt64 = 0
        skipSpace()
        if i < count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            nodes[at].payload = UInt64(nodes.count)
            return
        }
        while true {
            skipSpace()
            try value(depth: depth)
            n += 1
            skipSpace()
            guard i < count else { throw fail("unexpected end of file: expected ',' or ']' to continue the array") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                skipSpace()
                if i < count, bytes[i] == UInt8(ascii: "]") { throw fail("trailing comma before ']'") }
                continue
            }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                nodes[at].payload = UInt64(nodes.count) | n << 32
                return
            }
            throw fail("expected ',' or ']' after an array element, found \(describe(bytes[i]))")
        }
    }

    /// A member name: its id (parsing and checking it as a string).
    private mutating func memberName(position: Int, previous: UInt32?) throws(JSONSyntaxError) -> UInt32 {
        let (length, escaped) = try string()
        let start = i - 1 - length
        let bytes = self.bytes
        let id = keys.id(raw: bytes, start: start, length: length, hint: position, previous: previous) {
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
            return escaped ? JSONDocument.unescape(raw) : String(decoding: raw, as: UTF8.self)
        }
        if Int(id) >= JSONDocument.maximumKeys { throw fail("more than \(JSONDocument.maximumKeys) different member names") }
        return id
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) {
        let at = nodes.count
        append(.object, offset: i)
        i += 1
        var n: UInt64 = 0
        let stackBase = memberStack.count
        // Large objects check duplicates with a set rather than by scanning the names seen so far.
        var seen: Set<UInt32>? = nil
        var previousKey: UInt32? = nil
        defer { memberStack.removeSubrange(stackBase...) }
        skipSpace()
        if i < count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            nodes[at].payload = UInt64(nodes.count)
            return
        }
        while true {
            skipSpace()
            guard i < count else { throw fail("unexpected end of file: expected a member name") }
            guard bytes[i] == UInt8(ascii: "\"") else {
                throw fail("expected a member name in double quotes, found \(describe(bytes[i]))")
            }
            let keyStart = i
            let key = try memberName(position: Int(n), previous: previousKey)
            previousKey = key
            let canonical = keys.canonical[Int(key)]
            var duplicate = false
            if seen != nil {
                duplicate = !seen!.insert(canonical).inserted
            } else {
                for k in stackBase..<memberStack.count where memberStack[k] == canonical { duplicate = true; break }
                memberStack.append(canonical)
                if memberStack.count - stackBase > 16 { seen = Set(memberStack[stackBase...]) }
            }
            if duplicate {
                throw fail(at: keyStart, "duplicate member \"\(keys.texts[Int(key)])\" in the same object")
            }
            skipSpace()
            guard i < count, bytes[i] == UInt8(ascii: ":") else {
                if i >= count { throw fail("unexpected end of file: expected ':' after \"\(keys.texts[Int(key)])\"") }
                throw fail("expected ':' after \"\(keys.texts[Int(key)])\", found \(describe(bytes[i]))")
            }
            i += 1
            skipSpace()
            let valueAt = nodes.count
            try value(depth: depth)
            nodes[valueAt].tag |= key << JSONDocument.keyShift
            n += 1
            skipSpace()
            guard i < count else { throw fail("unexpected end of file: expected ',' or '}' to continue the object") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                skipSpace()
                if i < count, bytes[i] == UInt8(ascii: "}") { throw fail("trailing comma before '}'") }
                continue
            }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                nodes[at].payload = UInt64(nodes.count) | n << 32
                return
            }
            throw fail("expected ',' or '}' after member \"\(keys.texts[Int(key)])\", found \(describe(bytes[i]))")
        }
    }
}
