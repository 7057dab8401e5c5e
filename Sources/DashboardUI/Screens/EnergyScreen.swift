import TradeModel

extension Screen { public static let energy = Screen("energy") }

/// Energy deals and initiatives with parties, sector, status, dates and volumes; then the energy
/// indicators (gas and power volumes), an unknown one said to be unknown.
enum EnergyScreen: ScreenView {
    static let screen = Screen.energy
    static let title = "Energy"

    static func rows(_ s: AppState) -> [ListRow] {
        let d = s.dataset
        return d.deals.map { deal in
            ListRow(id: deal.id, cells: EnergyScreen.cells(deal), search: [deal.title, deal.sector, deal.parties.joined(separator: " "), deal.status.label, deal.description ?? ""].joined(separator: " "),
                    sortValue: { EnergyScreen.sortValue(deal, $0) },
                    detail: { EnergyScreen.detail(d, deal) })
        } + d.indicators.filter(TransportChart.isEnergy).map { ind in
            ListRow(id: "indicator:" + ind.id, cells: EnergyScreen.cells(ind), search: [ind.title, ind.label ?? "", ind.note ?? ""].joined(separator: " "),
                    sortValue: { EnergyScreen.sortValue(ind, $0) },
                    detail: { EnergyScreen.detail(d, ind) })
        }
    }

    /// Volumes are not sorted on: gas in bcm and power in kWh do not compare, nor a deal's volume with a flow's.
    static func sortKeys(_ d: Dataset) -> [SortKey] {
        [
            SortKey.natural("dataset order"),
            SortKey("title", column: 0, .text),
            SortKey("sector", column: 1, .text),
            SortKey("parties", column: 2, .text),
            SortKey("status", column: 3, .status),
            SortKey("first date", column: 4, .date),
        ]
    }

    static func sortValue(_ deal: Deal, _ key: Int) -> SortValue {
        switch key {
        case 1: return .text(deal.title)
        case 2: return .text(deal.sector)
        case 3: return .text(deal.parties.joined(separator: ", "))
        case 4: return .status(deal.status)
        case 5: return .date(deal.firstDate)
        default: return .missing
        }
    }

    /// An indicator has no status or parties (those rows say what it measures); its first period is its date.
    static func sortValue(_ ind: Indicator, _ key: Int) -> SortValue {
        switch key {
        case 1: return .text(ind.title)
        case 2: return .text(ind.unit.dimension == .gas ? "gas" : "power")
        case 5: return ind.periods.first.map { SortValue.number(Double($0.year * 10_000 + ($0.months?.lowerBound ?? 0) * 100)) } ?? .missing
        default: return .missing
        }
    }

    /// An energy indicator as a row: its title, "gas" or "power", the directions its values have,
    /// (none: "—"), "measured", "plan only" or "no figure", the first period and the latest measured value
/// (marked when sources disagree on it).
    static func cells(_ ind: Indicator) -> [Line] {
        let measured = ind.values.filter { !$0.planned }
        let latest = measured.max { $0.period < $1.period } ?? ind.values.last
        let ways = Set(ind.values.compactMap { v in v.from.map { "\($0)→\(v.to ?? "?")" } }).sorted()
        // Not a deal's status: whether a figure exists at all.
        let state = ind.values.isEmpty ? "no figure" : measured.isEmpty ? "plan only" : "measured"
        let clash = latest.flatMap { v in ind.values.firstIndex(of: v) }.map { ind.conflicting.contains($0) } ?? false
        let volume = latest.map { "\(TransportChart.number($0)) \(ind.unit.rawValue)" + ($0.planned ? " plan" : "") + (clash ? Figures.conflictMark : "") } ?? "unknown"
        return [Line.text(ind.title), Line.text(ind.unit.dimension == .gas ? "gas" : "power", role: .dim),
                Line.text(ways.isEmpty ? "—" : ways.joined(separator: ", "), role: ways.isEmpty ? .dim : .normal),
                Line.text(state, role: ind.values.isEmpty ? .unknown : .dim),
                Line.text(ind.periods.first?.label ?? "unknown", role: ind.values.isEmpty ? .unknown : .normal),
                Line.text(volume, role: latest == nil ? .unknown : clash ? .conflict : (latest!.planned ? .estimate : .normal))]
    }

    static func detail(_ d: Dataset, _ ind: Indicator) -> Detail {
        var out = [DetailText.field("Measure", "\(ind.label ?? ind.title) (\(ind.unit.rawValue))")]
        if ind.values.isEmpty {
            out += [[Span("Values: ", role: .dim), Span("unknown", role: .unknown), Span(" (no figure found)", role: .dim)]]
        } else {
            out += [[], Line.text("Values", role: .tableHeader)] + TransportChart.valueLines(ind, undirected: "")
        }
        if !ind.related.isEmpty {
            out += [[], DetailText.field("Concerns", ind.related.map { id in d.deals.first { $0.id == id }?.title ?? d.projects.first { $0.id == id }?.title ?? id }.joined(separator: "; "))]
        }
        if let n = ind.note { out += [[], DetailText.field("Note", n)] }
        return Detail(title: ind.title, lines: out + DetailText.sources(d, ind.values.map(\.source)))
    }

    static func detail(_ d: Dataset, _ deal: Deal) -> Detail {
        var out = [DetailText.field("Sector", deal.sector), DetailText.field("Parties", deal.parties.joined(separator: ", ")), DetailText.status(deal.status)]
        if let desc = deal.description { out += [[], Line.text(desc)] }
        if !deal.volumes.isEmpty {
            out += [[], Line.text("Volumes", role: .tableHeader)]
            for q in deal.volumes { out.append(DetailText.quantityLine(q)) }
        } else {
            out.append(DetailText.field("Volume", nil))
        }
        // What was delivered, where the data records that it is not known.
        out += TransportChart.unknownLines(d, related: deal.id)
        out += DetailText.milestoneLines(deal.milestones)
        if let n = deal.note { out += [[], DetailText.field("Note", n)] }
        out += TransportChart.detailLines(d, related: deal.id)
        let indicatorSources = d.indicators.filter { $0.related.contains(deal.id) }.flatMap { $0.values.map(\.source) }
        return Detail(title: deal.title, lines: out + DetailText.sources(d, deal.sources + deal.milestones.map(\.source) + deal.volumes.compactMap(\.source) + indicatorSources))
    }

    static func cells(_ deal: Deal) -> [Line] {
        let volume = deal.volumes.first.map(Figures.quantity) ?? "unknown"
        return [Line.text(deal.title), Line.text(deal.sector, role: .dim), Line.text(deal.parties.joined(separator: ", ")),
                Line.text(deal.status.shortLabel, role: deal.status.role), Line.text(deal.firstDate?.display ?? "unknown", role: deal.firstDate == nil ? .unknown : .normal),
                Line.text(volume, role: deal.volumes.isEmpty ? .unknown : .normal)]
    }

    /// When not all fit (80 columns), the parties go first (the detail lists them, and the titles
    /// mostly name them), then the sector and the date; the deal, its status and its volume stay.
    static let columns = [
        TableColumn(title: "Deal or initiative", width: .flex(min: 16, weight: 3), priority: 3),
        TableColumn(title: "Sector", width: .fixed(13), priority: 1),
        TableColumn(title: "Parties", width: .flex(min: 12, weight: 2), priority: 0),
        TableColumn(title: "Status", width: .fixed(12), priority: 2),
        TableColumn(title: "Since", width: .fixed(11), priority: 1),
        TableColumn(title: "Volume", width: .fixed(14), align: .right, priority: 2),
    ]

    /// Wide (see `ScreenRenderer.beside`): the list left, the selected row's detail right. Otherwise
    /// the list on top and the detail below it when there is room.
    static func split(_ s: AppState, _ body: Rect) -> (table: Rect, preview: Rect?) {
        let rows = ListRow.visible(s, .energy).count
        let want = max(rows, 1) + 3
        if let (a, b) = ScreenRenderer.beside(body, columns: columns, stacked: want) { return (a, b) }
        if body.height - want >= 6 { let (a, b) = body.splitTop(want); return (a, b) }
        return (body, nil)
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        let inner = Box.inner(split(s, body).table)
        return (inner, ScreenRenderer.listTable(s, .energy, columns: columns, height: inner.height))
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let (table, preview) = split(s, body)
        ScreenRenderer.drawList(s, .energy, title: "Energy deals, initiatives and volumes", columns: columns, table: table, preview: preview, into: &c)
    }
}
