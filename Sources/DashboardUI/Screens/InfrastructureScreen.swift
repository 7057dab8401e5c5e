import TradeModel

extension Screen { public static let infrastructure = Screen("infrastructure") }

/// Roads, ports, rail, terminals and crossings, and a map of the corridor.
enum InfrastructureScreen: ScreenView {
    static let screen = Screen.infrastructure
    static let title = "Infrastructure"
    static let shortTitle = "Infra"

    static func rows(_ s: AppState) -> [ListRow] {
        let d = s.dataset
        return d.projects.map { p in
            ListRow(id: p.id, cells: InfrastructureScreen.cells(d, p),
                    search: [p.title, p.kind.label, p.status.label, p.places.compactMap { d.place($0)?.name }.joined(separator: " "), p.description ?? ""].joined(separator: " "),
                    sortValue: { InfrastructureScreen.sortValue(d, p, $0) },
                    detail: { InfrastructureScreen.detail(d, p) })
        }
    }

    static func detail(_ d: Dataset, _ p: Project) -> Detail {
        var out = [DetailText.field("Kind", p.kind.label), DetailText.status(p.status),
                   DetailText.field("Places", p.places.isEmpty ? nil : p.places.map { d.place($0)?.name ?? $0 }.joined(separator: " → "))]
        if let l = p.length { out.append([Span("Length: ", role: .dim)] + DetailText.quantityLine(l).dropFirst()) } else { out.append(DetailText.field("Length", nil)) }
        if !p.capacity.isEmpty {
            out.append(Line.text("Capacity", role: .dim))
            for q in p.capacity { out.append(DetailText.quantityLine(q)) }
        } else {
            out.append(DetailText.field("Capacity", nil))
        }
        out += TransportChart.unknownLines(d, related: p.id)
        if let desc = p.description { out += [[], Line.text(desc)] }
        out += DetailText.milestoneLines(p.milestones)
        if let n = p.note { out += [[], DetailText.field("Note", n)] }
        out += TransportChart.detailLines(d, related: p.id)
        let ids = p.sources + p.milestones.map(\.source) + p.capacity.compactMap(\.source) + (p.length?.source.map { [$0] } ?? [])
            + d.indicators.filter { $0.related.contains(p.id) }.flatMap { $0.values.map(\.source) }
        return Detail(title: p.title, lines: out + DetailText.sources(d, ids))
    }

    /// Capacities are not sorted on: their units differ (Mt/yr, TEU/yr, vehicles a day) and do not compare.
    static func sortKeys(_ d: Dataset) -> [SortKey] {
        [
            SortKey.natural("dataset order"),
            SortKey("project", column: 0, .text),
            SortKey("kind", column: 1, .text),
            SortKey("status", column: 2, .status),
            SortKey("length", column: 3, .number),
            SortKey("latest milestone", column: 5, .date, descendingFirst: true),
        ]
    }

    static func sortValue(_ d: Dataset, _ p: Project, _ key: Int) -> SortValue {
        switch key {
        case 1: return .text(p.title)
        case 2: return .text(kindLabel(p.kind))
        case 3: return .status(p.status)
        case 4:
            // Metres and kilometres compare; another unit of length is not known here.
            guard let l = p.length else { return .missing }
            switch l.unit { case "km": return .number(l.value * 1000); case "m": return .number(l.value); default: return .missing }
        case 5: let (latest, next) = milestoneShown(d, p); return .date((latest ?? next)?.date)
        default: return .missing
        }
    }

    /// The latest step that has happened by the as-of date, and the next one due.
    static func milestoneShown(_ d: Dataset, _ p: Project) -> (latest: Milestone?, next: Milestone?) {
        let dated = p.milestones.filter { $0.date != nil }
        let past = dated.filter { $0.date!.year < d.asOf.year || ($0.date!.year == d.asOf.year && ($0.date!.month ?? 1) <= (d.asOf.month ?? 12)) }
        return (past.max { $0.date! < $1.date! }, dated.filter { m in !past.contains(m) }.min { $0.date! < $1.date! })
    }

    static func cells(_ d: Dataset, _ p: Project) -> [Line] {
        // The latest step that has happened by the as-of date; else the next one due.
        let (latest, next) = milestoneShown(d, p)
        let capacity = p.capacity.first.map(Figures.quantity) ?? "unknown"
        return [Line.text(p.title), Line.text(kindLabel(p.kind), role: .dim), Line.text(p.status.shortLabel, role: p.status.role),
                Line.text(Figures.quantity(p.length), role: p.length == nil ? .unknown : .normal),
                Line.text(capacity, role: p.capacity.isEmpty ? .unknown : .normal),
                latest.map { Line.text("\($0.date!.display): \($0.title)", role: .dim) }
                    ?? next.map { Line.text("due \($0.date!.display): \($0.title)", role: .warning) }
                    ?? Line.text("none recorded", role: .unknown)]
    }

    /// The kind as the table's column shows it: "border crossing" would be cut in its 8 columns.
    static func kindLabel(_ k: ProjectKind) -> String { k == .borderCrossing ? "crossing" : k.label }

    static let columns = [
        TableColumn(title: "Project", width: .flex(min: 18, weight: 3)),
        TableColumn(title: "Kind", width: .fixed(8)),
        TableColumn(title: "Status", width: .fixed(12)),
        TableColumn(title: "Length", width: .fixed(9), align: .right),
        TableColumn(title: "Capacity", width: .fixed(13), align: .right),
        TableColumn(title: "Latest milestone", width: .flex(min: 12, weight: 2)),
    ]

    /// Where the table, the map and the selected project's detail go. Wide enough for the table to
    /// keep its columns in 3/5 of the width: the table over the map on the left, the detail on the
    /// right. Wide but not that wide: the table across the top, the map and the detail side by side
    /// under it. Otherwise the table on top and the map below it when there is room.
    static func split(_ s: AppState, _ body: Rect) -> (table: Rect, map: Rect?, preview: Rect?) {
        let rows = ListRow.visible(s, .infrastructure).count
        // Stacked, the table and a map of 8 rows.
        if let (left, right) = ScreenRenderer.beside(body, columns: columns, stacked: min(max(rows, 1) + 3, body.height) + 8) {
            let want = min(max(rows, 1) + 3, left.height)
            guard left.height - want >= 8 else { return (left, nil, right) }
            let (table, map) = left.splitTop(want)
            return (table, map, right)
        }
        let want = min(max(rows, 1) + 3, body.height)
        guard body.height - want >= 8 else { return (body, nil, nil) }
        let (table, rest) = body.splitTop(want)
        guard body.width >= ScreenRenderer.besideWidth else { return (table, rest, nil) }
        let (map, preview) = rest.splitLeft(rest.width - rest.width * 2 / 5)
        return (table, map, preview)
    }

    /// The map's title, the longest that fits in a box `width` wide: it says what the lines mean.
    static func mapTitle(width: Int) -> String {
        let titles = ["Map: places by latitude/longitude; lines join the places of each project, dashed while not yet in service (the selected one highlighted)",
                      "Map: lines join each project's places, dashed while not yet in service; the selected one highlighted",
                      "Map: lines join each project's places, dashed: not yet in service",
                      "Map: lines join each project's places",
                      "Map"]
        return titles.first { DisplayWidth.of($0) <= width - 6 } ?? "Map"
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        let inner = Box.inner(split(s, body).table)
        return (inner, ScreenRenderer.listTable(s, .infrastructure, columns: columns, height: inner.height))
    }

    /// Map points for every place, and a route for every project that connects two or more places.
    static func map(_ s: AppState) -> MapWidget {
        let d = s.dataset
        let selected = ListRow.selected(s, .infrastructure)?.id
        // The corridor: the places the projects stand at or connect (capitals far away would squeeze it).
        let used = Set(d.projects.flatMap(\.places))
        let points = d.places.filter { used.contains($0.id) }.map { MapPoint(id: $0.id, label: $0.name, lat: $0.lat, lon: $0.lon) }
        let routes = d.projects.filter { $0.places.count >= 2 }.map {
            MapRoute(pointIDs: $0.places, role: $0.id == selected ? .highlight : .mapRoute, dashed: $0.status != .operational && $0.status != .completed)
        }
        return MapWidget(points: points, routes: routes)
    }

    /// The map's rectangle shared with the transport volumes' chart, when the data has indicators:
    /// the chart under the map when the map is tall, beside it (on the right) when it is wide.
    static func mapAndChart(_ s: AppState, _ area: Rect?) -> (map: Rect?, chart: Rect?) {
        guard let area else { return (nil, nil) }
        let list = TransportChart.indicators(s.dataset)
        guard !list.isEmpty else { return (area, nil) }
        let wanted = TransportChart.wantedRows(s.dataset, list)
        if area.height >= 18 {
            // The map keeps half the height, or 10 rows when that is more.
            let (map, chart) = area.splitBottom(min(wanted, max(area.height / 2, area.height - 10)))
            return (map, chart)
        }
        guard area.width >= 70 else { return (area, nil) }
        let (map, chart) = area.splitLeft(area.width - min(46, area.width * 9 / 20))
        return (map, chart)
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let (table, mapArea, preview) = split(s, body)
        ScreenRenderer.drawList(s, .infrastructure, title: "Infrastructure projects", columns: columns, table: table, preview: preview, into: &c)
        let (mapRect, chartRect) = mapAndChart(s, mapArea)
        if let chartRect { TransportChart.draw(s, chartRect, into: &c) }
        if let mapRect {
            let mi = Box(title: mapTitle(width: mapRect.width)).render(into: &c, area: mapRect, theme: s.theme)
            map(s).render(into: &c, area: mi, theme: s.theme)
        }
    }
}
