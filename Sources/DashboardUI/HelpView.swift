import TradeModel

/// `?`: the keys of the current screen.
enum HelpView {
    static func keys(_ s: AppState) -> [(String, String)] {
        var k: [(String, String)] = [
            ("1-7", "jump to a screen"), ("Tab / Shift-Tab", "next / previous screen"),
        ]
        switch s.screen {
        case .overview:
            k += [("←→ h l ↑↓ j k", "move between panels"), ("Enter", "open the panel's screen")]
        case .target:
            k += [("+ / -", "move the deadline year (now \(s.targetYear))"), ("↑↓ j k", "select a scenario"), ("Enter", "the scenario's projection"),
                  ("h l ←→", "previous / next screen")]
        default:
            k += [("↑↓ j k", "move the selection"), ("PgUp PgDn Space", "a page up / down"), ("g G Home End", "first / last row"),
                  ("Enter", "detail with sources"), ("Esc", "back; clears the filter"), ("/", "filter the list as you type"),
                  ("n / N", "next / previous match"), ("h l ←→", "previous / next screen")]
        }
        k += [("r", "reload the data file"), ("e", "show the problems of a failed reload"), ("Ctrl-L", "redraw the screen"),
              ("Ctrl-Z", "suspend to the shell (fg returns)"), ("?", "this help"), ("q  Ctrl-C", "quit")]
        return k
    }

    static func lines(_ s: AppState) -> [Line] {
        let list = keys(s)
        let keyWidth = list.map { DisplayWidth.of($0.0) }.max() ?? 10
        return list.map { [Span(TextLayout.pad($0.0, width: keyWidth + 2), role: .footerKey), Span($0.1)] }
            + [[], Line.text(Figures.legend(ascii: s.theme.ascii), role: .dim)]
    }

    static func area(_ s: AppState, _ body: Rect) -> Rect {
        let keyWidth = keys(s).map { DisplayWidth.of($0.0) }.max() ?? 10
        let width = min(body.width, max(50, keyWidth + 50))
        let height = min(body.height, lines(s).count + 4)
        return Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
    }

    static func maxScroll(_ s: AppState) -> Int {
        let a = area(s, Chrome.body(width: s.lastSize.width, height: s.lastSize.height))
        let inner = Box.inner(a)
        return max(0, DetailView.wrap(lines(s), width: inner.width + 1).count - inner.height)
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let lines = lines(s)
        let area = area(s, body)
        c.fill(area, style: .plain)
        let inner = Box(title: "Keys: \(s.screen.title)", focused: true, footer: "Esc closes").render(into: &c, area: area, theme: s.theme)
        let wrapped = DetailView.wrap(lines, width: inner.width + 1)
        _ = Paragraph(lines: Array(wrapped.dropFirst(min(s.detailScroll, max(0, wrapped.count - inner.height)))), wrap: false).render(into: &c, area: inner, theme: s.theme)
    }
}
