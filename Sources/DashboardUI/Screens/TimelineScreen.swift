import TradeModel

extension Screen { public static let timeline = Screen("timeline") }

/// The events in order.
enum TimelineScreen: ScreenView {
    static let screen = Screen.timeline
    static let title = "Timeline"

    static func rows(_ s: AppState) -> [ListRow] {
        let d = s.dataset
        return TimelineScreen.events(d).map { e in
            ListRow(id: e.id, cells: TimelineScreen.cells(e), search: [e.date.display, e.kind.rawValue, e.title, e.description ?? ""].joined(separator: " "),
                    sortValue: { k in k == 1 ? .text(e.kind.rawValue) : k == 2 ? .text(e.title) : .missing },
                    detail: { TimelineScreen.detail(d, e) })
        }
    }

    static func detail(_ d: Dataset, _ e: Event) -> Detail {
        var out = [DetailText.field("Date", e.endDate.map { "\(e.date.display) to \($0.display)" } ?? e.date.display), DetailText.field("Kind", e.kind.rawValue)]
        if !e.places.isEmpty { out.append(DetailText.field("Places", e.places.map { d.place($0)?.name ?? $0 }.joined(separator: ", "))) }
        if let desc = e.description { out += [[], Line.text(desc)] }
        if !e.related.isEmpty {
            let names = e.related.map { r in d.deals.first { $0.id == r }?.title ?? d.projects.first { $0.id == r }?.title ?? d.targets.first { $0.id == r }?.title ?? r }
            out += [[], DetailText.field("Related", names.joined(separator: "; "))]
        }
        return Detail(title: e.title, lines: out + DetailText.sources(d, e.sources))
    }

    static func sortKeys(_ d: Dataset) -> [SortKey] {
        [SortKey.natural("date", column: 0, as: .date), SortKey("kind", column: 1, .text), SortKey("event", column: 2, .text)]
    }

    static func events(_ d: Dataset) -> [Event] {
        d.events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    static func cells(_ e: Event) -> [Line] {
        return [Line.text(dateRange(e.date, e.endDate)), Line.text(e.kind.rawValue, role: .accent), Line.text(e.title)]
    }

    /// "24–25 Nov 2025", "30 Nov – 2 Dec 2025", or one date.
    static func dateRange(_ a: DateValue, _ b: DateValue?) -> String {
        guard let b, b != a else { return a.display }
        if let d1 = a.day, let d2 = b.day, a.year == b.year, a.month == b.month, let m = a.month {
            return "\(d1)–\(d2) \(DateValue.monthNames[m - 1]) \(a.year)"
        }
        return "\(a.display) – \(b.display)"
    }

    static let columns = [
        TableColumn(title: "Date", width: .fixed(14)),
        TableColumn(title: "Kind", width: .fixed(12)),
        TableColumn(title: "Event", width: .flex(min: 20)),
    ]

    /// Wide (see `ScreenRenderer.beside`): the list left, the selected row's detail right. Otherwise
    /// the list on top and the detail below it when there is room.
    static func split(_ s: AppState, _ body: Rect) -> (table: Rect, preview: Rect?) {
        let rows = ListRow.visible(s, .timeline).count
        if let (a, b) = ScreenRenderer.beside(body, columns: columns, stacked: max(rows, 1) + 3) { return (a, b) }
        let want = min(max(rows, 1) + 3, body.height - 7)
        if want >= 5 { let (a, b) = body.splitTop(want); return (a, b) }
        return (body, nil)
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        let inner = Box.inner(split(s, body).table)
        return (inner, ScreenRenderer.listTable(s, .timeline, columns: columns, height: inner.height))
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let (table, preview) = split(s, body)
        ScreenRenderer.drawList(s, .timeline, title: "Timeline", columns: columns, table: table, preview: preview, into: &c)
    }
}
