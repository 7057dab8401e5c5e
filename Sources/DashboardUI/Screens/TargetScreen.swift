import TradeModel

extension Screen { public static let target = Screen("target") }

/// Progress to the target from the latest full year, the remaining amount, the growth needed by the
/// deadline (+ and − move it), the year reached at the recent pace, and scenarios.
enum TargetScreen: ScreenView {
    static let screen = Screen.target
    static let title = "Target"
    /// The list is the scenario table; it has nothing to filter.
    static let filterable = false
    static let usesListKeys = false

    static func rows(_ s: AppState) -> [ListRow] {
        TargetScreen.scenarios(s).map { rate in
            ListRow(id: Money.percent(rate), cells: [], search: Money.percent(rate), detail: { TargetScreen.detail(s, rate) })
        }
    }

    static let unsortedReason = "its scenarios are in order of growth"

    static let bindings: [KeyBinding] = [
        KeyBinding([.char("+")], .custom { Self.changeTargetYear(&$0, by: 1); return [] },
                   help: { s in ("+ / -", "move the deadline year (now \(s.targetYear))") }, hint: { s in ("+/-", "deadline \(s.targetYear)") }, order: 1),
        KeyBinding([.char("=")], .custom { Self.changeTargetYear(&$0, by: 1); return [] }),
        KeyBinding([.char("-"), .char("_")], .custom { Self.changeTargetYear(&$0, by: -1); return [] }),
        KeyBinding([.down, .char("j")], .move(1), help: ("↑↓ j k", "select a scenario"), hint: ("j/k", "scenario"), order: 2),
        KeyBinding([.up, .char("k")], .move(-1)),
        KeyBinding([.enter], .custom { TargetDetail.open(&$0); return [] }, help: ("Enter", "the target's detail (its statements)"),
                   hint: ("Enter", "target"), order: 3),
        KeyBinding([.char("p")], .open, help: ("p", "projection of the selected scenario"), hint: ("p", "projection"), order: 4),
        KeyBinding([.left, .char("h")], .previousScreen, help: ("h l ←→", "previous / next screen")),
        KeyBinding([.right, .char("l")], .nextScreen),
    ]

    /// + and −: the deadline stays from the current year (the data's as-of year) to 50 years on.
    static func changeTargetYear(_ s: inout AppState, by delta: Int) {
        let now = s.dataset.asOf.year
        // Up to 50 years on, or the data's own deadline if later (it can always be moved back to).
        let lo = now, hi = max(now + 50, s.dataset.targets.first?.deadline ?? now)
        var next = s.targetYear + delta
        // A deadline from the data that has already passed: + goes to the first possible year; one
        // beyond the range: - comes back into it.
        if delta > 0 && next < lo { next = lo }
        if delta < 0 && next > hi { next = hi }
        if next < lo {
            s.status = StatusLine(text: "The deadline cannot be before \(now), the current year", isError: true)
        } else if next > hi {
            s.status = StatusLine(text: "The deadline can be at most \(hi)", isError: true)
        } else {
            s.targetYear = next
        }
    }

    /// The projection of one scenario, year by year, from the base (the current-year estimate or the
    /// latest full year).
    static func detail(_ s: AppState, _ rate: Double) -> Detail {
        let name = progress(s).map { scenarioName($0, rate) } ?? ""
        let title = "Scenario: \(Figures.rate(rate, rateBound(progress(s), rate))) a year" + (name.isEmpty ? "" : " (\(name))")
        guard let p = progress(s), let y = p.baseYear, let v = p.baseValue else { return Detail(title: title, lines: [Line.text("unknown", role: .unknown)]) }
        let from = p.baseIsEstimate ? "the \(y) estimate (\(Figures.millions(v, p.baseBound))\(Figures.estimateMark))" : "\(y) (\(Figures.millions(v, p.baseBound)))"
        var out: [Line] = [Line.text("Projection from \(from) at \(Money.percent(rate)) a year; derived by us, not a forecast.", role: .derived), []]
        if let full = p.year, let o = p.observation, full != y { out.insert(DetailText.field("\(full), the latest full year", Figures.plainUSD(o)), at: 0) }
        for yy in (y + 1)...max(y + 1, p.deadline + 3) {
            let past = yy < p.currentYear ? " (past)" : ""
            out.append([Span("  \(yy)\(past): ", role: .dim), Span(Figures.millions(Metrics.project(v, rate: rate, years: yy - y), p.baseBound) + Figures.derivedMark, role: .derived)])
        }
        out.append([])
        out.append(DetailText.field("Reaches \(Money.millions(p.target.usd))", reach(p, rate).text))
        if p.baseBound.isBound {
            out.append(Line.text("The \(y) \(p.baseIsEstimate ? "estimate" : "value") is only a bound (\(p.baseBound.words)\(Money.millions(v, rounding: DisplayRounding(p.baseBound)))), so the projections are \(p.baseBound.words)these values.", role: .dim))
        }
        let sources = [p.observation?.source, p.estimate?.partial.source].compactMap { $0 }
        return Detail(title: title, lines: out + DetailText.sources(s.dataset, sources + p.target.sources))
    }

    static func progress(_ s: AppState) -> TargetProgress? {
        s.dataset.targets.first.map { TargetProgress(target: $0, dataset: s.dataset, deadline: s.targetYear) }
    }

    /// The computed rates: needed by the deadline, the year-to-date pace, last year's, the 3-year CAGR.
    /// They are always in the table; fixed steps fill the rows left.
    static func computedRates(_ p: TargetProgress) -> [Double] {
        [p.requiredGrowth, p.estimate?.yearToDateGrowth, p.lastGrowth, p.recentCAGR].compactMap { $0 }
    }

    /// Fixed steps, the most telling first: the ones shown when only some fit.
    static let fixedRates: [Double] = [0, 0.10, 0.20, 0.05, 0.15, 0.25, 0.30, -0.05, 0.40, 0.50, 0.35, 0.45, 0.075, 0.125, 0.175, 0.225, 0.025, -0.10]

    /// Growth rates of the scenario table, ascending: the computed ones, and as many fixed steps as
    /// the table has rows for at the terminal's size (at least the 0 % one).
    static func scenarios(_ s: AppState) -> [Double] {
        guard let p = progress(s) else { return Array(fixedRates.prefix(7)).sorted() }
        var rates = [Double]()
        for r in computedRates(p) where !rates.contains(where: { abs($0 - r) < 1e-9 }) { rates.append(r) }
        let body = Chrome.body(width: s.lastSize.width, height: s.lastSize.height)
        let rows = max(1, Box.inner(split(s, body).table).height - 1)
        let limit = max(rows, rates.count + 1)
        // A fixed step that reads the same as a computed rate (+10.0 % beside +10.02 %) is left out.
        for r in fixedRates where rates.count < limit && !rates.contains(where: { abs($0 - r) < 0.0005 }) { rates.append(r) }
        return rates.sorted()
    }

    /// The bound of a computed rate (the needed growth is "at most" when the base is "at least").
    static func rateBound(_ p: TargetProgress?, _ rate: Double) -> Bound {
        guard let p else { return .exact }
        if let r = p.requiredGrowth, abs(r - rate) < 1e-9 { return p.requiredBound }
        if let r = p.estimate?.yearToDateGrowth, abs(r - rate) < 1e-9 { return p.estimate?.yearToDateGrowthBound ?? .exact }
        if let r = p.lastGrowth, abs(r - rate) < 1e-9 { return p.lastGrowthBound }
        if let r = p.recentCAGR, abs(r - rate) < 1e-9 { return p.recentBound }
        return .exact
    }

    /// When the target is reached at a row's rate: a computed rate's own reach (its bound included:
    /// "at least −1.4 %" may be growth), else at the fixed rate.
    static func reach(_ p: TargetProgress, _ rate: Double) -> Reach {
        if let r = p.requiredGrowth, abs(r - rate) < 1e-9 { return p.reach(atRate: rate) }
        if let r = p.estimate?.yearToDateGrowth, abs(r - rate) < 1e-9 { return p.reachAtYearToDate }
        if let r = p.lastGrowth, abs(r - rate) < 1e-9 { return p.reachAtLast }
        if let r = p.recentCAGR, abs(r - rate) < 1e-9 { return p.reachAtRecent }
        return p.reach(atRate: rate)
    }

    /// Short names, so that they fit at 80 columns: the bound is on the rate beside them.
    static func scenarioName(_ p: TargetProgress?, _ rate: Double) -> String {
        guard let p else { return "" }
        if let r = p.requiredGrowth, abs(r - rate) < 1e-9 { return "needed by \(p.deadline)" }
        if let e = p.estimate, let r = e.yearToDateGrowth, abs(r - rate) < 1e-9 { return "\(e.partial.period.monthsLabel) \(e.year) pace" }
        if let r = p.lastGrowth, abs(r - rate) < 1e-9, let y = p.year { return "\(y) growth" }
        if let r = p.recentCAGR, abs(r - rate) < 1e-9, let range = p.recentRange { return "CAGR \(range.lowerBound)–\(range.upperBound)" }
        return ""
    }

    static let nameWidth = 18, rateWidth = 9, yearWidth = 10, reachWidth = 13

    /// The years projected: after the base, as many as fit the width (at least to the deadline when
    /// they fit), at most 10.
    static func projectionYears(_ p: TargetProgress, width: Int) -> [Int] {
        guard let y = p.baseYear else { return [] }
        let fit = max(1, (width - rateWidth - nameWidth - reachWidth - 3) / (yearWidth + 1))
        return Array((y + 1)...(y + min(fit, 10)))
    }

    static func columns(_ p: TargetProgress?, width: Int) -> [TableColumn] {
        var cols = [TableColumn(title: "Growth/yr", width: .fixed(rateWidth), align: .right), TableColumn(title: "Scenario", width: .flex(min: nameWidth))]
        if let p {
            cols += projectionYears(p, width: width).map { y in
                TableColumn(title: y < p.currentYear ? "\(y) past" : String(y), width: .fixed(yearWidth), align: .right)
            }
        }
        cols.append(TableColumn(title: "Reaches", width: .fixed(reachWidth), align: .right))
        return cols
    }

    static func tableRows(_ s: AppState, width: Int) -> [[Line]] {
        let p = progress(s)
        return scenarios(s).map { rate in
            let computed = p.map { scenarioName($0, rate) }.map { !$0.isEmpty } ?? false
            var cells: [Line] = [Line.text(Figures.rate(rate, rateBound(p, rate)), role: rate < 0 ? .negative : (computed ? .accent : .normal)),
                                 Line.text(scenarioName(p, rate), role: .dim)]
            guard let p, let base = p.baseYear, let v = p.baseValue else { return cells + [Line.text("unknown", role: .unknown)] }
            // Projections rise with the base value: a lower bound there gives lower bounds here.
            for y in projectionYears(p, width: width) {
                let value = Metrics.project(v, rate: rate, years: y - base)
                cells.append(Line.text(Figures.compactMillions(value, p.baseBound) + Figures.derivedMark, role: y < p.currentYear ? .dim : (value >= p.target.usd ? .positive : .derived)))
            }
            let reach = reach(p, rate)
            let role: Role = reach == .never ? .negative : reach == .unknown ? .unknown : ((reach.year ?? 0) <= p.deadline ? .positive : .warning)
            cells.append(Line.text(reach.short, role: role))
            return cells
        }
    }

    /// The summary box as tall as its wrapped lines (plus the gauge), leaving the scenario table the
    /// rows its computed rates need (and one fixed step) when the screen has them.
    static func split(_ s: AppState, _ body: Rect) -> (summary: Rect, table: Rect) {
        guard let p = progress(s) else { return body.splitTop(body.height) }
        let width = max(1, body.width - 2)
        let wrapped = summaryLines(s, p).reduce(0) { $0 + max(1, TextLayout.wrap($1, width: width).count) }
        let gauge = p.share == nil ? 0 : (body.height >= 30 ? 2 : 1)
        let wanted = wrapped + gauge + 2
        let tableNeeds = Set(computedRates(p).map { ($0 * 1e6).rounded() }).count + 1 + 3
        return body.splitTop(max(4, min(wanted, body.height - tableNeeds)))
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        let inner = Box.inner(split(s, body).table)
        let list = scenarios(s)
        return (inner, Table(columns: columns(progress(s), width: inner.width), rows: tableRows(s, width: inner.width), selected: min(s.selection[.target] ?? 0, max(0, list.count - 1))))
    }

    static func reachRole(_ r: Reach, _ p: TargetProgress) -> Role {
        switch r {
        case .never: return .negative
        case .unknown: return .unknown
        case .year(let y, let b): return y <= p.deadline && b != .atLeast ? .positive : .warning
        }
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let t = s.theme
        guard let p = progress(s) else {
            let inner = Box(title: "Target").render(into: &c, area: body, theme: t)
            _ = Paragraph("The dataset defines no target (unknown).", role: .unknown).render(into: &c, area: inner, theme: t)
            return
        }
        let (summary, tableRect) = split(s, body)
        // When it was first stated, not when the data's `set` says (a restatement, for this target).
        var title = p.target.title
        if let first = p.target.statementsByDate.first, p.target.set.map({ first.date < $0 }) ?? true {
            title += " - first set \(first.dateText)"
        } else if let set = p.target.set {
            title += " - set \(set.display)"
        }
        let inner = Box(title: title, focused: true, footer: "Enter: the target's statements").render(into: &c, area: summary, theme: t)
        var y = inner.y
        if let share = p.share {
            let label = p.shareBound.symbol + Money.share(share, rounding: DisplayRounding(p.shareBound)) + " of \(Money.millions(p.target.usd))" + (p.year.map { " in \($0)" } ?? "")
            Gauge(fraction: share, label: label).render(into: &c, area: Rect(x: inner.x, y: y, width: inner.width, height: 1), theme: t)
            y += body.height >= 30 ? 2 : 1
        }
        _ = Paragraph(lines: summaryLines(s, p), wrap: true).render(into: &c, area: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), theme: t)
        let tinner = Box(title: scenarioTitle(p, width: tableRect.width - 6)).render(into: &c, area: tableRect, theme: t)
        let list = scenarios(s)
        var table = Table(columns: columns(p, width: tinner.width), rows: tableRows(s, width: tinner.width), selected: min(s.selection[.target] ?? 0, max(0, list.count - 1)))
        table.highlight = .firstColumn
        table.render(into: &c, area: tinner, theme: t)
    }

    /// "Scenarios from the 2025 estimate ≥585 M^ (2024: >555 M), derived; values at least, years at the latest".
    /// The longest form that fits `width`: the latest full year and what the bound means go first.
    static func scenarioTitle(_ p: TargetProgress, width: Int) -> String {
        guard let y = p.baseYear, let v = p.baseValue else { return "Scenarios (unknown: no full-year value)" }
        let from = p.baseIsEstimate ? "the \(y) estimate \(Figures.millions(v, p.baseBound))\(Figures.estimateMark)" : "\(y) \(Figures.millions(v, p.baseBound))"
        let full = p.baseIsEstimate ? p.year.flatMap { yy in p.observation.map { " (\(yy): \(Figures.plainUSD($0)))" } } ?? "" : ""
        let bound = p.baseBound == .atLeast ? "; values at least, years at the latest" : p.baseBound == .atMost ? "; values at most, years at the earliest" : ""
        let short = p.baseBound == .atLeast ? " (≥ values, ≤ years)" : p.baseBound == .atMost ? " (≤ values, ≥ years)" : ""
        for t in ["Scenarios from \(from)\(full), derived\(bound)", "Scenarios from \(from)\(full), derived\(short)", "Scenarios from \(from), derived\(short)"]
        where DisplayWidth.of(t) <= width { return t }
        return "Scenarios from \(from)\(short)"
    }
}
