/// Lines of styled text, word-wrapped (or truncated with the theme's ellipsis) and scrolled.
public struct Paragraph: Hashable, Sendable {
    public var lines: [Line]
    public var wrap: Bool
    /// The first line shown (after wrapping); clamped so that the last page is full.
    public var scroll: Int
    public var align: Alignment

    public init(lines: [Line], wrap: Bool = true, scroll: Int = 0, align: Alignment = .left) {
        self.lines = lines
        self.wrap = wrap
        self.scroll = scroll
        self.align = align
    }

    /// One block of text in one role; newlines start new lines.
    public init(_ text: String, role: Role = .normal, wrap: Bool = true, scroll: Int = 0, align: Alignment = .left) {
        self.init(lines: [[Span(text: text, role: role)]], wrap: wrap, scroll: scroll, align: align)
    }

    /// The lines as they are drawn at `width` columns (wrapped or truncated).
    public func layout(width: Int, ascii: Bool = false, ellipsis: String = "…") -> [Line] {
        guard width > 0 else { return [] }
        var out: [Line] = []
        let ell = TextLayout.display(ellipsis, ascii: ascii)
        for line in lines {
            let prepared = line.prepared(ascii: ascii, keepNewlines: true)
            if wrap {
                out += TextLayout.wrap(prepared, width: width)
            } else {
                // Explicit newlines still start new lines; each is cut to the width.
                for part in TextLayout.wrap(prepared, width: Int.max / 4) {
                    out.append(part.truncated(to: width, ellipsis: ell))
                }
            }
        }
        return out
    }

    /// How many lines the text needs at `width` columns (for scrolling).
    public func lineCount(width: Int, ascii: Bool = false) -> Int {
        layout(width: width, ascii: ascii).count
    }

    /// The largest useful scroll offset in an area of `height` rows.
    public func maxScroll(width: Int, height: Int, ascii: Bool = false) -> Int {
        max(0, lineCount(width: width, ascii: ascii) - max(0, height))
    }

    /// Draws the visible lines; returns how many lines the text needs in this width.
    @discardableResult
    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) -> Int {
        let ascii = canvas.asciiOnly || theme.ascii
        let all = layout(width: area.width, ascii: ascii, ellipsis: theme.ellipsis)
        guard !area.isEmpty else { return all.count }
        let start = min(max(0, scroll), max(0, all.count - area.height))
        for (k, line) in all.dropFirst(start).prefix(area.height).enumerated() {
            canvas.put(line, in: Rect(x: area.x, y: area.y + k, width: area.width, height: 1), align: align, theme: theme)
        }
        return all.count
    }
}
