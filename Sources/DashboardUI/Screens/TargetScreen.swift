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

    /// + and −: the deadline stays after the latest full year and within 50 years of it.
    static func changeTargetYear(_ s: inout AppState, by delta: Int) {
        let latest = s.dataset.latestFullYear ?? s.dataset.asOf.year
        let lo = latest + 1, hi = latest + 50
        var next = s.targetYear + delta
        // A deadline from the data that has already passed: + goes to the first possible year.
        if delta > 0 && next < lo { next = lo }
        if next < lo {
            s.status = StatusLine(text: "The deadline must be after \(latest), the latest full year", isError: true)
        } else if next > hi {
            s.status = StatusLine(text: "The deadline can be at most \(hi)", isError: true)
        } else {
            s.targetYear = next
        }
    }

    /// The projection of one scenario, year by year.
    static func detail(_ s: AppState, _ rate: Double) -> Detail {
        let title = "Scenario: \(Money.percent(rate)) a year"
        guard let p = progress(s), let y = p.year, let v = p.current, let base = p.observation else { return Detail(title: title, lines: [Line.text("unknown", role: .unknown)]) }
        var out: [Line] = [Line.text("Projection from \(y) (\(Figures.plainUSD(base))) at \(Money.percent(rate)) a year; derived by us, not a forecast.", role: .derived), []]
        for yy in (y + 1)...max(y + 1, p.deadline + 3) {
            out.append([Span("  \(yy): ", role: .dim), Span(Figures.millions(Metrics.project(v, rate: rate, years: yy - y), p.currentBound) + Figures.derivedMark, role: .derived)])
        }
        out.append([])
        out.append(DetailText.field("Reaches \(Money.millions(p.target.usd))", p.reach(atRate: rate).text))
        if p.currentBound.isBound {
            out.append(Line.text("The \(y) value is only a bound (\(base.qualifier.word) \(Money.millions(v))), so the projections are \(p.currentBound.words)these values.", role: .dim))
        }
        return Detail(title: title, lines: out + DetailText.sources(s.dataset, [base.source] + p.target.sources))
    }

    static func progress(_ s: AppState) -> TargetProgress? {
        s.dataset.targets.first.map { TargetProgress(target: $0, dataset: s.dataset, deadline: s.targetYear) }
    }

    /// Growth rates of the scenario table: fixed steps, plus the required, recent and last rates.
    static func scenarios(_ s: AppState) -> [Double] {
        var rates: [Double] = [0, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30]
        if let p = progress(s) {
            for r in [p.requiredGrowth, p.recentCAGR, p.lastGrowth].compactMap({ $0 }) where !rates.contains(where: { abs($0 - r) < 1e-9 }) {
                rates.append(r)
            }
        }
        return rates.sorted()
    }

    /// Every scenario row projects at a fixed rate; the computed rates' own bounds are said in their
    /// names ("needed by 2027: at most this"), not on the rate, which is used as it is.
    static func rateBound(_ p: TargetProgress?, _ rate: Double) -> Bound { .exact }

    static func scenarioName(_ p: TargetProgress?, _ rate: Double) -> String {
        guard let p else { return "" }
        func qualified(_ b: Bound) -> String { b.isBound ? " (\(b.words.trimmingSuffixSpace) this)" : b == .approximate ? " (about)" : "" }
        if let r = p.requiredGrowth, abs(r - rate) < 1e-9 { return "needed by \(p.deadline)" + qualified(p.requiredBound) }
        if let r = p.recentCAGR, abs(r - rate) < 1e-9, let range = p.recentRange { return "recent (CAGR \(range.lowerBound)–\(range.upperBound))" + qualified(p.recentBound) }
        if let r = p.lastGrowth, abs(r - rate) < 1e-9, let y = p.year { return "last year (\(y - 1)→\(y))" + qualified(p.lastGrowthBound) }
        return ""
    }

    static func projectionYears(_ p: TargetProgress) -> [Int] {
        guard let y = p.year else { return [] }
        let end = max(p.deadline, y + 1)
        return Array((y + 1)...min(end, y + 8))
    }

    static func columns(_ p: TargetProgress?) -> [TableColumn] {
        var cols = [TableColumn(title: "Growth/yr", width: .fixed(9), align: .right), TableColumn(title: "Scenario", width: .flex(min: 10))]
        if let p { cols += projectionYears(p).map { TableColumn(title: String($0), width: .fixed(11), align: .right) } }
        cols.append(TableColumn(title: "Reaches target", width: .fixed(14), align: .right))
        return cols
    }

    static func tableRows(_ s: AppState) -> [[Line]] {
        let p = progress(s)
        return scenarios(s).map { rate in
            var cells: [Line] = [Line.text(Figures.rate(rate, rateBound(p, rate)), role: rate < 0 ? .negative : .normal), Line.text(scenarioName(p, rate), role: .dim)]
            guard let p, let base = p.year, let v = p.current else { return cells + [Line.text("unknown", role: .unknown)] }
            // Projections rise with the latest value: a lower bound there gives lower bounds here.
            for y in projectionYears(p) {
                let value = Metrics.project(v, rate: rate, years: y - base)
                cells.append(Line.text(Figures.millions(value, p.currentBound) + Figures.derivedMark, role: value >= p.target.usd ? .positive : .derived))
            }
            let reach = p.reach(atRate: rate)
            let role: Role = reach == .never ? .negative : reach == .unknown ? .unknown : ((reach.year ?? 0) <= p.deadline ? .positive : .warning)
            cells.append(Line.text(reach.short, role: role))
            return cells
        }
    }

    /// The summary box as tall as its wrapped lines (plus the gauge), leaving the scenario table at
    /// least 6 rows when the screen has them.
    static func split(_ s: AppState, _ body: Rect) -> (summary: Rect, table: Rect) {
        guard let p = progress(s) else { return body.splitTop(body.height) }
        let width = max(1, body.width - 2)
        let wrapped = summaryLines(s, p).reduce(0) { $0 + max(1, TextLayout.wrap($1, width: width).count) }
        let gauge = p.share == nil ? 0 : (body.height >= 30 ? 2 : 1)
        let wanted = wrapped + gauge + 2
        return body.splitTop(max(4, min(wanted, body.height - 6)))
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        let inner = Box.inner(split(s, body).table)
        let list = scenarios(s)
        return (inner, Table(columns: columns(progress(s)), rows: tableRows(s), selected: min(s.selection[.target] ?? 0, max(0, list.count - 1))))
    }

    /// The summary lines: what the gauge says in words.
    static func summaryLines(_ s: AppState, _ p: TargetProgress) -> [Line] {
        let d = s.dataset
        var lines = [Line]()
        let t = p.target
        guard let y = p.year, let o = p.observation, let v = o.usd, let share = p.share, let remaining = p.remaining else {
            return [[Span("Progress: unknown (the data has no full-year \(t.metric.rawValue) value)", role: .unknown)]]
        }
        lines.append([Span("\(y) (latest full year): ", role: .dim), Span((o.qualifier.word.isEmpty ? "" : o.qualifier.word + " ") + "USD \(Money.millions(v))", role: .title),
                      Span(" of \(Money.millions(t.usd)) = ", role: .dim), Span(p.shareBound.words + Money.share(share), role: .title),
                      Span(o.kind == .derived ? " (derived)" : " [\(o.source)]", role: .dim)])
        let boundNote = p.currentBound.isBound && !p.alreadyReached ? " (the \(y) value is \(p.currentBound == .atLeast ? "a lower" : "an upper") bound)" : ""
        lines.append([Span("Remaining: ", role: .dim), Span(p.remainingBound.words + "USD \(Money.millions(remaining))", role: .warning), Span(boundNote, role: .dim)])
        let firstPaceLine = lines.count
        var deadline: Line = [Span("Deadline: ", role: .dim), Span(String(p.deadline), role: .accent)]
        if let dl = t.deadline {
            deadline.append(Span(p.deadline == dl ? " (\(t.deadlineKind?.rawValue ?? "unknown kind") in the data)" : " (chosen with +/−; the data says \(dl), \(t.deadlineKind?.rawValue ?? "?"))", role: .dim))
        } else {
            deadline.append(Span(" (no deadline in the data: chosen with +/−)", role: .dim))
        }
        if let r = p.requiredGrowth {
            lines.append([Span("Needed: ", role: .dim), Span(p.requiredBound.words + Money.percent(r) + " a year", role: .warning), Span(" from \(y) to reach \(Money.millions(t.usd)) by \(p.deadline)", role: .dim)])
        } else if p.deadline <= y {
            let outcome = p.deadlineOutcome
            let word = outcome == .never ? "missed" : outcome == .unknown ? "unknown (the \(y) value is only a bound)" : "reached"
            lines.append([Span("Deadline \(p.deadline) is not after \(y), the latest full year: ", role: .dim),
                          Span(word, role: outcome == .never ? .negative : outcome == .unknown ? .unknown : .positive), Span(" (+ moves the deadline)", role: .dim)])
        } else {
            lines.append([Span("Needed: unknown", role: .unknown)])
        }
        if let c = p.recentCAGR, let range = p.recentRange {
            let reach = p.reachAtRecent
            lines.append([Span("At the recent pace ", role: .dim), Span("(CAGR \(range.lowerBound)–\(range.upperBound) \(p.recentBound.words)\(Money.percent(c))/yr)", role: .derived),
                          Span(": "), Span(reach.text, role: reachRole(reach, p))])
        } else {
            lines.append([Span("Recent pace: unknown (needs an earlier full year)", role: .unknown)])
        }
        if let g = p.lastGrowth {
            let reach = p.reachAtLast
            var l: Line = [Span("At last year's growth ", role: .dim), Span("(\(y - 1)→\(y) \(p.lastGrowthBound.words)\(Money.percent(g)))", role: .derived),
                           Span(": "), Span(reach.text, role: reachRole(reach, p))]
            if reach == .unknown && p.currentBound.isBound { l.append(Span(" (the \(y) value is only a bound)", role: .dim)) }
            lines.append(l)
        }
        // The deadline's provenance after the paces: what matters most comes first on small screens.
        lines.insert(deadline, at: min(lines.count, firstPaceLine + 4))
        if let partial = d.trade.filter({ $0.flow == .turnover && !$0.period.isFullYear && $0.period.year > y && $0.usd != nil }).max(by: { $0.period < $1.period }) {
            var l: Line = [Span("\(partial.period.label): ", role: .partial), Span(Figures.plainUSD(partial))]
            if let g = partial.growth { l.append(Span(" (\(Money.percent(g)) on the same months)", role: .dim)) }
            l.append(Span(" - partial year, not counted", role: .dim))
            lines.append(l)
        }
        return lines
    }

    static func reachRole(_ r: Reach, _ p: TargetProgress) -> Role {
        switch r {
        case .never: return .negative
        case .unknown: return .unknown
        case .year(let y, _): return y <= p.deadline ? .positive : .warning
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
        let title = "\(p.target.title)" + (p.target.set.map { " - set \($0.display)" } ?? "")
        let inner = Box(title: title, focused: true).render(into: &c, area: summary, theme: t)
        var y = inner.y
        if let share = p.share {
            Gauge(fraction: share, label: p.shareBound.symbol + Money.share(share) + " of \(Money.millions(p.target.usd))")
                .render(into: &c, area: Rect(x: inner.x, y: y, width: inner.width, height: 1), theme: t)
            y += body.height >= 30 ? 2 : 1
        }
        _ = Paragraph(lines: summaryLines(s, p), wrap: true).render(into: &c, area: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), theme: t)
        let years = projectionYears(p)
        let boundTitle = p.currentBound == .atLeast ? ": values at least, years at the latest" : p.currentBound == .atMost ? ": values at most, years at the earliest" : ""
        let tinner = Box(title: "Scenarios from \(p.year.map(String.init) ?? "?") (derived\(boundTitle))" + (years.isEmpty ? "" : ", USD"))
            .render(into: &c, area: tableRect, theme: t)
        let list = scenarios(s)
        var table = Table(columns: columns(p), rows: tableRows(s), selected: min(s.selection[.target] ?? 0, max(0, list.count - 1)))
        table.highlight = .firstColumn
        table.render(into: &c, area: tinner, theme: t)
    }
}
