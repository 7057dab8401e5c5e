/// How wide a table column is.
public enum ColumnWidth: Hashable, Sendable {
    /// Exactly this many columns.
    case fixed(Int)
    /// At least `min` columns; the space left over is shared between flex columns by weight.
    case flex(min: Int, weight: Int = 1)
    /// As wide as the widest cell or title (all rows, so that scrolling does not change it);
    /// shrinks down to the title's width when space is short.
    case fit
}

/// A column of a table: its title, width rule, alignment (numbers right-aligned) and priority.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: ColumnWidth
    public var align: Alignment
    /// When not every column fits, the column of lowest priority is left out first (of equal ones,
    /// the rightmost); all columns default to 0, so by default columns are left out from the right.
    public var priority: Int

    public init(title: String, width: ColumnWidth = .fit, align: Alignment = .left, priority: Int = 0) {
        self.title = title
        self.width = width
        self.align = align
        self.priority = priority
    }
}

/// Rows of aligned columns under a header, with a selected row and scrolling.
///
/// Columns are separated by one space; cells that are too long end with the theme's ellipsis;
/// columns that do not fit are left out, lowest priority first (by default from the right). When the rows do not fit, the last column
/// of the area becomes a scroll bar (`▲`, a thumb, `▼`).
public struct Table: Hashable, Sendable {
    public var columns: [TableColumn]
    public var rows: [[Line]]
    public var selected: Int?
    /// How much of the selected row is highlighted.
    public var highlight: Highlight = .row

    /// A whole highlighted row costs two full rows of output per move (a terminal cannot change
    /// attributes without resending the characters); the first column alone costs a few dozen bytes.
    public enum Highlight: Hashable, Sendable { case row, firstColumn }
    /// The first row shown; adjusted when drawing so that the selected row is visible.
    public var offset: Int
    public var showHeader: Bool
    /// Shown (dimmed) when there are no rows.
    public var emptyText: String?
    /// The column the rows are sorted on, marked in the header (▲ ascending, ▼ descending; ^ and v in ASCII).
    public var sortMarker: SortMarker?

    public struct SortMarker: Hashable, Sendable {
        public var column: Int
        public var descending: Bool

        public init(column: Int, descending: Bool) {
            self.column = column
            self.descending = descending
        }
    }

    public init(columns: [TableColumn], rows: [[Line]], selected: Int? = nil, offset: Int = 0, showHeader: Bool = true, emptyText: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.offset = offset
        self.showHeader = showHeader
        self.emptyText = emptyText
    }

    /// Rows of plain text (one string per cell).
    public init(columns: [TableColumn], textRows: [[String]], selected: Int? = nil, offset: Int = 0, showHeader: Bool = true, emptyText: String? = nil) {
        self.init(columns: columns, rows: textRows.map { $0.map { [Span(text: $0)] } }, selected: selected, offset: offset, showHeader: showHeader, emptyText: emptyText)
    }

    /// The offset that keeps `selected` visible, moving as little as possible from `current`.
    /// With `rowCount`, the offset also never leaves empty rows at the bottom.
    public static func offset(forSelected selected: Int, current: Int, visibleRows: Int, rowCount: Int? = nil) -> Int {
        guard visibleRows > 0 else { return max(0, selected) }
        var o = max(0, current)
        if selected < o { o = max(0, selected) }
        if selected >= o + visibleRows { o = selected - visibleRows + 1 }
        if let rowCount { o = min(o, max(0, rowCount - visibleRows)) }
        return max(0, o)
    }

    /// Body rows visible in an area of `height` rows.
    public func visibleRows(height: Int) -> Int { max(0, height - (showHeader ? 1 : 0)) }

    /// "3/12": the selected row's position for a footer or a box, or the visible range without selection.
    public static func positionLabel(selected: Int?, count: Int) -> String {
        guard count > 0 else { return "0/0" }
        return "\(min(max(0, selected ?? 0), count - 1) + 1)/\(count)"
    }

    /// The first row drawn in an area of `height` rows.
    public func effectiveOffset(height: Int) -> Int {
        let visible = visibleRows(height: height)
        if let selected, !rows.isEmpty {
            return Table.offset(forSelected: min(max(0, selected), rows.count - 1), current: offset, visibleRows: visible, rowCount: rows.count)
        }
        return min(max(0, offset), max(0, rows.count - visible))
    }

    /// The widths of the columns drawn in `width` columns, by column. A column left out has width 0;
    /// columns left out at the right are not in the result at all. At least one column is always
    /// kept, at most `width` wide. Columns are left out lowest `priority` first, of equal priority
    /// the rightmost, until the minimum widths of the others and their gaps fit.
    public func columnWidths(for width: Int, ascii: Bool = false) -> [Int] {
        guard width > 0, !columns.isEmpty else { return [] }
        let (natural, minimum) = naturalAndMinimumWidths(ascii: ascii)
        let keep = keptColumns(minimum, in: width)
        let kept = keep.count
        // By column up to the last one kept; the others stay 0.
        var widths = [Int](repeating: 0, count: (keep.last ?? 0) + 1)
        for c in keep { widths[c] = minimum[c] }
        var left = width - keep.reduce(0) { $0 + minimum[$1] } - (kept - 1)
        if left < 0 {
            widths[keep[0]] = width
            return widths
        }
        // Fit columns grow to their content, left to right.
        for c in keep where left > 0 {
            if case .fit = columns[c].width {
                let grow = min(left, natural[c] - widths[c])
                widths[c] += grow
                left -= grow
            }
        }
        // Flex columns share what is left by weight; the remainder goes to the leftmost.
        let flex: [(Int, Int)] = keep.compactMap { c in
            if case .flex(_, let weight) = columns[c].width { return (c, max(0, weight)) }
            return nil
        }
        let total = flex.reduce(0) { $0 + $1.1 }
        if left > 0 && total > 0 {
            var given = 0
            for (c, weight) in flex {
                let share = left * weight / total
                widths[c] += share
                given += share
            }
            var rest = left - given
            for (c, weight) in flex where rest > 0 && weight > 0 {
                widths[c] += 1
                rest -= 1
            }
        }
        return widths
    }

    /// The narrowest width in which every column is kept: the minimum widths and the gaps between
    /// them (a fit column counted at its title's width or its content's, whichever is smaller).
    public func minimumWidth(ascii: Bool = false) -> Int {
        guard !columns.isEmpty else { return 0 }
        return naturalAndMinimumWidths(ascii: ascii).minimum.reduce(0, +) + columns.count - 1
    }

    /// Each column's natural width (its widest cell or title) and its minimum width.
    private func naturalAndMinimumWidths(ascii: Bool) -> (natural: [Int], minimum: [Int]) {
        let titles = columns.map { DisplayWidth.of(TextLayout.display($0.title, ascii: ascii)) }
        let natural: [Int] = columns.indices.map { c in
            var w = titles[c]
            for row in rows where c < row.count { w = max(w, row[c].prepared(ascii: ascii).width) }
            return w
        }
        let minimum: [Int] = columns.indices.map { c in
            switch columns[c].width {
            case .fixed(let n): return max(0, n)
            case .flex(let m, _): return max(0, m)
            case .fit: return min(natural[c], max(1, titles[c]))
            }
        }
        return (natural, minimum)
    }

    /// The columns kept in `width`, in order: the lowest priority (the rightmost of equal ones) is
    /// left out while the rest does not fit, down to one column.
    private func keptColumns(_ minimum: [Int], in width: Int) -> [Int] {
        var keep = Array(columns.indices)
        func need() -> Int { keep.reduce(0) { $0 + minimum[$1] } + keep.count - 1 }
        while keep.count > 1 && need() > width {
            // The lowest priority; of equal ones the rightmost (the last in `keep` wins ties).
            var drop = keep.count - 1
            for k in keep.indices.reversed() where columns[keep[k]].priority < columns[keep[drop]].priority { drop = k }
            keep.remove(at: drop)
        }
        return keep
    }

    /// The column drawn at column `x` of `area` (a click on the header), nil in a gap or outside.
    public func column(atX x: Int, area: Rect, ascii: Bool) -> Int? {
        let scrolls = rows.count > visibleRows(height: area.height) && visibleRows(height: area.height) > 0 && area.width >= 2
        var left = area.x
        for (c, w) in columnWidths(for: area.width - (scrolls ? 1 : 0), ascii: ascii).enumerated() where w > 0 {
            if x >= left && x < left + w { return c }
            left += w + 1
        }
        return nil
    }

    /// The selected row's cells that `widths` cut (wider than their column) or leave out (a column
    /// dropped for width), by column; empty cells never count.
    private func selectedCellsCut(by widths: [Int], ascii: Bool) -> [Int] {
        guard let selected, selected < rows.count else { return [] }
        return rows[selected].indices.filter { c in
            let width = rows[selected][c].prepared(ascii: ascii).width
            return width > 0 && width > (c < widths.count ? widths[c] : 0)
        }
    }

    /// Draws the table and returns the selected row's columns it cut or left out (from the one
    /// layout it drew with), so that a caller can show them whole elsewhere.
    @discardableResult
    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) -> [Int] {
        guard !area.isEmpty, !columns.isEmpty else { return [] }
        let ascii = canvas.asciiOnly || theme.ascii
        let visible = visibleRows(height: area.height)
        let scrolls = rows.count > visible && visible > 0 && area.width >= 2
        let tableWidth = area.width - (scrolls ? 1 : 0)
        let widths = columnWidths(for: tableWidth, ascii: ascii)
        let cut = selectedCellsCut(by: widths, ascii: ascii)
        var xs: [Int] = []
        var x = area.x
        for w in widths {
            xs.append(x)
            // A column left out (width 0) takes no gap either.
            if w > 0 { x += w + 1 }
        }
        var y = area.y
        if showHeader {
            let row = Rect(x: area.x, y: y, width: tableWidth, height: 1)
            for (c, w) in widths.enumerated() where w > 0 {
                let cell = Rect(x: xs[c], y: y, width: w, height: 1).intersection(row)
                guard let m = sortMarker, m.column == c else {
                    canvas.put([Span(text: columns[c].title, role: .tableHeader)], in: cell, align: columns[c].align, theme: theme)
                    continue
                }
                let mark = m.descending ? (ascii ? "v" : "▼") : (ascii ? "^" : "▲")
                // The marker is never cut: a title too long for it loses its last letters ("Cite▲").
                let title = TextLayout.prefix(TextLayout.display(columns[c].title, ascii: ascii), width: max(0, cell.width - 1))
                canvas.put([Span(text: title, role: .tableHeader), Span(text: mark, role: .accent)], in: cell, align: columns[c].align, theme: theme)
            }
            canvas.apply(theme.style(.tableHeader), to: Rect(x: row.x, y: y, width: min(tableWidth, x - 1 - area.x), height: 1))
            y += 1
        }
        guard visible > 0 else { return cut }
        if rows.isEmpty {
            if let emptyText {
                canvas.put([Span(text: emptyText, role: .dim)], in: Rect(x: area.x, y: y, width: tableWidth, height: 1), theme: theme)
            }
            return cut
        }
        let first = effectiveOffset(height: area.height)
        for (k, r) in rows.indices.dropFirst(first).prefix(visible).enumerated() {
            let ry = y + k
            let cells = rows[r]
            for (c, w) in widths.enumerated() where w > 0 && c < cells.count {
                canvas.put(cells[c], in: Rect(x: xs[c], y: ry, width: w, height: 1), align: columns[c].align, theme: theme)
            }
            if r == selected {
                let w = highlight == .row ? tableWidth : min(tableWidth, widths.first ?? tableWidth)
                canvas.apply(theme.style(.selected), to: Rect(x: area.x, y: ry, width: w, height: 1))
            }
        }
        if scrolls {
            drawScrollBar(into: &canvas, x: area.maxX - 1, y: y, height: visible, first: first, theme: theme, ascii: ascii)
        }
        return cut
    }

    private func drawScrollBar(into canvas: inout Canvas, x: Int, y: Int, height: Int, first: Int, theme: Theme, ascii: Bool) {
        let up = ascii ? "^" : "▲", down = ascii ? "v" : "▼"
        let track = ascii ? "|" : "│", thumb = ascii ? "#" : "█"
        let canUp = first > 0
        let canDown = first + height < rows.count
        let clip = Rect(x: x, y: y, width: 1, height: height)
        let dim = theme.style(.dim), accent = theme.style(.accent)
        if height == 1 {
            canvas.put(canDown ? down : up, x: x, y: y, style: accent, clip: clip)
            return
        }
        canvas.put(canUp ? up : track, x: x, y: y, style: canUp ? accent : dim, clip: clip)
        canvas.put(canDown ? down : track, x: x, y: y + height - 1, style: canDown ? accent : dim, clip: clip)
        let trackLength = height - 2
        guard trackLength > 0 else { return }
        let thumbLength = max(1, trackLength * height / rows.count)
        let range = rows.count - height
        let thumbStart = range > 0 ? (trackLength - thumbLength) * first / range : 0
        for k in 0..<trackLength {
            let on = k >= thumbStart && k < thumbStart + thumbLength
            canvas.put(on ? thumb : track, x: x, y: y + 1 + k, style: on ? accent : dim, clip: clip)
        }
    }
}
