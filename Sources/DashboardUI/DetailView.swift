import TradeModel

/// The detail (Enter) of a year, a deal, a project, an event or a source: every figure with its source.
enum DetailView {
    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let rows = Rows.visible(s, s.screen)
        let i = s.selection[s.screen] ?? 0
        guard i < rows.count else { return }
        let item = rows[i].item
        overlay(s, title: title(s, item), lines: lines(s, item), body, into: &c)
    }

    static func problemLines(_ s: AppState) -> [Line] {
        [Line.text("The file changed and is no longer valid; the dashboard keeps showing the data it had.", role: .warning), []]
            + s.loadProblems.map { Line.text($0, role: .error) } + [[], Line.text("Fix the file and press r to reload.", role: .dim)]
    }

    static func drawProblems(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        overlay(s, title: "Reload problems (\(s.loadProblems.count))", lines: problemLines(s), body, into: &c)
    }

    static func overlay(_ s: AppState, title: String, lines: [Line], _ body: Rect, into c: inout Canvas) {
        let area = body
        c.fill(area, style: .plain)
        let inner0 = Box.inner(area)
        let wrapped = wrap(lines, width: inner0.width)
        let maxScroll = max(0, wrapped.count - inner0.height)
        let scroll = min(s.detailScroll, maxScroll)
        var footer = "Esc back"
        if maxScroll > 0 { footer += " · j/k scroll · lines \(scroll + 1)-\(min(wrapped.count, scroll + inner0.height)) of \(wrapped.count)" }
        let inner = Box(title: title, focused: true, footer: footer).render(into: &c, area: area, theme: s.theme)
        _ = Paragraph(lines: Array(wrapped.dropFirst(scroll)), wrap: false).render(into: &c, area: Rect(x: inner.x, y: inner.y, width: inner.width - 1, height: inner.height), theme: s.theme)
    }

    /// Wraps each line to the width, continuing an indented line under its indent (a hanging indent),
    /// so that a source or a note stays visibly under the figure it belongs to.
    static func wrap(_ lines: [Line], width: Int) -> [Line] {
        let w = max(1, width - 1)
        return lines.flatMap { line -> [Line] in
            guard let first = line.first else { return [[]] }
            let indent = first.text.prefix { $0 == " " }.count
            guard indent > 0, indent < w / 2 else { return TextLayout.wrap(line, width: w) }
            var rest = line
            rest[0].text = String(first.text.dropFirst(indent))
            let pad = Span(String(repeating: " ", count: indent), role: first.role)
            return TextLayout.wrap(rest, width: w - indent).map { [pad] + $0 }
        }
    }

    /// How far the open overlay (detail, problems) can scroll at the last size: the state never
    /// scrolls past the end, so that the first key back moves at once.
    static func maxScroll(_ s: AppState) -> Int {
        let body = Chrome.body(width: s.lastSize.width, height: s.lastSize.height)
        let inner = Box.inner(body)
        let lines: [Line]
        if s.problemsVisible {
            lines = problemLines(s)
        } else {
            let rows = Rows.visible(s, s.screen)
            let i = s.selection[s.screen] ?? 0
            guard i < rows.count else { return 0 }
            lines = self.lines(s, rows[i].item)
        }
        return max(0, wrap(lines, width: inner.width).count - inner.height)
    }

    static func title(_ s: AppState, _ item: DetailItem) -> String {
        let d = s.dataset
        switch item {
        case .panel(let sc): return sc.title
        case .period(let p): return "Trade in \(p.label)" + (p.isFullYear ? "" : " (partial year)")
        case .target(let id): return d.targets.first { $0.id == id }?.title ?? id
        case .scenario(let r): return "Scenario: \(Money.percent(r)) a year"
        case .deal(let id): return d.deals.first { $0.id == id }?.title ?? id
        case .project(let id): return d.projects.first { $0.id == id }?.title ?? id
        case .event(let id): return d.events.first { $0.id == id }?.title ?? id
        case .source(let id): return d.source(id)?.publisher ?? id
        }
    }

    static func field(_ name: String, _ value: String?, role: Role = .normal) -> Line {
        [Span(name + ": ", role: .dim), value.map { Span($0, role: role) } ?? Span("unknown", role: .unknown)]
    }

    /// "[id] Publisher, "Title", 15 Oct 2022, url".
    static func sourceLine(_ d: Dataset, _ id: String, indent: String = "  ") -> Line {
        guard let src = d.source(id) else { return [Span(indent + "[\(id)] unknown source", role: .error)] }
        var parts = [src.publisher]
        if let t = src.title { parts.append("\"\(t)\"") }
        if let date = src.date { parts.append(date.display) }
        if let u = src.url { parts.append(u) }
        return [Span(indent + "[\(id)] ", role: .dim), Span(parts.joined(separator: ", "))]
    }

    static func sources(_ d: Dataset, _ ids: [String]) -> [Line] {
        var seen = Set<String>()
        let unique = ids.filter { seen.insert($0).inserted }
        return [[], Line.text("Sources (\(unique.count))", role: .tableHeader)] + unique.map { sourceLine(d, $0) }
    }

    static func observationLines(_ d: Dataset, _ o: TradeObservation) -> [Line] {
        let what: String
        switch o.flow {
        case .turnover: what = "Turnover"
        case .exports: what = "Exports \(o.from ?? "?")→\(o.to ?? "?")"
        case .imports: what = "Imports \(o.from ?? "?")→\(o.to ?? "?")"
        }
        var l: Line = [Span(what + ": ", role: .dim)] + Figures.usd(o)
        if let g = o.growth { l.append(Span("  growth \(Money.percent(g))", role: .normal)) }
        l.append(Span("  \(o.kind == .derived ? "derived by us" : "stated by the source")", role: o.kind == .derived ? .derived : .dim))
        if let v = o.valuation { l.append(Span(" (\(v.uppercased()))", role: .dim)) }
        if let hs = o.hsSection { l.append(Span("  HS section \(hs)", role: .dim)) }
        var out = [l]
        if let n = o.note { out.append([Span("    " + n, role: .dim)]) }
        out.append([Span("    Source: ", role: .dim)] + sourceLine(d, o.source, indent: ""))
        return out
    }

    static func lines(_ s: AppState, _ item: DetailItem) -> [Line] {
        let d = s.dataset
        switch item {
        case .panel(let sc):
            return [Line.text("Press Enter to open the \(sc.title) screen.")]
        case .period(let p):
            var out = [Line]()
            let obs = d.trade.filter { $0.period == p && $0.hsSection == nil }
            for o in obs { out += observationLines(d, o) }
            // Every pair of figures for the same thing that cannot both be true, whatever their kind;
            // and stated growth rates that disagree.
            var clashes = [String]()
            var seen = Set<[Int]>()
            for (i, o) in obs.enumerated() {
                let dir: Direction = o.flow == .turnover ? .turnover : .goods(from: o.from ?? "", to: o.to ?? "")
                for other in d.disagreements(with: o, direction: dir) {
                    guard let j = obs.firstIndex(of: other), seen.insert([min(i, j), max(i, j)]).inserted, let x = o.usd, let y = other.usd else { continue }
                    let kinds = o.kind == other.kind ? (o.kind == .derived ? "both derived by us" : "both stated") : "stated and derived"
                    clashes.append("  \(o.flow.rawValue): \(Figures.plainUSD(o)) [\(o.source)] vs \(Figures.plainUSD(other)) [\(other.source)], "
                                   + "\(Money.share(abs(x - y) / max(x, y))) apart (\(kinds))")
                }
            }
            for c in TradeScreen.conflicts(d, p) where c.kind == .growth {
                clashes.append("  \(c.key.flow.rawValue) growth: \(Money.percent(c.first.growth ?? 0)) [\(c.first.source)] vs \(Money.percent(c.second.growth ?? 0)) [\(c.second.source)]")
            }
            if !clashes.isEmpty {
                out.append([])
                out.append(Line.text("Figures disagree " + Figures.conflictMark, role: .conflict))
                out += clashes.map { Line.text($0, role: .conflict) }
                out.append(Line.text("  The table computes with one (stated, most exact, newest source first) and names the others; all are kept.", role: .dim))
            }
            if p.isFullYear, let g = d.computedGrowth(.turnover, year: p.year), let a = d.preferred(.turnover, year: p.year - 1), let b = d.preferred(.turnover, year: p.year) {
                out.append([])
                out.append([Span("Growth over \(p.year - 1) computed by us: ", role: .dim), Span(Figures.rate(g, d.growthBound(.turnover, year: p.year)), role: .derived),
                            Span(" (from \(Figures.plainUSD(a)) to \(Figures.plainUSD(b)))", role: .dim)])
            }
            if !p.isFullYear {
                out.append([])
                out.append(Line.text("A partial year covers \(p.monthCount) months; it never counts as a full year in any metric.", role: .partial))
            }
            let hs = d.trade.filter { $0.period == p && $0.hsSection != nil }
            if !hs.isEmpty {
                out.append([])
                out.append(Line.text("By HS section (\(hs.count) figures)", role: .tableHeader))
                for o in hs.sorted(by: { ($0.usd ?? 0) > ($1.usd ?? 0) }).prefix(20) {
                    let name = HSSection.number(o.hsSection ?? 0)?.shortName ?? "section \(o.hsSection ?? 0)"
                    out.append([Span("  \(o.from ?? "?")→\(o.to ?? "?") \(name): ", role: .dim)] + Figures.usd(o) + [Span(" [\(o.source)]", role: .dim)])
                }
            }
            return out
        case .target(let id):
            guard let t = d.targets.first(where: { $0.id == id }) else { return [] }
            return [field("Value", "USD \(Money.millions(t.usd))"), field("Set", t.set?.display), field("Deadline", t.deadline.map { "\($0) (\(t.deadlineKind?.rawValue ?? "?"))" }),
                    field("About the deadline", t.deadlineNote)] + sources(d, t.sources)
        case .scenario(let rate):
            guard let p = TargetScreen.progress(s), let y = p.year, let v = p.current else { return [Line.text("unknown", role: .unknown)] }
            var out: [Line] = [Line.text("Projection from \(y) (\(Figures.plainUSD(p.observation!))) at \(Money.percent(rate)) a year; derived by us, not a forecast.", role: .derived), []]
            for yy in (y + 1)...max(y + 1, p.deadline + 3) {
                out.append([Span("  \(yy): ", role: .dim), Span(Figures.millions(Metrics.project(v, rate: rate, years: yy - y), p.currentBound) + Figures.derivedMark, role: .derived)])
            }
            out.append([])
            out.append(field("Reaches \(Money.millions(p.target.usd))", p.reach(atRate: rate).text))
            if p.currentBound.isBound {
                out.append(Line.text("The \(y) value is only a bound (\(p.observation!.qualifier.word) \(Money.millions(v))), so the projections are \(p.currentBound.words)these values.", role: .dim))
            }
            return out + sources(d, [p.observation!.source] + p.target.sources)
        case .deal(let id):
            guard let deal = d.deals.first(where: { $0.id == id }) else { return [] }
            var out = [field("Sector", deal.sector), field("Parties", deal.parties.joined(separator: ", ")),
                       [Span("Status: ", role: .dim), Span(deal.status.label, role: EnergyScreen.statusRole(deal.status))]]
            if let desc = deal.description { out += [[], Line.text(desc)] }
            if !deal.volumes.isEmpty {
                out += [[], Line.text("Volumes", role: .tableHeader)]
                for q in deal.volumes { out.append(quantityLine(q)) }
            } else {
                out.append(field("Volume", nil))
            }
            out += milestoneLines(deal.milestones)
            if let n = deal.note { out += [[], field("Note", n)] }
            return out + sources(d, deal.sources + deal.milestones.map(\.source) + deal.volumes.compactMap(\.source))
        case .project(let id):
            guard let p = d.projects.first(where: { $0.id == id }) else { return [] }
            var out = [field("Kind", p.kind.label), [Span("Status: ", role: .dim), Span(p.status.label, role: EnergyScreen.statusRole(p.status))],
                       field("Places", p.places.isEmpty ? nil : p.places.map { d.place($0)?.name ?? $0 }.joined(separator: " → "))]
            if let l = p.length { out.append([Span("Length: ", role: .dim)] + quantityLine(l).dropFirst()) } else { out.append(field("Length", nil)) }
            if !p.capacity.isEmpty {
                out.append(Line.text("Capacity", role: .dim))
                for q in p.capacity { out.append(quantityLine(q)) }
            } else {
                out.append(field("Capacity", nil))
            }
            if let desc = p.description { out += [[], Line.text(desc)] }
            out += milestoneLines(p.milestones)
            if let n = p.note { out += [[], field("Note", n)] }
            return out + sources(d, p.sources + p.milestones.map(\.source) + p.capacity.compactMap(\.source) + (p.length?.source.map { [$0] } ?? []))
        case .event(let id):
            guard let e = d.events.first(where: { $0.id == id }) else { return [] }
            var out = [field("Date", e.endDate.map { "\(e.date.display) to \($0.display)" } ?? e.date.display), field("Kind", e.kind.rawValue)]
            if !e.places.isEmpty { out.append(field("Places", e.places.map { d.place($0)?.name ?? $0 }.joined(separator: ", "))) }
            if let desc = e.description { out += [[], Line.text(desc)] }
            if !e.related.isEmpty {
                let names = e.related.map { r in d.deals.first { $0.id == r }?.title ?? d.projects.first { $0.id == r }?.title ?? d.targets.first { $0.id == r }?.title ?? r }
                out += [[], field("Related", names.joined(separator: "; "))]
            }
            return out + sources(d, e.sources)
        case .source(let id):
            guard let src = d.source(id) else { return [] }
            let cites = d.citations(of: id)
            var out = [field("Id", src.id), field("Publisher", src.publisher), field("Title", src.title), field("Date", src.date?.display), field("Address", src.url)]
            if let n = src.note { out.append(field("Note", n)) }
            out += [[], Line.text("Cited by (\(cites.count))", role: .tableHeader)]
            out += cites.isEmpty ? [Line.text("  nothing cites this source", role: .warning)] : cites.map { Line.text("  " + $0) }
            return out
        }
    }

    static func quantityLine(_ q: Quantity) -> Line {
        var l: Line = [Span("  "), Span(Figures.quantity(q), role: q.kind == .derived ? .derived : .normal)]
        if let label = q.label { l.append(Span(" " + label, role: .dim)) }
        l.append(Span(q.kind == .derived ? " (derived)" : "", role: .derived))
        if let src = q.source { l.append(Span(" [\(src)]", role: .dim)) }
        if let n = q.note { l.append(Span(" - " + n, role: .dim)) }
        return l
    }

    static func milestoneLines(_ ms: [Milestone]) -> [Line] {
        guard !ms.isEmpty else { return [] }
        var out: [Line] = [[], Line.text("Milestones", role: .tableHeader)]
        for m in ms.sorted(by: { ($0.date ?? DateValue(year: 9999)) < ($1.date ?? DateValue(year: 9999)) }) {
            var l: Line = [Span("  " + (m.date?.display ?? "date unknown") + "  ", role: m.date == nil ? .unknown : .accent), Span(m.title)]
            if let st = m.status { l.append(Span(" (\(st.label))", role: EnergyScreen.statusRole(st))) }
            l.append(Span(" [\(m.source)]", role: .dim))
            out.append(l)
            if let n = m.note { out.append(Line.text("      " + n, role: .dim)) }
        }
        return out
    }
}
