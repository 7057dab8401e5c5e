/// A box of lines over the screen: a row's detail, the reload problems, or the keys. It holds its
/// lines, so that the state knows how far it can scroll without asking the screens.
public struct Overlay: Hashable, Sendable {
    public enum Placement: Hashable, Sendable {
        /// The whole body, with a footer that says where the scroll is (detail, problems).
        case body
        /// Centred, as wide as the key column plus 50 (help), with a fixed footer.
        case centered(keyWidth: Int, footer: String)
        /// The whole body without side borders: a title row, the lines from the first column to the
        /// last, a footer row. A line alone on its row (an address, `o`) is selected by a
        /// terminal's triple-click without a border character.
        case bare(footer: String)
    }

    public var title: String
    public var lines: [Line]
    public var scroll = 0
    public var placement: Placement

    /// The rectangle the overlay takes in the body.
    func area(_ body: Rect) -> Rect {
        switch placement {
        case .body, .bare: return body
        case .centered(let keyWidth, _):
            let width = min(body.width, max(50, keyWidth + 50))
            let height = min(body.height, lines.count + 4)
            return Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
        }
    }

    /// The lines wrapped to the overlay's inner width. A detail whose title is cut in the top border
    /// (wider than the border's room, the box's width less 6) starts with the title in full.
    func wrapped(_ inner: Rect) -> [Line] {
        switch placement {
        case .body:
            let cut = DisplayWidth.of(title) > inner.width + 2 - 6
            return Overlay.wrap(cut ? [Line.text(title, role: .title)] + lines : lines, width: inner.width)
        case .centered, .bare: return Overlay.wrap(lines, width: inner.width + 1)
        }
    }

    /// Where the lines go in the overlay's area.
    func inner(_ area: Rect) -> Rect {
        guard case .bare = placement else { return Box.inner(area) }
        return Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 2))
    }

    /// How far it can scroll at a terminal size: the state never scrolls past the end, so that the
    /// first key back moves at once.
    public func maxScroll(width: Int, height: Int) -> Int {
        let inner = inner(area(Chrome.body(width: width, height: height)))
        return max(0, wrapped(inner).count - inner.height)
    }

    /// The same overlay with its scroll kept within the lines at a size.
    func clamped(width: Int, height: Int) -> Overlay {
        var o = self
        o.scroll = max(0, min(scroll, maxScroll(width: width, height: height)))
        return o
    }

    func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let area = area(body)
        c.fill(area, style: .plain)
        let inner0 = inner(area)
        let wrapped = wrapped(inner0)
        let maxScroll = max(0, wrapped.count - inner0.height)
        let scroll = min(self.scroll, maxScroll)
        switch placement {
        case .body:
            var footer = "Esc back"
            if maxScroll > 0 { footer += " · j/k scroll · lines \(scroll + 1)-\(min(wrapped.count, scroll + inner0.height)) of \(wrapped.count)" }
            let inner = Box(title: title, focused: true, footer: footer).render(into: &c, area: area, theme: s.theme)
            _ = Paragraph(lines: Array(wrapped.dropFirst(scroll)), wrap: false)
                .render(into: &c, area: Rect(x: inner.x, y: inner.y, width: inner.width - 1, height: inner.height), theme: s.theme)
        case .centered(_, var footer):
            // The help scrolls when the terminal is too low for it: say so, as a detail does.
            if maxScroll > 0 { footer += " · j/k scroll · lines \(scroll + 1)-\(min(wrapped.count, scroll + inner0.height)) of \(wrapped.count)" }
            let inner = Box(title: title, focused: true, footer: footer).render(into: &c, area: area, theme: s.theme)
            _ = Paragraph(lines: Array(wrapped.dropFirst(scroll)), wrap: false).render(into: &c, area: inner, theme: s.theme)
        case .bare(let footer):
            let rule = String(s.theme.box.horizontal)
            c.put([Span(rule + " " + title + " ", role: .title)] + [Span(String(repeating: rule, count: max(0, area.width)), role: .borderFocused)],
                  in: Rect(x: area.x, y: area.y, width: area.width, height: 1), theme: s.theme, truncate: false)
            _ = Paragraph(lines: Array(wrapped.dropFirst(scroll)), wrap: false).render(into: &c, area: inner0, theme: s.theme)
            let more = maxScroll > 0 ? "j/k scroll · lines \(scroll + 1)-\(min(wrapped.count, scroll + inner0.height)) of \(wrapped.count)" : ""
            let text = [footer, more].filter { !$0.isEmpty }.joined(separator: " · ")
            c.put([Span(text, role: .dim)], in: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), theme: s.theme)
        }
    }

    /// Wraps each line to the width, continuing an indented line under its indent (a hanging indent),
    /// so that a source or a note stays visibly under the figure it belongs to.
    static func wrap(_ lines: [Line], width: Int) -> [Line] {
        let w = max(1, width - 1)
        return lines.flatMap { line -> [Line] in
            guard let first = line.first else { return [[]] }
            let indent = first.text.prefix { $0 == " " }.count
            guard indent > 0, indent < w / 2 else { return TextLayout.wrap(line, width: w) }
            var rest = line
            rest[0].text = String(first.text.dropFirst(indent))
            let pad = Span(String(repeating: " ", count: indent), role: first.role)
            return TextLayout.wrap(rest, width: w - indent).map { [pad] + $0 }
        }
    }
}

/// What Enter shows for a row: a title and its lines.
struct Detail {
    var title: String
    var lines: [Line]
}

extension Overlay {
    static func detail(_ d: Detail, scroll: Int = 0) -> Overlay {
        Overlay(title: d.title, lines: d.lines, scroll: scroll, placement: .body)
    }

    static func problems(_ s: AppState, scroll: Int = 0) -> Overlay {
        let lines = [Line.text("The file changed and is no longer valid; the dashboard keeps showing the data it had.", role: .warning), []]
            + s.loadProblems.map { Line.text($0, role: .error) } + [[], Line.text("Fix the file and press r to reload.", role: .dim)]
        return Overlay(title: "Reload problems (\(s.loadProblems.count))", lines: lines, scroll: scroll, placement: .body)
    }
}
