#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which true values a figure allows, so that "about 250 M" agrees with 254.3 M but not with 270 M,
/// and "over 555 M" agrees with anything from 555 M up.
///
/// - An exact figure allows half a percent either side (two exact figures agree when about 1 % apart
///   at most), or, when it is visibly rounded (two significant digits or fewer: 250 M, 1.5 bcm), half
///   a unit of its last significant digit, whichever is wider.
/// - An "about" figure allows half a unit of its last significant digit (about 250 M: 245–255 M),
///   and at least the half percent of an exact one (about 141 M: 140.3–141.7 M).
/// - A figure is never taken as rounded more coarsely than to two significant digits: "300 M" and
///   "about 300 M" allow 295–305 M, not 250–350 M; "1 billion" allows 950 M–1.05 bn.
/// - "Over v" allows v and up, "under v" anything below v, "up to v" anything to v.
public struct ValueRange: Hashable, Sendable {
    public var lower: Double
    public var upper: Double

    public init(_ lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether some value is allowed by both.
    public func overlaps(_ other: ValueRange) -> Bool { lower <= other.upper && other.lower <= upper }

    public func contains(_ v: Double) -> Bool { lower <= v && v <= upper }

    /// The half-width exact figures are given: 0.5 %.
    public static let exactSlack = 0.005

    /// The range a value with a qualifier allows. Open ends ("under 125 M" excludes 125 M) are
    /// moved in by a billionth, so that "under 125 M" and "about 130 M" (125–135 M) do not meet.
    public init(_ v: Double, _ q: Qualifier) {
        let tiny = abs(v) * 1e-9
        switch q {
        case .over: self.init(v + tiny, .infinity)
        case .under: self.init(-.infinity, v - tiny)
        case .upTo: self.init(-.infinity, v)
        case .exact, .about:
            var half = abs(v) * ValueRange.exactSlack
            if let unit = Rounding.roundingUnit(of: v), q == .about || Rounding.isVisiblyRounded(v) { half = max(half, unit / 2) }
            self.init(v - half, v + half)
        }
    }
}

/// The precision figures are given to.
public enum Rounding {
    /// The unit of a value's last significant digit: 10 M for 250 M, 100 k for 254.3 M, 1 M for 563 M;
    /// nil for zero or values that are not finite.
    public static func unit(of v: Double) -> Double? {
        let a = abs(v)
        guard a.isFinite, a > 0 else { return nil }
        // The largest power of ten that divides the value (to a millionth of it), from 10^15 down.
        var unit = 1e15
        while unit >= 1e-6 {
            let q = a / unit
            if q >= 1 && abs(q - q.rounded()) <= 1e-6 * q { return unit }
            unit /= 10
        }
        return nil
    }

    /// The unit a figure is taken to be rounded to: its last significant digit's, but never coarser
    /// than the second significant digit (300 M: 10 M; 1 bn: 100 M; 254.3 M: 100 k).
    public static func roundingUnit(of v: Double) -> Double? {
        guard let u = unit(of: v) else { return nil }
        let second = pow(10, (log10(abs(v))).rounded(.down) - 1)
        return min(u, second)
    }

    /// How many significant digits the value is given to: 2 for 250 M, 4 for 254.3 M.
    public static func significantDigits(_ v: Double) -> Int? {
        guard let u = unit(of: v) else { return nil }
        return String(Int64((abs(v) / u).rounded())).count
    }

    /// Two significant digits or fewer: the source rounded it.
    public static func isVisiblyRounded(_ v: Double) -> Bool { (significantDigits(v) ?? 99) <= 2 }

    /// The half-width a stated growth rate allows: half a percentage point (+28 %: 27.5–28.5 %;
    /// +90 %: 89.5–90.5 %). Rates are stated to a point or finer, so a finer one (+5.4 %) gets the
    /// same half point: rounding of the rate never makes a disagreement.
    public static func growthSlack(_ g: Double) -> Double {
        let r = ArithmeticInterval.ofGrowth(g)
        return (r.hi - r.lo) / 2
    }
}

extension TradeObservation {
    /// The true values this figure allows; nil when it has no value.
    public var valueRange: ValueRange? { usd.map { ValueRange($0, qualifier) } }
}

extension Dataset {
    /// Whether two figures' values can both be true (their ranges meet); false when either has no value.
    public func agree(_ a: TradeObservation, _ b: TradeObservation) -> Bool {
        guard let x = a.valueRange, let y = b.valueRange else { return false }
        return x.overlaps(y)
    }
}

/// A growth rate computed from two preferred values, with the rates their ranges allow.
public struct ValueGrowth: Hashable, Sendable {
    public var rate: Double
    /// The lowest and highest growth the two values' ranges allow.
    public var range: ValueRange
    public var bound: Bound
    /// The figure for the earlier period (the same months a year earlier for a partial one).
    public var previous: TradeObservation
    public var current: TradeObservation

    /// Whether a stated growth, at its own rounding, is among the rates the values allow: the same
    /// test as the arithmetic check on growth (`ArithmeticChecks`), so that the screens and `validate`
    /// never disagree about it.
    public func allows(_ stated: Double) -> Bool {
        ArithmeticInterval.ofGrowth(stated).overlaps(ArithmeticInterval(range.lower, range.upper))
    }
}

extension Dataset {
    /// Growth of a period over the same period a year earlier, from the preferred values; nil when
    /// either is missing or the earlier is not positive.
    public func growthFromValues(_ direction: Direction, period: Period) -> ValueGrowth? {
        let before = Period(year: period.year - 1, months: period.months)
        guard let a = preferred(direction, period: before), let b = preferred(direction, period: period),
              let x = a.usd, let y = b.usd, let g = Metrics.growth(from: x, to: y),
              x > 0 else { return nil }
        let bound = Bound.combine(increasing: [Bound(b.qualifier)], decreasing: [Bound(a.qualifier)])
        // The rates the two values allow at their rounding, as the arithmetic check reckons them.
        let ia = ArithmeticInterval.of(x, a.qualifier, roundExact: true), ib = ArithmeticInterval.of(y, b.qualifier, roundExact: true)
        guard let r = ArithmeticInterval.growth(from: ia, to: ib) else { return nil }
        return ValueGrowth(rate: g, range: ValueRange(r.lo, r.hi), bound: bound, previous: a, current: b)
    }
}
