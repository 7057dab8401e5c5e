/// One cell of the canvas: a grapheme cluster and its style. A wide cluster occupies its own cell
/// (its width, usually 2) and the next ones (width 0, empty text), so that columns always line up.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style
    /// The cell's link: 0 for none, else the canvas's `links[link - 1]`. Any other write clears it.
    public var link: UInt16

    public init(_ text: String = " ", width: UInt8 = 1, style: Style = .plain, link: UInt16 = 0) {
        self.text = text
        self.width = width
        self.style = style
        self.link = link
    }

    public static let blank = Cell()
}

/// A grid of styled cells that screens draw into. It never grows: writes outside it are clipped, so
/// no line can ever be wider than the screen. A front end (ncurses, text, ANSI) shows it as it is.
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// When true every text written is transliterated to 7-bit ASCII (the ASCII theme, `LANG=C`).
    public var asciiOnly: Bool
    /// Where the terminal cursor should rest (nil: hidden).
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY = 0
    /// The addresses cells link to (see `Cell.link`), each once.
    public private(set) var links: [String] = []

    /// The link number of an address, added on first use (0 when the canvas has too many to number).
    public mutating func linkID(_ url: String) -> UInt16 {
        if let i = links.firstIndex(of: url) { return UInt16(i + 1) }
        guard links.count < Int(UInt16.max) - 1 else { return 0 }
        links.append(url)
        return UInt16(links.count)
    }

    /// The address the cell at (x, y) links to.
    public func link(x: Int, y: Int) -> String? {
        let id = self[x, y].link
        return id == 0 ? nil : links[Int(id) - 1]
    }

    public init(width: Int, height: Int, asciiOnly: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
        self.asciiOnly = asciiOnly
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from column `x` of row `y`, clipped to `clip` (default: the whole canvas).
    /// Returns the number of columns written. A wide character that does not fit whole becomes spaces.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil, link: UInt16 = 0) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return 0 }
        let source = asciiOnly ? Transliteration.ascii(text) : text
        var cx = x
        for ch in source {
            if ch == "\n" || ch == "\r" || ch == "\t" {
                if cx >= area.x && cx < area.maxX { clearWide(at: cx, y: y); self[cx, y] = Cell(" ", width: 1, style: style, link: link) }
                cx += 1
                continue
            }
            let w = DisplayWidth.of(ch)
            var text = String(ch)
            // A joiner at the end of a cluster joins nothing in it; left in a cell it would make a
            // terminal (and wcwidth) skip the first character of the next cell.
            if ch.utf8.count >= 3, ch.unicodeScalars.last == "\u{200D}" {
                var scalars = Substring(text).unicodeScalars
                while scalars.last == "\u{200D}" { scalars.removeLast() }
                text = String(scalars)
            }
            // A cluster that starts with a zero-width scalar (a mark, a joiner, a Hangul vowel) has no base
            // of its own: it is measured after the cell before it, as a terminal and wcwidth do.
            if w == 0 || DisplayWidth.startsWithoutBase(ch), let first = ch.unicodeScalars.first {
                // Bidirectional and other invisible format controls would reorder or hide text on the
                // terminal: they are dropped (the joiner inside emoji sequences is kept).
                if ch.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .format && $0.value != 0x200D }) { continue }
                if text.isEmpty { continue }
                let (hx, inContext) = contextualWidth(text, at: cx, y: y)
                if w == 0 {
                    // A combining mark joins the previous cell (the head of a wide one) if the cell keeps its
                    // width with it; other invisible characters (controls, separators, fillers) are dropped.
                    if inContext == 0, Self.joinsPrevious(first), hx >= area.x, hx < area.maxX {
                        self[hx, y].text += text
                    }
                    continue
                }
                // Its width after that cell is not its own (a spacing mark or VS16 in it would take
                // the previous cell's base): dropped rather than misaligned.
                if inContext != w { continue }
            }
            if cx >= area.maxX { break }
            if cx >= area.x {
                if w == 1 {
                    clearWide(at: cx, y: y)
                    self[cx, y] = Cell(text, width: 1, style: style, link: link)
                } else if cx + w <= area.maxX, w <= Int(UInt8.max) {
                    // A wide cluster: its cell, then empty continuation cells for its other columns.
                    for k in cx..<(cx + w) { clearWide(at: k, y: y) }
                    self[cx, y] = Cell(text, width: UInt8(w), style: style, link: link)
                    for k in (cx + 1)..<(cx + w) { self[k, y] = Cell("", width: 0, style: style, link: link) }
                } else {
                    for k in cx..<min(cx + w, area.maxX) {
                        clearWide(at: k, y: y)
                        self[k, y] = Cell(" ", width: 1, style: style, link: link)
                    }
                }
            }
            cx += w
        }
        let end = min(cx, area.maxX)
        if end > max(x, area.x) { revalidate(at: end, y: y) }
        return max(0, min(cx, area.maxX) - max(x, area.x))
    }

    /// The head cell before column `x` (−1 at the left edge) and the columns `text` takes after it,
    /// measured on the two together as wcwidth measures a line.
    private func contextualWidth(_ text: String, at x: Int, y: Int) -> (head: Int, width: Int) {
        var hx = min(x, width) - 1
        while hx > 0, self[hx, y].width == 0 { hx -= 1 }
        guard hx >= 0, self[hx, y].width > 0 else { return (hx, DisplayWidth.of(text)) }
        let before = self[hx, y].text
        return (hx, DisplayWidth.cluster((before + text).unicodeScalars) - DisplayWidth.cluster(before.unicodeScalars))
    }

    /// After the cell before it changed, a cell without a base of its own that would now take other
    /// columns is blanked (and so on along the row, since the blank is a new cell before the next one).
    private mutating func revalidate(at start: Int, y: Int) {
        var x = start
        while x > 0, x < width {
            let c = self[x, y]
            guard c.width > 0, c.text.utf8.first.map({ $0 >= 0xCC }) == true, let first = c.text.unicodeScalars.first,
                  DisplayWidth.isZeroWidth(first), contextualWidth(c.text, at: x, y: y).width != Int(c.width) else { return }
            // (A cell's text starting below U+0300, lead byte 0xCC, always has a base.)
            for k in x..<min(x + Int(c.width), width) { self[k, y] = Cell(" ", width: 1, style: c.style) }
            x += Int(c.width)
        }
    }

    /// Overwriting part of a wide character blanks its other columns, keeping columns aligned.
    private mutating func clearWide(at x: Int, y: Int) {
        let c = self[x, y]
        if c.width >= 2 {
            for k in (x + 1)..<min(x + Int(c.width), width) { self[k, y] = Cell(" ", width: 1, style: c.style) }
            revalidate(at: x + Int(c.width), y: y)
        } else if c.width == 0 {
            var h = x - 1
            while h >= 0, self[h, y].width == 0 { h -= 1 }
            guard h >= 0 else { return }
            let head = self[h, y]
            guard Int(head.width) > x - h else { return }
            for k in h..<min(h + Int(head.width), width) where k != x {
                self[k, y] = Cell(" ", width: 1, style: k == h ? head.style : self[k, y].style)
            }
            if x + 1 < h + Int(head.width) { revalidate(at: h + Int(head.width), y: y) }
        }
    }

    /// A scalar that combines with what comes before it: a mark, a joiner, a variation selector, a
    /// Hangul medial vowel or final consonant.
    static func joinsPrevious(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default:
            let v = u.value
            return v == 0x200C || v == 0x200D || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v)
                || (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v)
        }
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ rect: Rect, with ch: Character = " ", style: Style = .plain) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let text = asciiOnly ? Transliteration.ascii(String(ch)) : String(ch)
        for yy in r.y..<r.maxY {
            for xx in r.x..<r.maxX {
                clearWide(at: xx, y: yy)
                self[xx, yy] = Cell(text, width: 1, style: style)
            }
            revalidate(at: r.maxX, y: yy)
        }
    }

    /// Changes the style of every cell in `rect`, keeping the characters (used for selection highlights).
    public mutating func apply(_ style: Style, to rect: Rect) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for yy in r.y..<r.maxY {
            for xx in r.x..<r.maxX { self[xx, yy].style = style }
        }
    }

    /// Transforms every cell's style (themes without colour strip colours this way).
    public mutating func mapStyles(_ transform: (Style) -> Style) {
        for k in cells.indices { cells[k].style = transform(cells[k].style) }
    }

    /// The rows as plain text; trailing spaces removed when `trimTrailing`.
    public func lines(trimTrailing: Bool = true) -> [String] {
        (0..<height).map { yy in
            var s = ""
            for xx in 0..<width { s += self[xx, yy].text }
            if trimTrailing { while s.last == " " { s.removeLast() } }
            return s
        }
    }

    /// The whole canvas as plain text, one line per row.
    public var text: String { lines().joined(separator: "\n") + "\n" }

    /// The whole canvas with ANSI SGR escapes, changing style only where it changes.
    public func ansiText() -> String {
        var out = ""
        for yy in 0..<height {
            var current = Style.plain
            var line = ""
            var pendingSpaces = ""
            for xx in 0..<width {
                let c = self[xx, yy]
                if c.text == " " && c.style == .plain && current == .plain { pendingSpaces += " "; continue }
                line += pendingSpaces
                pendingSpaces = ""
                if c.style != current {
                    line += c.style.sgr
                    current = c.style
                }
                line += c.text
            }
            if current != .plain { line += "\u{1B}[0m" }
            out += line + "\n"
        }
        return out
    }

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }
}
