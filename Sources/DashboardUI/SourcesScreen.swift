import TradeModel

/// Screen 7: every source, and which figures cite it.
enum SourcesScreen {
    static func cells(_ d: Dataset, _ src: Source) -> [Line] {
        let n = d.citations(of: src.id).count
        return [Line.text(src.publisher), Line.text(src.date?.display ?? "undated", role: src.date == nil ? .unknown : .normal),
                Line.text(String(n), role: n == 0 ? .warning : .normal), Line.text(src.title ?? src.url ?? src.id, role: .dim)]
    }

    static let columns = [
        TableColumn(title: "Publisher", width: .flex(min: 14, weight: 2)),
        TableColumn(title: "Date", width: .fixed(11)),
        TableColumn(title: "Cited", width: .fixed(5), align: .right),
        TableColumn(title: "Title", width: .flex(min: 14, weight: 3)),
    ]

    static func split(_ s: AppState, _ body: Rect) -> (table: Rect, preview: Rect?) {
        if body.width >= 140 { let (a, b) = body.splitLeft(body.width * 3 / 5); return (a, b) }
        let want = body.height - min(10, body.height / 3)
        if body.height - want >= 6 { let (a, b) = body.splitTop(want); return (a, b) }
        return (body, nil)
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        (Box.inner(split(s, body).table), ScreenRenderer.listTable(s, .sources, columns: columns))
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let (table, preview) = split(s, body)
        ScreenRenderer.drawList(s, .sources, title: "Sources", columns: columns, table: table, preview: preview, into: &c)
    }
}
