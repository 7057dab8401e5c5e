/// The part of TOML a tradedash config file may use, parsed without Foundation: comments, `[table]`
/// headers, and `key = value` where the value is a string ("basic", with escapes, or 'literal'),
/// `true`/`false`, a decimal integer, or an array of strings (over several lines if need be).
/// Anything else TOML has (floats, dates, inline tables, arrays of tables, dotted keys, multi-line
/// strings) is an error at its line and column saying it is not supported, never a silent guess.
public enum TOMLSubset {
    public static let unsupported = "not supported in tradedash's TOML subset"

    /// Parses a whole file: every entry in the order written, each with its table ("" before any).
    public static func parse(_ text: String) throws(TOMLError) -> [TOMLEntry] {
        var p = TOMLParser(text)
        return try p.document()
    }
}

/// Where something is in the file: 1-based line and column (columns count characters).
public struct TOMLPosition: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public var description: String { "\(line):\(column)" }
}

public enum TOMLValue: Equatable, Sendable {
    case string(String)
    case bool(Bool)
    case integer(Int)
    /// An array of strings, each with where it starts.
    case strings([(value: String, at: TOMLPosition)])

    public static func == (a: TOMLValue, b: TOMLValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.strings(let x), .strings(let y)): return x.map(\.value) == y.map(\.value) && x.map(\.at) == y.map(\.at)
        default: return false
        }
    }

    /// "a string", "an integer": for messages about the wrong type.
    public var typeName: String {
        switch self {
        case .string: return "a string"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .strings: return "an array"
        }
    }
}

public struct TOMLEntry: Equatable, Sendable {
    /// The table the entry is in: "" before the first header, else the header's name.
    public var table: String
    public var key: String
    public var value: TOMLValue
    /// Where the key starts.
    public var keyAt: TOMLPosition
    /// Where the value starts.
    public var valueAt: TOMLPosition
}

public struct TOMLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var at: TOMLPosition
    public var message: String
    public var description: String { "\(at): \(message)" }
}

/// The parser's state: the text as characters and where it is.
struct TOMLParser {
    let chars: [Character]
    var i = 0
    var line = 1
    var column = 1

    init(_ text: String) {
        var c = Array(text)
        if c.first == "\u{FEFF}" { c.removeFirst() }
        chars = c
    }

    var position: TOMLPosition { TOMLPosition(line: line, column: column) }
    var atEnd: Bool { i >= chars.count }
    var current: Character? { atEnd ? nil : chars[i] }

    static func isNewline(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }
    static func isBare(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
    }

    mutating func advance() {
        guard let c = current else { return }
        i += 1
        if Self.isNewline(c) { line += 1; column = 1 } else { column += 1 }
    }

    func fail(_ message: String, at: TOMLPosition? = nil) -> TOMLError { TOMLError(at: at ?? position, message: message) }

    mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" { advance() }
    }

    /// Spaces, then a comment, up to (not over) the end of the line.
    mutating func skipComment() throws(TOMLError) {
        skipSpaces()
        guard current == "#" else { return }
        while let c = current, !Self.isNewline(c) {
            if c == "\r" { throw fail("a carriage return without a line feed") }
            if let s = c.unicodeScalars.first, c.unicodeScalars.count == 1, (s.value < 0x20 && s.value != 0x09) || s.value == 0x7F {
                throw fail("a control character (U+\(hex(s.value))) in a comment")
            }
            advance()
        }
    }

    /// The end of a line after a header or a value: only spaces and a comment may follow.
    mutating func endOfLine(after what: String) throws(TOMLError) {
        try skipComment()
        guard let c = current else { return }
        if Self.isNewline(c) { advance(); return }
        if c == "\r" { throw fail("a carriage return without a line feed") }
        throw fail("expected the end of the line after \(what), found \(quoted(c))")
    }

    mutating func document() throws(TOMLError) -> [TOMLEntry] {
        var entries = [TOMLEntry]()
        var table = ""
        var tablesSeen = [String: TOMLPosition]()
        var keysSeen = [String: TOMLPosition]()
        while true {
            try skipComment()
            guard let c = current else { break }
            if Self.isNewline(c) { advance(); continue }
            if c == "\r" { throw fail("a carriage return without a line feed") }
            if c == "[" {
                let at = position
                table = try header()
                if let first = tablesSeen[table] { throw fail("table [\(table)] is defined twice (first at \(first))", at: at) }
                tablesSeen[table] = at
                try endOfLine(after: "the table header")
                continue
            }
            let keyAt = position
            let key = try self.key()
            skipSpaces()
            if current == "." { throw fail("dotted keys (a.b = ...) are \(TOMLSubset.unsupported); use a [table] header") }
            guard current == "=" else {
                throw fail(current.map { "expected = after the key \"\(key)\", found \(quoted($0))" } ?? "expected = after the key \"\(key)\"")
            }
            advance()
            skipSpaces()
            let valueAt = position
            let value = try self.value()
            let full = table.isEmpty ? key : table + "." + key
            if let first = keysSeen[full] { throw fail("key \"\(key)\" is defined twice (first at \(first))", at: keyAt) }
            keysSeen[full] = keyAt
            entries.append(TOMLEntry(table: table, key: key, value: value, keyAt: keyAt, valueAt: valueAt))
            try endOfLine(after: "the value")
        }
        return entries
    }

    /// `[name]`; `[[name]]` and `[a.b]` are not in the subset.
    mutating func header() throws(TOMLError) -> String {
        advance()
        if current == "[" { throw fail("arrays of tables ([[...]]) are \(TOMLSubset.unsupported)") }
        skipSpaces()
        let name = try key()
        skipSpaces()
        if current == "." { throw fail("dotted table names ([a.b]) are \(TOMLSubset.unsupported)") }
        guard current == "]" else { throw fail(current.map { "expected ] to close the table header, found \(quoted($0))" } ?? "expected ] to close the table header") }
        advance()
        return name
    }

    /// A bare key (letters, digits, _ and -) or a quoted one.
    mutating func key() throws(TOMLError) -> String {
        if current == "\"" || current == "'" {
            if current == "\"" { return try basicString() }
            return try literalString()
        }
        var k = ""
        while let c = current, Self.isBare(c) { k.append(c); advance() }
        if k.isEmpty {
            throw fail(current.map { "expected a key (letters, digits, _ and -), found \(quoted($0))" } ?? "expected a key")
        }
        return k
    }

    mutating func value() throws(TOMLError) -> TOMLValue {
        guard let c = current else { throw fail("expected a value after =") }
        switch c {
        case "\"": return .string(try basicString())
        case "'": return .string(try literalString())
        case "[": return try array()
        case "{": throw fail("inline tables ({ ... }) are \(TOMLSubset.unsupported)")
        case _ where Self.isNewline(c) || c == "#": throw fail("expected a value after =")
        default: return try bareValue()
        }
    }

    /// true, false or a decimal integer; floats, dates, inf and nan are named as unsupported.
    mutating func bareValue() throws(TOMLError) -> TOMLValue {
        let at = position
        var word = ""
        while let c = current, !(c == " " || c == "\t" || c == "#" || c == "," || c == "]" || c == "\r" || Self.isNewline(c)) { word.append(c); advance() }
        if word == "true" { return .bool(true) }
        if word == "false" { return .bool(false) }
        let digits = word.hasPrefix("+") || word.hasPrefix("-") ? String(word.dropFirst()) : word
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_") }) {
            guard digits.first != "_", digits.last != "_", !digits.contains("__") else {
                throw fail("an underscore in an integer must be between two digits", at: at)
            }
            let plain = digits.filter { $0 != "_" }
            if plain.count > 1 && plain.first == "0" { throw fail("an integer cannot start with 0 (\(word))", at: at) }
            guard let n = Int(plain) else { throw fail("the integer \(word) is too large", at: at) }
            return .integer(word.hasPrefix("-") ? -n : n)
        }
        let lower = word.lowercased()
        if ["inf", "+inf", "-inf", "nan", "+nan", "-nan"].contains(lower) || (word.first.map { $0.isNumber || $0 == "+" || $0 == "-" } ?? false) {
            if word.contains(":") || (word.count >= 10 && word.dropFirst(4).first == "-") {
                throw fail("dates and times (\(word)) are \(TOMLSubset.unsupported)", at: at)
            }
            if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
                throw fail("hexadecimal, octal and binary integers (\(word)) are \(TOMLSubset.unsupported)", at: at)
            }
            throw fail("floats (\(word)) are \(TOMLSubset.unsupported)", at: at)
        }
        throw fail("expected a value (a \"string\", true, false, an integer or [\"an\", \"array\"]), found \(word)", at: at)
    }

    /// An array of strings; newlines and comments may come between its elements.
    mutating func array() throws(TOMLError) -> TOMLValue {
        let open = position
        advance()
        var items = [(value: String, at: TOMLPosition)]()
        while true {
            try skipBlank(in: open)
            guard let c = current else { throw fail("the array opened at \(open) is not closed with ]", at: open) }
            if c == "]" { advance(); return .strings(items) }
            let at = position
            switch c {
            case "\"": items.append((try basicString(), at))
            case "'": items.append((try literalString(), at))
            case "[", "{": throw fail("arrays hold only strings in tradedash's TOML subset")
            default:
                let v = try bareValue()
                throw fail("arrays hold only strings in tradedash's TOML subset, not \(v.typeName)", at: at)
            }
            try skipBlank(in: open)
            if current == "," { advance(); continue }
            if current == "]" { continue }
            throw fail(current.map { "expected , or ] in the array, found \(quoted($0))" } ?? "the array opened at \(open) is not closed with ]", at: current == nil ? open : nil)
        }
    }

    /// Spaces, newlines and comments inside an array.
    mutating func skipBlank(in open: TOMLPosition) throws(TOMLError) {
        while true {
            try skipComment()
            guard let c = current, Self.isNewline(c) else { return }
            advance()
        }
    }

    /// "..." with TOML's escapes; """ multi-line strings are not in the subset.
    mutating func basicString() throws(TOMLError) -> String {
        let open = position
        advance()
        if current == "\"", i + 1 < chars.count, chars[i + 1] == "\"" { throw fail("multi-line strings (\"\"\") are \(TOMLSubset.unsupported)", at: open) }
        var s = ""
        while true {
            guard let c = current, !Self.isNewline(c) else { throw fail("the string opened at \(open) is not closed on its line", at: open) }
            if c == "\"" { advance(); return s }
            if c == "\\" {
                let escAt = position
                advance()
                guard let e = current else { throw fail("the string opened at \(open) is not closed on its line", at: open) }
                advance()
                switch e {
                case "\"": s.append("\"")
                case "\\": s.append("\\")
                case "n": s.append("\n")
                case "t": s.append("\t")
                case "r": s.append("\r")
                case "b": s.append("\u{08}")
                case "f": s.append("\u{0C}")
                case "e": s.append("\u{1B}")
                case "u", "U":
                    let n = e == "u" ? 4 : 8
                    var h = ""
                    for _ in 0..<n { if let d = current, d.isHexDigit { h.append(d); advance() } }
                    guard h.count == n, let v = UInt32(h, radix: 16), let scalar = Unicode.Scalar(v) else {
                        throw fail("\\\(e) needs \(n) hexadecimal digits of a Unicode scalar value", at: escAt)
                    }
                    s.unicodeScalars.append(scalar)
                default: throw fail("unknown escape \\\(e) (known: \\\" \\\\ \\n \\t \\r \\b \\f \\e \\uXXXX \\UXXXXXXXX)", at: escAt)
                }
                continue
            }
            try checkControl(c)
            s.append(c)
            advance()
        }
    }

    /// '...' without escapes; ''' multi-line strings are not in the subset.
    mutating func literalString() throws(TOMLError) -> String {
        let open = position
        advance()
        if current == "'", i + 1 < chars.count, chars[i + 1] == "'" { throw fail("multi-line strings (''') are \(TOMLSubset.unsupported)", at: open) }
        var s = ""
        while true {
            guard let c = current, !Self.isNewline(c) else { throw fail("the string opened at \(open) is not closed on its line", at: open) }
            if c == "'" { advance(); return s }
            try checkControl(c)
            s.append(c)
            advance()
        }
    }

    func checkControl(_ c: Character) throws(TOMLError) {
        for s in c.unicodeScalars where (s.value < 0x20 && s.value != 0x09) || s.value == 0x7F {
            throw fail("a control character (U+\(hex(s.value))) in a string: write it as an escape (\\u\(hex(s.value)))")
        }
    }

    func quoted(_ c: Character) -> String {
        if let s = c.unicodeScalars.first, s.value < 0x20 || s.value == 0x7F { return "U+\(hex(s.value))" }
        return "\"\(c)\""
    }

    func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
