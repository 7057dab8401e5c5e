
/// Which way a figure is rounded for display. A bound is rounded away from what it excludes, so
/// that the figure shown still holds: "at least 584.97 M" shows as "≥584.9 M", never "≥585 M".
public enum DisplayRounding: Sendable, Equatable {
    case nearest, down, up

    public init(_ b: Bound) {
        switch b {
        case .atLeast: self = .down
        case .atMost: self = .up
        default: self = .nearest
        }
    }

    /// The same rounding for the magnitude of a value of this sign (the "−" written apart).
    public func forMagnitude(negative: Bool) -> DisplayRounding {
        guard negative else { return self }
        switch self {
        case .nearest: return .nearest
        case .down: return .up
        case .up: return .down
        }
    }

    /// `x` rounded to a whole number this way (nearest: half away from zero). Down and up forgive
    /// a binary fraction's noise (0.29 × 100 is 28.999999999999996, which is 29, not 28).
    func whole(_ x: Double) -> Double {
        let noise = abs(x) * 1e-12 + 1e-9
        switch self {
        case .nearest: return x.rounded(.toNearestOrAwayFromZero)
        case .down: return (x + noise).rounded(.down)
        case .up: return (x - noise).rounded(.up)
        }
    }
}

/// Formatting of amounts and rates, shared by the commands and the screens.
public enum Money {
    /// "254.3 M", "1,000 M", "1.2 bn" style: USD millions with one decimal when it matters.
    /// An amount under 0.05 M, which one decimal would show as "0 M", keeps two significant digits
    /// instead ("0.0007 M" for 700 USD, "0.012 M" for 12,345 USD): a typo'd 700 must not read as nothing.
    public static func millions(_ usd: Double, rounding: DisplayRounding = .nearest) -> String {
        let m = usd / 1e6
        // From 1,000 bn up in trillions, so the largest figure a dataset may hold (10 tn) fits a cell.
        if m >= 999_950 { return grouped(m / 1_000_000, decimals: 1, rounding: rounding) + " tn" }
        if m >= 10_000 { return grouped(m / 1000, decimals: 1, rounding: rounding) + " bn" }
        if m != 0, abs(m) < 0.05, m.isFinite { return tiny(m, rounding) + " M" }
        let rounded1 = rounding.whole(m * 10) / 10
        if rounded1 == rounded1.rounded() { return grouped(rounded1, decimals: 0) + " M" }
        return grouped(m, decimals: 1, rounding: rounding) + " M"
    }

    /// An amount for a sentence: "700 USD" under 0.05 M (where millions would need many zeros),
    /// otherwise as `millions` ("563 M").
    public static func amount(_ usd: Double) -> String {
        guard usd != 0, abs(usd) < 50_000, usd.isFinite else { return millions(usd) }
        return grouped(usd, decimals: abs(usd) < 10 && usd != usd.rounded() ? 2 : 0) + " USD"
    }

    /// A small non-zero number (|m| < 0.05) with two significant digits, trailing zeros dropped.
    private static func tiny(_ m: Double, _ rounding: DisplayRounding) -> String {
        var decimals = 2, scale = 100.0
        // The first significant digit is at 10^-k: keep it and the next one.
        while abs(m) * scale < 10 && decimals < 17 { decimals += 1; scale *= 10 }
        var text = fixed(m, decimals: decimals, rounding: rounding)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A rate as a signed percentage: "+28.0 %", "−1.4 %" (ASCII themes transliterate the minus).
    public static func percent(_ rate: Double, decimals: Int = 1, rounding: DisplayRounding = .nearest) -> String {
        var p = rate * 100
        if rounding != .nearest { p = rounding.whole(p * scale(decimals)) / scale(decimals) }
        let text = fixed(abs(p), decimals: decimals)
        if text == fixed(0, decimals: decimals) { return text + " %" }
        return (p < 0 ? "−" : "+") + text + " %"
    }

    /// A share without a sign: "55.5 %".
    public static func share(_ s: Double, decimals: Int = 1, rounding: DisplayRounding = .nearest) -> String {
        fixed(s * 100, decimals: decimals, rounding: rounding) + " %"
    }

    private static func scale(_ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        return scale
    }

    /// `v` rounded half away from zero to `decimals` places (or down or up), as plain digits ("-12.50").
    public static func fixed(_ v: Double, decimals: Int, rounding: DisplayRounding = .nearest) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
        let scale = scale(decimals)
        let scaled = rounding == .nearest ? (abs(v) * scale).rounded(.toNearestOrAwayFromZero) : abs(rounding.whole(v * scale))
        guard scaled < 9e18 else { return "\(v)" }
        let n = Int64(scaled)
        let unit = Int64(scale)
        var text = String(n / unit)
        if decimals > 0 {
            let frac = String(n % unit)
            text += "." + String(repeating: "0", count: decimals - frac.count) + frac
        }
        return (v < 0 && n != 0 ? "-" : "") + text
    }

    /// Exact decimal text of a value in thousandths: 1234500 → "1234.5", 7000 → "7", -7 → "-0.007".
    /// No rounding and never an exponent (the dataset and the import's messages write amounts so).
    public static func decimalText(milli: Int64) -> String {
        // On the magnitude, so that a negative value (never made by the import, but a sum could be
        // one) gives "-1.5" rather than a negative padding count.
        let sign = milli < 0 ? "-" : ""
        let m = milli.magnitude
        let whole = m / 1000
        var frac = m % 1000
        if frac == 0 { return sign + String(whole) }
        var digits = 3
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        let f = String(frac)
        return sign + String(whole) + "." + String(repeating: "0", count: max(0, digits - f.count)) + f
    }

    /// Thousands separated by commas.
    public static func grouped(_ v: Double, decimals: Int, rounding: DisplayRounding = .nearest) -> String {
        let s = fixed(v, decimals: decimals, rounding: rounding)
        let parts = s.split(separator: ".", maxSplits: 1)
        var intPart = String(parts[0])
        let negative = intPart.hasPrefix("-")
        if negative { intPart.removeFirst() }
        var out = ""
        for (k, ch) in intPart.reversed().enumerated() {
            if k > 0 && k % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        let whole = (negative ? "-" : "") + String(out.reversed())
        return parts.count > 1 ? whole + "." + parts[1] : whole
    }
}
