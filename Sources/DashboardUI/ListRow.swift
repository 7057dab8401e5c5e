import TradeModel

/// One selectable row of a screen's list: its cells, and the text the `/` filter searches.
/// The cells are built only when the row is drawn: counting, filtering and moving the selection,
/// which every key does, never format a figure.
struct ListRow {
    var search: String
    /// What Enter opens.
    var item: DetailItem
    private let build: () -> [Line]

    init(cells: @autoclosure @escaping () -> [Line], search: String, item: DetailItem) {
        self.build = cells
        self.search = search
        self.item = item
    }

    var cells: [Line] { build() }
}

/// What a detail view shows.
enum DetailItem: Hashable {
    case panel(Screen)
    case period(Period)
    case target(String)
    case scenario(Double)
    case deal(String)
    case project(String)
    case event(String)
    case source(String)
}

enum Rows {
    /// The rows of a screen's list before filtering.
    static func all(_ s: AppState, _ screen: Screen) -> [ListRow] {
        let d = s.dataset
        switch screen {
        case .overview:
            return [Screen.trade, .target, .energy, .infrastructure].map {
                ListRow(cells: [Line.text($0.title)], search: $0.title, item: .panel($0))
            }
        case .trade:
            return TradeScreen.periods(d).map { p in
                ListRow(cells: TradeScreen.cells(d, p), search: p.label + " " + d.trade.filter { $0.period == p }.compactMap(\.note).joined(separator: " "),
                        item: .period(p))
            }
        case .target:
            return TargetScreen.scenarios(s).map { rate in
                ListRow(cells: [], search: Money.percent(rate), item: .scenario(rate))
            }
        case .energy:
            return d.deals.map { deal in
                ListRow(cells: EnergyScreen.cells(deal), search: [deal.title, deal.sector, deal.parties.joined(separator: " "), deal.status.label, deal.description ?? ""].joined(separator: " "),
                        item: .deal(deal.id))
            }
        case .infrastructure:
            return d.projects.map { p in
                ListRow(cells: InfrastructureScreen.cells(d, p), search: [p.title, p.kind.label, p.status.label, p.places.compactMap { d.place($0)?.name }.joined(separator: " "), p.description ?? ""].joined(separator: " "),
                        item: .project(p.id))
            }
        case .timeline:
            return TimelineScreen.events(d).map { e in
                ListRow(cells: TimelineScreen.cells(e), search: [e.date.display, e.kind.rawValue, e.title, e.description ?? ""].joined(separator: " "), item: .event(e.id))
            }
        case .sources:
            return d.sources.map { src in
                ListRow(cells: SourcesScreen.cells(d, src), search: [src.id, src.publisher, src.title ?? "", src.url ?? ""].joined(separator: " "), item: .source(src.id))
            }
        }
    }

    /// The rows the filter lets through (all of them without a filter).
    static func visible(_ s: AppState, _ screen: Screen) -> [ListRow] {
        let rows = all(s, screen)
        guard s.filter.isActive, screen != .overview, screen != .target else { return rows }
        let q = s.filter.query.lowercased()
        let folded = Transliteration.ascii(q)
        return rows.filter {
            let text = $0.search.lowercased()
            return text.contains(q) || Transliteration.ascii(text).contains(folded)
        }
    }

    /// Whether the screen's list can be filtered.
    static func filterable(_ screen: Screen) -> Bool { screen != .overview && screen != .target }
}
