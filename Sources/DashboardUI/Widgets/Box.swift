/// A border around a panel, with a title in the top border and an optional footer in the bottom
/// one (`┌─ Trade ───┐` … `└──── 3/12 ─┘`). Focus changes the border's role.
public struct Box: Hashable, Sendable {
    public var title: String?
    public var focused: Bool
    public var footer: String?
    /// Clear the inside before drawing (for overlays such as help and detail views).
    public var clear: Bool

    public init(title: String? = nil, focused: Bool = false, footer: String? = nil, clear: Bool = false) {
        self.title = title
        self.focused = focused
        self.footer = footer
        self.clear = clear
    }

    /// The rectangle inside a box drawn in `area` (empty when the area is smaller than 3×3).
    public static func inner(_ area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        return area.inset(1)
    }

    /// Draws the box and returns the rectangle inside it. An area narrower or lower than 2 cells
    /// gets no border (nothing is drawn) and an empty inner rectangle.
    @discardableResult
    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) -> Rect {
        let inner = Box.inner(area)
        guard area.width >= 2, area.height >= 2 else { return inner }
        let ascii = canvas.asciiOnly || theme.ascii
        let b = ascii ? BoxChars.ascii : theme.box
        let style = theme.style(focused ? .borderFocused : .border)
        let w = area.width
        if clear { canvas.fill(inner) }
        let horizontal = String(repeating: b.horizontal, count: w - 2)
        canvas.put(String(b.topLeft) + horizontal + String(b.topRight), x: area.x, y: area.y, style: style, clip: area)
        canvas.put(String(b.bottomLeft) + horizontal + String(b.bottomRight), x: area.x, y: area.maxY - 1, style: style, clip: area)
        for yy in (area.y + 1)..<(area.maxY - 1) {
            canvas.put(String(b.vertical), x: area.x, y: yy, style: style, clip: area)
            canvas.put(String(b.vertical), x: area.maxX - 1, y: yy, style: style, clip: area)
        }
        // "┌─ Title ─┐": the title starts after one border cell and keeps a space on each side.
        let room = w - 6
        if let title, room >= 1 {
            let t: Line = [Span(text: title, role: .title)]
            // In one or two columns a letter says more than an ellipsis.
            let drawn = canvas.put(t, in: Rect(x: area.x + 3, y: area.y, width: room, height: 1), theme: theme, truncate: room > 2)
            if drawn > 0 {
                canvas.put(" ", x: area.x + 2, y: area.y, style: style, clip: area)
                canvas.put(" ", x: area.x + 3 + drawn, y: area.y, style: style, clip: area)
            }
        }
        if let footer, room >= 1 {
            let f: Line = [Span(text: footer, role: .footer)]
            let prepared = f.prepared(ascii: ascii)
            let fw = min(prepared.width, room)
            let fx = area.maxX - 3 - fw
            let drawn = canvas.put(f, in: Rect(x: fx, y: area.maxY - 1, width: fw, height: 1), theme: theme, truncate: fw > 2)
            if drawn > 0 {
                canvas.put(" ", x: fx - 1, y: area.maxY - 1, style: style, clip: area)
                canvas.put(" ", x: fx + fw, y: area.maxY - 1, style: style, clip: area)
            }
        }
        return inner
    }
}
