import CNCurses
import DashboardUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An ncurses window as Swift sees it.
public typealias WindowPointer = UnsafeMutablePointer<WINDOW>

/// What the terminal can do with colour, decided once after `newterm`.
public struct ColorSupport: Sendable, Equatable {
    /// False: monochrome (the theme has no colour, NO_COLOR, or the terminal cannot).
    public var enabled: Bool
    /// COLORS: 8 on old terminals (bright colours become bold), 16 or more otherwise.
    public var colors: Int
    /// `use_default_colors` worked: -1 means the terminal's own foreground and background.
    public var defaultColors: Bool
    /// COLOR_PAIRS.
    public var pairs: Int

    public init(enabled: Bool, colors: Int, defaultColors: Bool, pairs: Int) {
        self.enabled = enabled
        self.colors = colors
        self.defaultColors = defaultColors
        self.pairs = pairs
    }

    public static let monochrome = ColorSupport(enabled: false, colors: 0, defaultColors: true, pairs: 0)

    /// Starts colour on the current screen when `wanted` and the terminal has it; monochrome otherwise.
    /// Without `start_color` ncurses never sends a colour escape, which is what NO_COLOR asks for.
    public static func start(wanted: Bool) -> ColorSupport {
        guard wanted, has_colors() else { return .monochrome }
        guard start_color() == OK else { return .monochrome }
        // Fewer than eight colours (`tput colors`) cannot show the theme's: monochrome, never a
        // colour pair the terminal lacks.
        guard tdsh_colors() >= 8 else { return .monochrome }
        let defaults = use_default_colors() == OK
        return ColorSupport(enabled: true, colors: Int(tdsh_colors()), defaultColors: defaults, pairs: Int(tdsh_color_pairs()))
    }
}

/// Maps a `Canvas` onto an ncurses window, cell by cell, and lets `wnoutrefresh`/`doupdate` send only
/// what changed on the terminal. Cells equal to the previous frame are not even touched.
///
/// Styles become attributes (bold, dim, reverse, underline) and colour pairs, allocated on first use
/// for each foreground/background combination, with -1 for the terminal's own colours. Wide characters
/// are written with `setcchar`/`wadd_wch` and take their two columns; the canvas's empty continuation
/// cell is skipped. A character the C library measures differently from the canvas is replaced so that
/// columns never shift.
public final class CursesPainter {
    public let window: WindowPointer
    public let color: ColorSupport
    private var pairByColors: [Int: Int16] = [:]
    private var nextPair = 1
    private var renditions: [Style: (attrs: attr_t, pair: Int16)] = [:]
    private var previous: Canvas?
    private var cursorShown: Bool?
    /// Whether source addresses are sent as OSC 8 links (`Hyperlinks`), and the frame they were last written for.
    public var links = false
    private var linksWritten: Canvas?

    public init(window: WindowPointer, color: ColorSupport) {
        self.window = window
        self.color = color
    }

    /// Forgets the previous frame: the next `paint` writes every cell (after a resize or Ctrl-L).
    public func invalidate() { previous = nil; linksWritten = nil }

    /// Writes the canvas into the window (not yet to the terminal: see `present`).
    public func paint(_ canvas: Canvas) {
        var rows = Int32(0), cols = Int32(0)
        tdsh_getmaxyx(window, &rows, &cols)
        if let p = previous, p.width != canvas.width || p.height != canvas.height { previous = nil }
        let old = previous
        let height = min(canvas.height, Int(rows))
        let width = min(canvas.width, Int(cols))
        for y in 0..<height {
            var x = 0
            while x < width {
                let cell = canvas[x, y]
                if let old, old[x, y] == cell, !(cell.width == 2 && x + 1 < width && old[x + 1, y] != canvas[x + 1, y]) {
                    x += 1
                    continue
                }
                if cell.width == 0 {
                    // The right half of a wide character is drawn with it; an orphan half becomes a space.
                    if x > 0, canvas[x - 1, y].width == 2 { x += 1; continue }
                    put([32], style: cell.style, x: x, y: y)
                    x += 1
                    continue
                }
                let glyph = Self.glyph(cell.text)
                if cell.width == 2 {
                    if glyph.columns == 2 && x + 1 < width {
                        put(glyph.chars, style: cell.style, x: x, y: y)
                        x += 2
                    } else {
                        // The C library thinks it narrow (or it does not fit): draw it and pad the second column.
                        put(glyph.columns == 1 ? glyph.chars : [63], style: cell.style, x: x, y: y)
                        if x + 1 < width { put([32], style: canvas[x + 1, y].style, x: x + 1, y: y) }
                        x += 2
                    }
                } else {
                    put(glyph.columns == 1 ? glyph.chars : [63], style: cell.style, x: x, y: y)
                    x += 1
                }
            }
        }
        previous = canvas
    }

    /// Sends the changes to the terminal in one write, placing or hiding the cursor as the canvas asks.
    public func present(_ canvas: Canvas) {
        if let c = canvas.cursor, c.x >= 0, c.y >= 0, c.x < canvas.width, c.y < canvas.height {
            if cursorShown != true { curs_set(1); cursorShown = true }
            leaveok(window, false)
            wmove(window, Int32(c.y), Int32(c.x))
        } else {
            if cursorShown != false { curs_set(0); cursorShown = false }
            // Where the hidden cursor rests does not matter: ncurses need not send a move for it.
            leaveok(window, true)
        }
        wnoutrefresh(window)
        doupdate()
        if links { writeLinks(canvas) }
    }

    /// The frame's link runs that are new or changed, written again as OSC 8 links over themselves.
    private func writeLinks(_ canvas: Canvas) {
        var bytes: [UInt8] = []
        for (k, run) in Hyperlinks.runs(canvas).enumerated() where Hyperlinks.changed(run, in: canvas, since: linksWritten) {
            if let b = Hyperlinks.sequence(run, canvas, id: k, sgr: sgr) { bytes += b }
        }
        linksWritten = canvas
        if !bytes.isEmpty { TerminalBytes.write(bytes) }
    }

    /// SGR for a style as ncurses shows it here: no colour in monochrome, bright colours as bold on
    /// eight-colour terminals.
    func sgr(_ style: Style) -> String {
        guard color.enabled else { return style.withoutColor.sgr }
        var s = style
        // Without the terminal's own colours ncurses draws white on black (see `rendition`).
        if !color.defaultColors, s.fg != nil || s.bg != nil { s.fg = s.fg ?? .white; s.bg = s.bg ?? .black }
        guard color.colors < 16 else { return s.sgr }
        if let fg = s.fg, fg.rawValue >= 8 { s.fg = ANSIColor(rawValue: fg.rawValue - 8); s.bold = true }
        if let bg = s.bg, bg.rawValue >= 8 { s.bg = ANSIColor(rawValue: bg.rawValue - 8) }
        return s.sgr
    }

    /// `paint` then `present`.
    public func draw(_ canvas: Canvas) {
        paint(canvas)
        present(canvas)
    }

    // MARK: - Characters

    /// The wide characters of a cell's text and the columns the C library gives them: a spacing
    /// character and up to four combining marks. Control characters and characters the locale cannot
    /// show become "?".
    static func glyph(_ text: String) -> (chars: [wchar_t], columns: Int) {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return ([32], 1) }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return ([63], 1) }
        let w = Int(tdsh_wcwidth(wchar_t(bitPattern: v)))
        if w < 1 { return ([63], 1) }
        var chars = [wchar_t(bitPattern: v)]
        while let s = scalars.next(), chars.count < 5 {
            let c = wchar_t(bitPattern: s.value)
            if s.value >= 0x20, tdsh_wcwidth(c) == 0 { chars.append(c) }
        }
        return (chars, w)
    }

    private func put(_ chars: [wchar_t], style: Style, x: Int, y: Int) {
        let r = rendition(style)
        var cc = cchar_t()
        var text = chars
        text.append(0)
        _ = text.withUnsafeBufferPointer { setcchar(&cc, $0.baseAddress, r.attrs, r.pair, nil) }
        wmove(window, Int32(y), Int32(x))
        // At the bottom-right corner the cursor cannot advance: wadd_wch says ERR but the cell is written.
        _ = wadd_wch(window, &cc)
    }

    // MARK: - Styles and colours

    /// Attributes and colour pair for a style (cached).
    func rendition(_ style: Style) -> (attrs: attr_t, pair: Int16) {
        if let r = renditions[style] { return r }
        var attrs = tdsh_a_normal()
        if style.bold { attrs |= tdsh_a_bold() }
        if style.dim { attrs |= tdsh_a_dim() }
        if style.reverse { attrs |= tdsh_a_reverse() }
        if style.underline { attrs |= tdsh_a_underline() }
        var pair: Int16 = 0
        if color.enabled, style.fg != nil || style.bg != nil {
            var fg = style.fg.map { Int($0.rawValue) } ?? -1
            var bg = style.bg.map { Int($0.rawValue) } ?? -1
            if color.colors < 16 {
                // Eight colours: a bright foreground is the base colour in bold, as on the Linux console.
                if fg >= 8 { fg -= 8; attrs |= tdsh_a_bold() }
                if bg >= 8 { bg -= 8 }
            }
            if !color.defaultColors {
                if fg < 0 { fg = Int(COLOR_WHITE) }
                if bg < 0 { bg = Int(COLOR_BLACK) }
            }
            pair = pairFor(fg: fg, bg: bg)
        }
        renditions[style] = (attrs, pair)
        return (attrs, pair)
    }

    private func pairFor(fg: Int, bg: Int) -> Int16 {
        if fg < 0 && bg < 0 { return 0 }
        let key = (fg + 1) * 64 + (bg + 1)
        if let p = pairByColors[key] { return p }
        guard nextPair < min(color.pairs, Int(Int16.max)) else { return 0 }
        let p = Int16(nextPair)
        guard init_pair(p, Int16(fg), Int16(bg)) == OK else { return 0 }
        nextPair += 1
        pairByColors[key] = p
        return p
    }
}
