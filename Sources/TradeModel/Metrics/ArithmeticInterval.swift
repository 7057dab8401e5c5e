#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The values a figure allows, as an interval `lo...hi` (`hi` may be infinite), for the arithmetic
/// checks. A bound's own end counts as allowed ("over 555 M" is taken as 555 M and up): with the
/// checks' tolerances, whether an end is included never changes a verdict.
struct ArithmeticInterval: Hashable, Sendable {
    var lo: Double
    var hi: Double

    init(_ lo: Double, _ hi: Double) {
        self.lo = lo
        self.hi = hi
    }

    /// What a value with a qualifier allows:
    /// - exact: the value itself, or with `roundExact` the rounding of its last significant digit,
    ///   taken as at least three significant digits (345 M: 344.5–345.5 M; 1,000 M: 995–1,005 M);
    /// - about: the rounding of its last significant digit, taken as at least two significant digits,
    ///   or 2 % of the value, whichever is wider (about 250 M: 245–255 M; about 141 M: 138.2–143.8 M);
    /// - over: the value and up; under and up to: zero to the value.
    static func of(_ v: Double, _ q: Qualifier, roundExact: Bool) -> ArithmeticInterval {
        switch q {
        case .exact:
            guard roundExact else { return ArithmeticInterval(v, v) }
            let h = unit(v, atLeastDigits: 3) / 2
            return ArithmeticInterval(max(0, v - h), v + h)
        case .about:
            let h = max(unit(v, atLeastDigits: 2) / 2, 0.02 * v)
            return ArithmeticInterval(max(0, v - h), v + h)
        case .over:
            return ArithmeticInterval(v, .infinity)
        case .under, .upTo:
            return ArithmeticInterval(0, v)
        }
    }

    var isPoint: Bool { lo == hi }

    static func + (a: ArithmeticInterval, b: ArithmeticInterval) -> ArithmeticInterval {
        ArithmeticInterval(a.lo + b.lo, a.hi + b.hi)
    }

    func scaled(_ f: Double) -> ArithmeticInterval { ArithmeticInterval(lo * f, hi * f) }

    func overlaps(_ o: ArithmeticInterval) -> Bool { lo <= o.hi && o.lo <= hi }

    /// The place value of a positive number's last significant digit, but no coarser than its
    /// `digits`-th significant digit: 254,300,000 → 100,000; 700 → 100 (or 1 with three digits);
    /// 1e9 → 1e7 with three digits. 0 for zero or a value that is not finite.
    static func unit(_ v: Double, atLeastDigits digits: Int) -> Double {
        guard v > 0, v.isFinite else { return 0 }
        let e = Int(log10(v).rounded(.down))
        let cap = pow(10, Double(e - (digits - 1)))
        var k = e
        while k > e - 17 {
            let u = pow(10, Double(k))
            let q = v / u
            if abs(q - q.rounded()) <= 1e-9 * max(1, q) { return min(u, cap) }
            k -= 1
        }
        return min(pow(10, Double(e - 17)), cap)
    }

    /// How many decimals a growth rate has when written as a percentage: 0.9 (+90 %) → 0,
    /// 0.054 (+5.4 %) → 1, 0.2251 (+22.51 %) → 2. A whole percentage counts its units as stated:
    /// "+90 %" is 89.5–90.5 %, as percentages are commonly given to the whole per cent.
    static func percentDecimals(_ g: Double) -> Int {
        guard g.isFinite else { return 0 }
        var p = g * 100
        for d in 0...8 {
            if abs(p - p.rounded()) <= 1e-7 * max(1, abs(p)) { return d }
            p *= 10
        }
        return 9
    }

    /// What a stated growth allows: the rounding of its last stated digit (as a percentage), but at
    /// least one percentage point wide: +90 % → +89.5 to +90.5 %; +5.4 % → +4.9 to +5.9 %.
    static func ofGrowth(_ g: Double) -> ArithmeticInterval {
        let h = max(0.5 * pow(10, -Double(percentDecimals(g))) / 100, 0.005)
        return ArithmeticInterval(g - h, g + h)
    }

    /// The growth rates from a value in `before` to one in `now` (−1 is −100 %; `hi` is infinite when
    /// `before` may be zero); nil when `before` can only be zero.
    static func growth(from before: ArithmeticInterval, to now: ArithmeticInterval) -> ArithmeticInterval? {
        guard before.hi > 0 else { return nil }
        let lo = now.lo / before.hi - 1
        let hi = before.lo > 0 ? now.hi / before.lo - 1 : .infinity
        return ArithmeticInterval(lo, hi)
    }
}
