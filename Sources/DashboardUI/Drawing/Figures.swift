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
    /// A bound is rounded the way that keeps it true (`DisplayRounding(b)`): at least −1.42 % is "≥−1.5 %".
    static func rate(_ r: Double, _ b: Bound) -> String { b.symbol + Money.percent(r, decimals: abs(r) >= 10 ? 0 : 1, rounding: DisplayRounding(b)) }

    /// A projection in at most 9 columns: "≥585 M", "≥1.04 bn" from a billion up.
    static func compactMillions(_ v: Double, _ b: Bound) -> String {
        // Under 0.05 M a projection is "<0.1 M" (a figure this small is a typo's, and flagged).
        if v < 5e4 { return b == .atLeast ? "≥0 M" : "<0.1 M" }
        // From what rounds to 1,000.0 M up, in billions, so the target reads the same either side of it.
        let r = DisplayRounding(b)
        guard v >= 999.95e6 else { return b.symbol + Money.millions(v, rounding: r) }
        if v >= 999.5e12 { return ">999 tn" }
        if v >= 999.5e9 { return b.symbol + Money.grouped(v / 1e12, decimals: v >= 1e14 ? 0 : 1, rounding: r) + " tn" }
        return b.symbol + Money.grouped(v / 1e9, decimals: v >= 1e11 ? 0 : v >= 1e10 ? 1 : 2, rounding: r) + " bn"
    }

    /// An amount in millions with its bound: "≤445 M".
    static func millions(_ v: Double, _ b: Bound) -> String { b.symbol + Money.millions(v, rounding: DisplayRounding(b)) }

    /// One mark of the legend: the symbol as the screens draw it, and what it means. An entry
    /// without a symbol is a plain remark.
    struct LegendEntry: Hashable, Sendable {
        var symbol: String
        var meaning: String

        var text: String { symbol.isEmpty ? meaning : symbol + " " + meaning }
        var line: Line { symbol.isEmpty ? Line.text(meaning, role: .dim) : [Span(symbol), Span(" " + meaning, role: .dim)] }
    }

    /// The marks the figures carry, in the order the legend lists them. A new mark goes here, and
    /// every legend (the Trade screen's, the help's) shows it.
    static let legendEntries: [LegendEntry] = [
        LegendEntry(symbol: "~", meaning: "about"),
        LegendEntry(symbol: ">", meaning: "over"),
        LegendEntry(symbol: "<", meaning: "under"),
        LegendEntry(symbol: "≥ ≤", meaning: "at least, at most (computed from a bound)"),
        LegendEntry(symbol: derivedMark, meaning: "derived by us"),
        LegendEntry(symbol: conflictMark, meaning: "sources disagree"),
        LegendEntry(symbol: derivationsMark, meaning: "our derivations differ"),
        LegendEntry(symbol: checkMark, meaning: "fails an arithmetic check"),
        LegendEntry(symbol: estimateMark, meaning: "full-year estimate from partial months"),
        LegendEntry(symbol: "Jan–Sep", meaning: "months of a partial year"),
    ]

    /// Between two entries on a line.
    static let legendGap = "  "

    /// The legend on one line (the help view wraps it).
    static func legend(ascii: Bool) -> String {
        legendEntries.map(\.text).joined(separator: legendGap)
    }

    /// The legend flowed into lines of at most `width` columns, as drawn (ASCII spelling measured
    /// when `ascii`): entries in order, as many to a line as fit, never split between lines; an
    /// entry wider than a whole line alone is word-wrapped. Nothing is ever cut.
    static func legendLines(width: Int, ascii: Bool, entries: [LegendEntry] = legendEntries) -> [Line] {
        guard width > 0 else { return [] }
        let gap = DisplayWidth.of(legendGap)
        var lines: [Line] = []
        var current: Line = []
        var used = 0
        for e in entries {
            let w = DisplayWidth.of(TextLayout.display(e.text, ascii: ascii))
            if !current.isEmpty && used + gap + w <= width {
                current += [Span(legendGap)] + e.line
                used += gap + w
                continue
            }
            if !current.isEmpty { lines.append(current) }
            if w <= width {
                current = e.line
                used = w
            } else {
                lines += TextLayout.wrap(e.line.prepared(ascii: ascii), width: width)
                current = []
                used = 0
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The legend in at most `rows` lines of `width`: the whole of it when it fits, else the
    /// symbols alone and where their meanings are (the help), so that no meaning is shown cut.
    static func legendLines(width: Int, ascii: Bool, rows: Int, entries: [LegendEntry] = legendEntries) -> [Line] {
        let whole = legendLines(width: width, ascii: ascii, entries: entries)
        guard whole.count > rows else { return whole }
        let symbols = entries.map(\.symbol).filter { !$0.isEmpty }.joined(separator: " ")
        let short: Line = [Span("marks " + symbols), Span(": explained in the help", role: .dim)]
        return Array(TextLayout.wrap(short.prepared(ascii: ascii), width: width).prefix(max(1, rows)))
    }
}
