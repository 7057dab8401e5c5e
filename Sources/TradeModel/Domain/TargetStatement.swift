/// One dated statement of a target: when and where it was set or restated, in what words, by whom,
/// and the deadline those words imply, if any. A target's statements are its provenance over time
/// ("in the next five years" in 2021, "in the near future" in 2024…).
public struct TargetStatement: Hashable, Sendable {
    /// The day (or month, or year) it was said; the first day when the occasion lasted several days.
    public var date: DateValue
    /// The last day of an occasion lasting several days (24–25 Nov 2025); not before `date`.
    public var endDate: DateValue?
    /// The words about the target and its time frame, as the source gives them ("in the next five years").
    public var wording: String
    /// Whether `wording` is the source's own words (shown in quotes) or a paraphrase of them.
    public var quoted: Bool
    /// Where and on what occasion: "Ashgabat, Tokayev's visit".
    public var occasion: String?
    /// Who said it, when the source says.
    public var by: String?
    /// Where it is reported (at least one).
    public var sources: [String]
    /// The year the wording implies the target is to be reached by; nil when it implies none
    /// ("in the near future", "in the coming years").
    public var deadline: Int?
    /// Whether the source states that year or we derived it from the wording; set with `deadline`.
    public var deadlineKind: FigureKind?
    /// How the deadline was derived, or anything else worth knowing about the statement.
    public var note: String?

    public init(date: DateValue, endDate: DateValue? = nil, wording: String, quoted: Bool = true, occasion: String? = nil, by: String? = nil,
                sources: [String], deadline: Int? = nil, deadlineKind: FigureKind? = nil, note: String? = nil) {
        self.date = date
        self.endDate = endDate
        self.wording = wording
        self.quoted = quoted
        self.occasion = occasion
        self.by = by
        self.sources = sources
        self.deadline = deadline
        self.deadlineKind = deadlineKind
        self.note = note
    }

    /// "25 Oct 2021", or "24–25 Nov 2025" / "30 Nov – 1 Dec 2025" / "2024 – Mar 2025" for several days.
    public var dateText: String {
        guard let end = endDate, end != date else { return date.display }
        if date.year == end.year, let m = date.month, m == end.month, let d1 = date.day, let d2 = end.day {
            return "\(d1)–\(d2) \(DateValue.monthNames[m - 1]) \(date.year)"
        }
        if date.year == end.year, date.month != nil, end.month != nil {
            let start = date.display
            let trimmed = start.hasSuffix(" \(date.year)") ? String(start.dropLast(" \(date.year)".count)) : start
            return "\(trimmed) – \(end.display)"
        }
        return "\(date.display) – \(end.display)"
    }
}

extension Target {
    /// The statements oldest first (a month-only date before the days of that month; equal dates in
    /// file order).
    public var statementsByDate: [TargetStatement] {
        statements.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// Every source the target cites, its own and its statements', each once in first-cited order.
    public var citedSources: [String] {
        var seen = Set<String>()
        return (sources + statements.flatMap(\.sources)).filter { seen.insert($0).inserted }
    }
}
