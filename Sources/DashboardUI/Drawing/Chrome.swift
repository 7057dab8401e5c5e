import TradeModel

/// The parts around every screen: the header with the pair and the as-of date, the tab bar, the footer.
enum Chrome {
    static let headerRow = 0
    static let tabRow = 1

    /// The area left for the screen itself.
    static func body(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 2, width: width, height: height - 3)
    }

    static func drawHeader(_ s: AppState, into c: inout Canvas) {
        let t = s.theme
        let right = "as of \(s.dataset.asOf.display)"
        let rightWidth = DisplayWidth.of(right)
        c.fill(Rect(x: 0, y: headerRow, width: c.width, height: 1), style: t.style(.headerBar))
        let names = s.dataset.countries.map(\.name)
        let title = s.dataset.title
        // The pair by name; the dataset's title too when it says more than the names.
        var lead: Line = [Span("tradedash  ", role: .dim)]
        if names.allSatisfy({ title.contains($0) }) {
            lead.append(Span(title, role: .title))
        } else {
            lead += [Span(names.joined(separator: " – "), role: .title), Span("  " + title, role: .dim)]
        }
        c.put(lead, in: Rect(x: 1, y: headerRow, width: max(0, c.width - rightWidth - 4), height: 1), theme: t)
        c.put([Span(right, role: .dim)], in: Rect(x: c.width - rightWidth - 1, y: headerRow, width: rightWidth, height: 1), theme: t)
        TabBar(titles: Screen.allCases.map(\.title), shortTitles: Screen.allCases.map(\.shortTitle), selected: s.screen.number - 1)
            .render(into: &c, area: Rect(x: 0, y: tabRow, width: c.width, height: 1), theme: t)
    }

    /// The screen whose tab is at column `x`: the tab bar is drawn into a scratch row and read back,
    /// so that clicks always agree with what is shown.
    static func tab(at x: Int, state s: AppState, width: Int) -> Screen? {
        var row = Canvas(width: width, height: 1, asciiOnly: s.theme.ascii)
        TabBar(titles: Screen.allCases.map(\.title), shortTitles: Screen.allCases.map(\.shortTitle), selected: s.screen.number - 1)
            .render(into: &row, area: Rect(x: 0, y: 0, width: width, height: 1), theme: s.theme)
        var starts = [(Int, Screen)]()
        for col in 0..<width {
            let text = row[col, 0].text
            if let n = Int(text), let sc = Screen(number: n), col == 0 || row[col - 1, 0].text == " " || !row[col - 1, 0].text.allSatisfy(\.isNumber) {
                if !starts.contains(where: { $0.1 == sc }) { starts.append((col, sc)) }
            }
        }
        return starts.last { $0.0 <= x }?.1
    }

    static func drawFooter(_ s: AppState, into c: inout Canvas) {
        let row = Rect(x: 0, y: c.height - 1, width: c.width, height: 1)
        let t = s.theme
        if s.mode == .filtering {
            let count = ListRow.visible(s, s.screen).count
            let prompt: Line = [Span("/", role: .footerKey), Span(s.filter.query)]
            let used = c.put(prompt, in: row, theme: t)
            c.put([Span("  \(count) match\(count == 1 ? "" : "es")", role: .dim)], in: Rect(x: used + 1, y: row.y, width: max(0, row.width - used - 1), height: 1), theme: t)
            // The terminal's own cursor marks where typing goes.
            c.cursor = (min(used, c.width - 1), row.y)
            return
        }
        if let status = s.status ?? s.reloadingStatus {
            c.fill(row, style: t.style(status.isError ? .error : .status))
            c.put([Span(" " + status.text, role: status.isError ? .error : .status)], in: row, theme: t)
            return
        }
        KeyHints(hints: KeyTable.hints(s)).render(into: &c, area: row, theme: t)
    }
}
