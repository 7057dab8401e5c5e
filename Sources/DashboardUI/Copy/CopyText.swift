import TradeModel

/// The text `y` and `Y` put on the clipboard: the selected row as one line (its title naming the
/// period, its cells, the kind of its figures and the ids of its sources), or the current list's
/// whole table as tab-separated lines. Plain text only: control characters and bidirectional
/// controls from the data never reach the clipboard (`clean`).
public enum CopyText {
    /// The selected row of the current screen as one line; nil when the list is empty.
    static func row(_ s: AppState) -> String? {
        guard let row = ListRow.selected(s, s.screen) else { return nil }
        let detail = row.detail
        let title = clean(detail.title)
        var (kind, sources) = provenance(detail, cells: row.cells, in: s.dataset)
        // A source is not a figure.
        if s.screen == .sources { kind = "source" }
        var parts = [title] + cells(row, detail).filter { !$0.isEmpty && $0 != title }
        parts.append("kind: \(kind)")
        parts.append("sources: " + (sources.isEmpty ? "unknown" : sources.joined(separator: ", ")))
        return parts.joined(separator: " | ")
    }

    /// Every visible row of the current screen's list (the filter applies) as tab-separated lines,
    /// under a header line where the screen's table has one column per cell; the last two columns
    /// are the kind and the source ids. nil when the list is empty.
    static func table(_ s: AppState) -> (text: String, rows: Int)? {
        let rows = ListRow.visible(s, s.screen)
        guard !rows.isEmpty else { return nil }
        let cells = rows.map { CopyText.cells($0, $0.detail) }
        var lines = [String]()
        let width = cells.map(\.count).max() ?? 0
        let body = Chrome.body(width: s.lastSize.width, height: s.lastSize.height)
        if let (_, t) = ScreenRegistry.view(s.screen).tableLayout(s, body), t.columns.count == width {
            lines.append((t.columns.map { cell($0.title) } + ["kind", "sources"]).joined(separator: "\t"))
        }
        for (row, c) in zip(rows, cells) {
            var (kind, sources) = provenance(row.detail, cells: row.cells, in: s.dataset)
            if s.screen == .sources { kind = "source" }
            let padded = c + Array(repeating: "", count: width - c.count)
            lines.append((padded + [kind, sources.isEmpty ? "unknown" : sources.joined(separator: "; ")]).joined(separator: "\t"))
        }
        return (lines.joined(separator: "\n") + "\n", rows.count)
    }

    /// A row's cells as text; a row the screen draws without cells (Target, Goods) gives its
    /// detail's first paragraph instead (up to its first empty line, at most 8 lines), which
    /// states its figures, period and direction.
    static func cells(_ row: ListRow, _ detail: Detail) -> [String] {
        let cells = row.cells.map { cell($0.plainText) }
        if !cells.isEmpty { return cells }
        let lines = detail.lines.map { cell($0.plainText) }.drop { $0.isEmpty }
        return Array(lines.prefix { !$0.isEmpty }.prefix(8))
    }

    /// Rows that open another screen (the Overview's panels) have no figures of their own to copy.
    static func opensScreens(_ s: AppState) -> Bool { ListRow.selected(s, s.screen)?.opens != nil }

    /// The kind of the figures a detail (and the row's cells, when given) shows and the ids of the
    /// dataset's sources it names, in the order they first appear. Figures drawn in the derived role
    /// are ours, in the estimate role our estimates; the others are stated by the sources named.
    static func provenance(_ detail: Detail, cells: [Line] = [], in d: Dataset) -> (kind: String, sources: [String]) {
        let shown = detail.lines + cells
        let derived = shown.contains { $0.contains { $0.role == .derived } }
        let estimate = shown.contains { $0.contains { $0.role == .estimate } }
        let text = detail.lines.map(\.plainText).joined(separator: "\n")
        let known = Set(d.sources.map(\.id))
        var found = [String]()
        var seen = Set<String>()
        for token in tokens(text) where known.contains(token) && seen.insert(token).inserted { found.append(token) }
        // A trade figure says which it is ("stated by the source", "derived by us"): when the detail
        // lists figures that way, a source named only as what a derivation is made from makes
        // nothing stated.
        let says = { (words: String) in detail.lines.contains { $0.contains { $0.text.hasSuffix(words) } } }
        let statedFigures = says("stated by the source"), derivedFigures = says("derived by us")
        let kind: String
        if statedFigures || derivedFigures {
            kind = statedFigures ? (derived || derivedFigures ? "stated, with figures derived by us" : "stated") : "derived by us"
        } else {
            switch (found.isEmpty, derived) {
            case (false, false): kind = "stated"
            case (false, true): kind = "stated, with figures derived by us"
            case (true, true): kind = "derived by us"
            case (true, false): kind = "unknown"
            }
        }
        // An estimate is ours, whatever it is made from; the stated figures it uses are named.
        if estimate { return (found.isEmpty ? "estimate by us" : "estimate by us, from stated figures", found) }
        return (kind, found)
    }

    /// Runs of characters a source id can hold (letters, digits, `-`, `_`, `.`, `:`, `/`), with a
    /// trailing `.` or `:` left off.
    static func tokens(_ text: String) -> [String] {
        var out = [String]()
        var current = ""
        func flush() {
            while let last = current.last, last == "." || last == ":" { current.removeLast() }
            if !current.isEmpty { out.append(current) }
            current = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber || "-_.:/".contains(ch) { current.append(ch) } else { flush() }
        }
        flush()
        return out
    }

    /// A cell of the tab-separated table: cleaned, with no tab left in it.
    static func cell(_ text: String) -> String { clean(text) }

    /// The text with every control character (C0 and C1, DEL, tabs and line breaks included)
    /// and every bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) made
    /// a space or dropped, runs of spaces made one, and no space at either end.
    public static func clean(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isSpace = v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0x85
                || v == 0x2028 || v == 0x2029 || v == 0xA0
            if isSpace { pendingSpace = !out.isEmpty; continue }
            if isControl(v) || isBidiControl(v) { continue }
            if pendingSpace { out.unicodeScalars.append(" "); pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    static func isControl(_ v: UInt32) -> Bool { v < 0x20 || (0x7F...0x9F).contains(v) }

    static func isBidiControl(_ v: UInt32) -> Bool {
        v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}

extension CopyText {
    static var nothingHere: StatusLine {
        StatusLine(text: "Nothing to copy here: these rows open the other screens (\(Screen.numberKeys)), whose rows copy", isError: false)
    }

    /// `y`: the selected row, with the status line saying what was copied.
    static func copyRow(_ s: inout AppState) -> [Effect] {
        if opensScreens(s) { s.status = nothingHere; return [] }
        guard let text = row(s) else {
            s.status = StatusLine(text: "Nothing to copy: the list is empty", isError: false)
            return []
        }
        let what = "1 row"
        s.status = StatusLine(text: "copied \(what), \(text.utf8.count) bytes", isError: false)
        return [.copy(text: text, what: what)]
    }

    /// `Y`: the whole table of the current list.
    static func copyTable(_ s: inout AppState) -> [Effect] {
        if opensScreens(s) { s.status = nothingHere; return [] }
        guard let (text, n) = table(s) else {
            s.status = StatusLine(text: "Nothing to copy: the list is empty", isError: false)
            return []
        }
        let what = n == 1 ? "1 row" : "\(n) rows"
        s.status = StatusLine(text: "copied \(what), \(text.utf8.count) bytes", isError: false)
        return [.copy(text: text, what: what)]
    }
}
