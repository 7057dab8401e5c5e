import DashboardUI

/// Clickable source addresses with OSC 8 (`ESC ] 8 ; id=N ; URI ESC \ text ESC ] 8 ; ; ESC \`).
///
/// ncurses knows nothing of links, so after each frame has been sent the painter writes the link
/// texts again over themselves: cursor saved (ESC 7, which keeps the attributes too), moved to the
/// run, the run's style, the link's start, the same characters, its end, cursor restored (ESC 8).
/// ncurses's idea of the screen stays true: the cells hold the characters it wrote. Only runs that
/// are new or whose cells changed are written again, so moving the selection sends a few dozen bytes.
/// A terminal that does not know OSC 8 ignores it, but some print it: links are sent only to the
/// terminals listed here, and never when TRADEDASH_LINKS=0.
enum Hyperlinks {
    /// TERM values (prefixes) of terminals that show OSC 8 links, or that ignore the sequence
    /// without printing it (xterm, tmux and screen pass it on or drop it).
    static let knownPrefixes = ["xterm", "tmux", "screen", "kitty", "foot", "vte", "alacritty", "wezterm", "rxvt-unicode", "contour", "ghostty"]

    /// Whether to send links: TRADEDASH_LINKS=1 forces them, =0 turns them off; else by TERM.
    static func enabled(term: String?, setting: String?) -> Bool {
        switch setting {
        case "0", "off", "no", "never": return false
        case "1", "on", "yes", "always": return true
        default: break
        }
        guard let term, !term.isEmpty else { return false }
        return knownPrefixes.contains { term.hasPrefix($0) }
    }

    /// A run of cells of one row that link to one address.
    struct Run: Equatable {
        var x: Int
        var y: Int
        var width: Int
        var url: String
    }

    /// The runs of a canvas, row by row, left to right.
    static func runs(_ canvas: Canvas) -> [Run] {
        var out: [Run] = []
        guard !canvas.links.isEmpty else { return out }
        for y in 0..<canvas.height {
            var x = 0
            while x < canvas.width {
                let id = canvas[x, y].link
                guard id != 0 else { x += 1; continue }
                var end = x + 1
                while end < canvas.width, canvas[end, y].link == id { end += 1 }
                out.append(Run(x: x, y: y, width: end - x, url: canvas.links[Int(id) - 1]))
                x = end
            }
        }
        return out
    }

    /// Whether a run must be written again: it is new, or a cell of it changed since `old`.
    static func changed(_ run: Run, in canvas: Canvas, since old: Canvas?) -> Bool {
        guard let old, old.width == canvas.width, old.height == canvas.height else { return true }
        for x in run.x..<(run.x + run.width) {
            let a = canvas[x, run.y], b = old[x, run.y]
            if a.text != b.text || a.style != b.style || old.link(x: x, y: run.y) != run.url { return true }
        }
        // The run may have been longer before (its neighbours then lost their link): same test there.
        if run.x > 0, old.link(x: run.x - 1, y: run.y) == run.url { return true }
        let after = run.x + run.width
        if after < old.width, old.link(x: after, y: run.y) == run.url { return true }
        return false
    }

    /// The address as OSC 8 may carry it: bytes 33 to 126 only, every other byte (a space, a
    /// control character, UTF-8 of a non-ASCII letter) percent-encoded. Nothing from the data can end
    /// the sequence early or start another.
    static func uri(_ url: String) -> String {
        var out = ""
        for b in url.utf8 {
            if b > 32 && b < 127 { out.unicodeScalars.append(Unicode.Scalar(b)) }
            else { out += "%" + String(b >> 4, radix: 16, uppercase: true) + String(b & 15, radix: 16, uppercase: true) }
        }
        return out
    }

    /// The bytes that write `run` again as a link: its cells' characters in their style (`sgr`).
    /// nil when a cell's character is not one the painter draws as it is (then the run stays plain).
    static func sequence(_ run: Run, _ canvas: Canvas, id: Int, sgr: (Style) -> String) -> [UInt8]? {
        var text = ""
        var style: Style?
        for x in run.x..<(run.x + run.width) {
            let cell = canvas[x, run.y]
            if cell.width == 0 { continue }
            // The character the painter drew; one it replaced ("?", a misjudged width) is not rewritten.
            let glyph = CursesPainter.glyph(cell.text)
            guard glyph.columns == Int(cell.width), glyph.chars.first.map({ UInt32(bitPattern: $0) }) == cell.text.unicodeScalars.first?.value else { return nil }
            if cell.style != style { text += sgr(cell.style); style = cell.style }
            text += cell.text
        }
        let start = "\u{1B}]8;id=tradedash-\(id);\(uri(run.url))\u{1B}\\"
        let end = "\u{1B}]8;;\u{1B}\\"
        return Array(("\u{1B}7\u{1B}[\(run.y + 1);\(run.x + 1)H" + start + text + end + "\u{1B}8").utf8)
    }
}
