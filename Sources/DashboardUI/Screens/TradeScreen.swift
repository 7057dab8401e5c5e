import TradeModel

extension Screen { public static let trade = Screen("trade") }

/// Turnover by year as a bar chart and a table of every period, with exports, imports, balance and
/// growth; partial years labelled, derived values marked, conflicting sources flagged.
enum TradeScreen: ScreenView {
    static let screen = Screen.trade
    static let title = "Trade"

    static func rows(_ s: AppState) -> [ListRow] {
        let d = s.dataset
        var rows = TradeScreen.periods(d).map { p in
            var row = ListRow(id: p.label, cells: TradeScreen.cells(d, p), search: p.label + " " + d.observations(in: p).compactMap(\.note).joined(separator: " "),
                              sortValue: { TradeScreen.sortValue(d, p, $0) },
                              detail: { TradeScreen.detail(d, p) })
            // Sorted by a figure, full years rank among themselves, then the partial periods.
            row.sortGroup = p.isFullYear ? 0 : 1
            return row
        }
        // The current year's estimate after its partial period (the last row: it is the newest).
        if let e = estimateRow(d) { rows.append(e) }
        return rows
    }

    /// By the figures the columns show: a partial year's value beside full years' (its label says so),
    /// a turnover derived from the two directions as the column derives it.
    static func sortKeys(_ d: Dataset) -> [SortKey] {
        let (a, b) = home(d)
        let note = "full years ranked first, then part years, the estimate last"
        return [SortKey.natural("period", column: 0, as: .date),
                SortKey("turnover", column: 1, .number, groupNote: note), SortKey("growth", column: 2, .number, groupNote: note),
                SortKey("\(a)→\(b)", column: 3, .number, groupNote: note), SortKey("\(b)→\(a)", column: 4, .number, groupNote: note),
                SortKey("\(a) balance", column: 5, .number, groupNote: note)]
    }

    static func sortValue(_ d: Dataset, _ p: Period, _ key: Int) -> SortValue {
        let (a, b) = home(d)
        let exObs = d.preferred(.goods(from: a, to: b), period: p), imObs = d.preferred(.goods(from: b, to: a), period: p)
        let ex = exObs?.usd, im = imObs?.usd
        switch key {
        case 1:
            if let t = d.preferred(.turnover, period: p) { return .bounded(t.usd, Bound(t.qualifier)) }
            if let ex, let im { return .bounded(ex + im, Bound.combine(increasing: [Bound(exObs!.qualifier), Bound(imObs!.qualifier)])) }
            return .missing
        case 2: return growth(d, p).map { .bounded($0.rate, $0.bound) } ?? .missing
        case 3: return exObs.map { .bounded($0.usd, Bound($0.qualifier)) } ?? .missing
        case 4: return imObs.map { .bounded($0.usd, Bound($0.qualifier)) } ?? .missing
        case 5:
            guard let ex, let im else { return .missing }
            return .bounded(ex - im, Bound.combine(increasing: [Bound(exObs!.qualifier)], decreasing: [Bound(imObs!.qualifier)]))
        default: return .missing
        }
    }

    /// Every period with whole-goods figures, oldest first; a partial year sorts before its full year.
    static func periods(_ d: Dataset) -> [Period] {
        d.wholeGoodsPeriods
    }

    static func home(_ d: Dataset) -> (String, String) { (d.home.code, d.partner.code) }

    /// A period's detail lists at most this many disagreeing pairs, then says how many more there are.
    static let clashesListed = 30

    /// The growth shown for a period, and what disagrees with it.
    struct Growth {
        var rate: Double
        /// Computed by us from the values (no source states it).
        var derived: Bool
        var bound: Bound
        /// How exact a stated rate is ("over 30 %" is `>`, as a stated value's qualifier is shown).
        var qualifier: Qualifier = .exact
        /// A stated rate of another source that disagrees with the one shown (sources disagree).
        var other: Double?
        var otherSource: String?
        /// The values' own growth when a stated rate disagrees with it: the rate shown and the values
        /// shown for the period and the year before would contradict each other.
        var fromValues: ValueGrowth?
    }

    /// The stated growth of the preferred figure, else a stated growth the values allow, else any
    /// stated one; without any, the growth computed from the values (derived). A stated rate that the
    /// values do not allow is shown with them (`fromValues`), never silently.
    static func growth(_ d: Dataset, _ p: Period) -> Growth? {
        let stated = d.observations(.turnover, period: p).filter { $0.growth != nil && $0.kind == .stated }
        let pref = d.preferred(.turnover, period: p)
        let values = d.growthFromValues(.turnover, period: p)
        let chosen = pref?.growth != nil && pref?.kind == .stated ? pref : (stated.first { values?.allows($0.growth!) ?? false } ?? stated.first)
        if let o = chosen, let g = o.growth {
            let other = stated.first { abs($0.growth! - g) > Dataset.conflictTolerance }
            let clash = values.flatMap { $0.allows(g) ? nil : $0 }
            return Growth(rate: g, derived: false, bound: Bound(o.growthQualifier), qualifier: o.growthQualifier, other: other?.growth,
                          otherSource: other?.source, fromValues: clash)
        }
        if let o = pref, let pg = o.growth { return Growth(rate: pg, derived: true, bound: Bound(o.growthQualifier)) }
        if let v = values { return Growth(rate: v.rate, derived: true, bound: v.bound) }
        return nil
    }

    /// The arithmetic warnings about a figure itself (not those that only compare with it), but
    /// for growth (the growth cell says those).
    static func flagged(_ d: Dataset, _ o: TradeObservation) -> [ArithmeticWarning] {
        d.arithmeticFlags(o).filter { d.trade[$0.subject] == o && $0.kind != .growth }
    }

    /// The same by position in `trade` (a lookup, no scan of the period's figures).
    static func flagged(_ d: Dataset, position i: Int) -> [ArithmeticWarning] {
        d.arithmeticFlags(i).filter { $0.subject == i && $0.kind != .growth }
    }

    /// The mark and notes for a figure that others disagree with: "!" when a source states a figure
    /// that disagrees, "?" when only our derivations differ (from each other or from a stated one).
    static func disagreementNotes(_ d: Dataset, _ label: String, _ o: TradeObservation?, _ others: [TradeObservation]) -> (mark: String?, notes: [String]) {
        guard let o, !others.isEmpty else { return (nil, []) }
        let sourcesDisagree = o.kind == .stated && others.contains { $0.kind == .stated }
        var notes = [String]()
        let head = sourcesDisagree ? "\(label)also " : "\(label)derivations differ: also "
        // A few are named; the cell could never show thousands (the detail counts them all).
        for (k, other) in others.prefix(3).enumerated() {
            let origin = other.kind == .derived ? "derived" : (d.source(other.source)?.publisher ?? other.source)
            notes.append((k == 0 ? head : "") + "\(Figures.plainUSD(other)) (\(origin))")
        }
        if others.count > 3 { notes.append("\(label)\(others.count - 3) more disagree") }
        return (sourcesDisagree ? Figures.conflictMark : Figures.derivationsMark, notes)
    }

    static func cells(_ d: Dataset, _ p: Period) -> [Line] {
        let (a, b) = home(d)
        let turnover = d.preferred(.turnover, period: p)
        let ex = d.preferred(.goods(from: a, to: b), period: p)
        let im = d.preferred(.goods(from: b, to: a), period: p)
        let t = disagreementNotes(d, "", turnover, turnover.map { d.disagreements(with: $0, direction: .turnover) } ?? [])
        let x = disagreementNotes(d, "\(a)→\(b) ", ex, ex.map { d.disagreements(with: $0, direction: .goods(from: a, to: b)) } ?? [])
        let m = disagreementNotes(d, "\(b)→\(a) ", im, im.map { d.disagreements(with: $0, direction: .goods(from: b, to: a)) } ?? [])
        let g = growth(d, p)
        var growthCell: Line = [Span("unknown", role: .unknown)]
        if let g {
            // A stated bound is shown with its qualifier's symbol (">"); ≥ and ≤ are for what we computed from one.
            let text = !g.derived && g.qualifier != .exact ? g.qualifier.symbol + Figures.rate(g.rate, .exact) : Figures.rate(g.rate, g.bound)
            growthCell = [Span(text, role: g.derived ? .derived : (g.rate < 0 ? .negative : .positive))]
            if g.derived { growthCell.append(Span(Figures.derivedMark, role: .derived)) }
            if g.other != nil { growthCell.append(Span(Figures.conflictMark, role: .conflict)) }
            // A stated growth the values do not give fails the data's own arithmetic.
            if g.fromValues != nil { growthCell.append(Span(Figures.checkMark, role: .conflict)) }
        }
        var balance: Line = [Span("unknown", role: .unknown)]
        if let ex, let im, let xv = ex.usd, let mv = im.usd {
            // The balance rises with exports and falls with imports.
            let bb = Bound.combine(increasing: [Bound(ex.qualifier)], decreasing: [Bound(im.qualifier)])
            balance = [Span(bb.symbol + (xv - mv < 0 ? "−" : "") + Money.millions(abs(xv - mv), rounding: DisplayRounding(bb).forMagnitude(negative: xv - mv < 0)), role: .derived),
                       Span(Figures.derivedMark, role: .derived)]
        }
        var notes = t.notes + x.notes + m.notes
        if let g, let other = g.other { notes.append("growth also \(Money.percent(other))" + (g.otherSource.flatMap { d.source($0)?.publisher }.map { " (\($0))" } ?? "")) }
        if let g, let v = g.fromValues { notes.append("the values give \(Figures.rate(v.rate, v.bound)), not \(Money.percent(g.rate))") }
        // A direction known only by its growth: the rate is said, the value stays unknown.
        for (label, dir, o) in [("\(a)→\(b)", Direction.goods(from: a, to: b), ex), ("\(b)→\(a)", .goods(from: b, to: a), im)] where o?.usd == nil {
            if let r = d.observations(dir, period: p).first(where: { $0.usd == nil && $0.growth != nil }), let g = r.growth {
                notes.append("\(label) \(Figures.rate(g, Bound(r.growthQualifier))) (growth only)")
            }
        }
        if !p.isFullYear { notes.append("partial year") }
        if let n = turnover?.note, notes.isEmpty { notes.append(n) }
        let periodRole: Role = p.isFullYear ? .normal : .partial
        // No turnover figure, but both directions: their sum, marked derived (as the balance is). It is
        // shown, never used in a metric.
        var turnoverCell = Figures.usd(turnover)
        if let mark = t.mark { turnoverCell.append(Span(mark, role: .conflict)) }
        if turnover == nil, let ex, let im, let xv = ex.usd, let mv = im.usd {
            let bb = Bound.combine(increasing: [Bound(ex.qualifier), Bound(im.qualifier)])
            turnoverCell = [Span(bb.symbol + Money.millions(xv + mv, rounding: DisplayRounding(bb)), role: .derived), Span(Figures.derivedMark, role: .derived)]
            notes.insert("turnover = exports + imports", at: 0)
        }
        var exCell = Figures.usd(ex), imCell = Figures.usd(im)
        if let mark = x.mark { exCell.append(Span(mark, role: .conflict)) }
        if let mark = m.mark { imCell.append(Span(mark, role: .conflict)) }
        // Figures that fail an arithmetic check (turnover against the sum, a value far from its
        // neighbours) are marked, and the first check is named in the notes.
        var checks = [ArithmeticWarning]()
        for (dir, cell) in [(Direction.turnover, 1), (.goods(from: a, to: b), 3), (.goods(from: b, to: a), 4)] {
            guard let i = d.preferredIndex(dir, period: p) else { continue }
            let flags = flagged(d, position: i)
            guard !flags.isEmpty else { continue }
            checks += flags
            switch cell {
            case 1: turnoverCell.append(Span(Figures.checkMark, role: .conflict))
            case 3: exCell.append(Span(Figures.checkMark, role: .conflict))
            default: imCell.append(Span(Figures.checkMark, role: .conflict))
            }
        }
        if let first = checks.first(where: { $0.kind != .growth }) { notes.insert("check: " + first.message, at: 0) }
        return [Line.text(p.label, role: periodRole), turnoverCell, growthCell, exCell, imCell, balance,
                Line.text(notes.joined(separator: "; "), role: notes.isEmpty ? .normal : .dim)]
    }

    static func columns(_ d: Dataset) -> [TableColumn] {
        let (a, b) = home(d)
        return [
            TableColumn(title: "Period", width: .fixed(12)),
            TableColumn(title: "Turnover", width: .fixed(10), align: .right),
            TableColumn(title: "Growth", width: .fixed(9), align: .right),
            TableColumn(title: "\(a)→\(b)", width: .fixed(9), align: .right),
            TableColumn(title: "\(b)→\(a)", width: .fixed(9), align: .right),
            // One wider than its title: room for the sort marker.
            TableColumn(title: "\(a) balance", width: .fixed(11), align: .right),
            TableColumn(title: "Notes", width: .flex(min: 8)),
        ]
    }

    /// Wide screens put the chart (and the HS sections, when the data has them) beside the table;
    /// others stack them under it.
    static func split(_ s: AppState, _ body: Rect) -> (table: Rect, chart: Rect?, sections: Rect?, summary: Rect) {
        let rows = rowCount(s)
        // The summary as tall as its wrapped lines, leaving the table its rows (the chart gets what
        // is left, and nothing when that is too little to read). The whole legend and the first line
        // above it stay even when the table must scroll for them, as long as the table keeps 8 rows.
        let wanted = summaryLines(s, width: body.width - 2).count
        let tableWanted = min(max(rows, 1) + 3, body.height - 2)
        // The first line may wrap onto two rows: both are kept, so that it is never cut mid-phrase.
        let kept = min(wanted, Figures.legendLines(width: body.width - 2, ascii: s.theme.ascii).count + 2, body.height - 8)
        let summaryHeight = max(2, kept, min(wanted, body.height - (body.width >= 150 ? 8 : tableWanted)))
        let (main, summary) = body.splitBottom(summaryHeight)
        let hasSections = !s.dataset.sectionYears.isEmpty
        if main.width >= 150 {
            let (side, table) = main.splitLeft(main.width * 2 / 5)
            guard hasSections, side.height >= 12 else { return (table, side, nil, summary) }
            let (chart, sections) = side.splitTop(side.height / 2)
            return (table, chart, sections, summary)
        }
        var tableHeight = min(main.height, max(rows, 1) + 3)
        // A long table scrolls rather than leave the chart too little: the chart keeps 8 rows (the
        // latest 6 bars) where the table still shows 12 rows or more.
        if main.height - tableHeight < 8, main.height - 8 >= 12 + 3 { tableHeight = main.height - 8 }
        let (table, rest) = main.splitTop(tableHeight)
        // A chart of fewer than three bars says little: its rows go to the table.
        guard rest.height >= 5 else { return (main, nil, nil, summary) }
        guard hasSections, rest.height >= 8 else { return (table, rest, nil, summary) }
        let (chart, sections) = rest.splitTop(rest.height / 2)
        return (table, chart, sections, summary)
    }

    /// How many rows the table has: without a filter no row needs building (the periods, and the
    /// estimate's row when there is one).
    static func rowCount(_ s: AppState) -> Int {
        s.filter.isActive ? ListRow.visible(s, .trade).count : s.dataset.wholeGoodsPeriods.count + (s.dataset.currentYearEstimate() == nil ? 0 : 1)
    }

    /// On a wide screen the table is as tall as its rows, and the selected period's detail fills the
    /// rest of its column (when that leaves it 8 lines or more).
    static func tableAndPreview(_ s: AppState, _ area: Rect) -> (table: Rect, preview: Rect?) {
        guard area.width >= 90, s.lastSize.width >= 150 else { return (area, nil) }
        let rows = rowCount(s)
        let want = max(rows, 1) + 3
        guard area.height - want >= 8 else { return (area, nil) }
        let (t, p) = area.splitTop(want)
        return (t, p)
    }

    /// The largest HS sections of the latest year that has them, one column per direction.
    static func drawSections(_ s: AppState, _ area: Rect, into c: inout Canvas) {
        let d = s.dataset
        guard let year = d.sectionYears.last else { return }
        let inner = Box(title: "Top HS sections, \(year), USD").render(into: &c, area: area, theme: s.theme)
        let (a, b) = home(d)
        for (rect, dir) in zip(inner.columns(2, gap: 2), [Direction.goods(from: a, to: b), .goods(from: b, to: a)]) {
            let list = d.sections(dir, year: year)
            var lines: [Line] = [Line.text("\(dir)", role: .tableHeader)]
            if list.isEmpty { lines.append(Line.text("unknown", role: .unknown)) }
            for o in list.prefix(max(0, rect.height - 1)) {
                let name = HSSection.number(o.hsSection ?? 0).map { "\($0.roman) \($0.shortName)" } ?? "section \(o.hsSection ?? 0)"
                let value = Figures.usd(o)
                let room = max(1, rect.width - value.width - 1)
                lines.append([Span(TextLayout.pad(TextLayout.truncate(name, width: room, ellipsis: s.theme.ellipsis), width: room)), Span(" ")] + value)
            }
            _ = Paragraph(lines: lines, wrap: false).render(into: &c, area: rect, theme: s.theme)
        }
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        let inner = Box.inner(tableAndPreview(s, split(s, body).table).table)
        return (inner, ScreenRenderer.listTable(s, .trade, columns: columns(s.dataset), height: inner.height))
    }

    static func chartBars(_ d: Dataset) -> [Bar] {
        var bars = [Bar]()
        var previous: Int?
        for y in d.fullYears(.turnover) {
            // Years with no full-year figure are shown as such, not closed up.
            if let p = previous, y - p > 1 {
                let label = y - p == 2 ? String(p + 1) : "\(p + 1)–\(y - 1)"
                bars.append(Bar(label: label, value: nil, valueLabel: "", role: .unknown))
            }
            let o = d.preferred(.turnover, year: y)
            bars.append(Bar(label: String(y), value: o?.usd, valueLabel: o.map(Figures.plainUSD) ?? "unknown", role: o?.kind == .derived ? .derived : .bar))
            previous = y
        }
        // The latest partial year, if it is newer than every full year, labelled with its months.
        if let p = periods(d).last, !p.isFullYear, p.year > (d.latestFullYear ?? 0), let o = d.preferred(.turnover, period: p) {
            bars.append(Bar(label: p.label, value: o.usd, valueLabel: Figures.plainUSD(o), role: .partial))
        }
        // Its full-year estimate, marked as one.
        if let e = d.currentYearEstimate(.turnover) {
            bars.append(Bar(label: estimateLabel(e), value: e.value, valueLabel: Figures.millions(e.value, e.bound) + Figures.estimateMark, role: .estimate))
        }
        return bars
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let d = s.dataset
        let t = s.theme
        let (tableRect, chartRect, sectionsRect, summary) = split(s, body)
        let (listRect, preview) = tableAndPreview(s, tableRect)
        ScreenRenderer.drawList(s, .trade, title: "Trade by period, USD", columns: columns(d), table: listRect, preview: preview, into: &c)
        if let chartRect {
            let target = d.targets.first
            let bars = chartBars(d)
            let fit = max(1, Box.inner(chartRect).height)
            var title = target.map { "Turnover by year (scale: target \(Money.millions($0.usd)))" } ?? "Turnover by year"
            if bars.count > fit { title += " - latest \(fit) of \(bars.count)" }
            let ci = Box(title: title).render(into: &c, area: chartRect, theme: t)
            // The most recent years when not all fit.
            BarChart(bars: Array(bars.suffix(fit)), maxValue: target?.usd).render(into: &c, area: ci, theme: t)
        }
        if let sectionsRect { drawSections(s, sectionsRect, into: &c) }
        let summaryArea = summary.inset(dx: 1, dy: 0)
        _ = Paragraph(lines: summaryLines(s, width: summaryArea.width, rows: summaryArea.height), wrap: false).render(into: &c, area: summaryArea, theme: t)
    }

    /// The lines under the table: the CAGRs, the export potential, the legend; wrapped to `width`.
    /// The legend is never cut: it flows onto as many lines as it needs, at the bottom, and the lines
    /// above give way to it, except the first; with no room for that, the marks alone.
    static func summaryLines(_ s: AppState, width: Int, rows: Int = .max) -> [Line] {
        let d = s.dataset
        var lines = [Line]()
        let years = d.fullYears(.turnover)
        if let last = years.last, let first = years.first, first < last, let cg = d.cagr(.turnover, from: first, to: last) {
            var l: Line = [Span("CAGR \(first)–\(last): ", role: .dim), Span(Figures.rate(cg, d.cagrBound(.turnover, from: first, to: last)) + "/yr", role: .derived)]
            let recentStart = years.filter { $0 >= last - 3 && $0 < last }.first
            if let r = recentStart, r != first, let rc = d.cagr(.turnover, from: r, to: last) {
                l += [Span("   CAGR \(r)–\(last): ", role: .dim), Span(Figures.rate(rc, d.cagrBound(.turnover, from: r, to: last)) + "/yr", role: .derived)]
            }
            l.append(Span("   (derived from the preferred full-year values)", role: .dim))
            lines.append(l)
        } else {
            lines.append([Span("CAGR: unknown (needs two full years)", role: .unknown)])
        }
        for x in d.exportPotential {
            var text = x.description
            if let n = x.categories, !text.contains(String(n)) { text += " (\(n) categories)" }
            lines.append([Span("Export potential \(x.from)→\(x.to): ", role: .dim), Span(text), Span(" [\(x.source)]", role: .dim)])
        }
        let ascii = s.theme.ascii
        let legend = Figures.legendLines(width: width, ascii: ascii, rows: max(1, min(rows, 99) - 1))
        // Whole lines give way, from the last; the first stays (cut to the room left, if it must).
        var kept = [Line]()
        for (k, l) in lines.enumerated() {
            let w = TextLayout.wrap(l.prepared(ascii: ascii), width: max(1, width))
            if kept.count + w.count + legend.count <= rows { kept += w } else if k == 0 { kept += w.prefix(max(1, rows - legend.count)) } else { break }
        }
        return kept + legend
    }
}
