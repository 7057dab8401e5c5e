import TradeModel

/// The keys and what they do: a pure function of the state. Which key does what comes from
/// `KeyTable`; this file performs the actions.
enum KeyMap {
    static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .resize(let w, let h):
            s.lastSize = (w, h)
            s.mode = s.mode.withOverlay { $0 = $0.clamped(width: w, height: h) }
            return []
        case .click(let x, let y):
            s.status = nil
            return s.mode == .browsing ? click(&s, x: x, y: y) : []
        case .wheelDown, .wheelUp:
            s.status = nil
            let delta: Int
            if case .wheelDown = key { delta = 3 } else { delta = -3 }
            switch s.mode {
            case .browsing: move(&s, by: delta)
            case .detail: scroll(&s, by: delta)
            default: break
            }
            return []
        default: break
        }
        // Quitting always works, whatever is open.
        if let b = KeyTable.global(s).first(where: { $0.matches(key) }) { return perform(&s, b.action, key) }
        s.status = nil
        if let b = KeyTable.current(s).first(where: { $0.matches(key) }) { return perform(&s, b.action, key) }
        if s.mode == .filtering, case .char(let c) = key {
            guard s.filter.query.count < 80 else { return [] }
            s.filter.query.append(c)
            select(&s, s.selection[s.screen] ?? 0)
        }
        return []
    }

    static func perform(_ s: inout AppState, _ action: Action, _ key: Key) -> [Effect] {
        switch action {
        case .quit: return [.quit]
        case .reload: return [.reload]
        case .redrawAll: return [.redrawAll]
        case .suspend: return [.suspend]
        case .openHelp:
            let under: Overlay? = { if case .detail(let o) = s.mode { return o } else { return nil } }()
            s.mode = .help(HelpView.overlay(s), over: under)
        case .openProblems:
            if s.loadProblems.isEmpty { s.status = StatusLine(text: "No problems to show: the data loaded cleanly", isError: false) }
            else { s.mode = .problems(Overlay.problems(s)) }
        case .jumpToScreen:
            if case .char(let c) = key, let n = c.wholeNumberValue, let sc = Screen(number: n) { go(&s, sc) }
        case .nextScreen: go(&s, s.screen.next)
        case .previousScreen: go(&s, s.screen.previous)
        case .move(let d): move(&s, by: d)
        case .page(let d): move(&s, by: d * page(s))
        case .first: select(&s, 0)
        case .last: select(&s, Int.max)
        case .open: open(&s)
        case .clearFilter:
            if s.filter.isActive { s.filter = FilterState(); s.selection[s.screen] = 0 }
        case .startFilter:
            if ScreenRegistry.view(s.screen).filterable { s.mode = .filtering }
            else { s.status = StatusLine(text: "This screen has no list to filter", isError: false) }
        case .nextMatch(let d):
            if s.filter.isActive { moveWrapping(&s, by: d) }
            else { s.status = StatusLine(text: "No filter: press / to type one", isError: false) }
        case .close:
            switch s.mode {
            case .help(_, let under?), .address(_, _, let under?): s.mode = .detail(under)
            default: s.mode = .browsing
            }
        case .scroll(let d): scroll(&s, by: d)
        case .scrollPage(let d): scroll(&s, by: d * page(s))
        case .scrollTop: s.mode = s.mode.withOverlay { $0.scroll = 0 }
        case .scrollBottom: scroll(&s, by: Int.max / 2)
        case .keepFilter:
            s.mode = .browsing
            if rowCount(s) == 0 { s.status = StatusLine(text: "No match for \"\(s.filter.query)\"", isError: true) }
            select(&s, s.selection[s.screen] ?? 0)
        case .dropFilter:
            s.mode = .browsing
            s.filter = FilterState()
            select(&s, s.selection[s.screen] ?? 0)
        case .deleteFilterCharacter:
            if s.filter.query.isEmpty { s.mode = .browsing } else { s.filter.query.removeLast() }
            select(&s, s.selection[s.screen] ?? 0)
        case .custom(let f): return f(&s)
        }
        return []
    }

    static func go(_ s: inout AppState, _ screen: Screen) {
        guard screen != s.screen else { return }
        s.screen = screen
        s.filter = FilterState()
        s.mode = .browsing
    }

    static func rowCount(_ s: AppState) -> Int { ListRow.visible(s, s.screen).count }

    static func page(_ s: AppState) -> Int { max(1, s.lastSize.height - 8) }

    /// Scrolls the open overlay, never past its end.
    static func scroll(_ s: inout AppState, by delta: Int) {
        let (w, h) = s.lastSize
        s.mode = s.mode.withOverlay { o in
            o.scroll = max(0, o.scroll + delta)
            o = o.clamped(width: w, height: h)
        }
    }

    static func select(_ s: inout AppState, _ index: Int) {
        let n = rowCount(s)
        s.selection[s.screen] = n == 0 ? 0 : min(max(0, index), n - 1)
    }

    static func move(_ s: inout AppState, by delta: Int) {
        select(&s, (s.selection[s.screen] ?? 0) + delta)
    }

    static func moveWrapping(_ s: inout AppState, by delta: Int) {
        let n = rowCount(s)
        guard n > 0 else {
            s.status = StatusLine(text: "No match for \"\(s.filter.query)\"", isError: true)
            return
        }
        s.selection[s.screen] = ((s.selection[s.screen] ?? 0) + delta + n) % n
    }

    static func open(_ s: inout AppState) {
        guard let row = ListRow.selected(s, s.screen) else { return }
        if let target = row.opens {
            go(&s, target)
            return
        }
        s.mode = .detail(Overlay.detail(row.detail))
    }

    static func click(_ s: inout AppState, x: Int, y: Int) -> [Effect] {
        let (w, h) = s.lastSize
        guard w >= Dashboard.minimumWidth, h >= Dashboard.minimumHeight else { return [] }
        if y == Chrome.tabRow {
            if let screen = Chrome.tab(at: x, state: s, width: w) { go(&s, screen) }
            return []
        }
        let body = Chrome.body(width: w, height: h)
        let view = ScreenRegistry.view(s.screen)
        if view.click(&s, x: x, y: y, body: body) { return [] }
        // A click on a column's header sorts on it (again: the other way).
        if let (rect, table) = view.tableLayout(s, body), y == rect.y, rect.contains(x: x, y: y) {
            if let c = table.column(atX: x, area: rect, ascii: s.theme.ascii) { Sorting.byColumn(&s, c) }
            return []
        }
        guard let (area, offset) = view.listArea(s, body), area.contains(x: x, y: y) else { return [] }
        let index = offset + (y - area.y)
        guard index < rowCount(s) else { return [] }
        if s.selection[s.screen] ?? 0 == index { open(&s) } else { s.selection[s.screen] = index }
        return []
    }
}
