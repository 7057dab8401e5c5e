import TradeModel

/// One selectable row of a screen's list: its cells, the text the `/` filter searches, and what
/// Enter does with it (its detail, or another screen). Cells and detail are built only when shown:
/// counting, filtering and moving the selection, which every key does, never format a figure.
struct ListRow {
    /// What the row is, stable across filtering and reloads: a deal's id, a period's label.
    var id: String
    var search: String
    /// The screen Enter opens instead of a detail (the Overview's panels).
    var opens: Screen?
    /// The row's value for each of its screen's sort keys, by the key's index (`ScreenView.sortKeys`);
    /// asked only for the key the list is sorted on.
    var sortValue: ((Int) -> SortValue)?
    /// Rows are sorted within their group, groups in order whatever the direction (Trade: full
    /// years, then partial periods, then the estimate: a 9-month figure is not ranked among years').
    var sortGroup = 0
    private let buildCells: () -> [Line]
    private let buildDetail: () -> Detail

    init(id: String, cells: @autoclosure @escaping () -> [Line], search: String, opens: Screen? = nil,
         sortValue: ((Int) -> SortValue)? = nil, detail: @escaping () -> Detail) {
        self.id = id
        self.sortValue = sortValue
        self.buildCells = cells
        self.search = search
        self.opens = opens
        self.buildDetail = detail
    }

    var cells: [Line] { buildCells() }
    var detail: Detail { buildDetail() }
}

extension ListRow {
    /// The rows of a screen's list before filtering, in the order the state sorts them.
    static func all(_ s: AppState, _ screen: Screen) -> [ListRow] {
        let view = ScreenRegistry.view(screen)
        return SortKey.sorted(view.rows(s), s.sort[screen], keys: view.sortKeys(s.dataset))
    }

    /// The rows the filter lets through (all of them without a filter, or where the screen has none).
    static func visible(_ s: AppState, _ screen: Screen) -> [ListRow] {
        filtered(all(s, screen), s, screen)
    }

    /// The rows of `screen` that the state's filter lets through.
    static func filtered(_ rows: [ListRow], _ s: AppState, _ screen: Screen) -> [ListRow] {
        guard s.filter.isActive, ScreenRegistry.view(screen).filterable else { return rows }
        let q = s.filter.query.lowercased()
        let folded = Transliteration.ascii(q)
        return rows.filter {
            let text = $0.search.lowercased()
            return text.contains(q) || Transliteration.ascii(text).contains(folded)
        }
    }

    /// The selected visible row of a screen, if any.
    static func selected(_ s: AppState, _ screen: Screen) -> ListRow? {
        let rows = visible(s, screen)
        let i = s.selection[screen] ?? 0
        return i < rows.count ? rows[i] : nil
    }
}
