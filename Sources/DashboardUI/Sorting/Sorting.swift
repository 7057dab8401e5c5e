/// The `s` and `S` keys: the next sort key of the screen's list, and the reverse of the one in use.
/// The selection stays on the row it was on, wherever the new order puts it.
enum Sorting {
    /// The next key (after the last, the list's own order again), in that key's first direction.
    static func next(_ s: inout AppState) -> [Effect] {
        let keys = ScreenRegistry.view(s.screen).sortKeys(s.dataset)
        guard !keys.isEmpty else { return nothing(&s) }
        let current = s.sort[s.screen]?.key ?? 0
        let k = (current + 1) % keys.count
        change(&s, SortOrder(key: k, descending: keys[k].descendingFirst))
        return []
    }

    /// The same key, the other way.
    static func reverse(_ s: inout AppState) -> [Effect] {
        let keys = ScreenRegistry.view(s.screen).sortKeys(s.dataset)
        guard !keys.isEmpty else { return nothing(&s) }
        let current = s.sort[s.screen] ?? SortOrder(key: 0, descending: false)
        change(&s, SortOrder(key: current.key, descending: !current.descending))
        return []
    }

    /// A click on the header of column `c`: the key shown there, in its first direction, or reversed
    /// when the list is already sorted on it. A column no key sorts on says so.
    static func byColumn(_ s: inout AppState, _ c: Int) {
        let keys = ScreenRegistry.view(s.screen).sortKeys(s.dataset)
        guard let k = keys.firstIndex(where: { $0.column == c }) else {
            if !keys.isEmpty { s.status = StatusLine(text: "This column is not sorted on (its values do not compare); s steps through the ones that are", isError: false) }
            return
        }
        let current = s.sort[s.screen] ?? SortOrder(key: 0, descending: false)
        change(&s, current.key == k ? SortOrder(key: k, descending: !current.descending) : SortOrder(key: k, descending: keys[k].descendingFirst))
    }

    private static func nothing(_ s: inout AppState) -> [Effect] {
        let d = s.dataset
        var sortable: [String] = []
        for view in ScreenRegistry.all where !view.sortKeys(d).isEmpty { sortable.append(view.title) }
        s.status = StatusLine(text: "Nothing to sort on \(s.screen.title): \(ScreenRegistry.view(s.screen).unsortedReason) (\(key(s, "sort")) sorts \(sortable.joined(separator: ", ")))", isError: false)
        return []
    }

    private static func change(_ s: inout AppState, _ order: SortOrder) {
        let keys = ScreenRegistry.view(s.screen).sortKeys(s.dataset)
        let selected = ListRow.selected(s, s.screen)?.id
        // The list's own order, forwards, is no sort at all.
        s.sort[s.screen] = keys[order.key].kind == .natural && !order.descending ? nil : order
        if let selected, let i = ListRow.visible(s, s.screen).firstIndex(where: { $0.id == selected }) {
            s.selection[s.screen] = i
        }
        let hidden = keys[order.key].column.map { !columnShown(s, $0) } ?? false
        s.status = StatusLine(text: description(keys, order) + (hidden ? " (its column is not shown at this width)" : "")
                              + "  (\(key(s, "sort")): next column, \(key(s, "sort-reverse")): reverse)", isError: false)
    }

    /// The first key of a named binding, as the config file may have changed it.
    static func key(_ s: AppState, _ name: String) -> String {
        (s.keyOverrides[name] ?? KeyTable.defaultKeys(name))?.first.map(KeySpelling.label) ?? name
    }

    /// The help view's line: the keys `s` steps through on this screen.
    static func helpText(_ s: AppState) -> String? {
        let keys = ScreenRegistry.view(s.screen).sortKeys(s.dataset)
        guard !keys.isEmpty else { return nil }
        return "sort by the next column / reverse: " + keys.map(\.name).joined(separator: ", ")
    }

    /// "Sorted by date, newest first".
    static func description(_ keys: [SortKey], _ order: SortOrder) -> String {
        let key = keys[order.key]
        if key.kind == .natural, key.naturalKind == nil {
            return order.descending ? "Sorted by \(key.name), reversed" : "Sorted by \(key.name) (the list's own order)"
        }
        return "Sorted by \(key.name), \(key.orderWords(descending: order.descending))" + (key.groupNote.map { "; " + $0 } ?? "")
    }

    /// Whether column `c` of the screen's table is drawn at the state's size (a narrow terminal
    /// leaves columns out).
    static func columnShown(_ s: AppState, _ c: Int) -> Bool {
        let body = Chrome.body(width: s.lastSize.width, height: s.lastSize.height)
        guard let (rect, table) = ScreenRegistry.view(s.screen).tableLayout(s, body) else { return true }
        let widths = table.columnWidths(for: rect.width - 1, ascii: s.theme.ascii)
        return c < widths.count && widths[c] > 0
    }

    /// The header marker for the state's sort of `screen`: the column and the direction, when the
    /// list is sorted on a column (the list's own order too, when a column shows it).
    static func marker(_ s: AppState, _ screen: Screen) -> Table.SortMarker? {
        let keys = ScreenRegistry.view(screen).sortKeys(s.dataset)
        guard let order = s.sort[screen] else {
            return keys.first.flatMap { $0.column }.map { Table.SortMarker(column: $0, descending: false) }
        }
        guard keys.indices.contains(order.key), let c = keys[order.key].column else { return nil }
        return Table.SortMarker(column: c, descending: order.descending)
    }
}
