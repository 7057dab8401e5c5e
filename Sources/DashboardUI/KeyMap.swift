import TradeModel

/// The keys and what they do: a pure function of the state.
enum KeyMap {
    static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
        if case .resize(let w, let h) = key {
            s.lastSize = (w, h)
            if s.detailOpen || s.problemsVisible { s.detailScroll = min(s.detailScroll, DetailView.maxScroll(s)) }
            if s.helpVisible { s.detailScroll = min(s.detailScroll, HelpView.maxScroll(s)) }
            return []
        }
        // Quitting always works, whatever is open.
        if key == .ctrl("c") { return [.quit] }
        if key == .ctrl("l") { return [.redrawAll] }
        if key == .ctrl("z") { return [.suspend] }
        let hadStatus = s.status != nil
        s.status = nil

        if s.filter.editing { return editFilter(&s, key) }
        if s.helpVisible {
            switch key {
            case .escape, .char("?"), .enter, .backspace: s.helpVisible = false
            case .char("q"): return [.quit]
            case .down, .char("j"): s.detailScroll += 1
            case .up, .char("k"): s.detailScroll = max(0, s.detailScroll - 1)
            default: break
            }
            s.detailScroll = min(s.detailScroll, HelpView.maxScroll(s))
            return []
        }
        if s.problemsVisible {
            switch key {
            case .escape, .char("e"), .enter, .backspace: s.problemsVisible = false; s.detailScroll = 0
            case .char("q"): return [.quit]
            case .down, .char("j"): s.detailScroll += 1
            case .up, .char("k"): s.detailScroll = max(0, s.detailScroll - 1)
            case .pageDown, .char(" "): s.detailScroll += page(s)
            case .pageUp: s.detailScroll = max(0, s.detailScroll - page(s))
            default: break
            }
            s.detailScroll = min(s.detailScroll, DetailView.maxScroll(s))
            return []
        }
        if s.detailOpen {
            let effects = detail(&s, key)
            if s.detailOpen { s.detailScroll = min(s.detailScroll, DetailView.maxScroll(s)) }
            return effects
        }

        switch key {
        case .char("q"): return [.quit]
        case .char("r"): return [.reload]
        case .char("?"): s.helpVisible = true; s.detailScroll = 0
        case .char("e"):
            if s.loadProblems.isEmpty { s.status = StatusLine(text: "No problems to show: the data loaded cleanly", isError: false) }
            else { s.problemsVisible = true; s.detailScroll = 0 }
        case .char(let c) where c.isASCII && c.isNumber:
            if let n = c.wholeNumberValue, let sc = Screen(rawValue: n) { go(&s, sc) }
        case .tab: go(&s, s.screen.next)
        case .backTab: go(&s, s.screen.previous)
        case .down, .char("j"): move(&s, by: 1)
        case .up, .char("k"): move(&s, by: -1)
        case .left, .char("h"):
            if s.screen == .overview { move(&s, by: -1) } else { go(&s, s.screen.previous) }
        case .right, .char("l"):
            if s.screen == .overview { move(&s, by: 1) } else { go(&s, s.screen.next) }
        case .pageDown, .char(" "): move(&s, by: page(s))
        case .pageUp: move(&s, by: -page(s))
        case .home, .char("g"): select(&s, 0)
        case .end, .char("G"): select(&s, Int.max)
        case .enter: open(&s)
        case .escape:
            if s.filter.isActive { s.filter = FilterState(); s.selection[s.screen] = 0 }
            else if hadStatus { /* Esc dismisses the status line */ }
        case .char("/"):
            if Rows.filterable(s.screen) {
                s.filter.editing = true
            } else {
                s.status = StatusLine(text: "This screen has no list to filter", isError: false)
            }
        case .char("n"), .char("N"):
            if s.filter.isActive { moveWrapping(&s, by: key == .char("n") ? 1 : -1) }
            else { s.status = StatusLine(text: "No filter: press / to type one", isError: false) }
        case .char("+"), .char("="): changeTargetYear(&s, by: 1)
        case .char("-"), .char("_"): changeTargetYear(&s, by: -1)
        case .click(let x, let y): return click(&s, x: x, y: y)
        case .wheelDown: move(&s, by: 3)
        case .wheelUp: move(&s, by: -3)
        default: break
        }
        return []
    }

    static func go(_ s: inout AppState, _ screen: Screen) {
        guard screen != s.screen else { return }
        s.screen = screen
        s.filter = FilterState()
        s.detailOpen = false
        s.detailScroll = 0
    }

    static func rowCount(_ s: AppState) -> Int { Rows.visible(s, s.screen).count }

    static func page(_ s: AppState) -> Int { max(1, s.lastSize.height - 8) }

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
        let rows = Rows.visible(s, s.screen)
        let i = s.selection[s.screen] ?? 0
        guard i < rows.count else { return }
        if case .panel(let target) = rows[i].item {
            go(&s, target)
            return
        }
        s.detailOpen = true
        s.detailScroll = 0
    }

    static func detail(_ s: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .escape, .backspace, .enter, .char("h"), .left: s.detailOpen = false; s.detailScroll = 0
        case .char("q"): return [.quit]
        case .down, .char("j"): s.detailScroll += 1
        case .up, .char("k"): s.detailScroll = max(0, s.detailScroll - 1)
        case .pageDown, .char(" "): s.detailScroll += page(s)
        case .pageUp: s.detailScroll = max(0, s.detailScroll - page(s))
        case .home, .char("g"): s.detailScroll = 0
        case .char("?"): s.helpVisible = true
        case .click, .wheelDown, .wheelUp:
            if case .wheelDown = key { s.detailScroll += 3 }
            else if case .wheelUp = key { s.detailScroll = max(0, s.detailScroll - 3) }
        case .char(let c) where c.isASCII && c.isNumber:
            if let n = c.wholeNumberValue, let sc = Screen(rawValue: n) { go(&s, sc) }
        default: break
        }
        return []
    }

    static func editFilter(_ s: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .enter:
            s.filter.editing = false
            if rowCount(s) == 0 { s.status = StatusLine(text: "No match for \"\(s.filter.query)\"", isError: true) }
        case .escape:
            s.filter = FilterState()
        case .backspace, .delete:
            if s.filter.query.isEmpty { s.filter.editing = false } else { s.filter.query.removeLast() }
        case .down: move(&s, by: 1); return []
        case .up: move(&s, by: -1); return []
        case .char(let c):
            guard s.filter.query.count < 80 else { return [] }
            s.filter.query.append(c)
        default: return []
        }
        // Keep the selection on a visible row as the list narrows.
        select(&s, s.selection[s.screen] ?? 0)
        return []
    }

    static func changeTargetYear(_ s: inout AppState, by delta: Int) {
        let latest = s.dataset.latestFullYear ?? s.dataset.asOf.year
        let lo = latest + 1, hi = latest + 50
        var next = s.targetYear + delta
        // A deadline from the data that has already passed: + goes to the first possible year.
        if delta > 0 && next < lo { next = lo }
        if next < lo {
            s.status = StatusLine(text: "The deadline must be after \(latest), the latest full year", isError: true)
        } else if next > hi {
            s.status = StatusLine(text: "The deadline can be at most \(hi)", isError: true)
        } else {
            s.targetYear = next
        }
    }

    static func click(_ s: inout AppState, x: Int, y: Int) -> [Effect] {
        let (w, h) = s.lastSize
        guard w >= Dashboard.minimumWidth, h >= Dashboard.minimumHeight else { return [] }
        if y == Chrome.tabRow {
            if let screen = Chrome.tab(at: x, state: s, width: w) { go(&s, screen) }
            return []
        }
        if s.screen == .overview {
            // A click selects a panel; a click on the selected panel opens its screen.
            let rects = OverviewScreen.panelRects(Chrome.body(width: w, height: h))
            guard let k = rects.firstIndex(where: { $0.contains(x: x, y: y) }) else { return [] }
            if s.selection[.overview] ?? 0 == k { open(&s) } else { s.selection[.overview] = k }
            return []
        }
        guard let (area, offset) = ScreenRenderer.listHitArea(s, width: w, height: h), area.contains(x: x, y: y) else { return [] }
        let index = offset + (y - area.y)
        guard index < rowCount(s) else { return [] }
        if s.selection[s.screen] ?? 0 == index { open(&s) } else { s.selection[s.screen] = index }
        return []
    }
}
