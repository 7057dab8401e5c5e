import TradeModel

/// Screen 4: energy deals and initiatives with parties, sector, status, dates and volumes.
enum EnergyScreen {
    /// Status text for narrow columns: "under construction" is the only long one.
    static func shortStatus(_ st: Status) -> String { st == .underConstruction ? "constructing" : st.label }

    static func statusRole(_ st: Status) -> Role {
        switch st {
        case .signed, .operational, .completed: return .positive
        case .underConstruction, .planned: return .accent
        case .proposed: return .warning
        case .suspended, .cancelled: return .negative
        case .unknown: return .unknown
        }
    }

    static func cells(_ deal: Deal) -> [Line] {
        let volume = deal.volumes.first.map(Figures.quantity) ?? "unknown"
        return [Line.text(deal.title), Line.text(deal.sector, role: .dim), Line.text(deal.parties.joined(separator: ", ")),
                Line.text(shortStatus(deal.status), role: statusRole(deal.status)), Line.text(deal.firstDate?.display ?? "unknown", role: deal.firstDate == nil ? .unknown : .normal),
                Line.text(volume, role: deal.volumes.isEmpty ? .unknown : .normal)]
    }

    static let columns = [
        TableColumn(title: "Deal or initiative", width: .flex(min: 16, weight: 3)),
        TableColumn(title: "Sector", width: .fixed(13)),
        TableColumn(title: "Parties", width: .flex(min: 12, weight: 2)),
        TableColumn(title: "Status", width: .fixed(12)),
        TableColumn(title: "Since", width: .fixed(11)),
        TableColumn(title: "Volume", width: .fixed(14), align: .right),
    ]

    static func split(_ s: AppState, _ body: Rect) -> (table: Rect, preview: Rect?) {
        let rows = Rows.visible(s, .energy).count
        let want = max(rows, 1) + 3
        if body.height - want >= 6 { let (a, b) = body.splitTop(want); return (a, b) }
        return (body, nil)
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        (Box.inner(split(s, body).table), ScreenRenderer.listTable(s, .energy, columns: columns))
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let (tableRect, preview) = split(s, body)
        let inner = Box(title: ScreenRenderer.listTitle(s, .energy, "Energy deals and initiatives"), focused: true).render(into: &c, area: tableRect, theme: s.theme)
        ScreenRenderer.listTable(s, .energy, columns: columns).render(into: &c, area: inner, theme: s.theme)
        if let preview, case .deal(let id)? = ScreenRenderer.selectedItem(s, .energy), let deal = s.dataset.deals.first(where: { $0.id == id }) {
            Preview.draw(s, title: deal.title, lines: DetailView.lines(s, .deal(id)), area: preview, into: &c)
        }
    }
}

/// Screen 5: roads, ports, rail, terminals and crossings, and a map of the corridor.
enum InfrastructureScreen {
    static func cells(_ d: Dataset, _ p: Project) -> [Line] {
        // The latest step that has happened by the as-of date; else the next one due.
        let dated = p.milestones.filter { $0.date != nil }
        let past = dated.filter { $0.date!.year < d.asOf.year || ($0.date!.year == d.asOf.year && ($0.date!.month ?? 1) <= (d.asOf.month ?? 12)) }
        let next = dated.filter { m in !past.contains(m) }.min { $0.date! < $1.date! }
        let latest = past.max { $0.date! < $1.date! }
        let capacity = p.capacity.first.map(Figures.quantity) ?? "unknown"
        return [Line.text(p.title), Line.text(p.kind.label, role: .dim), Line.text(EnergyScreen.shortStatus(p.status), role: EnergyScreen.statusRole(p.status)),
                Line.text(Figures.quantity(p.length), role: p.length == nil ? .unknown : .normal),
                Line.text(capacity, role: p.capacity.isEmpty ? .unknown : .normal),
                latest.map { Line.text("\($0.date!.display): \($0.title)", role: .dim) }
                    ?? next.map { Line.text("due \($0.date!.display): \($0.title)", role: .warning) }
                    ?? Line.text("none recorded", role: .unknown)]
    }

    static let columns = [
        TableColumn(title: "Project", width: .flex(min: 18, weight: 3)),
        TableColumn(title: "Kind", width: .fixed(8)),
        TableColumn(title: "Status", width: .fixed(12)),
        TableColumn(title: "Length", width: .fixed(9), align: .right),
        TableColumn(title: "Capacity", width: .fixed(13), align: .right),
        TableColumn(title: "Latest milestone", width: .flex(min: 12, weight: 2)),
    ]

    /// Wide: table left, map right. Otherwise the table on top and the map below when there is room.
    static func split(_ s: AppState, _ body: Rect) -> (table: Rect, map: Rect?) {
        if body.width >= 150 {
            let (a, b) = body.splitLeft(body.width * 3 / 5)
            return (a, b)
        }
        let rows = Rows.visible(s, .infrastructure).count
        let want = min(max(rows, 1) + 3, body.height)
        if body.height - want >= 8 { let (a, b) = body.splitTop(want); return (a, b) }
        return (body, nil)
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        (Box.inner(split(s, body).table), ScreenRenderer.listTable(s, .infrastructure, columns: columns))
    }

    /// Map points for every place, and a route for every project that connects two or more places.
    static func map(_ s: AppState) -> MapWidget {
        let d = s.dataset
        let selected: String? = { if case .project(let id)? = ScreenRenderer.selectedItem(s, .infrastructure) { return id } else { return nil } }()
        // The corridor: the places the projects stand at or connect (capitals far away would squeeze it).
        let used = Set(d.projects.flatMap(\.places))
        let points = d.places.filter { used.contains($0.id) }.map { MapPoint(id: $0.id, label: $0.name, lat: $0.lat, lon: $0.lon) }
        let routes = d.projects.filter { $0.places.count >= 2 }.map {
            MapRoute(pointIDs: $0.places, role: $0.id == selected ? .highlight : .mapRoute, dashed: $0.status != .operational && $0.status != .completed)
        }
        return MapWidget(points: points, routes: routes)
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let (tableRect, mapRect) = split(s, body)
        let inner = Box(title: ScreenRenderer.listTitle(s, .infrastructure, "Infrastructure projects"), focused: true).render(into: &c, area: tableRect, theme: s.theme)
        ScreenRenderer.listTable(s, .infrastructure, columns: columns).render(into: &c, area: inner, theme: s.theme)
        if let mapRect {
            let mi = Box(title: "Map: places by latitude/longitude; lines join the places of each project (the selected one highlighted)").render(into: &c, area: mapRect, theme: s.theme)
            map(s).render(into: &c, area: mi, theme: s.theme)
        }
    }
}

/// Screen 6: the events in order.
enum TimelineScreen {
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

    static func split(_ s: AppState, _ body: Rect) -> (table: Rect, preview: Rect?) {
        if body.width >= 140 { let (a, b) = body.splitLeft(body.width * 3 / 5); return (a, b) }
        let rows = Rows.visible(s, .timeline).count
        let want = min(max(rows, 1) + 3, body.height - 7)
        if want >= 5 { let (a, b) = body.splitTop(want); return (a, b) }
        return (body, nil)
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        (Box.inner(split(s, body).table), ScreenRenderer.listTable(s, .timeline, columns: columns))
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let (tableRect, preview) = split(s, body)
        let inner = Box(title: ScreenRenderer.listTitle(s, .timeline, "Timeline"), focused: true).render(into: &c, area: tableRect, theme: s.theme)
        ScreenRenderer.listTable(s, .timeline, columns: columns).render(into: &c, area: inner, theme: s.theme)
        if let preview, let item = ScreenRenderer.selectedItem(s, .timeline), case .event(let id) = item, let e = s.dataset.events.first(where: { $0.id == id }) {
            Preview.draw(s, title: e.title, lines: DetailView.lines(s, item), area: preview, into: &c)
        }
    }
}

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
        let (tableRect, preview) = split(s, body)
        let inner = Box(title: ScreenRenderer.listTitle(s, .sources, "Sources"), focused: true).render(into: &c, area: tableRect, theme: s.theme)
        ScreenRenderer.listTable(s, .sources, columns: columns).render(into: &c, area: inner, theme: s.theme)
        if let preview, let item = ScreenRenderer.selectedItem(s, .sources), case .source(let id) = item {
            Preview.draw(s, title: s.dataset.source(id)?.publisher ?? id, lines: DetailView.lines(s, item), area: preview, into: &c)
        }
    }
}

/// The box under or beside a list showing the selected item's detail (Enter shows all of it).
enum Preview {
    static func draw(_ s: AppState, title: String, lines: [Line], area: Rect, into c: inout Canvas) {
        let inner = Box(title: title, footer: "Enter: full detail").render(into: &c, area: area, theme: s.theme)
        _ = Paragraph(lines: lines, wrap: true).render(into: &c, area: inner, theme: s.theme)
    }
}
