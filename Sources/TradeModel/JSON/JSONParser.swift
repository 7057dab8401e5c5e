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

    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    var i = 0
    private let maxDepth: Int
    var lines = LineIndex(checkpoints: [], firstLineStart: 0)
    var nodes = [JSONDocument.Node]()
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
    func place(_ offset: Int) -> (line: Int, column: Int) {
        let (line, start) = lines.lineAndStart(offset, in: bytes)
        var c = 1
        var k = start
        while k < offset && k < count {
            if bytes[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return (line, c)
    }

    func fail(_ message: String) -> JSONSyntaxError { fail(at: i, message) }

    func fail(at offset: Int, _ message: String) -> JSONSyntaxError {
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

    @inline(__always) mutating func skipSpace() {
        while i < count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D, 0x0A: i += 1
            default: return
            }
        }
    }

    func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0x20 { return "space" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    @inline(__always) mutating func append(_ kind: JSONDocument.Kind, _ flag: Bool = false, offset: Int, payload: UInt64 = 0) {
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
