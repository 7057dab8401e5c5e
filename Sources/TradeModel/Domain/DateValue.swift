/// A calendar date known to the year, the month or the day ("2016", "2016-12", "2022-10-15").
public struct DateValue: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns nil with a reason when the text is not such a date.
    public static func parse(_ text: String) -> Result<DateValue, DateError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return .failure(.malformed) }
        let y = Int(parts[0])!
        let m = parts.count > 1 ? Int(parts[1])! : nil
        let d = parts.count > 2 ? Int(parts[2])! : nil
        if let m, !(1...12).contains(m) { return .failure(.invalidMonth(m)) }
        if let m, let d, !(1...DateValue.daysIn(month: m, year: y)).contains(d) {
            return .failure(.invalidDay(d, month: m, year: y))
        }
        return .success(DateValue(year: y, month: m, day: d))
    }

    public enum DateError: Error, Equatable, Sendable {
        case malformed
        case invalidMonth(Int)
        case invalidDay(Int, month: Int, year: Int)

        public var message: String {
            switch self {
            case .malformed: return "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"
            case .invalidMonth(let m): return "month \(m) does not exist"
            case .invalidDay(let d, let m, let y): return "day \(d) does not exist in \(DateValue.monthNames[m - 1]) \(y)"
            }
        }
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// ISO form as written in the dataset.
    public var iso: String {
        var s = String(format4(year))
        if let month { s += "-" + two(month) }
        if let day { s += "-" + two(day) }
        return s
    }

    /// Readable form: "15 Oct 2022", "Dec 2016", "2014".
    public var display: String {
        switch (month, day) {
        case let (m?, d?): return "\(d) \(DateValue.monthNames[m - 1]) \(year)"
        case let (m?, nil): return "\(DateValue.monthNames[m - 1]) \(year)"
        default: return String(year)
        }
    }

    public var description: String { iso }

    public static func < (a: DateValue, b: DateValue) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
    private func format4(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
