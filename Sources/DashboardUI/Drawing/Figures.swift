import TradeModel

/// How figures look on screen: qualifier symbols, derived and partial marks, conflicts and "unknown".
/// Legend: `~` about, `>` over, `<` under, `≤` up to; `ᵈ`-style marks are avoided so that every
/// terminal shows them: derived values carry a trailing `*`, conflicting ones a trailing `!`.
extension String {
    /// "at least " → "at least".
    var trimmingSuffixSpace: String { hasSuffix(" ") ? String(dropLast()) : self }
}

enum Figures {
    static let derivedMark = "*"
    static let conflictMark = "!"
    /// A full-year estimate from part of a year: never a full-year figure.
    static let estimateMark = "^"
    /// Our own derivations of the same figure differ (no source disagrees).
    static let derivationsMark = "?"
    /// The figure fails one of the data's arithmetic checks (`tradedash validate` lists them).
    static let checkMark = "#"

    /// "~254.3 M*" as spans: the qualifier, the value, the derived mark; "unknown" when nil.
    static func usd(_ o: TradeObservation?, conflict: Bool = false) -> Line {
        guard let o, let v = o.usd else { return [Span("unknown", role: .unknown)] }
        var line: Line = [Span(o.qualifier.symbol + Money.millions(v), role: o.kind == .derived ? .derived : (o.period.isFullYear ? .normal : .partial))]
        if o.kind == .derived { line.append(Span(derivedMark, role: .derived)) }
        if conflict { line.append(Span(conflictMark, role: .conflict)) }
        return line
    }

    static func plainUSD(_ o: TradeObservation) -> String {
        guard let v = o.usd else { return "unknown" }
        return o.qualifier.symbol + Money.millions(v) + (o.kind == .derived ? derivedMark : "")
    }

    static func quantity(_ q: Quantity?) -> String {
        guard let q else { return "unknown" }
        func text(_ x: Double) -> String { x == x.rounded() ? Money.grouped(x, decimals: 0) : Money.grouped(x, decimals: 1) }
        let v = q.max.map { text(q.value) + "–" + text($0) } ?? text(q.value)
        return q.qualifier.symbol + v + " " + q.unit + (q.kind == .derived ? derivedMark : "")
    }

    /// A rate with its bound: "≥ −1.4 %" reads "at least −1.4 %".
    static func rate(_ r: Double, _ b: Bound) -> String { b.symbol + Money.percent(r) }

    /// A projection in at most 9 columns: "≥585 M", "≥1.04 bn" from a billion up.
    static func compactMillions(_ v: Double, _ b: Bound) -> String {
        v >= 1e9 ? b.symbol + Money.grouped(v / 1e9, decimals: 2) + " bn" : b.symbol + Money.millions(v)
    }

    /// An amount in millions with its bound: "≤445 M".
    static func millions(_ v: Double, _ b: Bound) -> String { b.symbol + Money.millions(v) }

    static func legend(ascii: Bool) -> String {
        "~ about  > over  < under  ≥ at least  ≤ at most (computed from a bound)  \(derivedMark) derived by us  \(conflictMark) sources disagree  partial years are labelled with their months"
    }
}
