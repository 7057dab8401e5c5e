import TradeModel

/// The Goods screen's selectable rows, in display order: per direction, each entry's header, its
/// ranked goods, then the goods it only names. An entry's header and its goods are rows of their own,
/// so that Enter shows either the entry (its source, period, note, every item) or one item.
struct GoodsRow: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case header
        /// A ranked item: its position in the entry's `goods` and how deep it nests.
        case item(position: Int, depth: Int)
        /// The goods named without figures, together.
        case named
    }

    var group: GoodsSelection.Group
    /// Position of the entry in `composition`.
    var entry: Int
    var kind: Kind

    /// Stable across filtering and reloads: the entry's id, and the item's position.
    func id(_ d: Dataset) -> String {
        let e = d.composition[entry].id
        switch kind {
        case .header: return e
        case .item(let p, _): return "\(e)/\(p)"
        case .named: return "\(e)/named"
        }
    }

    /// Every row of a year, in order.
    static func all(_ d: Dataset, year: Int) -> [GoodsRow] {
        var out = [GoodsRow]()
        for g in GoodsSelection.Group.allCases {
            for e in GoodsSelection.entries(d, year: year, g) {
                out.append(GoodsRow(group: g, entry: e, kind: .header))
                let r = GoodsRanking.rank(d.composition[e])
                out += r.ranked.map { GoodsRow(group: g, entry: e, kind: .item(position: $0.position, depth: $0.depth)) }
                if !r.named.isEmpty { out.append(GoodsRow(group: g, entry: e, kind: .named)) }
            }
        }
        return out
    }

    /// What the `/` filter searches: the goods' names, codes and members, and the entry's source and
    /// period, so that a filter for a source finds its goods.
    func search(_ d: Dataset) -> String {
        let c = d.composition[entry]
        var parts = [c.period.label, c.source, c.periodNote ?? "", GoodsSelection.label(d, group)]
        switch kind {
        case .header: parts += [c.note ?? ""] + c.goods.map(\.name)
        case .item(let p, _):
            let g = c.goods[p]
            parts += [g.name, g.hs ?? "", g.note ?? ""] + g.includes
        case .named:
            for i in GoodsRanking.rank(c).named { parts += [c.goods[i].name] + c.goods[i].includes }
        }
        return parts.joined(separator: " ")
    }
}

/// One line drawn in a Goods column: the row it belongs to (an index into the visible rows; nil
/// for headings and spacing) and which span the selection highlights.
struct GoodsLine {
    var spans: Line
    var row: Int?
    var focus: Range<Int>?

    init(_ spans: Line, row: Int? = nil, focus: Range<Int>? = nil) {
        self.spans = spans
        self.row = row
        self.focus = focus
    }
}

/// The lines of each row at a width: an item's name, figure and bar on one line, its other figures,
/// share base and members under it.
enum GoodsLines {
    /// Columns an entry's items are laid out in at a width.
    struct EntryColumns {
        var rank = 0
        var figure = 0
        /// 0: the other figures go on a line of their own under the item.
        var secondary = 0
        var bar = 0
        /// Where the names end (from the line's start): the longest name's end when it fits, so
        /// that on a wide screen the figures stay near their names.
        var nameEnd = 0
    }

    static func columns(_ c: Composition, _ r: GoodsRanking.Result, width: Int, ascii: Bool) -> EntryColumns {
        var col = EntryColumns()
        let ranks = r.ranked.compactMap { c.goods[$0.position].rank }
        if let m = ranks.max() { col.rank = String(m).count + 2 }
        let depth = r.ranked.map(\.depth).max() ?? 0
        for item in r.ranked {
            let g = c.goods[item.position]
            let p = GoodsFigures.primary(g, preferred: [r.basis, r.bars])
            col.figure = max(col.figure, measured(figureText(c, g, p), ascii))
            col.secondary = max(col.secondary, measured(GoodsFigures.secondary(g, primary: p).joined(separator: "  "), ascii))
        }
        if r.bars != nil { col.bar = min(16, max(4, width / 6)) }
        let indent = 2 + 2 * depth
        let nameMin = 12
        func need() -> Int { indent + col.rank + nameMin + 1 + col.figure + (col.secondary > 0 ? 2 + col.secondary : 0) + (col.bar > 0 ? 1 + col.bar : 0) }
        if need() > width { col.secondary = 0 }
        if need() > width { col.bar = max(0, col.bar - (need() - width)); if col.bar < 3 { col.bar = 0 } }
        let right = col.figure + (col.secondary > 0 ? 2 + col.secondary : 0) + (col.bar > 0 ? 1 + col.bar : 0)
        let longest = r.ranked.map { item -> Int in
            let g = c.goods[item.position]
            return 2 + 2 * item.depth + col.rank + measured((g.hs.map { $0 + " " } ?? "") + g.name, ascii)
        }.max() ?? 0
        col.nameEnd = min(width - 1 - right, longest + 1)
        return col
    }

    static func measured(_ text: String, _ ascii: Bool) -> Int { DisplayWidth.of(TextLayout.display(text, ascii: ascii)) }

    /// The primary figure with the derived mark.
    static func figureText(_ c: Composition, _ g: GoodsItem, _ m: GoodsRanking.Measure?) -> String {
        guard let m, let f = GoodsFigures.figure(g, m) else { return "" }
        return f + ((g.kind ?? c.kind) == .derived ? Figures.derivedMark : "")
    }

    /// Wraps a line to `width` with the continuation lines under `hang` spaces.
    static func hanging(_ line: Line, width: Int, hang: Int, ascii: Bool) -> [Line] {
        let prepared = line.prepared(ascii: ascii)
        guard width > hang + 8 else { return [prepared.truncated(to: max(0, width), ellipsis: ascii ? "." : "…")] }
        let first = TextLayout.wrap(prepared, width: width)
        guard first.count > 1 else { return first }
        // Re-wrap everything after the first line to the narrower width.
        let head = first[0]
        var rest = prepared.dropFirstCharacters(head.plainText.count)
        // The space the line broke at.
        while let f = rest.first, f.text.first == " " {
            let t = String(f.text.drop { $0 == " " })
            if t.isEmpty { rest.removeFirst() } else { rest[0].text = t }
        }
        let pad = Span(String(repeating: " ", count: hang))
        return [head] + TextLayout.wrap(rest, width: width - hang).map { [pad] + $0 }
    }

    /// The header of an entry: its period, for statistics the reporter and flow, its source id with
    /// the language, basis and weak flag, a derived entry marked; the period's note under it.
    static func header(_ d: Dataset, _ c: Composition, width: Int, ascii: Bool) -> [Line] {
        let stats = GoodsSelection.isStatistics(d, c)
        var l: Line = [Span(c.period.label, role: c.period.isFullYear ? .accent : .partial)]
        if stats {
            let who = GoodsSelection.reporter(d, c).map { "\($0) statistics" } ?? "Statistics"
            let basis = d.source(c.source)?.basis == .mirrorStatistics ? "mirror " + who.lowercased() : who
            l.append(Span("  " + basis + (c.flow.map { ", \($0.rawValue)" } ?? ""), role: .title))
        }
        l.append(Span("  [\(c.source)]", role: .dim))
        let src = d.source(c.source)
        let tags = GoodsFigures.sourceTags(src, statistics: stats)
        if !tags.isEmpty {
            l.append(Span(" ", role: .dim))
            for (k, t) in tags.enumerated() {
                l.append(Span((k > 0 ? ", " : "") + t, role: t == "weak" ? .warning : (src == nil ? .error : .dim)))
            }
        }
        if c.kind == .derived { l.append(Span("  derived" + Figures.derivedMark, role: .derived)) }
        var out = hanging(l, width: width, hang: 2, ascii: ascii)
        if let n = c.periodNote { out += hanging([Span("  (" + n + ")", role: .dim)], width: width, hang: 3, ascii: ascii) }
        return out
    }

    /// An item's lines: the first with the name, figure and bar (`focus`: the code's and name's spans).
    static func item(_ c: Composition, _ r: GoodsRanking.Result, _ col: EntryColumns, position p: Int, depth: Int,
                     width: Int, ascii: Bool, eighths: [Character]) -> (lines: [Line], focus: Range<Int>) {
        let g = c.goods[p]
        let indent = 2 + 2 * depth
        let prim = GoodsFigures.primary(g, preferred: [r.basis, r.bars])
        var head: Line = [Span(String(repeating: " ", count: indent))]
        if col.rank > 0 { head.append(Span(TextLayout.pad(g.rank.map { "\($0)." } ?? "", width: col.rank), role: .dim)) }
        var rightWidth = col.figure
        if col.secondary > 0 { rightWidth += 2 + col.secondary }
        if col.bar > 0 { rightWidth += 1 + col.bar }
        let nameRoom = max(1, min(width - 1 - rightWidth, col.nameEnd > 0 ? col.nameEnd : width) - indent - col.rank)
        let code = g.hs.map { $0 + " " } ?? ""
        let ell = ascii ? "." : "…"
        let nameText = TextLayout.display(code + g.name, ascii: ascii)
        let shownName = TextLayout.pad(TextLayout.truncate(nameText, width: nameRoom, ellipsis: ell), width: nameRoom)
        let focusStart = head.count
        if !code.isEmpty, shownName.hasPrefix(code) {
            head.append(Span(code, role: .dim))
            head.append(Span(String(shownName.dropFirst(code.count)), role: g.remainder ? .dim : .normal))
        } else {
            head.append(Span(shownName, role: g.remainder ? .dim : .normal))
        }
        let focus = focusStart..<head.count
        let fig = figureText(c, g, prim)
        let derived = (g.kind ?? c.kind) == .derived
        head.append(Span(" " + TextLayout.pad(TextLayout.display(fig, ascii: ascii), width: col.figure, align: .right), role: derived ? .derived : .normal))
        let second = GoodsFigures.secondary(g, primary: prim)
        if col.secondary > 0 {
            head.append(Span("  " + TextLayout.pad(TextLayout.display(second.joined(separator: "  "), ascii: ascii), width: col.secondary), role: .dim))
        }
        if col.bar > 0 {
            let value = r.bars.flatMap { GoodsRanking.measure(g, $0) }
            let bar = GoodsFigures.bar(value, scale: r.scale, width: col.bar, eighths: eighths)
            head.append(Span(" "))
            head.append(Span(bar, role: g.remainder ? .barAlt : .bar))
        }
        var out = [head]
        let hang = indent + col.rank + 2
        let pad = String(repeating: " ", count: hang)
        if col.secondary == 0, !second.isEmpty { out += hanging([Span(pad + second.joined(separator: "  "), role: .dim)], width: width, hang: hang, ascii: ascii) }
        if g.share != nil, let base = g.shareOf {
            var extra = [String]()
            if let q = base.quantity, let u = base.unit { extra.append(GoodsFigures.quantity(q, u)) }
            if let v = base.usd { extra.append(GoodsFigures.usd(v)) }
            let text = "of " + base.what + (extra.isEmpty ? "" : " (" + extra.joined(separator: ", ") + ")")
            out += hanging([Span(pad + text, role: .dim)], width: width, hang: hang, ascii: ascii)
        }
        if !g.includes.isEmpty {
            out += hanging([Span(pad + "incl. ", role: .dim), Span(g.includes.joined(separator: ", "))], width: width, hang: hang, ascii: ascii)
        }
        return (out, focus)
    }

    /// The goods an entry names without figures: "named: iron and timber products, flour".
    static func named(_ c: Composition, _ r: GoodsRanking.Result, width: Int, ascii: Bool) -> (lines: [Line], focus: Range<Int>) {
        let names = r.named.map { i -> String in
            let g = c.goods[i]
            return g.name + (g.includes.isEmpty ? "" : " (incl. \(g.includes.joined(separator: ", ")))")
        }
        let label = r.ranked.isEmpty ? "named goods: " : "also named: "
        let l: Line = [Span("  "), Span(label, role: .dim), Span(names.joined(separator: ", "))]
        return (hanging(l, width: width, hang: 4, ascii: ascii), 1..<3)
    }
}

extension Array where Element == Span {
    /// The line without its first `n` characters.
    func dropFirstCharacters(_ n: Int) -> Line {
        var left = n
        var out: Line = []
        for span in self {
            if left >= span.text.count { left -= span.text.count; continue }
            out.append(Span(String(span.text.dropFirst(left)), role: span.role, link: span.link))
            left = 0
        }
        return out
    }
}
