import TradeModel

/// Transport volumes (the dataset's indicators: rail cargo by year) as a small chart on the
/// Infrastructure screen: a bar per period, partial periods labelled with their months, the
/// both-directions total preferred (else the sum of the two directions, derived, or one direction
/// named), conflicting values of a period marked `!`, a total its two directions do not add up to
/// `#`, plans listed under the bars, and an indicator without values "unknown". Every value,
/// directional ones included, is in the related project's detail.
enum TransportChart {
    /// The indicators shown here: transport, not energy (gas and power volumes are on the Energy
    /// screen), and not those that concern deals only.
    static func indicators(_ d: Dataset) -> [Indicator] {
        let deals = Set(d.deals.map(\.id))
        return d.indicators.filter { i in !isEnergy(i) && (i.related.isEmpty || !i.related.allSatisfy { deals.contains($0) }) }
    }

    /// Gas volumes and electricity: the Energy screen's.
    static func isEnergy(_ i: Indicator) -> Bool { i.unit.dimension == .gas || i.unit.dimension == .energy }

    /// What one bar shows: a period's figure and how it was chosen.
    struct Figure: Hashable, Sendable {
        var period: Period
        /// nil: a year between two with figures that has none.
        var value: Double?
        var symbol = ""
        var derived = false
        var conflict = false
        /// The total fails the data's arithmetic: its two directions add up to something else.
        var check = false
        /// The one direction shown when only one is given ("KZ→TM").
        var direction: String?
        /// Said under the chart when there is room: the conflict, the sum's parts.
        var note: String?
    }

    /// Among values of one period and direction: stated before derived, exact before about before
    /// a bound, then file order.
    static func preferred(_ values: [IndicatorValue]) -> IndicatorValue? {
        func precision(_ q: Qualifier) -> Int { q == .exact ? 0 : q == .about ? 1 : 2 }
        return values.enumerated().min { a, b in
            (a.element.kind == .derived ? 1 : 0, precision(a.element.qualifier), a.offset) < (b.element.kind == .derived ? 1 : 0, precision(b.element.qualifier), b.offset)
        }?.element
    }

    /// "~1.2", ">1.245", "0.273": the number in the indicator's unit.
    static func number(_ v: IndicatorValue) -> String { v.qualifier.symbol + GoodsFigures.number(v.value) + (v.max.map { "–" + GoodsFigures.number($0) } ?? "") }

    static func directionLabel(_ v: IndicatorValue) -> String { "\(v.from ?? "?")→\(v.to ?? "?")" }

    /// The measured figures by period, oldest first, with the years between them that have none.
    static func figures(_ d: Dataset, _ ind: Indicator) -> [Figure] {
        var byPeriod = [Period: [IndicatorValue]]()
        for v in ind.values where !v.planned { byPeriod[v.period, default: []].append(v) }
        // The model's rule: same period and direction, different sources, ranges that do not meet.
        let pairs = ind.conflicts.map { (ind.values[$0.0], ind.values[$0.1]) }
        func conflicting(_ p: Period, total: Bool) -> (IndicatorValue, IndicatorValue)? {
            pairs.first { $0.0.period == p && ($0.0.from == nil) == total }
        }
        let sums = ind.sumWarnings
        var out = [Figure]()
        var previous: Int?
        for p in byPeriod.keys.sorted() {
            // Years without a figure are shown as such, not closed up ("2021", or "2015–2017").
            if let y = previous, p.year - y > 1 {
                out.append(Figure(period: Period(year: y + 1), value: nil, note: p.year - y > 2 ? "\(y + 1)–\(p.year - 1)" : nil))
            }
            previous = p.year
            let values = byPeriod[p]!
            let totals = values.filter { $0.from == nil }
            if let t = preferred(totals) {
                var f = Figure(period: p, value: t.value, symbol: t.qualifier.symbol, derived: t.kind == .derived)
                if let (a, b) = conflicting(p, total: true) {
                    f.conflict = true
                    f.note = "\(p.label): sources disagree: \(number(a)) [\(a.source)], \(number(b)) [\(b.source)]"
                }
                if let w = sums.first(where: { ind.values[$0.total].period == p }) {
                    f.check = true
                    let said = "\(p.label): the two directions add up to \(GoodsFigures.number(w.sum)), not \(number(ind.values[w.total])) [\(ind.values[w.total].source)]"
                    f.note = f.note.map { $0 + "; " + said } ?? said
                }
                out.append(f)
                continue
            }
            let home = values.filter { $0.from == d.home.code && $0.to == d.partner.code }
            let away = values.filter { $0.from == d.partner.code && $0.to == d.home.code }
            let conflict = conflicting(p, total: false) != nil
            if let a = preferred(home), let b = preferred(away) {
                let bound = Bound.combine(increasing: [Bound(a.qualifier), Bound(b.qualifier)])
                out.append(Figure(period: p, value: a.value + b.value, symbol: bound.symbol, derived: true, conflict: conflict,
                                  note: "\(p.label): \(directionLabel(a)) \(number(a)) + \(directionLabel(b)) \(number(b)) (the sum is ours*)"))
            } else if let one = preferred(home) ?? preferred(away) ?? preferred(values) {
                out.append(Figure(period: p, value: one.value, symbol: one.qualifier.symbol, derived: one.kind == .derived, conflict: conflict,
                                  direction: one.from == nil ? nil : directionLabel(one),
                                  note: "\(p.label): only \(one.from == nil ? "one figure" : directionLabel(one)) is known"))
            }
        }
        return out
    }

    /// The figure's bar label and value text: "2025 Jan–Oct", ">1.245!".
    static func label(_ f: Figure) -> String {
        let base = f.value == nil ? (f.note ?? f.period.label) : f.period.label
        return base + (f.direction.map { " " + $0 } ?? "")
    }

    static func valueText(_ f: Figure) -> String {
        guard let v = f.value else { return "unknown" }
        return f.symbol + GoodsFigures.number(v) + (f.derived ? Figures.derivedMark : "") + (f.conflict ? Figures.conflictMark : "") + (f.check ? Figures.checkMark : "")
    }

    /// "plan 2030: 20 Mt/yr [source]".
    static func planLines(_ ind: Indicator) -> [Line] {
        ind.values.filter(\.planned).map { v in
            [Span("plan \(v.period.label): ", role: .dim), Span(number(v) + " " + ind.unit.rawValue, role: .estimate), Span(" [\(v.source)]", role: .dim)]
        }
    }

    /// The chart's title and lines in a box: the bars of each indicator with measured figures (the
    /// latest that fit `rows`; under a heading when there are several, else the title names the
    /// indicator and says when only the latest show), its plans under them; an indicator with only
    /// plans, or without values ("unknown"), one line each; the notes (conflicts, sums, single
    /// directions) last, as many as fit.
    static func layout(_ d: Dataset, _ list: [Indicator], boxWidth: Int, rows: Int, eighths: [Character], ascii: Bool) -> (title: String, lines: [Line]) {
        let width = max(1, boxWidth - 2)
        let all = list.map { figures(d, $0) }
        let measured = zip(list, all).filter { !$0.1.isEmpty }
        let others = list.filter { ind in !measured.contains { $0.0.id == ind.id } }
        let multi = measured.count > 1
        // The indicators without measured figures, a line each, wrapped rather than cut.
        var tail = [Line]()
        for ind in others {
            let name = Span("\(ind.label ?? ind.title): ", role: .dim)
            let line: Line
            if ind.values.isEmpty {
                line = [name, Span("unknown", role: .unknown)]
            } else {
                let plans = ind.values.filter(\.planned).map { "plan \($0.period.label) \(number($0)) \(ind.unit.rawValue) [\($0.source)]" }
                line = [name, Span(plans.joined(separator: "; "), role: .estimate)]
            }
            tail += GoodsLines.hanging(line, width: width, hang: 2, ascii: ascii)
        }
        let fixed = tail.count + measured.reduce(0) { $0 + (multi ? 1 : 0) + planLines($1.0).count }
        let room = max(0, rows - fixed)
        let total = measured.reduce(0) { $0 + $1.1.count }
        var out = [Line]()
        var notes = [Line]()
        var cut = [String]()
        for (ind, figs) in measured {
            if multi { out.append([Span("\(ind.label ?? ind.title) (\(ind.unit.rawValue))", role: .tableHeader)]) }
            // The rows for bars shared in proportion to the figures, at least one each.
            let share = total <= room ? figs.count : max(1, room * figs.count / max(1, total))
            let shown = Array(figs.suffix(min(figs.count, share)))
            out += bars(shown, width: width, eighths: eighths, ascii: ascii)
            if shown.count < figs.count {
                cut.append("latest \(shown.count) of \(figs.count)")
                if multi { notes.append(Line.text("(\(ind.label ?? ind.title): \(figs.count - shown.count) earlier not shown)", role: .dim)) }
            }
            out += planLines(ind)
            notes += figs.compactMap { f in f.value == nil ? nil : f.note.map { Line.text($0, role: f.conflict ? .conflict : .dim) } }
        }
        out += tail
        // Whole notes only, in order, while they fit.
        for n in notes {
            let wrapped = TextLayout.wrap(n.prepared(ascii: ascii), width: max(1, width))
            guard out.count + wrapped.count <= rows else { break }
            out += wrapped
        }
        var titles = ["Transport volumes"]
        if !multi, let ind = measured.first?.0 {
            let name = ind.label ?? ind.title
            titles = ["Transport volumes: \(ind.title) (\(ind.unit.rawValue))", "Transport volumes: \(name) (\(ind.unit.rawValue))", "\(name) (\(ind.unit.rawValue))"]
        }
        let suffix = cut.isEmpty || multi ? "" : ", " + cut.joined(separator: ", ")
        let title = titles.map { $0 + suffix }.first { DisplayWidth.of(TextLayout.display($0, ascii: ascii)) <= boxWidth - 6 } ?? (titles.last! + suffix)
        return (title, out)
    }

    /// One line per figure: its label, a bar scaled to the largest figure shown, its value.
    static func bars(_ figs: [Figure], width: Int, eighths: [Character], ascii: Bool) -> [Line] {
        let labels = figs.map { TextLayout.display(label($0), ascii: ascii) }
        let values = figs.map { TextLayout.display(valueText($0), ascii: ascii) }
        let lw = min(labels.map { DisplayWidth.of($0) }.max() ?? 0, max(4, width / 2))
        let vw = values.map { DisplayWidth.of($0) }.max() ?? 0
        // Bars of at most 40 cells, the value right after them: a wide box does not push the
        // values away from their bars.
        let bw = max(0, min(40, width - lw - vw - 2))
        let scale = figs.compactMap(\.value).max()
        return figs.enumerated().map { k, f in
            let role: Role = f.value == nil ? .unknown : f.derived ? .derived : f.period.isFullYear ? .bar : .partial
            let bar = f.value == nil ? "" : GoodsFigures.bar(f.value, scale: scale, width: bw, eighths: eighths)
            return [Span(TextLayout.pad(TextLayout.truncate(labels[k], width: lw, ellipsis: ascii ? "." : "…"), width: lw), role: f.period.isFullYear ? .normal : .partial),
                    Span(" "), Span(TextLayout.pad(bar, width: bw), role: role),
                    Span(" " + TextLayout.pad(values[k], width: vw, align: .right), role: f.conflict ? .conflict : (f.value == nil ? .unknown : .normal))]
        }
    }

    /// Lines the chart wants: its bars, plans, unknowns, one line per note, and the box.
    static func wantedRows(_ d: Dataset, _ list: [Indicator]) -> Int {
        let all = list.map { figures(d, $0) }
        let measured = all.filter { !$0.isEmpty }.count
        var lines = 0
        for (ind, figs) in zip(list, all) {
            if figs.isEmpty { lines += 2; continue }
            lines += figs.count + figs.filter { $0.value != nil && $0.note != nil }.count + planLines(ind).count + (measured > 1 ? 1 : 0)
        }
        return lines + 2
    }

    static func draw(_ s: AppState, _ area: Rect, into c: inout Canvas) {
        let list = indicators(s.dataset)
        guard !list.isEmpty else { return }
        let eighths: [Character] = s.theme.ascii ? ["#"] : s.theme.barEighths
        let (title, ls) = layout(s.dataset, list, boxWidth: area.width, rows: max(0, area.height - 2), eighths: eighths, ascii: s.theme.ascii)
        let inner = Box(title: title).render(into: &c, area: area, theme: s.theme)
        _ = Paragraph(lines: ls, wrap: false).render(into: &c, area: inner, theme: s.theme)
    }

    /// The indicators related to a deal or project without any value, a line each for its detail
    /// (under its volumes or capacity): "Turkmen gas delivered to Kazakhstan (bcm): unknown".
    static func unknownLines(_ d: Dataset, related id: String) -> [Line] {
        d.indicators.filter { $0.related.contains(id) && $0.values.isEmpty }.map { ind in
            [Span("  \(ind.title) (\(ind.unit.rawValue)): ", role: .dim), Span("unknown", role: .unknown), Span(" (no figure found)", role: .dim)]
        }
    }

    /// Every value of the indicators related to a deal or project, for its detail: period,
    /// direction, figure, growth, kind, plan, source and note; conflicts marked. (Those without
    /// values are `unknownLines`.)
    static func detailLines(_ d: Dataset, related id: String) -> [Line] {
        var out = [Line]()
        for ind in d.indicators where ind.related.contains(id) && !ind.values.isEmpty {
            out += [[], Line.text("\(ind.title) (\(ind.unit.rawValue))", role: .tableHeader)] + valueLines(ind, undirected: isEnergy(ind) ? "" : "both directions")
        }
        return out
    }

    /// An indicator's values, a line each in period order (plans after measurements); a value with
    /// no direction is labelled `undirected` (rail cargo: both directions; a gas transit: nothing).
    static func valueLines(_ ind: Indicator, undirected: String = "both directions") -> [Line] {
        var out = [Line]()
        do {
            let sorted = ind.values.enumerated().sorted { ($0.element.period, $0.element.planned ? 1 : 0, $0.offset) < ($1.element.period, $1.element.planned ? 1 : 0, $1.offset) }
            let conflicting = ind.conflicting
            let checked = Set(ind.sumWarnings.map(\.total))
            for (k, v) in sorted {
                let clash = conflicting.contains(k)
                let check = checked.contains(k) ? Figures.checkMark : ""
                var l: Line = [Span("  " + v.period.label + (v.planned ? " plan" : "") + "  ", role: v.period.isFullYear ? .accent : .partial),
                               Span(v.from == nil ? (undirected.isEmpty ? "" : undirected + "  ") : directionLabel(v) + "  ", role: .dim),
                               Span(number(v) + (v.kind == .derived ? Figures.derivedMark : "") + (clash ? Figures.conflictMark : "") + check,
                                    role: clash || !check.isEmpty ? .conflict : (v.kind == .derived ? .derived : .normal))]
                if let g = v.growth { l.append(Span("  " + Figures.rate(g, .exact), role: .dim)) }
                l.append(Span(" [\(v.source)]", role: .dim))
                if let n = v.note { l.append(Span(" - " + n, role: .dim)) }
                out.append(l)
            }
        }
        return out
    }
}
