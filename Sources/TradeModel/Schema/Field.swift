/// The member names of the dataset format (docs/data-format.md). The decoder asks for members by
/// these rather than by strings: the parser gives each of them a fixed id (`rawValue`), so finding a
/// member is comparing two integers.
enum Field: Int, CaseIterable, Sendable {
    case schema, title, asOf, note, countries, relationship, sources, trade, targets, deals, projects, events, places
    case exportPotential, code, name, isoNumeric, iso3, leader, leaderTitle, id, publisher, url, date, country, lat, lon
    case kind, approximate, year, months, flow, from, to, usd, growth, qualifier, source, hsSection, valuation, value, max
    case unit, label, status, metric, set, deadline, deadlineKind, deadlineNote, sector, parties, milestones, volumes
    case description, length, capacity, endDate, related, categories, commodities, diplomaticRelationsSince, notes, text
    case statements, wording, quoted, occasion, by
    case composition, indicators, periodNote, goods, hs, quantity, share, shareOf, what, rank, includes, remainder
    case values, planned, language, basis, basisCountry, weak, growthQualifier

    /// The name as written in a dataset.
    var name: String { Field.names[rawValue] }

    /// In the order of the cases (a test checks each against the case's own name).
    static let names: [String] = [
        "schema", "title", "asOf", "note", "countries", "relationship", "sources", "trade", "targets", "deals", "projects", "events", "places",
        "exportPotential", "code", "name", "isoNumeric", "iso3", "leader", "leaderTitle", "id", "publisher", "url", "date", "country", "lat", "lon",
        "kind", "approximate", "year", "months", "flow", "from", "to", "usd", "growth", "qualifier", "source", "hsSection", "valuation", "value", "max",
        "unit", "label", "status", "metric", "set", "deadline", "deadlineKind", "deadlineNote", "sector", "parties", "milestones", "volumes",
        "description", "length", "capacity", "endDate", "related", "categories", "commodities", "diplomaticRelationsSince", "notes", "text",
        "statements", "wording", "quoted", "occasion", "by",
        "composition", "indicators", "periodNote", "goods", "hs", "quantity", "share", "shareOf", "what", "rank", "includes", "remainder",
        "values", "planned", "language", "basis", "basisCountry", "weak", "growthQualifier",
    ]
}

/// A set of `Field`s: the members one kind of object may have.
struct FieldSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// The names, for "did you mean".
    let names: [String]

    init(_ fields: [Field]) {
        for f in fields {
            if f.rawValue < 64 { low |= 1 << UInt64(f.rawValue) } else { high |= 1 << UInt64(f.rawValue - 64) }
        }
        names = fields.map(\.name)
    }

    /// Whether canonical member name id `id` is one of the set's.
    @inline(__always) func contains(id: Int) -> Bool {
        if id < 64 { return low & (1 << UInt64(id)) != 0 }
        if id < 128 { return high & (1 << UInt64(id - 64)) != 0 }
        return false
    }
}

/// Where in the document a value is, as `trade[3].source`: kept in parts and written out only when a
/// problem is reported, so that reading a field that is fine builds no string. Up to five parts
/// (`[i]`, `.field`, `[j]`, `.field`, `[k]`) wait after the written prefix; a sixth, or a member name
/// that is not a `Field`, writes them out. (One `String` only, so that copying a path is cheap.)
struct FieldPath: Sendable, CustomStringConvertible {
    /// Already written out.
    private var prefix: String
    private var index1: Int32 = -1
    private var key1: Int16 = -1
    private var key2: Int16 = -1
    private var index2: Int32 = -1
    private var index3: Int32 = -1

    init(_ text: String) {
        prefix = text
    }

    static let root = FieldPath("")

    /// The path as the messages give it: `key` alone at the top level, `a.b` for members, `a[3]` for elements.
    var text: String {
        var s = prefix
        if index1 >= 0 { s += "[\(index1)]" }
        if key1 >= 0 { s += s.isEmpty ? Field.names[Int(key1)] : "." + Field.names[Int(key1)] }
        if index2 >= 0 { s += "[\(index2)]" }
        if key2 >= 0 { s += s.isEmpty ? Field.names[Int(key2)] : "." + Field.names[Int(key2)] }
        if index3 >= 0 { s += "[\(index3)]" }
        return s
    }

    var description: String { text }

    /// The path of member `name` of the object here.
    func sub(_ name: String) -> FieldPath {
        let s = text
        return FieldPath(s.isEmpty ? name : s + "." + name)
    }

    /// The path of member `field` of the object here.
    func sub(_ field: Field) -> FieldPath {
        var p = self
        if key1 < 0 && index2 < 0 && key2 < 0 && index3 < 0 {
            p.key1 = Int16(field.rawValue)
        } else if key2 < 0 && index3 < 0 {
            p.key2 = Int16(field.rawValue)
        } else {
            p = FieldPath(text)
            p.key1 = Int16(field.rawValue)
        }
        return p
    }

    /// This path, or one step further (so that a caller can pass a path and a step without building the path).
    func then(_ step: PathStep) -> FieldPath {
        switch step {
        case .none: return self
        case .member(let f): return sub(f)
        case .element(let i): return element(i)
        }
    }

    /// The path of element `i` of the array here.
    func element(_ i: Int) -> FieldPath {
        var p = self
        // (Arrays have fewer than 2^31 elements: a document has fewer than 2^32 bytes.)
        if index1 < 0 && key1 < 0 && index2 < 0 && key2 < 0 && index3 < 0 {
            p.index1 = Int32(i)
        } else if index2 < 0 && key2 < 0 && index3 < 0 {
            p.index2 = Int32(i)
        } else if index3 < 0 {
            p.index3 = Int32(i)
        } else {
            p = FieldPath(text + "[\(i)]")
        }
        return p
    }
}

/// One step down from a `FieldPath`, taken only when a problem is reported.
enum PathStep: Sendable {
    case none
    case member(Field)
    case element(Int)
}
