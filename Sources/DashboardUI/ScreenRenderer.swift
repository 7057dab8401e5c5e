import TradeModel

/// Draws the header, the current screen and the footer.
enum ScreenRenderer {
    static func draw(_ s: AppState, into c: inout Canvas) {
        guard c.width >= Dashboard.minimumWidth, c.height >= Dashboard.minimumHeight else {
            let msg = "terminal too small: \(c.width)×\(c.height) (needs \(Dashboard.minimumWidth)×\(Dashboard.minimumHeight))"
            c.put(msg, x: max(0, (c.width - DisplayWidth.of(msg)) / 2), y: c.height / 2, style: s.theme.style(.warning))
            return
        }
        c.put(s.dataset.title, x: 0, y: 0, style: s.theme.style(.title))
        c.put("[\(s.screen.rawValue)] \(s.screen.title)", x: 0, y: 2)
        c.put("q quit", x: 0, y: c.height - 1, style: s.theme.style(.footer))
    }
}
