/// One cell of the canvas: a grapheme cluster and its style. A wide character occupies its own cell
/// (width 2) and the next one (width 0, empty text), so that columns always line up.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(_ text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
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
    /// Returns the number of columns written. A wide character that does not fit whole becomes a space.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return 0 }
        let source = asciiOnly ? Transliteration.ascii(text) : text
        var cx = x
        for ch in source {
            if ch == "\n" || ch == "\r" || ch == "\t" {
                if cx >= area.x && cx < area.maxX { self[cx, y] = Cell(" ", width: 1, style: style) }
                cx += 1
                continue
            }
            // Bidirectional and other invisible format controls would reorder or hide text on the
            // terminal: they are dropped (the joiner inside emoji sequences is kept).
            if ch.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .format && $0.value != 0x200D }) { continue }
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // A combining mark joins the previous cell; a lone control character is dropped.
                if cx - 1 >= area.x && cx - 1 < area.maxX && ch.unicodeScalars.first.map({ $0.value >= 0x20 }) == true {
                    var cell = self[cx - 1, y]
                    if cell.width == 0, cx - 2 >= area.x { cell = self[cx - 2, y]; cell.text += String(ch); self[cx - 2, y] = cell }
                    else { cell.text += String(ch); self[cx - 1, y] = cell }
                }
                continue
            }
            if cx >= area.maxX { break }
            if cx >= area.x {
                if w == 2 {
                    if cx + 1 < area.maxX {
                        clearWide(at: cx, y: y)
                        clearWide(at: cx + 1, y: y)
                        self[cx, y] = Cell(String(ch), width: 2, style: style)
                        self[cx + 1, y] = Cell("", width: 0, style: style)
                    } else {
                        clearWide(at: cx, y: y)
                        self[cx, y] = Cell(" ", width: 1, style: style)
                    }
                } else {
                    clearWide(at: cx, y: y)
                    self[cx, y] = Cell(String(ch), width: 1, style: style)
                }
            }
            cx += w
        }
        return max(0, min(cx, area.maxX) - max(x, area.x))
    }

    /// Overwriting half of a wide character blanks its other half, keeping columns aligned.
    private mutating func clearWide(at x: Int, y: Int) {
        let c = self[x, y]
        if c.width == 2, x + 1 < width { self[x + 1, y] = Cell(" ", width: 1, style: c.style) }
        if c.width == 0, x - 1 >= 0 { self[x - 1, y] = Cell(" ", width: 1, style: self[x - 1, y].style) }
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
