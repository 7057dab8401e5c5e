/// One key and what it does, as shown in the footer.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var action: String

    public init(key: String, action: String) {
        self.key = key
        self.action = action
    }
}

/// The footer line of keys: `q quit  ? help  / filter`. Hints that do not fit are left out from the
/// right (an ellipsis says so); a single hint that does not fit is truncated.
public struct KeyHints: Hashable, Sendable {
    public var hints: [KeyHint]

    public init(hints: [(key: String, action: String)]) {
        self.hints = hints.map { KeyHint(key: $0.key, action: $0.action) }
    }

    public init(_ hints: [KeyHint]) {
        self.hints = hints
    }

    /// The line drawn in `width` columns.
    public func line(width: Int, ascii: Bool = false, ellipsis: String = "…") -> Line {
        guard width > 0, !hints.isEmpty else { return [] }
        let ell = TextLayout.display(ellipsis, ascii: ascii)
        let ew = DisplayWidth.of(ell)
        let parts: [Line] = hints.map {
            [Span(text: $0.key, role: .footerKey), Span(text: " " + $0.action, role: .footer)].prepared(ascii: ascii)
        }
        func joined(_ k: Int, more: Bool) -> Line {
            var out: Line = []
            for (i, p) in parts.prefix(k).enumerated() {
                if i > 0 { out.append(Span(text: "  ", role: .footer)) }
                out += p
            }
            if more && ew > 0 {
                if !out.isEmpty { out.append(Span(text: "  ", role: .footer)) }
                out.append(Span(text: ell, role: .footer))
            }
            return out.coalesced
        }
        // The most hints that fit, with an ellipsis when some are left out.
        for k in stride(from: parts.count, through: 1, by: -1) {
            let more = k < parts.count
            let l = joined(k, more: more)
            if l.width <= width { return l }
            if more && joined(k, more: false).width <= width { return joined(k, more: false) }
        }
        return parts[0].truncated(to: width, ellipsis: ell)
    }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let ascii = canvas.asciiOnly || theme.ascii
        canvas.put(line(width: area.width, ascii: ascii, ellipsis: theme.ellipsis), in: Rect(x: area.x, y: area.y, width: area.width, height: 1), theme: theme)
    }
}
