/// Collects problems while a JSON tree is decoded, so that every problem is reported, not only the first.
final class ProblemLog {
    var problems: [Problem] = []
    /// References to resolve once the whole document is read: (what, id, path, line).
    var references: [(kind: ReferenceKind, id: String, path: String, line: Int)] = []
    /// Ids the document defines, by kind.
    var defined: [ReferenceKind: Set<String>] = [:]

    func define(_ kind: ReferenceKind, _ id: String) { defined[kind, default: []].insert(id) }

    func add(_ path: String, _ node: JSONNode?, _ message: String) {
        problems.append(Problem(path: path, line: node?.line ?? 0, column: node?.column ?? 0, message: message))
    }

    func refer(_ kind: ReferenceKind, _ id: String, at path: String, _ node: JSONNode?) {
        references.append((kind, id, path, node?.line ?? 0))
    }
}

enum ReferenceKind: String {
    case source, place, country, item

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
    let node: JSONNode
    let path: String
    let log: ProblemLog
    private let members: [JSONMember]

    /// nil (and a problem logged) when `node` is not an object.
    init?(_ node: JSONNode, path: String, log: ProblemLog, what: String = "an object") {
        guard case .object(let ms) = node.value else {
            log.add(path, node, "expected \(what), found \(node.value.typeName)")
            return nil
        }
        self.node = node
        self.path = path
        self.log = log
        self.members = ms
    }

    func sub(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member, or nil; reports it when `required`. A JSON null counts as absent.
    func member(_ key: String, required: Bool) -> JSONNode? {
        if let m = members.first(where: { $0.key == key }), m.node.value != .null { return m.node }
        if required { log.add(sub(key), node, "missing required field") }
        return nil
    }

    /// Reports members this schema does not know (a misspelt field would otherwise be silently ignored).
    func rejectUnknown(_ allowed: Set<String>) {
        for m in members where !allowed.contains(m.key) {
            let suffix = Suggester(allowed).nearest(to: m.key, limit: 2).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(sub(m.key), m.node, "unknown field" + suffix)
        }
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let n = member(key, required: required) else { return nil }
        guard case .string(let s) = n.value else {
            log.add(sub(key), n, "expected a string, found \(n.value.typeName)")
            return nil
        }
        if s.allSatisfy(\.isWhitespace) {
            log.add(sub(key), n, "must not be empty")
            return nil
        }
        return s
    }

    func bool(_ key: String) -> Bool? {
        guard let n = member(key, required: false) else { return nil }
        guard case .bool(let b) = n.value else {
            log.add(sub(key), n, "expected true or false, found \(n.value.typeName)")
            return nil
        }
        return b
    }

    /// A finite number within `range` (inclusive).
    func number(_ key: String, required: Bool = false, range: ClosedRange<Double>? = nil, rangeMessage: String? = nil) -> Double? {
        guard let n = member(key, required: required) else { return nil }
        return FieldReader.number(n, path: sub(key), log: log, range: range, rangeMessage: rangeMessage)
    }

    static func number(_ n: JSONNode, path: String, log: ProblemLog, range: ClosedRange<Double>? = nil, rangeMessage: String? = nil) -> Double? {
        guard case .number(let d, let text) = n.value else {
            if case .string(let s) = n.value, Double(s) != nil {
                log.add(path, n, "expected a number, found a string (\"\(s)\"): remove the quotes")
            } else {
                log.add(path, n, "expected a number, found \(n.value.typeName)")
            }
            return nil
        }
        guard d.isFinite else {
            log.add(path, n, "number \(text ?? "") is out of range")
            return nil
        }
        if let range, !range.contains(d) {
            log.add(path, n, rangeMessage ?? "\(text ?? JSONWriter.format(d)) is outside \(JSONWriter.format(range.lowerBound))…\(JSONWriter.format(range.upperBound))")
            return nil
        }
        return d
    }

    /// A whole number within `range`.
    func int(_ key: String, required: Bool = false, range: ClosedRange<Int>, what: String = "value") -> Int? {
        guard let n = member(key, required: required) else { return nil }
        return FieldReader.int(n, path: sub(key), log: log, range: range, what: what)
    }

    static func int(_ n: JSONNode, path: String, log: ProblemLog, range: ClosedRange<Int>, what: String) -> Int? {
        guard let d = number(n, path: path, log: log) else { return nil }
        guard d == d.rounded(), abs(d) < 1e15 else {
            log.add(path, n, "expected a whole number, found \(JSONWriter.format(d))")
            return nil
        }
        let v = Int(d)
        guard range.contains(v) else {
            log.add(path, n, "\(what) \(v) is implausible (expected \(range.lowerBound)–\(range.upperBound))")
            return nil
        }
        return v
    }

    /// One of an enumeration's raw values; an unknown value lists the allowed ones.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required: Bool = false) -> E? where E.RawValue == String {
        guard let s = string(key, required: required) else { return nil }
        if let v = E(rawValue: s) { return v }
        let allowed = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        log.add(sub(key), member(key, required: false), "unknown value \"\(s)\"; expected one of \(allowed)")
        return nil
    }

    func date(_ key: String, required: Bool = false, fullDate: Bool = false) -> DateValue? {
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
    func array(_ key: String, required: Bool = false) -> [(node: JSONNode, path: String)]? {
        guard let n = member(key, required: required) else { return nil }
        return FieldReader.elements(n, path: sub(key), log: log)
    }

    static func elements(_ n: JSONNode, path: String, log: ProblemLog) -> [(node: JSONNode, path: String)]? {
        guard case .array(let items) = n.value else {
            log.add(path, n, "expected an array, found \(n.value.typeName)")
            return nil
        }
        return items.enumerated().map { ($0.element, "\(path)[\($0.offset)]") }
    }

    /// An array of non-empty strings.
    func strings(_ key: String, required: Bool = false, nonEmpty: Bool = false) -> [String]? {
        guard let items = array(key, required: required) else { return nil }
        if nonEmpty && items.isEmpty {
            log.add(sub(key), member(key, required: false), "must list at least one")
        }
        var out = [String]()
        for (n, p) in items {
            guard case .string(let s) = n.value else {
                log.add(p, n, "expected a string, found \(n.value.typeName)")
                continue
            }
            if s.allSatisfy(\.isWhitespace) {
                log.add(p, n, "must not be empty")
                continue
            }
            out.append(s)
        }
        return out
    }

    /// A reference to something defined elsewhere in the document; resolved after the whole file is read.
    func reference(_ key: String, _ kind: ReferenceKind, required: Bool = false) -> String? {
        guard let s = string(key, required: required) else { return nil }
        log.refer(kind, s, at: sub(key), member(key, required: false))
        return s
    }

    func references(_ key: String, _ kind: ReferenceKind, required: Bool = false, nonEmpty: Bool = false) -> [String]? {
        guard let list = strings(key, required: required, nonEmpty: nonEmpty) else { return nil }
        if let items = array(key) {
            for (n, p) in items { if case .string(let s) = n.value, !s.isEmpty { log.refer(kind, s, at: p, n) } }
        }
        return list
    }
}
