import TradeModel

/// Reading the cells of one record of a trade CSV: numbers, codes and text, straight from the
/// reader's bytes. Every problem is a message naming the column; the caller adds the line.
struct GenericCSVCells {
    typealias Column = GenericCSVColumns.Column

    let record: CSVReader.Record
    let columns: GenericCSVColumns

    /// The raw bytes of `c`, or nil when the file has no such column.
    @inline(__always)
    func raw(_ c: Column) -> UnsafeBufferPointer<UInt8>? {
        let i = columns[c]
        return i >= 0 && i < record.count ? record.bytes(i) : nil
    }

    /// The bytes of `c` without surrounding spaces; empty when the column is absent. A quoted field
    /// with doubled quotes is returned as its text's bytes (`escapedText`).
    func trimmed(_ c: Column) -> UnsafeBufferPointer<UInt8> {
        guard let b = raw(c) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return FieldParsing.trimmed(b)
    }

    func isBlank(_ c: Column) -> Bool { raw(c).map(FieldParsing.isBlank) ?? true }

    /// Whether field `c` was quoted and holds doubled quotes (its bytes are not its text).
    func isEscaped(_ c: Column) -> Bool {
        let i = columns[c]
        return i >= 0 && i < record.count && record.span(i).escaped
    }

    /// "value (column 7)": how messages name a cell.
    func name(_ c: Column) -> String { "\(c.name) (column \(columns[c] + 1))" }

    /// The cell as text, nil when absent or only white space (as the dataset has no empty strings).
    /// Text is kept as written, spaces included.
    func text(_ c: Column) -> String? {
        let i = columns[c]
        guard i >= 0 && i < record.count, record.bytes(i).count > 0 else { return nil }
        let s = record.string(i)
        return GenericCSVCells.isBlankText(s) ? nil : s
    }

    /// The cell as text without surrounding spaces and tabs; nil when blank.
    func trimmedText(_ c: Column) -> String? { text(c)?.trimmingSpaces }

    static func isBlankText(_ s: String) -> Bool {
        if let b = s.utf8.first, b > 0x20 && b < 0x7F { return false }
        return s.allSatisfy(\.isWhitespace)
    }

    /// The cell for a message: at most 40 characters, control characters shown escaped.
    func excerpt(_ c: Column) -> String { raw(c).map { FieldParsing.excerpt($0) } ?? "" }

    // MARK: numbers

    enum Number: Equatable {
        case empty
        case value(Double)
        case problem(String)
    }

    /// A plain decimal: an optional sign, digits with an optional decimal point, an optional exponent
    /// (`254300000`, `0.885`, `-0.05`, `1.5e+07`). No thousands separators, no `nan` or `inf`. Read to
    /// the nearest double, as the dataset's JSON numbers are, so an exported value reads back equal.
    func decimal(_ c: Column) -> Number {
        let b = trimmed(c)
        guard b.count > 0 else { return .empty }
        if isEscaped(c) || !GenericCSVCells.isDecimal(b) {
            var hint = ""
            if b.contains(0x2C) { hint = " (no thousands separators or decimal commas: write 1234567.5)" }
            else if b.contains(0x20) { hint = " (no spaces inside a number)" }
            return .problem("\"\(excerpt(c))\" is not a number; expected a plain decimal such as 254300000 or 0.28\(hint)")
        }
        guard b.count <= 64, let d = Double(String(decoding: b, as: UTF8.self)), d.isFinite else {
            return .problem("\"\(excerpt(c))\" is out of range")
        }
        return .value(d)
    }

    static func isDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        if i < n && (b[i] == 0x2B || b[i] == 0x2D) { i += 1 }
        var digits = 0
        while i < n && b[i] >= 0x30 && b[i] <= 0x39 { i += 1; digits += 1 }
        if i < n && b[i] == 0x2E {
            i += 1
            while i < n && b[i] >= 0x30 && b[i] <= 0x39 { i += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if i < n && (b[i] == 0x65 || b[i] == 0x45) {
            i += 1
            if i < n && (b[i] == 0x2B || b[i] == 0x2D) { i += 1 }
            var expDigits = 0
            while i < n && b[i] >= 0x30 && b[i] <= 0x39 { i += 1; expDigits += 1 }
            guard expDigits > 0 else { return false }
        }
        return i == n
    }

    enum Whole: Equatable {
        case empty
        case value(Int)
        case problem(String)
    }

    /// A whole number in `range` (`2024`; `2024.0` as spreadsheets write it).
    func int(_ c: Column, _ range: ClosedRange<Int>, what: String) -> Whole {
        let b = trimmed(c)
        guard b.count > 0 else { return .empty }
        guard !isEscaped(c), let v = FieldParsing.int(b) else {
            return .problem("\"\(excerpt(c))\" is not a whole number; expected \(what) \(range.lowerBound)–\(range.upperBound)")
        }
        guard range.contains(v) else {
            return .problem("\(v) is out of range; expected \(what) \(range.lowerBound)–\(range.upperBound)")
        }
        return .value(v)
    }

    // MARK: codes

    enum Choice<E> {
        case empty
        case value(E)
        case problem(String)
    }

    /// One of the raw values of `E`, exactly (lower case, as the dataset writes them).
    func choice<E: RawRepresentable & CaseIterable>(_ c: Column, _ type: E.Type) -> Choice<E> where E.RawValue == String {
        let b = trimmed(c)
        guard b.count > 0 else { return .empty }
        let s = String(decoding: b, as: UTF8.self)
        if !isEscaped(c), let v = E(rawValue: s) { return .value(v) }
        let allowed = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        let near = E.allCases.first { $0.rawValue == s.lowercased() }.map { " (written in lower case: \"\($0.rawValue)\")" } ?? ""
        return .problem("unknown value \"\(excerpt(c))\"; expected one of \(allowed)\(near)")
    }

    /// Whether the bytes of `c` (trimmed) equal `expected`; a field with doubled quotes is compared as text.
    func trimmedEquals(_ c: Column, _ expected: [UInt8]) -> Bool {
        if isEscaped(c) { return Array((trimmedText(c) ?? "").utf8) == expected }
        let b = trimmed(c)
        guard b.count == expected.count else { return false }
        return expected.withUnsafeBufferPointer { e in
            var k = 0
            while k < b.count { if b[k] != e[k] { return false }; k += 1 }
            return true
        }
    }

    // MARK: the record as a whole

    /// Whether an unquoted field holds a carriage return: one that ended a line would have been taken
    /// off with its line feed, so this one stands alone as a line break (CR line endings).
    static func hasBareCR(_ rec: CSVReader.Record) -> Bool {
        (0..<rec.count).contains { !rec.span($0).quoted && rec.bytes($0).contains(0x0D) }
    }

    /// The fields of `rec` whose bytes are not UTF-8 (0-based).
    static func invalidUTF8Fields(_ rec: CSVReader.Record) -> [Int] {
        (0..<rec.count).filter { String(validating: rec.bytes($0), as: UTF8.self) == nil }
    }
}
