/// Collects problems while a document is decoded, so that every problem is reported, not only the first.
/// Paths, lines and columns are worked out only for what is reported.
final class ProblemLog {
    let doc: JSONDocument
    var problems: [Problem] = []
    /// References that were not known when they were read, to resolve once the whole document is read
    /// (a reference to an id already defined is not kept: it cannot fail).
    var references: [Reference] = []
    /// Ids the document defines, by kind.
    var defined: [ReferenceKind: Set<String>] = [:]
    /// The line of each trade observation decoded, in the order they were appended (see TradeLines).
    var tradeLines: [Int32] = []
    /// One `String` per distinct long id referred to (ids repeat on every row; short ones take no memory).
    private var interned: [ExactText: String] = [:]
    /// Ids referred to, found by their bytes in the text; flags: the kinds they are known to be defined as.
    private var referred = RawStringTable()

    init(_ doc: JSONDocument) {
        self.doc = doc
    }

    struct Reference {
        var kind: ReferenceKind
        var id: String
        var place: FieldPath
        var line: Int
        var path: String { place.text }
    }

    func define(_ kind: ReferenceKind, _ id: String) { defined[kind, default: []].insert(id) }

    func add(_ path: FieldPath, _ node: Int?, _ message: String) {
        let (line, column) = node.map { doc.position($0) } ?? (0, 0)
        problems.append(Problem(path: path.text, line: line, column: column, message: message))
    }

    /// Records a reference to resolve later; true when `id` is already defined (it cannot fail then and is not kept).
    @discardableResult
    func refer(_ kind: ReferenceKind, _ id: String, at path: FieldPath, then step: PathStep = .none, _ node: Int) -> Bool {
        if defined[kind]?.contains(id) == true { return true }
        references.append(Reference(kind: kind, id: id, place: path.then(step), line: doc.line(node)))
        return false
    }

    /// The id string node `n` holds when the same bytes were referred to before as an id defined as
    /// `kind`: then reading it again could report nothing, and it is not read again.
    func knownReference(_ n: Int, _ kind: ReferenceKind) -> String? {
        guard doc.kind(n) == .string, let raw = doc.plainStringBytes(n), let e = referred.find(raw, in: doc.bytes) else { return nil }
        return referred.flags[e] & kind.bit != 0 ? referred.strings[e] : nil
    }

    /// The id `s` read from node `n`, as one `String` for all equal ids; remembers whether it is known as `kind`.
    func intern(_ s: String, node n: Int, knownAs kind: ReferenceKind?) -> String {
        guard let raw = doc.plainStringBytes(n) else { return intern(s) }
        let e = referred.find(raw, in: doc.bytes) ?? referred.insert(raw, in: doc.bytes, s)
        if let kind { referred.flags[e] |= kind.bit }
        return referred.strings[e]
    }

    /// The same `String` for equal ids (byte for byte), so that a dataset does not hold one copy per row.
    func intern(_ s: String) -> String {
        guard s.utf8.count > 15 else { return s } // stored inside the String itself
        let key = ExactText(text: s)
        if let existing = interned[key] { return existing }
        interned[key] = s
        return s
    }
}

/// A string compared and hashed by its bytes (Swift's `==` on `String` is canonical equivalence, which
/// would merge differently written names and ids).
struct ExactText: Hashable {
    var text: String
    static func == (a: ExactText, b: ExactText) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

enum ReferenceKind: String {
    case source, place, country, item

    var bit: UInt8 {
        switch self {
        case .source: return 1
        case .place: return 2
        case .country: return 4
        case .item: return 8
        }
    }

    var noun: String {
        switch self {
        case .item: return "deal, project or target"
        default: return rawValue
        }
    }
}

/// Reads the members of one JSON object, reporting missing fields, wrong types, unknown values and
/// unknown members at their paths.
struct FieldReader {
    /// The object's node in `log.doc`.
    let node: Int
    let path: FieldPath
    let log: ProblemLog
    /// Bit f set when the object may have member `Field(rawValue: f)` (f < 64), so that looking for an
    /// absent member does not scan the members.
    private let present: UInt64
    private var doc: JSONDocument { log.doc }

    /// nil (and a problem logged) when `node` is not an object.
    init?(_ node: Int, path: FieldPath, log: ProblemLog, what: String = "an object") {
        guard log.doc.kind(node) == .object else {
            log.add(path, node, "expected \(what), found \(log.doc.typeName(node))")
            return nil
        }
        self.node = node
        self.path = path
        self.log = log
        var present: UInt64 = 0
        for c in log.doc.children(node) {
            let k = log.doc.canonicalKey(c)
            if k < 64 { present |= 1 << UInt64(k) }
        }
        self.present = present
    }

    func sub(_ key: Field) -> FieldPath { path.sub(key) }

    /// The member, or nil; reports it when `required`. A JSON null counts as absent.
    func member(_ key: Field, required: Bool) -> Int? {
        let doc = self.doc
        if key.rawValue >= 64 || present & (1 << UInt64(key.rawValue)) != 0 {
            for c in doc.children(node) where doc.canonicalKey(c) == key.rawValue {
                if doc.isNull(c) { break }
                return c
            }
        }
        if required { log.add(sub(key), node, "missing required field") }
        return nil
    }

    /// Reports members this schema does not know (a misspelt field would otherwise be silently ignored).
    func rejectUnknown(_ allowed: FieldSet) {
        let doc = self.doc
        for c in doc.children(node) where !allowed.contains(id: doc.canonicalKey(c)) {
            let key = doc.keyText(c)
            let suffix = Suggester(allowed.names).nearest(to: key, limit: 2).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(path.sub(key), c, "unknown field" + suffix)
        }
    }

    func string(_ key: Field, required: Bool = false) -> String? {
        guard let n = member(key, required: required) else { return nil }
        return FieldReader.string(n, path: path, then: .member(key), log: log)
    }

    /// A string that is not blank.
    static func string(_ n: Int, path: FieldPath, then step: PathStep = .none, log: ProblemLog) -> String? {
        guard log.doc.kind(n) == .string else {
            log.add(path.then(step), n, "expected a string, found \(log.doc.typeName(n))")
            return nil
        }
        let s = log.doc.string(n)
        if FieldReader.isBlank(s) {
            log.add(path.then(step), n, "must not be empty")
            return nil
        }
        return s
    }

    /// Whether `s` is empty or only white space. A string that begins with a visible ASCII character is
    /// not (a `Character` is white space when its first scalar is), which spares the Unicode lookups.
    @inline(__always) static func isBlank(_ s: String) -> Bool {
        if let b = s.utf8.first, b > 0x20 && b < 0x7F { return false }
        return s.allSatisfy(\.isWhitespace)
    }

    func bool(_ key: Field) -> Bool? {
        guard let n = member(key, required: false) else { return nil }
        guard doc.kind(n) == .bool else {
            log.add(sub(key), n, "expected true or false, found \(doc.typeName(n))")
            return nil
        }
        return doc.bool(n)
    }

    /// A finite number within `range` (inclusive).
    func number(_ key: Field, required: Bool = false, range: ClosedRange<Double>? = nil, rangeMessage: String? = nil) -> Double? {
        guard let n = member(key, required: required) else { return nil }
        return FieldReader.number(n, path: path, then: .member(key), log: log, range: range, rangeMessage: rangeMessage)
    }

    static func number(_ n: Int, path: FieldPath, then step: PathStep = .none, log: ProblemLog, range: ClosedRange<Double>? = nil, rangeMessage: String? = nil) -> Double? {
        let doc = log.doc
        guard doc.kind(n) == .number else {
            if doc.kind(n) == .string, case let s = doc.string(n), Double(s) != nil {
                log.add(path.then(step), n, "expected a number, found a string (\"\(s)\"): remove the quotes")
            } else {
                log.add(path.then(step), n, "expected a number, found \(doc.typeName(n))")
            }
            return nil
        }
        let d = doc.number(n)
        guard d.isFinite else {
            log.add(path.then(step), n, "number \(doc.numberText(n) ?? "") is out of range")
            return nil
        }
        if let range, !range.contains(d) {
            log.add(path.then(step), n, rangeMessage ?? "\(doc.numberText(n) ?? JSONWriter.format(d)) is outside \(JSONWriter.format(range.lowerBound))…\(JSONWriter.format(range.upperBound))")
            return nil
        }
        return d
    }

    /// A whole number within `range`.
    func int(_ key: Field, required: Bool = false, range: ClosedRange<Int>, what: String = "value") -> Int? {
        guard let n = member(key, required: required) else { return nil }
        return FieldReader.int(n, path: path, then: .member(key), log: log, range: range, what: what)
    }

    static func int(_ n: Int, path: FieldPath, then step: PathStep = .none, log: ProblemLog, range: ClosedRange<Int>, what: String) -> Int? {
        guard let d = number(n, path: path, then: step, log: log) else { return nil }
        guard d == d.rounded() else {
            log.add(path.then(step), n, "expected a whole number, found \(JSONWriter.format(d))")
            return nil
        }
        // Whole, but beyond any plausible range (and beyond what Int holds exactly).
        guard abs(d) < 1e15 else {
            log.add(path.then(step), n, "\(what) \(JSONWriter.format(d)) is implausible (expected \(range.lowerBound)–\(range.upperBound))")
            return nil
        }
        let v = Int(d)
        guard range.contains(v) else {
            log.add(path.then(step), n, "\(what) \(v) is implausible (expected \(range.lowerBound)–\(range.upperBound))")
            return nil
        }
        return v
    }

    /// One of an enumeration's raw values; an unknown value lists the allowed ones.
    func choice<E: RawRepresentable & CaseIterable>(_ key: Field, _ type: E.Type, required: Bool = false) -> E? where E.RawValue == String {
        guard let s = string(key, required: required) else { return nil }
        if let v = E(rawValue: s) { return v }
        let allowed = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        log.add(sub(key), member(key, required: false), "unknown value \"\(s)\"; expected one of \(allowed)")
        return nil
    }

    func date(_ key: Field, required: Bool = false, fullDate: Bool = false) -> DateValue? {
        guard let s = string(key, required: required) else { return nil }
        let n = member(key, required: false)
        switch DateValue.parse(s) {
        case .failure(let e):
            log.add(sub(key), n, "\"\(s)\": \(e.message)")
            return nil
        case .success(let d):
            guard (DatasetLoader.plausibleYears).contains(d.year) else {
                log.add(sub(key), n, "year \(d.year) is implausible (expected \(DatasetLoader.plausibleYears.lowerBound)–\(DatasetLoader.plausibleYears.upperBound))")
                return nil
            }
            if fullDate && d.day == nil {
                log.add(sub(key), n, "\"\(s)\": expected a full date YYYY-MM-DD")
                return nil
            }
            return d
        }
    }

    /// The elements of an array member with their paths; nil when absent or not an array.
    func array(_ key: Field, required: Bool = false) -> Elements? {
        guard let n = member(key, required: required) else { return nil }
        return FieldReader.elements(n, path: sub(key), log: log)
    }

    static func elements(_ n: Int, path: FieldPath, log: ProblemLog) -> Elements? {
        guard log.doc.kind(n) == .array else {
            log.add(path, n, "expected an array, found \(log.doc.typeName(n))")
            return nil
        }
        return Elements(doc: log.doc, array: n, path: path)
    }

    /// The elements of an array node, each with its path (made when asked for).
    struct Elements: Sequence {
        let doc: JSONDocument
        let array: Int
        let path: FieldPath
        var count: Int { doc.count(array) }
        var isEmpty: Bool { count == 0 }

        func makeIterator() -> Iterator { Iterator(children: doc.children(array), path: path) }

        struct Iterator: IteratorProtocol {
            var children: JSONDocument.Children
            let path: FieldPath
            var index = 0
            mutating func next() -> (node: Int, path: FieldPath)? {
                guard let n = children.next() else { return nil }
                defer { index += 1 }
                return (n, path.element(index))
            }
        }
    }

    /// An array of non-empty strings.
    func strings(_ key: Field, required: Bool = false, nonEmpty: Bool = false) -> [String]? {
        guard let items = array(key, required: required) else { return nil }
        if nonEmpty && items.isEmpty {
            log.add(sub(key), member(key, required: false), "must list at least one")
        }
        var out = [String]()
        for (n, p) in items {
            guard doc.kind(n) == .string else {
                log.add(p, n, "expected a string, found \(doc.typeName(n))")
                continue
            }
            let s = doc.string(n)
            if FieldReader.isBlank(s) {
                log.add(p, n, "must not be empty")
                continue
            }
            out.append(s)
        }
        return out
    }

    /// A reference to something defined elsewhere in the document; resolved after the whole file is read.
    func reference(_ key: Field, _ kind: ReferenceKind, required: Bool = false) -> String? {
        guard let n = member(key, required: required) else { return nil }
        if let known = log.knownReference(n, kind) { return known }
        guard let s = FieldReader.string(n, path: path, then: .member(key), log: log) else { return nil }
        let defined = log.refer(kind, s, at: path, then: .member(key), n)
        return log.intern(s, node: n, knownAs: defined ? kind : nil)
    }

    func references(_ key: Field, _ kind: ReferenceKind, required: Bool = false, nonEmpty: Bool = false) -> [String]? {
        guard let list = strings(key, required: required, nonEmpty: nonEmpty) else { return nil }
        if let items = array(key) {
            for (n, p) in items where doc.kind(n) == .string {
                let s = doc.string(n)
                if !s.isEmpty { log.refer(kind, s, at: p, n) }
            }
        }
        return list.map { log.intern($0) }
    }
}
