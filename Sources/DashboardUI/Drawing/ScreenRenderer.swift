import TradeModel

/// Draws the header, the current screen, the overlays and the footer; and the boxed list that most
/// screens are made of.
enum ScreenRenderer {
    static func draw(_ s: AppState, into c: inout Canvas) {
        guard c.width >= Dashboard.minimumWidth, c.height >= Dashboard.minimumHeight else {
            drawTooSmall(s, into: &c)
            return
        }
        Chrome.drawHeader(s, into: &c)
        let body = Chrome.body(width: c.width, height: c.height)
        ScreenRegistry.view(s.screen).draw(s, body, into: &c)
        switch s.mode {
        case .browsing, .filtering: break
        case .detail(let o), .problems(let o): o.draw(s, body, into: &c)
        case .help(let o, let under), .address(let o, _, let under):
            under?.draw(s, body, into: &c)
            o.draw(s, body, into: &c)
        }
        Chrome.drawFooter(s, into: &c)
    }

    static func drawTooSmall(_ s: AppState, into c: inout Canvas) {
        let lines = ["terminal too small: \(c.width)×\(c.height) (needs \(Dashboard.minimumWidth)×\(Dashboard.minimumHeight))",
                     "enlarge the window, or press q to quit"]
        for (k, line) in lines.enumerated() {
            let y = max(0, c.height / 2 - 1 + k)
            guard y < c.height else { break }
            let text = TextLayout.truncate(line, width: c.width, ellipsis: s.theme.ellipsis)
            c.put(text, x: max(0, (c.width - DisplayWidth.of(text)) / 2), y: y, style: s.theme.style(k == 0 ? .warning : .dim))
        }
    }

    /// A list table with the state's selection and the filter's empty message. Given the `height` it
    /// is drawn in, and when no column's width depends on its content, only the rows that show are
    /// built (a list of 16,000 periods builds the 30 on screen); the others stay empty.
    static func listTable(_ s: AppState, _ screen: Screen, columns: [TableColumn], rows visible: [ListRow]? = nil, height: Int? = nil) -> Table {
        let rows = visible ?? ListRow.visible(s, screen)
        let empty = s.filter.isActive ? "No match for \"\(s.filter.query)\" (Esc clears the filter)" : "Nothing in the dataset yet (unknown)"
        let selected = rows.isEmpty ? nil : min(s.selection[screen] ?? 0, rows.count - 1)
        var window = rows.indices
        if let height, !columns.contains(where: { $0.width == .fit }) {
            let shown = Table(columns: columns, rows: []).visibleRows(height: height)
            let first = selected.map { Table.offset(forSelected: $0, current: 0, visibleRows: shown, rowCount: rows.count) } ?? 0
            window = first..<min(rows.count, first + shown)
        }
        var cells = [[Line]](repeating: [], count: rows.count)
        for i in window { cells[i] = rows[i].cells }
        var t = Table(columns: columns, rows: cells, selected: selected, emptyText: empty)
        t.highlight = .firstColumn
        t.sortMarker = Sorting.marker(s, screen)
        return t
    }

    /// From this body width on, a list screen may put the selected row's detail beside its list.
    static let besideWidth = 120
    /// From this body width on, it always does: below, the detail's lines would be too long to read.
    static let alwaysBesideWidth = 160
    /// The fewest rows worth giving the detail below a list.
    static let previewRows = 10

    /// The list's side and the detail's side of a wide body, the detail on the right in 2/5 of the
    /// width (64 columns at 160, 80 at 200: a readable line). From `alwaysBesideWidth` columns; from
    /// `besideWidth` only when the list (`stacked` rows high with its box) and a detail of
    /// `previewRows` do not fit one above the other. Never when the list would lose a column there
    /// (its box, and a scroll bar, taken off): then the detail goes below it instead.
    static func beside(_ body: Rect, columns: [TableColumn], stacked: Int) -> (list: Rect, preview: Rect)? {
        guard body.width >= besideWidth else { return nil }
        guard body.width >= alwaysBesideWidth || stacked + previewRows > body.height else { return nil }
        let (list, preview) = body.splitLeft(body.width - body.width * 2 / 5)
        guard Box.inner(list).width - 1 >= Table(columns: columns, rows: []).minimumWidth() else { return nil }
        return (list, preview)
    }

    /// A list screen: the boxed table of the screen's rows and, where there is room, the selected row's
    /// detail beside or below it.
    static func drawList(_ s: AppState, _ screen: Screen, title: String, columns: [TableColumn], table: Rect, preview: Rect?, into c: inout Canvas) {
        // The rows once per frame: the title, the table and the preview all read them.
        let all = ListRow.all(s, screen)
        let rows = ListRow.filtered(all, s, screen)
        let inner = Box.inner(table)
        let list = listTable(s, screen, columns: columns, rows: rows, height: inner.height)
        // The table first (the box draws only its border), so that its one layout says what it cut.
        let cut = list.render(into: &c, area: inner, theme: s.theme)
        // Without a preview beside or below, what the columns cut of the selected row (a note, a
        // title) is shown whole in the bottom border: at 80 columns a note is a dozen characters.
        var footer: String?
        if preview == nil, let i = list.selected, !cut.isEmpty {
            footer = cut.map { list.rows[i][$0].plainText.split(whereSeparator: \.isNewline).joined(separator: " ") }.joined(separator: " · ")
        }
        Box(title: listTitle(s, screen, title, shown: rows.count, total: all.count), focused: true, footer: footer).render(into: &c, area: table, theme: s.theme)
        let i = s.selection[screen] ?? 0
        if let preview, i < rows.count {
            let detail = rows[i].detail
            Preview.draw(s, title: detail.title, lines: detail.lines, area: preview, into: &c)
        }
    }

    /// A box title with the list position, e.g. "Energy deals 2/4".
    static func listTitle(_ s: AppState, _ screen: Screen, _ title: String, shown n: Int, total: Int) -> String {
        let pos = n == 0 ? "0" : "\(min((s.selection[screen] ?? 0) + 1, n))/\(n)"
        return s.filter.isActive ? "\(title) [\(pos), filtered from \(total)]" : "\(title) [\(pos)]"
    }
}
