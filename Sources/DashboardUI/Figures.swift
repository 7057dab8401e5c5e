import TradeModel

/// How figures look on screen: qualifier symbols, derived and partial marks, conflicts and "unknown".
/// Legend: `~` about, `>` over, `<` under, `≤` up to; `ᵈ`-style marks are avoided so that every
/// terminal shows them: derived values carry a trailing `*`, conflicting ones a trailing `!`.
enum Figures {
    static let derivedMark = "*"
    static let conflictMark = "!"

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
        let v = q.value == q.value.rounded() ? Money.grouped(q.value, decimals: 0) : Money.grouped(q.value, decimals: 1)
        return q.qualifier.symbol + v + " " + q.unit + (q.kind == .derived ? derivedMark : "")
    }

    static func legend(ascii: Bool) -> String {
        "~ about  > over  < under  \(derivedMark) derived by us  \(conflictMark) sources disagree  partial years are labelled with their months"
    }
}
