import CNCurses
import DashboardUI
@testable import NCursesFrontEnd
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The canvas drawn through ncurses, read back from what ncurses believes is on the terminal
/// (`curscr`), and the bytes it sends. Serialized: ncurses is not thread-safe.
@Suite("Canvas onto ncurses", .serialized)
struct CursesPainterTests {
    @Test("input modes: Esc does not lag (escape delay 25 ms), keys do not echo, reads do not block")
    func inputModes() {
        let t = OffscreenTerminal(width: 20, height: 5)
        defer { t.close() }
        set_escdelay(1000)
        FrontEnd.configureInput(tdsh_stdscr()!)
        #expect(get_escdelay() == 25, "ncurses' default of a second would make Esc lag")
        #expect(is_nodelay(tdsh_stdscr()!), "the loop sleeps in poll, not in wget_wch")
        #expect(is_keypad(tdsh_stdscr()!), "function and arrow keys are decoded")
    }

    @Test("text lands in its cells, wide characters take two columns")
    func textAndWideCharacters() {
        let t = OffscreenTerminal(width: 40, height: 6)
        defer { t.close() }
        var c = Canvas(width: 40, height: 6)
        c.put("Türkmenbaşy – Aktau", x: 0, y: 0)
        c.put("日本 ok", x: 2, y: 1)
        c.put("e\u{301}!", x: 0, y: 2)
        c.put("│ box ─┐", x: 30, y: 5)
        t.painter.draw(c)
        #expect(t.row(0) == "Türkmenbaşy – Aktau")
        #expect(t.row(1) == "  日本 ok")
        #expect(t.cell(x: 2, y: 1).text == "日")
        #expect(t.cell(x: 4, y: 1).text == "本")
        #expect(t.cell(x: 7, y: 1).text == "o", "the text after two wide characters is not shifted")
        #expect(t.cell(x: 0, y: 2).text == "e\u{301}", "a combining mark stays with its letter")
        #expect(t.cell(x: 1, y: 2).text == "!")
        #expect(t.row(5) == String(repeating: " ", count: 30) + "│ box ─┐", "the bottom-right corner is written too")
    }

    @Test("control characters never reach the terminal")
    func controlCharacters() {
        #expect(CursesPainter.glyph("\u{7}").chars == [63])
        #expect(CursesPainter.glyph("\u{1B}").chars == [63])
        #expect(CursesPainter.glyph("\u{9B}").chars == [63])
        #expect(CursesPainter.glyph("").chars == [32])
        #expect(CursesPainter.glyph("a").columns == 1)
        #expect(CursesPainter.glyph("日").columns == 2)
    }

    @Test("bold, dim, reverse and underline become attributes")
    func attributes() {
        let t = OffscreenTerminal(width: 20, height: 3)
        defer { t.close() }
        var c = Canvas(width: 20, height: 3)
        c.put("B", x: 0, y: 0, style: Style(bold: true))
        c.put("D", x: 1, y: 0, style: Style(dim: true))
        c.put("R", x: 2, y: 0, style: Style(reverse: true))
        c.put("U", x: 3, y: 0, style: Style(underline: true))
        c.put("N", x: 4, y: 0)
        c.put("A", x: 5, y: 0, style: Style(bold: true, underline: true))
        t.painter.draw(c)
        #expect(t.cell(x: 0, y: 0).attrs == tdsh_a_bold())
        #expect(t.cell(x: 1, y: 0).attrs == tdsh_a_dim())
        #expect(t.cell(x: 2, y: 0).attrs == tdsh_a_reverse())
        #expect(t.cell(x: 3, y: 0).attrs == tdsh_a_underline())
        #expect(t.cell(x: 4, y: 0).attrs == tdsh_a_normal())
        #expect(t.cell(x: 5, y: 0).attrs == tdsh_a_bold() | tdsh_a_underline())
    }

    @Test("colours become pairs on the terminal's own background, one pair per combination")
    func colours() {
        let t = OffscreenTerminal(width: 20, height: 3)
        defer { t.close() }
        #expect(t.painter.color.enabled && t.painter.color.defaultColors && t.painter.color.colors >= 16)
        var c = Canvas(width: 20, height: 3)
        c.put("red", x: 0, y: 0, style: Style(fg: .red))
        c.put("on", x: 4, y: 0, style: Style(fg: .black, bg: .yellow))
        c.put("hi", x: 7, y: 0, style: Style(fg: .brightCyan))
        c.put("again", x: 0, y: 1, style: Style(fg: .red, bold: true))
        c.put("plain", x: 0, y: 2)
        t.painter.draw(c)
        let red = t.cell(x: 0, y: 0).pair
        #expect(red != 0)
        #expect(t.colors(ofPair: red) == (Int16(COLOR_RED), -1))
        #expect(t.colors(ofPair: t.cell(x: 4, y: 0).pair) == (Int16(COLOR_BLACK), Int16(COLOR_YELLOW)))
        #expect(t.colors(ofPair: t.cell(x: 7, y: 0).pair) == (14, -1), "bright colours are 8-15 on a 16+ colour terminal")
        #expect(t.cell(x: 0, y: 1).pair == red, "the same colours share a pair")
        #expect(t.cell(x: 0, y: 1).attrs == tdsh_a_bold())
        #expect(t.cell(x: 0, y: 2).pair == 0)
    }

    @Test("an eight-colour terminal shows bright colours as bold base colours")
    func eightColours() {
        let t = OffscreenTerminal(term: "xterm", width: 20, height: 2)
        defer { t.close() }
        #expect(t.painter.color.colors == 8)
        var c = Canvas(width: 20, height: 2)
        c.put("x", x: 0, y: 0, style: Style(fg: .brightRed))
        t.painter.draw(c)
        #expect(t.colors(ofPair: t.cell(x: 0, y: 0).pair) == (Int16(COLOR_RED), -1))
        #expect(t.cell(x: 0, y: 0).attrs == tdsh_a_bold())
    }

    @Test("monochrome: no colour pair at all, attributes kept")
    func monochrome() {
        let t = OffscreenTerminal(width: 20, height: 2, color: false)
        defer { t.close() }
        #expect(!t.painter.color.enabled)
        var c = Canvas(width: 20, height: 2)
        c.put("x", x: 0, y: 0, style: Style(fg: .red, bg: .blue, underline: true))
        let sent = t.bytes { t.painter.draw(c) }
        #expect(t.cell(x: 0, y: 0).pair == 0)
        #expect(t.cell(x: 0, y: 0).attrs == tdsh_a_underline())
        #expect(sent > 0)
    }

    @Test("only what changed travels: nothing for the same frame, a few bytes for one cell")
    func onlyChangesTravel() {
        let t = OffscreenTerminal(width: 120, height: 40)
        defer { t.close() }
        var c = Canvas(width: 120, height: 40)
        for y in 0..<40 { c.put("row \(y): " + String(repeating: "═", count: 60), x: 0, y: y, style: Style(fg: y % 2 == 0 ? .cyan : nil)) }
        let first = t.bytes { t.painter.draw(c) }
        #expect(first > 2_000)
        let same = t.bytes { t.painter.draw(c) }
        #expect(same == 0)
        var d = c
        d.put("X", x: 50, y: 20)
        let one = t.bytes { t.painter.draw(d) }
        #expect(one > 0 && one < 30, "one changed cell cost \(one) bytes")
        // A selection bar moving one row: two rows change style.
        var e = d
        e.apply(Style(reverse: true), to: Rect(x: 0, y: 10, width: 120, height: 1))
        t.painter.draw(e)
        var f = d
        f.apply(Style(reverse: true), to: Rect(x: 0, y: 11, width: 120, height: 1))
        let move = t.bytes { t.painter.draw(f) }
        #expect(move > 0 && move < 600, "moving a reverse-video bar one row cost \(move) bytes")
    }

    @Test("after invalidate (Ctrl-L) every cell is written again, and Ctrl-L's clearok repaints the terminal")
    func invalidate() {
        let t = OffscreenTerminal(width: 40, height: 5)
        defer { t.close() }
        var c = Canvas(width: 40, height: 5)
        c.put("hello", x: 0, y: 0)
        t.painter.draw(c)
        clearok(tdsh_curscr(), true)
        t.painter.invalidate()
        let again = t.bytes { t.painter.draw(c) }
        #expect(again > 0)
        #expect(t.row(0) == "hello")
    }

    @Test("a different size redraws from scratch without leftovers")
    func resize() {
        let t = OffscreenTerminal(width: 40, height: 5)
        defer { t.close() }
        var c = Canvas(width: 40, height: 5)
        c.put(String(repeating: "x", count: 40), x: 0, y: 4)
        t.painter.draw(c)
        resizeterm(3, 20)
        var d = Canvas(width: 20, height: 3)
        d.put("small", x: 0, y: 0)
        t.painter.draw(d)
        #expect(t.row(0) == "small")
        #expect(t.row(2) == "")
    }

    @Test("the canvas cursor is shown where asked, hidden otherwise")
    func cursor() {
        let t = OffscreenTerminal(width: 30, height: 4)
        defer { t.close() }
        var c = Canvas(width: 30, height: 4)
        c.put("/query", x: 0, y: 3)
        c.cursor = (x: 6, y: 3)
        t.painter.draw(c)
        #expect(getcury(tdsh_curscr()) == 3 && getcurx(tdsh_curscr()) == 6)
    }
}
