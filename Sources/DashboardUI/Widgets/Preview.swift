import TradeModel

/// The box under or beside a list showing the selected item's detail (Enter shows all of it).
enum Preview {
    /// The box's title when the item's own does not fit in its top border.
    static let shortTitle = "Selected"

    /// A title too long for the top border is not cut: it becomes the first lines of the text, in
    /// full, under a short box title.
    static func draw(_ s: AppState, title: String, lines: [Line], area: Rect, into c: inout Canvas) {
        let fits = DisplayWidth.of(TextLayout.display(title, ascii: c.asciiOnly || s.theme.ascii)) <= area.width - 6
        let inner = Box(title: fits ? title : shortTitle, footer: "Enter: full detail").render(into: &c, area: area, theme: s.theme)
        let text = fits ? lines : [Line.text(title, role: .title)] + lines
        _ = Paragraph(lines: text, wrap: true).render(into: &c, area: inner, theme: s.theme)
    }
}
