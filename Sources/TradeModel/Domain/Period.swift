/// The period a trade figure covers: a whole year, or months `first...last` of a year.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    /// nil for the full year; otherwise the first and last month covered (1–12), 1 to 11 months.
    public var months: ClosedRange<Int>?

    public init(year: Int, months: ClosedRange<Int>? = nil) {
        self.year = year
        self.months = months
    }

    public var isFullYear: Bool { months == nil }
    public var monthCount: Int { months.map { $0.count } ?? 12 }

    /// "2024" or "2025 Jan–Sep" (ASCII screens transliterate the dash).
    public var label: String {
        guard let months else { return String(year) }
        let first = DateValue.monthNames[months.lowerBound - 1]
        if months.count == 1 { return "\(year) \(first)" }
        return "\(year) \(first)–\(DateValue.monthNames[months.upperBound - 1])"
    }

    /// "Jan–Sep", "Oct", or "full year".
    public var monthsLabel: String {
        guard let months else { return "full year" }
        let first = DateValue.monthNames[months.lowerBound - 1]
        return months.count == 1 ? first : "\(first)–\(DateValue.monthNames[months.upperBound - 1])"
    }

    public var description: String { label }

    public static func < (a: Period, b: Period) -> Bool {
        (a.year, a.months?.upperBound ?? 12, a.months?.lowerBound ?? 0) < (b.year, b.months?.upperBound ?? 12, b.months?.lowerBound ?? 0)
    }
}
