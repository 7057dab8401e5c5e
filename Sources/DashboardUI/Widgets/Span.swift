/// A run of text drawn in one role of the theme.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var role: Role
    /// The address the text links to (a source's URL): clickable where the terminal supports OSC 8,
    /// plain text everywhere else. It follows the text when it is wrapped, cut or merged.
    public var link: String?

    public init(text: String, role: Role = .normal, link: String? = nil) {
        self.text = text
        self.role = role
        self.link = link
    }

    public init(_ text: String, role: Role = .normal, link: String? = nil) {
        self.init(text: text, role: role, link: link)
    }

    public init(stringLiteral value: String) {
        self.init(text: value)
    }

    /// Columns taken on a terminal.
    public var width: Int { DisplayWidth.of(text) }
}

/// One line of styled text: runs of spans drawn one after the other.
public typealias Line = [Span]

extension Array where Element == Span {
    /// A line of one span.
    public static func text(_ text: String, role: Role = .normal) -> Line { [Span(text: text, role: role)] }

    /// Columns taken on a terminal.
    public var width: Int { reduce(0) { $0 + $1.width } }

    /// The text without roles.
    public var plainText: String { map(\.text).joined() }

    /// The same line with control characters made harmless and, when `ascii`, transliterated to
    /// 7-bit ASCII, so that widths measured on it are the widths drawn.
    public func prepared(ascii: Bool, keepNewlines: Bool = false) -> Line {
        compactMap { span in
            let t = TextLayout.display(span.text, ascii: ascii, keepNewlines: keepNewlines)
            return t.isEmpty ? nil : Span(text: t, role: span.role, link: span.link)
        }
    }

    /// At most `width` columns; when cut, ends with `ellipsis` (in the role of the last kept span).
    public func truncated(to width: Int, ellipsis: String) -> Line {
        if self.width <= width { return self }
        guard width > 0 else { return [] }
        let ew = DisplayWidth.of(ellipsis)
        if ew > width { return prefix(width: width) }
        var kept = prefix(width: width - ew)
        // No space before the ellipsis.
        while let last = kept.last {
            var t = last.text
            while t.last == " " { t.removeLast() }
            if t.isEmpty { kept.removeLast(); continue }
            kept[kept.count - 1].text = t
            break
        }
        let role = kept.last?.role ?? first?.role ?? .normal
        // A cut address still links to the whole of it, the ellipsis too.
        if ew > 0 { kept.append(Span(text: ellipsis, role: role, link: kept.last?.link)) }
        return kept
    }

    /// The longest start of the line that fits `width` columns, cut without an ellipsis.
    public func prefix(width: Int) -> Line {
        var out: Line = []
        var used = 0
        for span in self {
            var t = ""
            var full = false
            for ch in span.text {
                let w = DisplayWidth.of(ch)
                if used + w > width { full = true; break }
                used += w
                t.append(ch)
            }
            if !t.isEmpty { out.append(Span(text: t, role: span.role, link: span.link)) }
            if full { break }
        }
        return out
    }

    /// Adjacent spans of the same role (and link) merged.
    public var coalesced: Line {
        var out: Line = []
        for span in self where !span.text.isEmpty {
            if let last = out.last, last.role == span.role, last.link == span.link { out[out.count - 1].text += span.text } else { out.append(span) }
        }
        return out
    }
}

extension Canvas {
    /// Draws a line of spans from column `x`, each in its role's style; clipped to `clip`.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func put(_ line: Line, x: Int, y: Int, theme: Theme, clip: Rect? = nil) -> Int {
        var cx = x
        let area = clip ?? bounds
        for span in line {
            let text = TextLayout.display(span.text, ascii: asciiOnly || theme.ascii)
            _ = put(text, x: cx, y: y, style: theme.style(span.role), clip: area, link: span.link.map { linkID($0) } ?? 0)
            cx += DisplayWidth.of(text)
        }
        return max(0, min(cx, area.maxX) - max(x, area.x))
    }

    /// Draws a line into the first row of `row`, aligned, truncated with the theme's ellipsis when
    /// it does not fit (or cut hard when `truncate` is false). Never draws outside `row`.
    @discardableResult
    public mutating func put(_ line: Line, in row: Rect, align: Alignment = .left, theme: Theme, truncate: Bool = true) -> Int {
        guard !row.isEmpty else { return 0 }
        let ascii = asciiOnly || theme.ascii
        let prepared = line.prepared(ascii: ascii)
        let ellipsis = TextLayout.display(theme.ellipsis, ascii: ascii)
        let fitted = truncate ? prepared.truncated(to: row.width, ellipsis: ellipsis) : prepared.prefix(width: row.width)
        let w = fitted.width
        let x: Int
        switch align {
        case .left: x = row.x
        case .right: x = row.maxX - w
        case .center: x = row.x + (row.width - w) / 2
        }
        put(fitted, x: x, y: row.y, theme: theme, clip: Rect(x: row.x, y: row.y, width: row.width, height: 1))
        return w
    }
}
