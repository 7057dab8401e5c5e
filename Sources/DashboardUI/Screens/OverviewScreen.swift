import TradeModel

extension Screen { public static let overview = Screen("overview") }

/// The four panels the product is about, 2×2 when wide, stacked when narrow.
enum OverviewScreen: ScreenView {
    static let screen = Screen.overview
    static let title = "Overview"
    static let filterable = false
    static let usesListKeys = false

    static let panels: [Screen] = [.trade, .target, .energy, .infrastructure]

    /// A row per panel; Enter opens the panel's screen.
    static func rows(_ s: AppState) -> [ListRow] {
        OverviewScreen.panels.map { sc in
            ListRow(id: sc.name, cells: [Line.text(sc.title)], search: sc.title, opens: sc,
                    detail: { Detail(title: sc.title, lines: [Line.text("Press Enter to open the \(sc.title) screen.")]) })
        }
    }

    /// A click selects a panel; a click on the selected panel opens its screen.
    static func click(_ s: inout AppState, x: Int, y: Int, body: Rect) -> Bool {
        guard let k = Self.panelRects(body).firstIndex(where: { $0.contains(x: x, y: y) }) else { return true }
        if s.selection[.overview] ?? 0 == k { KeyMap.open(&s) } else { s.selection[.overview] = k }
        return true
    }

    static let bindings: [KeyBinding] = [
        KeyBinding([.left, .char("h")], .move(-1), help: ("←→ h l ↑↓ j k", "move between panels"), hint: ("←→", "panel"), order: 1),
        KeyBinding([.right, .char("l")], .move(1)),
        // The target panel opens the Target screen with the target's detail over it.
        KeyBinding([.enter], .custom { s in
            KeyMap.open(&s)
            if s.screen == .target { TargetDetail.open(&s) }
            return []
        }, help: ("Enter", "open the panel's screen (the target's detail)"), hint: ("Enter", "open"), order: 2),
    ]

    static func panelRects(_ body: Rect) -> [Rect] {
        if body.width >= 80 && body.height >= 18 {
            let rows = body.rows(2)
            return rows.flatMap { $0.columns(2) }
        }
        return body.rows(4)
    }


    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let rects = panelRects(body)
        let focus = s.selection[.overview] ?? 0
        for (k, screen) in panels.enumerated() {
            let inner = Box(title: "\(screen.number) \(panelTitle(screen, s))", focused: k == focus).render(into: &c, area: rects[k], theme: s.theme)
            switch screen {
            case .trade: trade(s, inner, &c)
            case .target: target(s, inner, &c)
            case .energy: energy(s, inner, &c)
            default: infrastructure(s, inner, &c)
            }
        }
    }

    static func panelTitle(_ screen: Screen, _ s: AppState) -> String {
        switch screen {
        case .trade: return "Trade volume"
        case .target: return s.dataset.targets.first?.title ?? "Target"
        case .energy: return "Energy deals"
        default: return "Infrastructure"
        }
    }

    static func trade(_ s: AppState, _ r: Rect, _ c: inout Canvas) {
        let d = s.dataset
        var lines = [Line]()
        if let y = d.latestFullYear, let o = d.preferred(.turnover, year: y) {
            var l: Line = [Span("\(y) turnover ", role: .dim)] + Figures.usd(o)
            if let g = TradeScreen.growth(d, Period(year: y)) { l.append(Span("  \(Figures.rate(g.rate, g.bound))\(g.derived ? Figures.derivedMark : "")", role: g.rate < 0 ? .negative : .positive)) }
            lines.append(l)
            let (a, b) = TradeScreen.home(d)
            if let x = d.preferred(.goods(from: a, to: b), period: Period(year: y)) {
                var l2: Line = [Span("\(a)→\(b) ", role: .dim)] + Figures.usd(x)
                if let m = d.preferred(.goods(from: b, to: a), period: Period(year: y)) { l2 += [Span("  \(b)→\(a) ", role: .dim)] + Figures.usd(m) }
                lines.append(l2)
            }
        } else {
            lines.append([Span("Turnover: unknown", role: .unknown)])
        }
        if let p = TradeScreen.periods(d).last, !p.isFullYear, let o = d.preferred(.turnover, period: p) {
            var l: Line = [Span("\(p.label) ", role: .partial)] + Figures.usd(o)
            if let g = o.growth { l.append(Span("  \(Money.percent(g))", role: .dim)) }
            lines.append(l)
        }
        lines += goodsLines(d, width: r.width, ascii: s.theme.ascii)
        let years = d.fullYears(.turnover)
        let used = Paragraph(lines: lines, wrap: false).render(into: &c, area: r, theme: s.theme)
        let rest = Rect(x: r.x, y: r.y + used, width: r.width, height: r.height - used)
        guard rest.height >= 1, !years.isEmpty else { return }
        if rest.height >= 3 {
            let recent = Array(TradeScreen.chartBars(d).suffix(rest.height))
            BarChart(bars: recent, maxValue: d.targets.first?.usd).render(into: &c, area: rest, theme: s.theme)
        } else {
            let label = "\(years.first!)–\(years.last!) "
            c.put([Span(label, role: .dim)], in: Rect(x: rest.x, y: rest.y, width: rest.width, height: 1), theme: s.theme)
            let lw = min(rest.width, DisplayWidth.of(label))
            Sparkline(values: years.map { d.value(.turnover, year: $0) }).render(into: &c, area: Rect(x: rest.x + lw, y: rest.y, width: rest.width - lw, height: 1), theme: s.theme)
        }
    }

    /// The top goods each way, from the latest period that has them: "KZ→TM: wheat flour, sunflower
    /// oil… (2025 Jan–Sep)", as many names as fit and the period always; "unknown" for a direction
    /// without any while the other has some; nothing when the data has no goods at all.
    static func goodsLines(_ d: Dataset, width: Int, ascii: Bool) -> [Line] {
        let groups: [GoodsSelection.Group] = [.homeToPartner, .partnerToHome]
        let heads = groups.map { GoodsSelection.headline(d, $0) }
        guard heads.contains(where: { $0 != nil }) else { return [] }
        let ell = ascii ? "..." : "…"
        return zip(groups, heads).map { g, head in
            let lead = GoodsSelection.label(d, g) + ": "
            guard let head else { return [Span(lead, role: .dim), Span("unknown", role: .unknown)] }
            let c = d.composition[head]
            let period = " (\(c.period.label))"
            let names = GoodsSelection.topNames(c).map { TextLayout.display($0, ascii: ascii) }
            let room = width - DisplayWidth.of(TextLayout.display(lead + period, ascii: ascii))
            var text = ""
            for (k, n) in names.enumerated() {
                let next = text.isEmpty ? n : text + ", " + n
                let more = k < names.count - 1 ? ell : ""
                if DisplayWidth.of(next + more) <= room { text = next } else { break }
            }
            if text.isEmpty { text = TextLayout.truncate(names.first ?? "", width: max(1, room), ellipsis: ell) }
            else if text != names.joined(separator: ", ") { text += ell }
            return [Span(lead, role: .dim), Span(text), Span(period, role: c.period.isFullYear ? .dim : .partial)]
        }
    }

    /// The gauge and the Target screen's conclusions in short lines, wrapped rather than cut.
    static func target(_ s: AppState, _ r: Rect, _ c: inout Canvas) {
        guard let p = TargetScreen.progress(s), let share = p.share else {
            _ = Paragraph("Progress: unknown", role: .unknown).render(into: &c, area: r, theme: s.theme)
            return
        }
        Gauge(fraction: share, label: p.shareBound.symbol + Money.share(share, rounding: DisplayRounding(p.shareBound))).render(into: &c, area: Rect(x: r.x, y: r.y, width: r.width, height: 1), theme: s.theme)
        // Whole lines, wrapped: the extra lines come only where there is room, and a line that does
        // not fit whole gives way (with the ones after it) rather than being cut.
        let width = max(1, r.width)
        let all = TargetScreen.compactLines(p, room: r.height - 1)
        var shown = [Line](), used = 0
        for l in all {
            let n = max(1, TextLayout.wrap(l, width: width).count)
            guard used + n <= r.height - 1 else { break }
            shown.append(l)
            used += n
        }
        _ = Paragraph(lines: shown, wrap: true).render(into: &c, area: Rect(x: r.x, y: r.y + 1, width: r.width, height: r.height - 1), theme: s.theme)
    }

    static func statusLine(_ status: Status, _ title: String) -> Line {
        [Span(TextLayout.pad(status.shortLabel, width: 12), role: status.role), Span(" " + title)]
    }

    static func energy(_ s: AppState, _ r: Rect, _ c: inout Canvas) {
        let deals = s.dataset.deals
        if deals.isEmpty { _ = Paragraph("No deals in the data", role: .unknown).render(into: &c, area: r, theme: s.theme); return }
        // With room for two lines each, the second says when and how much.
        let roomy = r.height >= deals.count * 2
        list(s, deals.flatMap { d -> [Line] in
            let main = statusLine(d.status, d.title)
            guard roomy else { return [main] }
            var facts = [d.firstDate.map { "since \($0.display)" } ?? "date unknown"]
            if let v = d.volumes.first { facts.append(Figures.quantity(v) + (v.label.map { " " + $0 } ?? "")) }
            return [main, [Span(String(repeating: " ", count: 13) + facts.joined(separator: " · "), role: .dim)]]
        }, r, &c)
    }

    static func infrastructure(_ s: AppState, _ r: Rect, _ c: inout Canvas) {
        let d = s.dataset
        if d.projects.isEmpty { _ = Paragraph("No projects in the data", role: .unknown).render(into: &c, area: r, theme: s.theme); return }
        let roomy = r.height >= d.projects.count * 2
        list(s, d.projects.flatMap { p -> [Line] in
            let main = statusLine(p.status, p.title)
            guard roomy else { return [main] }
            var facts = [String]()
            if let l = p.length { facts.append(Figures.quantity(l)) }
            if let q = p.capacity.first { facts.append(Figures.quantity(q)) }
            let cells = InfrastructureScreen.cells(d, p)
            facts.append(cells.last.map(\.plainText) ?? "")
            return [main, [Span(String(repeating: " ", count: 13) + facts.joined(separator: " · "), role: .dim)]]
        }, r, &c)
    }

    /// Lines that fit; the last visible line says how many more there are.
    static func list(_ s: AppState, _ lines: [Line], _ r: Rect, _ c: inout Canvas) {
        var shown = lines
        if lines.count > r.height && r.height > 0 {
            shown = Array(lines.prefix(r.height - 1)) + [[Span("+\(lines.count - r.height + 1) more (Enter)", role: .dim)]]
        }
        _ = Paragraph(lines: shown, wrap: false).render(into: &c, area: r, theme: s.theme)
    }
}
