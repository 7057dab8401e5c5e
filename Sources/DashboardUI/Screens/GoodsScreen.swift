import TradeModel

extension Screen { public static let goods = Screen("goods") }

/// What flows each way in the selected year: per direction, each composition entry ranked on its own
/// (statistics of a reporter as their own block, before the press), each good with its figure, the
/// entry's period and source, and a bar where values or quantities of one unit exist. Two columns
/// (home → partner, partner → home and both directions) from 120 columns, one below.
enum GoodsScreen: ScreenView {
    static let screen = Screen.goods
    static let title = "Goods"

    static func rows(_ s: AppState) -> [ListRow] {
        let d = s.dataset
        guard let year = GoodsSelection.year(s) else { return [] }
        return GoodsRow.all(d, year: year).map { r in
            ListRow(id: r.id(d), cells: [], search: r.search(d), detail: { GoodsDetail.detail(d, r) })
        }
    }

    static let bindings: [KeyBinding] = [
        KeyBinding([.char("+")], .custom { GoodsSelection.moveYear(&$0, by: 1); return [] },
                   help: { s in ("+ / -", "later / earlier year with goods (now \(yearText(s)))") },
                   hint: { s in ("+/-", "year \(yearText(s))") }, order: 1),
        KeyBinding([.char("=")], .custom { GoodsSelection.moveYear(&$0, by: 1); return [] }),
        KeyBinding([.char("-"), .char("_")], .custom { GoodsSelection.moveYear(&$0, by: -1); return [] }),
    ]

    /// Sorting them otherwise would rank one source's goods among another's.
    static let unsortedReason = "its goods are ranked within each source's list (by value, quantity, share or the source's rank), never across lists"

    static func yearText(_ s: AppState) -> String { GoodsSelection.year(s).map(String.init) ?? "none" }

    /// From this body width on, the directions are two columns side by side.
    static let wideWidth = 120

    /// A column of the screen as laid out: its box, its lines and the first line shown.
    struct Column {
        var box: Rect
        var title: String
        var lines: [GoodsLine]
        var offset: Int
        var hasSelection: Bool
    }

    /// The columns of a body (after the year line), with the lines of the visible rows and each
    /// column scrolled so that the selected row is whole on screen.
    static func layout(_ s: AppState, _ main: Rect) -> [Column] {
        let d = s.dataset
        guard let year = GoodsSelection.year(s) else { return [] }
        let wide = main.width >= wideWidth
        let rects: [Rect]
        if wide {
            let (l, r) = main.splitLeft(main.width / 2)
            rects = [l, r]
        } else {
            rects = [main]
        }
        // The lines, built once for this year, width, theme and filter (see GoodsLayoutCache).
        let key = GoodsLayoutCache.Key(year: year, width: main.width, theme: s.theme, query: s.filter.query)
        let built = s.goodsCache.value(key) { buildLines(s, year: year, rects: rects, wide: wide) }
        let selected = built.rowCount == 0 ? nil : min(s.selection[.goods] ?? 0, built.rowCount - 1)
        return zip(rects, built.columns).map { rect, col in
            let lines = col.lines
            let height = Box.inner(rect).height
            var offset = 0
            if let selected, let last = lines.lastIndex(where: { $0.row == selected }), let first = lines.firstIndex(where: { $0.row == selected }) {
                if last >= height { offset = last - height + 1 }
                offset = min(offset, first)
            }
            offset = max(0, min(offset, lines.count - height))
            return Column(box: rect, title: col.title, lines: lines, offset: offset,
                          hasSelection: selected.map { sel in lines.contains { $0.row == sel } } ?? false)
        }
    }

    /// Every column's title and lines, for the visible rows.
    static func buildLines(_ s: AppState, year: Int, rects: [Rect], wide: Bool) -> GoodsLayoutCache.Value {
        let d = s.dataset
        let visible = ListRow.visible(s, .goods)
        var index = [String: Int]()
        for (k, r) in visible.enumerated() where index[r.id] == nil { index[r.id] = k }
        let all = GoodsRow.all(d, year: year)
        let parts: [([GoodsSelection.Group], String)]
        if wide {
            let titled = { (g: GoodsSelection.Group) in "\(GoodsSelection.label(d, g)): \(GoodsSelection.words(d, g)), \(year)" }
            // The right column holds the lists of both directions together too, under their own heading; its
            // title says so.
            let both = !GoodsSelection.entries(d, year: year, .both).isEmpty
            parts = [([.homeToPartner], titled(.homeToPartner)),
                     ([.partnerToHome, .both], both ? "\(GoodsSelection.label(d, .partnerToHome)) and both directions, \(year)" : titled(.partnerToHome))]
        } else {
            parts = [(GoodsSelection.Group.allCases, "Goods by direction, \(year)")]
        }
        let columns = zip(rects, parts).map { rect, part -> (title: String, lines: [GoodsLine]) in
            let (groups, title) = part
            let width = max(1, Box.inner(rect).width - 1)
            var lines = [GoodsLine]()
            for (k, g) in groups.enumerated() {
                let entries = GoodsSelection.entries(d, year: year, g)
                if g == .both && entries.isEmpty { continue }
                // The first group of a wide column is named by the box's title.
                if !(wide && k == 0) {
                    if !lines.isEmpty { lines.append(GoodsLine([])) }
                    lines.append(GoodsLine(GoodsLines.hanging([Span(GoodsSelection.label(d, g), role: .tableHeader), Span("  " + GoodsSelection.words(d, g), role: .dim)],
                                                              width: width, hang: 2, ascii: s.theme.ascii)[0]))
                }
                lines += groupLines(s, all.filter { $0.group == g }, entries: entries, year: year, index: index, width: width)
            }
            return (title, lines)
        }
        return GoodsLayoutCache.Value(columns: columns, rowCount: visible.count)
    }

    /// A group's lines: each entry (a blank line between two), its header, its goods; "unknown"
    /// when the year has none for the direction.
    static func groupLines(_ s: AppState, _ rows: [GoodsRow], entries: [Int], year: Int, index: [String: Int], width: Int) -> [GoodsLine] {
        let d = s.dataset
        let ascii = s.theme.ascii
        guard !entries.isEmpty else {
            return [GoodsLine(Line.text("unknown: no goods recorded for \(year)", role: .unknown))]
        }
        let eighths: [Character] = ascii ? ["#"] : s.theme.barEighths
        var out = [GoodsLine]()
        for e in entries {
            let entryRows = rows.filter { $0.entry == e }
            let shown = entryRows.filter { index[$0.id(d)] != nil }
            guard !shown.isEmpty else { continue }
            if !out.isEmpty { out.append(GoodsLine([])) }
            let c = d.composition[e]
            let r = GoodsRanking.rank(c)
            let cols = GoodsLines.columns(c, r, width: width, ascii: ascii)
            // The header is drawn even when the filter leaves only some goods: they need their source.
            let headerRow = index[GoodsRow(group: entryRows[0].group, entry: e, kind: .header).id(d)]
            for (k, l) in GoodsLines.header(d, c, width: width, ascii: ascii).enumerated() {
                out.append(GoodsLine(l, row: headerRow, focus: headerRow != nil && k == 0 ? 0..<1 : nil))
            }
            for row in shown {
                let i = index[row.id(d)]
                switch row.kind {
                case .header: continue
                case .item(let p, let depth):
                    let (lines, focus) = GoodsLines.item(c, r, cols, position: p, depth: depth, width: width, ascii: ascii, eighths: eighths)
                    for (k, l) in lines.enumerated() { out.append(GoodsLine(l, row: i, focus: k == 0 ? focus : nil)) }
                case .named:
                    let (lines, focus) = GoodsLines.named(c, r, width: width, ascii: ascii)
                    for (k, l) in lines.enumerated() { out.append(GoodsLine(l, row: i, focus: k == 0 ? focus : nil)) }
                }
            }
        }
        if out.isEmpty, s.filter.isActive { out.append(GoodsLine(Line.text("no match for \"\(s.filter.query)\" here", role: .dim))) }
        return out
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let (selectorRow, main) = body.splitTop(1)
        drawYears(s, selectorRow, into: &c)
        let columns = layout(s, main)
        guard !columns.isEmpty else {
            let inner = Box(title: "Goods", focused: true).render(into: &c, area: main, theme: s.theme)
            _ = Paragraph(lines: [Line.text("unknown: the data has no goods (composition) for any year.", role: .unknown), [],
                                  Line.text("Composition entries of the dataset, and the HS chapters and headings of an imported Comtrade file, are shown here by direction and year.", role: .dim)],
                          wrap: true).render(into: &c, area: inner, theme: s.theme)
            return
        }
        let selected = s.selection[.goods] ?? 0
        for col in columns {
            let innerHeight = Box.inner(col.box).height
            let overflow = col.lines.count > innerHeight
            let footer = overflow ? "lines \(col.offset + 1)-\(min(col.lines.count, col.offset + innerHeight)) of \(col.lines.count)" : nil
            let inner = Box(title: col.title, focused: col.hasSelection, footer: footer).render(into: &c, area: col.box, theme: s.theme)
            for (k, line) in col.lines.dropFirst(col.offset).prefix(inner.height).enumerated() {
                var spans = line.spans
                if s.mode == .browsing || s.mode == .filtering, line.row == selected, let f = line.focus {
                    for i in f where i < spans.count { spans[i].role = .selected }
                }
                c.put(spans, in: Rect(x: inner.x, y: inner.y + k, width: inner.width, height: 1), theme: s.theme)
            }
        }
    }

    /// The year line: every year with goods, the selected one in brackets (a window around it when
    /// they do not all fit), the keys that change it, and the position in the list.
    static func drawYears(_ s: AppState, _ row: Rect, into c: inout Canvas) {
        let years = GoodsSelection.years(s.dataset)
        let ascii = s.theme.ascii
        let n = ListRow.visible(s, .goods).count
        let position = n == 0 ? "[0]" : "[\(min((s.selection[.goods] ?? 0) + 1, n))/\(n)]"
        let right = s.filter.isActive ? "filtered \(position)" : position
        let rightWidth = DisplayWidth.of(right)
        let keys = "  -/+ earlier/later"
        guard let selected = GoodsSelection.year(s), let k = years.firstIndex(of: selected) else {
            c.put([Span(" Years with goods: none", role: .unknown)], in: row, theme: s.theme)
            return
        }
        let lead = " Year: "
        let room = row.width - DisplayWidth.of(lead) - DisplayWidth.of(keys) - rightWidth - 2
        // The selected year, then its neighbours alternately, while they fit.
        var lo = k, hi = k
        func width(_ a: Int, _ b: Int) -> Int {
            (a...b).reduce(0) { $0 + String(years[$1]).count + 1 } + 2 + (a > 0 ? 2 : 0) + (b < years.count - 1 ? 2 : 0)
        }
        var grew = true
        while grew {
            grew = false
            if hi + 1 < years.count, width(lo, hi + 1) <= room { hi += 1; grew = true }
            if lo > 0, width(lo - 1, hi) <= room { lo -= 1; grew = true }
        }
        var line: Line = [Span(lead, role: .dim)]
        if lo > 0 { line.append(Span((ascii ? "..." : "…") + " ", role: .dim)) }
        for i in lo...hi {
            if i == k { line.append(Span("[\(years[i])]", role: .tabActive)) } else { line.append(Span(String(years[i]), role: .tabInactive)) }
            line.append(Span(" "))
        }
        if hi < years.count - 1 { line.append(Span(ascii ? "..." : "…", role: .dim)) }
        line.append(Span(keys, role: .dim))
        c.put(line, in: Rect(x: row.x, y: row.y, width: max(0, row.width - rightWidth - 1), height: 1), theme: s.theme)
        c.put([Span(right, role: .dim)], in: Rect(x: row.maxX - rightWidth - 1, y: row.y, width: rightWidth, height: 1), theme: s.theme)
    }

    /// A click on a row selects it; on the selected row, opens its detail.
    static func click(_ s: inout AppState, x: Int, y: Int, body: Rect) -> Bool {
        let (_, main) = body.splitTop(1)
        for col in layout(s, main) {
            let inner = Box.inner(col.box)
            guard inner.contains(x: x, y: y) else { continue }
            let k = col.offset + (y - inner.y)
            guard k < col.lines.count, let row = col.lines[k].row else { return true }
            if s.selection[.goods] ?? 0 == row { KeyMap.open(&s) } else { s.selection[.goods] = row }
            return true
        }
        return true
    }
}
