import TradeModel

/// Enter on the Goods screen: an item with every figure in words, its period, kind and source; or a
/// whole entry with its goods in order and what the order is by.
enum GoodsDetail {
    static func detail(_ d: Dataset, _ row: GoodsRow) -> Detail {
        let c = d.composition[row.entry]
        switch row.kind {
        case .header, .named: return entry(d, c, row.group)
        case .item(let p, _): return item(d, c, row.group, c.goods[p])
        }
    }

    static func direction(_ d: Dataset, _ g: GoodsSelection.Group) -> String {
        g == .both ? "both directions (\(GoodsSelection.words(d, g)))" : "\(GoodsSelection.label(d, g)) (\(GoodsSelection.words(d, g)))"
    }

    /// Period, period note, direction, statistics or not: the lines an entry and its items share.
    static func context(_ d: Dataset, _ c: Composition, _ g: GoodsSelection.Group) -> [Line] {
        var out = [DetailText.field("Period", c.period.label + (c.period.isFullYear ? "" : " (part of the year)"))]
        if let n = c.periodNote { out.append(DetailText.field("About the period", n)) }
        out.append(DetailText.field("Direction", direction(d, g)))
        if GoodsSelection.isStatistics(d, c) {
            let who = GoodsSelection.reporter(d, c) ?? "unknown"
            let flow = c.flow.map { " (\($0.rawValue) as the reporter records them)" } ?? ""
            out.append(DetailText.field("Statistics", "reported by \(who)\(flow); ranked on their own, never with the press"))
        }
        return out
    }

    /// Every figure of an item in words: "Quantity: over 30 kt".
    static func figureLines(_ g: GoodsItem) -> [Line] {
        let q = g.qualifier == .exact ? "" : g.qualifier.word + " "
        var out = [Line]()
        if let v = g.usd { out.append(DetailText.field("Value", q + GoodsFigures.usd(v))) }
        if let v = g.quantity, let u = g.unit {
            let scaled = GoodsFigures.quantity(v, u)
            let given = GoodsFigures.number(v) + " " + u.rawValue
            out.append(DetailText.field("Quantity", q + scaled + (scaled == given ? "" : " (given as \(given))")))
        }
        if let sh = g.share {
            var base = "of the direction's total"
            if let b = g.shareOf {
                var extra = [String]()
                if let v = b.quantity, let u = b.unit { extra.append(GoodsFigures.quantity(v, u)) }
                if let v = b.usd { extra.append(GoodsFigures.usd(v)) }
                base = "of " + b.what + (extra.isEmpty ? "" : " (" + extra.joined(separator: ", ") + ")")
            }
            out.append(DetailText.field("Share", q + GoodsFigures.share(sh) + " " + base))
        }
        if let r = g.rank { out.append(DetailText.field("Rank", "\(r), as the source ranks it")) }
        if let gr = g.growth { out.append(DetailText.field("Growth", GoodsFigures.growth(gr) + " on the same period a year before")) }
        return out
    }

    static func item(_ d: Dataset, _ c: Composition, _ group: GoodsSelection.Group, _ g: GoodsItem) -> Detail {
        var out = [DetailText.field("Goods", g.name)]
        if let hs = g.hs {
            let level = hs.count == 2 ? "chapter" : hs.count == 4 ? "heading" : "subheading"
            out.append(DetailText.field("HS code", "\(hs) (\(level))"))
        }
        out += context(d, c, group)
        let figures = figureLines(g)
        out += figures.isEmpty ? [DetailText.field("Figures", "none: the source names the goods without a figure", role: .unknown)] : figures
        let kind = g.kind ?? c.kind
        out.append(DetailText.field("Kind", kind == .derived ? "derived by us (the note says how)" : "stated by the source", role: kind == .derived ? .derived : .normal))
        if !g.includes.isEmpty { out.append(DetailText.field("Includes", g.includes.joined(separator: ", "))) }
        if g.remainder {
            out.append(DetailText.field("The rest", g.hs.map { "of chapter \(String($0.prefix(2))) beyond the headings listed" } ?? "of the direction's goods beyond those listed"))
        }
        if let n = g.note { out.append(DetailText.field("Note", n)) }
        out += [[], Line.text("Entry \(c.id)", role: .tableHeader)]
        out.append(DetailText.field("  Ranked by", rankedBy(c)))
        if let n = c.note { out.append(DetailText.field("  Note", n)) }
        let title = "\(g.name): \(group == .both ? "both directions" : GoodsSelection.label(d, group)), \(c.period.label)"
        return Detail(title: title, lines: out + sources(d, c.source))
    }

    static func entry(_ d: Dataset, _ c: Composition, _ group: GoodsSelection.Group) -> Detail {
        var out = context(d, c, group)
        out.append(DetailText.field("Kind", c.kind == .derived ? "derived by us (the note says how)" : "stated by the source", role: c.kind == .derived ? .derived : .normal))
        out.append(DetailText.field("Ranked by", rankedBy(c)))
        if let n = c.note { out.append(DetailText.field("Note", n)) }
        let r = GoodsRanking.rank(c)
        out += [[], Line.text("Goods (\(c.goods.count))", role: .tableHeader)]
        for item in r.ranked {
            let g = c.goods[item.position]
            let pad = String(repeating: " ", count: 2 + 2 * item.depth)
            var l: Line = [Span(pad + (g.rank.map { "\($0). " } ?? "") + (g.hs.map { $0 + " " } ?? "") + g.name, role: g.remainder ? .dim : .normal)]
            let prim = GoodsFigures.primary(g, preferred: [r.basis, r.bars])
            let figs = [GoodsLines.figureText(c, g, prim)].filter { !$0.isEmpty } + GoodsFigures.secondary(g, primary: prim)
            if !figs.isEmpty { l.append(Span("  " + figs.joined(separator: "  "), role: (g.kind ?? c.kind) == .derived ? .derived : .normal)) }
            if g.remainder { l.append(Span("  (the rest)", role: .dim)) }
            out.append(l)
            if !g.includes.isEmpty { out.append(Line.text(pad + "    incl. " + g.includes.joined(separator: ", "), role: .dim)) }
        }
        for i in r.named {
            let g = c.goods[i]
            out.append(Line.text("  " + g.name + (g.includes.isEmpty ? "" : " (incl. \(g.includes.joined(separator: ", ")))") + "  (named, no figure)"))
        }
        let title = "Goods \(group == .both ? "in both directions" : GoodsSelection.label(d, group)), \(c.period.label)"
        return Detail(title: title, lines: out + sources(d, c.source))
    }

    /// "value (largest first)", "the source's rank", or the tiers when no one measure is common.
    static func rankedBy(_ c: Composition) -> String {
        let r = GoodsRanking.rank(c)
        if r.ranked.isEmpty { return "not ranked: the source names the goods without figures" }
        if r.ranked.count == 1 { return "one good with figures: nothing to rank" }
        switch r.basis {
        case .rank: return "the source's rank"
        case .some(let m): return "\(m.label), largest first; the rest last"
        case nil: return "no one figure is common to all: value, then quantity, then share, then the source's rank"
        }
    }

    /// The source line and its language, basis and weak flag.
    static func sources(_ d: Dataset, _ id: String) -> [Line] {
        var out = DetailText.sources(d, [id])
        if let src = d.source(id) { out += SourcesScreen.facts(src).map { [Span("    ")] + $0 } }
        return out
    }
}
