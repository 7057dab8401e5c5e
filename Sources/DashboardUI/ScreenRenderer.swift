import TradeModel

/// Draws the header, the current screen, the overlays and the footer.
enum ScreenRenderer {
    static func draw(_ s: AppState, into c: inout Canvas) {
        guard c.width >= Dashboard.minimumWidth, c.height >= Dashboard.minimumHeight else {
            drawTooSmall(s, into: &c)
            return
        }
        Chrome.drawHeader(s, into: &c)
        let body = Chrome.body(width: c.width, height: c.height)
        switch s.screen {
        case .overview: OverviewScreen.draw(s, body, into: &c)
        case .trade: TradeScreen.draw(s, body, into: &c)
        case .target: TargetScreen.draw(s, body, into: &c)
        case .energy: EnergyScreen.draw(s, body, into: &c)
        case .infrastructure: InfrastructureScreen.draw(s, body, into: &c)
        case .timeline: TimelineScreen.draw(s, body, into: &c)
        case .sources: SourcesScreen.draw(s, body, into: &c)
        }
        if s.detailOpen { DetailView.draw(s, body, into: &c) }
        if s.problemsVisible { DetailView.drawProblems(s, body, into: &c) }
        if s.helpVisible { HelpView.draw(s, body, into: &c) }
        Chrome.drawFooter(s, into: &c)
    }

    static func drawTooSmall(_ s: AppState, into c: inout Canvas) {
        let lines = ["terminal too small: \(c.width)×\(c.height) (needs \(Dashboard.minimumWidth)×\(Dashboard.minimumHeight))",
                     "enlarge the window, or press q to quit"]
        for (k, line) in lines.enumerated() {
            let y = max(0, c.height / 2 - 1 + k)
            guard y < c.height else { break }
            let text = TextLayout.truncate(line, width: c.width, ellipsis: s.theme.ellipsis)
            c.put(text, x: max(0, (c.width - DisplayWidth.of(text)) / 2), y: y, style: s.theme.style(k == 0 ? .warning : .dim))
        }
    }

    /// The rows area of the current screen's list and its scroll offset, for mouse clicks.
    static func listHitArea(_ s: AppState, width: Int, height: Int) -> (Rect, Int)? {
        guard !s.detailOpen, !s.helpVisible, !s.problemsVisible else { return nil }
        let body = Chrome.body(width: width, height: height)
        let table: (Rect, Table)?
        switch s.screen {
        case .overview: return OverviewScreen.panelHitArea(s, body)
        case .trade: table = TradeScreen.tableLayout(s, body)
        case .target: table = TargetScreen.tableLayout(s, body)
        case .energy: table = EnergyScreen.tableLayout(s, body)
        case .infrastructure: table = InfrastructureScreen.tableLayout(s, body)
        case .timeline: table = TimelineScreen.tableLayout(s, body)
        case .sources: table = SourcesScreen.tableLayout(s, body)
        }
        guard let (rect, t) = table else { return nil }
        let rows = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        return (rows, t.effectiveOffset(height: rect.height))
    }

    /// A list table with the state's selection and the filter's empty message.
    static func listTable(_ s: AppState, _ screen: Screen, columns: [TableColumn]) -> Table {
        let rows = Rows.visible(s, screen)
        let empty = s.filter.isActive ? "No match for \"\(s.filter.query)\" (Esc clears the filter)" : "Nothing in the dataset yet (unknown)"
        var t = Table(columns: columns, rows: rows.map(\.cells), selected: rows.isEmpty ? nil : min(s.selection[screen] ?? 0, rows.count - 1),
                      emptyText: empty)
        t.highlight = .firstColumn
        return t
    }

    /// A list screen: the boxed table of the screen's rows and, where there is room, the selected row's
    /// detail beside or below it.
    static func drawList(_ s: AppState, _ screen: Screen, title: String, columns: [TableColumn], table: Rect, preview: Rect?, into c: inout Canvas) {
        let inner = Box(title: listTitle(s, screen, title), focused: true).render(into: &c, area: table, theme: s.theme)
        listTable(s, screen, columns: columns).render(into: &c, area: inner, theme: s.theme)
        if let preview, let item = selectedItem(s, screen) {
            Preview.draw(s, title: DetailView.title(s, item), lines: DetailView.lines(s, item), area: preview, into: &c)
        }
    }

    /// The selected row's item on a screen, if any.
    static func selectedItem(_ s: AppState, _ screen: Screen) -> DetailItem? {
        let rows = Rows.visible(s, screen)
        let i = s.selection[screen] ?? 0
        return i < rows.count ? rows[i].item : nil
    }

    /// A box title with the list position, e.g. "Energy deals 2/4".
    static func listTitle(_ s: AppState, _ screen: Screen, _ title: String) -> String {
        let n = Rows.visible(s, screen).count
        let total = Rows.all(s, screen).count
        let pos = n == 0 ? "0" : "\(min((s.selection[screen] ?? 0) + 1, n))/\(n)"
        return s.filter.isActive ? "\(title) [\(pos), filtered from \(total)]" : "\(title) [\(pos)]"
    }
}
