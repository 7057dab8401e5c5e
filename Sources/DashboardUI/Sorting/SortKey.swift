import TradeModel

/// A way a screen's list can be ordered: `s` steps through a screen's keys, `S` reverses the one in
/// use. Each list screen declares its keys (`ScreenView.sortKeys`); the first is the list's own order
/// (the data's, or by period or date), and each of its rows gives its value for every other key
/// (`ListRow.sortValue`).
struct SortKey: Sendable {
    /// What the list is sorted by, as the status line and the help say it ("date", "cited by").
    var name: String
    /// The column whose header carries the marker (▲ ascending, ▼ descending); nil when no column
    /// shows what is sorted on.
    var column: Int?
    var kind: Kind
    /// Where the first press of `s` starts: largest first for amounts and counts, in order for the rest.
    var descendingFirst: Bool
    /// The list's own order: what it is ordered by (a period, a date), for the status line's words.
    var naturalKind: Kind?
    /// The status line's words for ascending and descending, where the kind's do not fit ("most first").
    var words: (ascending: String, descending: String)?
    /// Said after the order when rows are sorted in groups (`ListRow.sortGroup`): "full years first".
    var groupNote: String?

    enum Kind: Sendable {
        /// The list as the screen builds it.
        case natural
        case number, date, text
        /// A status, by stage: proposed, planned, signed, under construction, operational, completed,
        /// then suspended and cancelled (`SortValue.status`); unknown last.
        case status
    }

    init(_ name: String, column: Int?, _ kind: Kind, descendingFirst: Bool? = nil,
         words: (ascending: String, descending: String)? = nil, groupNote: String? = nil) {
        self.name = name
        self.column = column
        self.kind = kind
        self.descendingFirst = descendingFirst ?? (kind == .number)
        self.words = words
        self.groupNote = groupNote
    }

    /// The screen's own order, ordered by `as` when it is (periods, dates), marked on `column`.
    static func natural(_ name: String, column: Int? = nil, as kind: Kind? = nil) -> SortKey {
        var k = SortKey(name, column: column, .natural)
        k.naturalKind = kind
        return k
    }

    /// How the status line says the order: "largest first", "newest first", "A to Z".
    func orderWords(descending: Bool) -> String {
        if let words { return descending ? words.descending : words.ascending }
        switch kind {
        case .natural:
            if let k = naturalKind, k != .natural { return SortKey(name, column: nil, k).orderWords(descending: descending) }
            return descending ? "reversed" : "in order"
        case .number: return descending ? "largest first" : "smallest first"
        case .date: return descending ? "newest first" : "oldest first"
        case .text: return descending ? "Z to A" : "A to Z"
        case .status: return descending ? "cancelled to proposed" : "proposed to cancelled"
        }
    }
}

/// A row's value for a sort key. Whatever the direction, a value that is not known sorts last: an
/// unknown figure is neither small nor large.
enum SortValue: Sendable {
    case number(Double)
    /// Folded text (made by `text(_:)`, which every screen calls).
    case folded(String)
    case missing

    /// A date as a number that orders dates of any precision (a year before its months, a month
    /// before its days).
    static func date(_ d: DateValue?) -> SortValue {
        guard let d else { return .missing }
        return .number(Double(d.year * 10_000 + (d.month ?? 0) * 100 + (d.day ?? 0)))
    }

    /// Stage order; an unknown status is a missing value.
    static func status(_ st: Status) -> SortValue {
        st == .unknown ? .missing : .number(Double(Status.allCases.firstIndex(of: st) ?? 0))
    }

    static func number(_ v: Double?) -> SortValue { v.map { SortValue.number($0) } ?? .missing }

    /// A figure with its bound: "over 109.7 M" sorts just above 109.7 M, "under" just below.
    static func bounded(_ v: Double?, _ bound: Bound) -> SortValue {
        guard let v else { return .missing }
        switch bound {
        case .atLeast: return .number(v.nextUp)
        case .atMost: return .number(v.nextDown)
        default: return .number(v)
        }
    }

    /// Text compared without case, and with Latin letters' accents folded ("Türkmen" by "Turkmen").
    static func text(_ t: String?) -> SortValue {
        guard let t, !t.isEmpty else { return .missing }
        return .folded(Transliteration.ascii(t.lowercased()))
    }

    /// Whether `a` goes before `b`, nil when they are equal (the list's own order decides).
    static func before(_ a: SortValue, _ b: SortValue, descending: Bool) -> Bool? {
        switch (a, b) {
        case (.missing, .missing): return nil
        case (.missing, _): return false
        case (_, .missing): return true
        case (.number(let x), .number(let y)): return x == y ? nil : (x < y) != descending
        case (.folded(let x), .folded(let y)): return x == y ? nil : (x < y) != descending
        // A number before a text either way (one key gives one kind; this only keeps the order total).
        case (.number, .folded): return true
        case (.folded, .number): return false
        }
    }
}

/// The order a list is shown in: a key of its screen and whether it is reversed from that key's
/// first direction. Part of the state, so `render --keys s` shows it.
public struct SortOrder: Hashable, Sendable {
    /// Index into the screen's `sortKeys`; 0 is the screen's own order.
    public var key: Int
    public var descending: Bool

    public init(key: Int, descending: Bool) {
        self.key = key
        self.descending = descending
    }
}

extension SortKey {
    /// `rows` in `order`: by group first (`ListRow.sortGroup`, in either direction), then by value;
    /// ties, and rows without a value, keep the list's own order among themselves.
    static func sorted(_ rows: [ListRow], _ order: SortOrder?, keys: [SortKey]) -> [ListRow] {
        guard let order, keys.indices.contains(order.key) else { return rows }
        if keys[order.key].kind == .natural { return order.descending ? rows.reversed() : rows }
        // Each value once, not once per comparison.
        let values = rows.map { $0.sortValue?(order.key) ?? .missing }
        let positions = rows.indices.sorted { a, b in
            if rows[a].sortGroup != rows[b].sortGroup { return rows[a].sortGroup < rows[b].sortGroup }
            return SortValue.before(values[a], values[b], descending: order.descending) ?? (a < b)
        }
        return positions.map { rows[$0] }
    }
}
