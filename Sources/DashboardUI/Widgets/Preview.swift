import TradeModel

/// The box under or beside a list showing the selected item's detail (Enter shows all of it).
enum Preview {
    static func draw(_ s: AppState, title: String, lines: [Line], area: Rect, into c: inout Canvas) {
        let inner = Box(title: title, footer: "Enter: full detail").render(into: &c, area: area, theme: s.theme)
        _ = Paragraph(lines: lines, wrap: true).render(into: &c, area: inner, theme: s.theme)
    }
}
