#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The arithmetic of the dashboard, as pure functions. Rates are fractions: 0.28 means +28 %.
public enum Metrics {
    /// Growth from one value to the next: `current / previous − 1`; nil when `previous` is not positive.
    public static func growth(from previous: Double, to current: Double) -> Double? {
        guard previous > 0, current >= 0, previous.isFinite, current.isFinite else { return nil }
        return current / previous - 1
    }

    /// Compound annual growth rate over `years` years; nil when undefined (no years, a non-positive start).
    public static func cagr(from start: Double, to end: Double, years: Int) -> Double? {
        guard years > 0, start > 0, end >= 0, start.isFinite, end.isFinite else { return nil }
        return pow(end / start, 1 / Double(years)) - 1
    }

    /// Share of the target reached (may exceed 1) and the amount still missing (0 once reached).
    public static func progress(current: Double, target: Double) -> (share: Double, remaining: Double)? {
        guard target > 0, current >= 0 else { return nil }
        return (current / target, max(0, target - current))
    }

    /// The annual growth needed to go from `current` in `fromYear` to `target` in `byYear`.
    /// 0 when the target is already reached; nil when no year is left to grow in.
    public static func requiredGrowth(current: Double, fromYear: Int, target: Double, byYear: Int) -> Double? {
        guard current > 0, target > 0 else { return nil }
        if current >= target { return 0 }
        return cagr(from: current, to: target, years: byYear - fromYear)
    }

    /// The value after growing at `rate` for `years` years.
    public static func project(_ value: Double, rate: Double, years: Int) -> Double {
        value * pow(1 + rate, Double(years))
    }

    /// The first year in which `current` (in `fromYear`) growing at `rate` reaches `target`;
    /// `fromYear` when it already has, nil when it never does (no growth, or not within `horizon` years:
    /// a thousand, so that any positive rate that can be written on screen gives a year).
    public static func yearReached(current: Double, fromYear: Int, target: Double, rate: Double, horizon: Int = 1_000) -> Int? {
        guard current >= 0, target > 0, rate.isFinite else { return nil }
        if current >= target { return fromYear }
        guard rate > 0, current > 0 else { return nil }
        // Smallest n with current·(1+rate)^n ≥ target, guarded against floating error at exact hits.
        let exact = log(target / current) / log(1 + rate)
        var n = max(1, Int(exact.rounded(.up)))
        if n > 1 && project(current, rate: rate, years: n - 1) >= target * (1 - 1e-12) { n -= 1 }
        return n <= horizon ? fromYear + n : nil
    }
}
