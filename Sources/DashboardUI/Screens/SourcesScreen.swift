import TradeModel

extension Screen { public static let sources = Screen("sources") }

/// Every source, and which figures cite it.
enum SourcesScreen: ScreenView {
    static let screen = Screen.sources
    static let title = "Sources"

    static func rows(_ s: AppState) -> [ListRow] {
        let d = s.dataset
        return d.sources.map { src in
            ListRow(id: src.id, cells: SourcesScreen.cells(d, src),
                    search: [src.id, src.publisher, src.title ?? "", src.url ?? "", src.date?.display ?? "", src.date?.iso ?? "", src.language ?? "",
                             src.basis?.label ?? "", src.weak ? "weak" : ""].joined(separator: " "),
                    sortValue: { SourcesScreen.sortValue(d, src, $0) },
                    detail: { SourcesScreen.detail(d, src) })
        }
    }

    static func detail(_ d: Dataset, _ src: Source) -> Detail {
        let cites = d.citations(of: src.id)
        var out = [DetailText.field("Id", src.id), DetailText.field("Publisher", src.publisher), DetailText.field("Title", src.title),
                   DetailText.field("Date", src.date?.display), DetailText.address(src.url)] + facts(src)
        if let n = src.note { out.append(DetailText.field("Note", n)) }
        out += [[], Line.text("Cited by (\(cites.count))", role: .tableHeader)]
        out += cites.isEmpty ? [Line.text("  nothing cites this source", role: .warning)] : cites.map { Line.text("  " + $0) }
        return Detail(title: src.publisher, lines: out)
    }

    /// The language, the statistical basis and the weak flag, each "unknown" when the data does not say.
    static func facts(_ src: Source) -> [Line] {
        var out = [DetailText.field("Language", src.language.map { "\(GoodsFigures.languageName($0)) (\($0))" }),
                   DetailText.field("Basis", GoodsFigures.basisWords(src))]
        if src.weak { out.append(DetailText.field("Weak", "yes: read it with caution (the note says why)", role: .warning)) }
        return out
    }

    static func cells(_ d: Dataset, _ src: Source) -> [Line] {
        let n = d.citationCount(of: src.id)
        return [Line.text(src.publisher), Line.text(src.date?.display ?? "undated", role: src.date == nil ? .unknown : .normal),
                Line.text(src.language ?? "?", role: src.language == nil ? .unknown : .normal),
                Line.text(GoodsFigures.basisShort(src) ?? "unknown", role: src.basis == nil ? .unknown : .normal),
                Line.text(src.weak ? "weak" : "", role: .warning),
                Line.text(String(n), role: n == 0 ? .warning : .normal), [Span(src.title ?? src.url ?? src.id, role: .dim, link: DetailText.linkTarget(src.url))]]
    }

    /// Date first: when each source spoke is what a reader most often wants to order them by.
    static func sortKeys(_ d: Dataset) -> [SortKey] {
        [
            SortKey.natural("dataset order"),
            SortKey("date", column: 1, .date),
            SortKey("times cited", column: 5, .number, words: ("fewest first", "most first")),
            SortKey("publisher", column: 0, .text),
            SortKey("language", column: 2, .text),
            SortKey("basis", column: 3, .text),
            SortKey("weak", column: 4, .number, words: ("weak last", "weak first")),
            SortKey("title (or address)", column: 6, .text),
        ]
    }

    static func sortValue(_ d: Dataset, _ src: Source, _ key: Int) -> SortValue {
        switch key {
        case 1: return .date(src.date)
        case 2: return .number(Double(d.citationCount(of: src.id)))
        case 3: return .text(src.publisher)
        case 4: return .text(src.language)
        case 5: return .text(GoodsFigures.basisShort(src))
        // Weak sources first, then the others (not "missing": not weak is known).
        case 6: return .number(src.weak ? 1 : 0)
        case 7: return .text(src.title ?? src.url ?? src.id)
        default: return .missing
        }
    }

    /// Language, basis and the weak flag beside the date: what kind of source it is, at a glance.
    static let columns = [
        TableColumn(title: "Publisher", width: .flex(min: 14, weight: 2), priority: 2),
        TableColumn(title: "Date", width: .fixed(11), priority: 1),
        // A column one wider than its title where the title fills it: room for the sort marker.
        TableColumn(title: "Lang", width: .fixed(5), priority: 1),
        TableColumn(title: "Basis", width: .fixed(9), priority: 1),
        TableColumn(title: "Weak", width: .fixed(5), priority: 1),
        TableColumn(title: "Cited", width: .fixed(6), align: .right, priority: 1),
        TableColumn(title: "Title", width: .flex(min: 12, weight: 3)),
    ]

    /// Wide (see `ScreenRenderer.beside`): the list left, the selected row's detail right. Otherwise
    /// the list on top and the detail below it when there is room.
    static func split(_ s: AppState, _ body: Rect) -> (table: Rect, preview: Rect?) {
        // Only the number of rows matters here; without a filter it needs no row built.
        let rows = s.filter.isActive ? ListRow.visible(s, .sources).count : s.dataset.sources.count
        if let (a, b) = ScreenRenderer.beside(body, columns: columns, stacked: max(rows, 1) + 3) { return (a, b) }
        // The whole list when it fits, else all but the detail's rows (up to 10).
        let want = min(max(rows, 1) + 3, body.height - min(10, body.height / 3))
        if body.height - want >= 6 { let (a, b) = body.splitTop(want); return (a, b) }
        return (body, nil)
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        let inner = Box.inner(split(s, body).table)
        return (inner, ScreenRenderer.listTable(s, .sources, columns: columns, height: inner.height))
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let (table, preview) = split(s, body)
        ScreenRenderer.drawList(s, .sources, title: "Sources", columns: columns, table: table, preview: preview, into: &c)
    }
}
