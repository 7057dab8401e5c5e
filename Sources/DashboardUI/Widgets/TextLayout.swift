/// Horizontal alignment of text in a field.
public enum Alignment: Hashable, Sendable {
    case left, center, right
}

/// Wrapping, truncation and padding of text by display width (wide characters take two columns,
/// combining marks none), so that what is measured is what the canvas draws.
public enum TextLayout {
    /// Makes text safe to measure and draw on one line: tabs and (unless `keepNewlines`) line breaks
    /// become spaces, other control characters are dropped.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        var needs = false
        for u in text.unicodeScalars where u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        for ch in text {
            if ch.isNewline {
                out.append(keepNewlines ? "\n" : " ")
            } else if ch == "\t" {
                out.append(" ")
            } else if let u = ch.unicodeScalars.first, u.value < 0x20 || (0x7F...0x9F).contains(u.value) {
                continue
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// `clean`, then transliterated to 7-bit ASCII when `ascii`.
    public static func display(_ text: String, ascii: Bool, keepNewlines: Bool = false) -> String {
        let c = clean(text, keepNewlines: keepNewlines)
        return ascii ? Transliteration.ascii(c) : c
    }

    /// Word wrap to `width` columns: breaks at spaces, hard-breaks words longer than the width,
    /// keeps explicit newlines (an empty line stays an empty line). A character wider than the
    /// whole width is left out. No line is ever wider than `width`.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap([Span(text: text)], width: width).map(\.plainText)
    }

    /// Word wrap of styled text; roles follow their characters onto the new lines.
    public static func wrap(_ line: Line, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        var paragraphs: [[Glyph]] = [[]]
        for span in line {
            for ch in clean(span.text, keepNewlines: true) {
                if ch == "\n" { paragraphs.append([]); continue }
                paragraphs[paragraphs.count - 1].append(Glyph(ch: ch, role: span.role, link: span.link, width: DisplayWidth.of(ch)))
            }
        }
        var result: [Line] = []
        for p in paragraphs { result += wrapParagraph(p, width: width).map(makeLine) }
        return result
    }

    private struct Glyph {
        var ch: Character
        var role: Role
        var link: String?
        var width: Int
        var isSpace: Bool { ch == " " }
    }

    private static func makeLine(_ glyphs: [Glyph]) -> Line {
        var out: Line = []
        for g in glyphs {
            if let last = out.last, last.role == g.role, last.link == g.link { out[out.count - 1].text.append(g.ch) } else { out.append(Span(text: String(g.ch), role: g.role, link: g.link)) }
        }
        return out
    }

    private static func wrapParagraph(_ glyphs: [Glyph], width: Int) -> [[Glyph]] {
        // Tokens: runs of spaces and runs of other characters.
        var tokens: [[Glyph]] = []
        for g in glyphs {
            if let last = tokens.last?.last, last.isSpace == g.isSpace { tokens[tokens.count - 1].append(g) } else { tokens.append([g]) }
        }
        var lines: [[Glyph]] = []
        var cur: [Glyph] = []
        var curW = 0
        var pending: [Glyph] = []
        var atParagraphStart = true
        func flush() {
            lines.append(cur)
            cur = []
            curW = 0
        }
        for token in tokens {
            if token[0].isSpace {
                pending = token
                continue
            }
            let ww = token.reduce(0) { $0 + $1.width }
            let sw = pending.reduce(0) { $0 + $1.width }
            if curW == 0 && cur.isEmpty {
                // Indentation is kept only at the start of a paragraph, and only if the word still fits.
                if atParagraphStart && !pending.isEmpty && sw + ww <= width {
                    cur = pending
                    curW = sw
                }
            } else if curW + sw + ww <= width {
                cur += pending
                curW += sw
            } else {
                flush()
            }
            pending = []
            atParagraphStart = false
            if curW + ww <= width {
                cur += token
                curW += ww
            } else {
                // Hard break of a word longer than the line.
                if curW > 0 { flush() }
                for g in token {
                    if g.width > width { continue }
                    if curW + g.width > width { flush() }
                    cur.append(g)
                    curW += g.width
                }
            }
        }
        if !cur.isEmpty || lines.isEmpty { lines.append(cur) }
        return lines
    }

    /// At most `width` columns; when the text is longer it is cut and ends with `ellipsis`.
    /// Wide characters are never split; the result may be one column short because of one.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        [Span(text: clean(text))].truncated(to: width, ellipsis: ellipsis).plainText
    }

    /// The longest start of `text` that fits `width` columns.
    public static func prefix(_ text: String, width: Int) -> String {
        [Span(text: clean(text))].prefix(width: width).plainText
    }

    /// Exactly `width` columns: the text aligned in a field of spaces (cut when longer).
    public static func pad(_ text: String, width: Int, align: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let t = prefix(text, width: width)
        let fill = width - DisplayWidth.of(t)
        switch align {
        case .left: return t + String(repeating: " ", count: fill)
        case .right: return String(repeating: " ", count: fill) + t
        case .center:
            let l = fill / 2
            return String(repeating: " ", count: l) + t + String(repeating: " ", count: fill - l)
        }
    }
}
