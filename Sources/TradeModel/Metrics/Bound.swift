/// How a figure relates to the true value when it, or what it was computed from, is approximate or
/// only a bound. "Over 555 M" makes the share of the target computed from it "at least 55.5 %" and
/// the growth still needed "at most +21.7 %".
public enum Bound: Hashable, Sendable {
    case exact
    case approximate
    case atLeast
    case atMost
    /// The inputs pull in opposite directions: nothing can be said.
    case unknown

    public init(_ q: Qualifier) {
        switch q {
        case .exact: self = .exact
        case .about: self = .approximate
        case .over: self = .atLeast
        case .under, .upTo: self = .atMost
        }
    }

    /// The bound of a quantity that falls as this one rises.
    public var flipped: Bound {
        switch self {
        case .atLeast: return .atMost
        case .atMost: return .atLeast
        default: return self
        }
    }

    /// The bound of f(increasing…, decreasing…) for f rising with the first inputs and falling with the others.
    public static func combine(increasing: [Bound] = [], decreasing: [Bound] = []) -> Bound {
        let all = increasing + decreasing.map(\.flipped)
        if all.contains(.unknown) { return .unknown }
        let up = all.contains(.atLeast), down = all.contains(.atMost)
        if up && down { return .unknown }
        // A bound combined with an approximate input can err on either side.
        if (up || down) && all.contains(.approximate) { return .unknown }
        if up { return .atLeast }
        if down { return .atMost }
        return all.contains(.approximate) ? .approximate : .exact
    }

    /// "", "~", "≥", "≤", "?" before a number.
    public var symbol: String {
        switch self {
        case .exact: return ""
        case .approximate: return "~"
        case .atLeast: return "≥"
        case .atMost: return "≤"
        case .unknown: return "?"
        }
    }

    /// "", "about ", "at least ", "at most " before a number in a sentence.
    public var words: String {
        switch self {
        case .exact, .unknown: return ""
        case .approximate: return "about "
        case .atLeast: return "at least "
        case .atMost: return "at most "
        }
    }

    public var isBound: Bool { self == .atLeast || self == .atMost }
}

/// The year a target is reached, as far as bounded inputs allow saying it.
public enum Reach: Hashable, Sendable {
    case year(Int, Bound)
    case never
    case unknown

    /// From `Metrics.yearReached` on inputs whose combined effect on the year is `bound`
    /// (the year falls as the value and the rate rise). `rate` is the growth used: an approximate
    /// rate near zero may really be positive, so "never" cannot be claimed then.
    public init(_ year: Int?, bound: Bound, rate: Double? = nil) {
        if year == nil, bound == .approximate, let r = rate, abs(r) < 0.05 { self = .unknown; return }
        switch (year, bound) {
        case (nil, .atMost), (nil, .unknown): self = .unknown // a higher true value or rate may reach it
        case (nil, _): self = .never
        case (let y?, .unknown): _ = y; self = .unknown
        case (let y?, let b): self = .year(y, b)
        }
    }

    /// "reached in 2027", "reached by 2027 at the latest", "never at this rate", "unknown".
    public var text: String {
        switch self {
        case .never: return "never at this rate"
        case .unknown: return "unknown"
        case .year(let y, .atMost): return "reached by \(y) at the latest"
        case .year(let y, .atLeast): return "reached in \(y) at the earliest"
        case .year(let y, .approximate): return "reached about \(y)"
        case .year(let y, _): return "reached in \(y)"
        }
    }

    /// Short form for tables: "2027", "≤2027", "never", "unknown".
    public var short: String {
        switch self {
        case .never: return "never"
        case .unknown: return "unknown"
        case .year(let y, let b): return (b == .approximate ? "~" : b == .exact ? "" : b.symbol) + String(y)
        }
    }

    public var year: Int? { if case .year(let y, _) = self { return y } else { return nil } }
}
