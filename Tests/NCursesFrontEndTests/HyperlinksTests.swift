import DashboardUI
@testable import NCursesFrontEnd
import Testing

@Suite("Hyperlinks: OSC 8 over the cells ncurses drew")
struct HyperlinksTests {
    @Test("sent to terminals known to show or drop OSC 8; TRADEDASH_LINKS turns them on or off")
    func decision() {
        for term in ["xterm-256color", "tmux-256color", "screen", "xterm-kitty", "foot", "alacritty", "wezterm", "vte-256color", "rxvt-unicode-256color"] {
            #expect(Hyperlinks.enabled(term: term, setting: nil), "\(term)")
        }
        for term in ["linux", "vt100", "vt220", "dumb", "ansi", "cons25", ""] {
            #expect(!Hyperlinks.enabled(term: term, setting: nil), "\(term)")
        }
        #expect(!Hyperlinks.enabled(term: nil, setting: nil))
        #expect(!Hyperlinks.enabled(term: "xterm-256color", setting: "0"))
        #expect(!Hyperlinks.enabled(term: "xterm-256color", setting: "off"))
        #expect(Hyperlinks.enabled(term: "linux", setting: "1"))
        #expect(Hyperlinks.enabled(term: "xterm", setting: "maybe"), "an unknown setting leaves the decision to TERM")
    }

    @Test("the address is cut to bytes 33–126: controls, spaces and non-ASCII are percent-encoded, nothing can end the sequence")
    func uri() {
        #expect(Hyperlinks.uri("https://example.org/a?b=c&d=e#f") == "https://example.org/a?b=c&d=e#f")
        #expect(Hyperlinks.uri("https://e.org/a b") == "https://e.org/a%20b")
        #expect(Hyperlinks.uri("https://e.org/\u{1B}]52;c;AAAA\u{07}") == "https://e.org/%1B]52;c;AAAA%07")
        #expect(Hyperlinks.uri("https://e.org/\u{1B}\\") == "https://e.org/%1B\\")
        #expect(Hyperlinks.uri("https://kz.kursiv.media/путь") == "https://kz.kursiv.media/%D0%BF%D1%83%D1%82%D1%8C")
        #expect(Hyperlinks.uri("https://e.org/\u{7F}\u{9B}x").utf8.allSatisfy { $0 > 32 && $0 < 127 })
    }

    func canvas() -> Canvas {
        var c = Canvas(width: 30, height: 3)
        c.put([Span("see "), Span("https://a.org/x", role: .accent, link: "https://a.org/x"), Span(" then")], x: 0, y: 1, theme: .mono)
        return c
    }

    @Test("runs: the cells of one row that link to one address")
    func runs() {
        let c = canvas()
        #expect(Hyperlinks.runs(c) == [Hyperlinks.Run(x: 4, y: 1, width: 15, url: "https://a.org/x")])
        #expect(Hyperlinks.runs(Canvas(width: 10, height: 2)).isEmpty)
        // Anything written over a link's cells takes the link away.
        var over = c
        over.put("XXXXXXXX", x: 0, y: 1)
        #expect(Hyperlinks.runs(over) == [Hyperlinks.Run(x: 8, y: 1, width: 11, url: "https://a.org/x")])
        over.fill(Rect(x: 0, y: 0, width: 30, height: 3), style: .plain)
        #expect(Hyperlinks.runs(over).isEmpty)
    }

    @Test("a run is written again only when it is new or one of its cells changed")
    func changed() {
        let c = canvas()
        let run = Hyperlinks.runs(c)[0]
        #expect(Hyperlinks.changed(run, in: c, since: nil))
        #expect(!Hyperlinks.changed(run, in: c, since: c))
        var restyled = c
        restyled.apply(Style(reverse: true), to: Rect(x: 5, y: 1, width: 1, height: 1))
        #expect(Hyperlinks.changed(Hyperlinks.runs(restyled)[0], in: restyled, since: c), "ncurses rewrote a cell of it")
        var unlinked = Canvas(width: 30, height: 3)
        unlinked.put("see https://a.org/x then", x: 0, y: 1)
        #expect(Hyperlinks.changed(run, in: c, since: unlinked), "same text, but not a link before")
        // Another row changed: this run stays as it was on the terminal.
        var other = c
        other.put("elsewhere", x: 0, y: 2)
        #expect(!Hyperlinks.changed(run, in: other, since: c))
    }

    @Test("the sequence: cursor saved, moved, the run's style, OSC 8 start, the same text, OSC 8 end, cursor restored")
    func sequence() throws {
        let c = canvas()
        let run = Hyperlinks.runs(c)[0]
        let bytes = try #require(Hyperlinks.sequence(run, c, id: 3, sgr: { $0.sgr }))
        let text = String(decoding: bytes, as: UTF8.self)
        let style = Theme.mono.style(.accent)
        #expect(text == "\u{1B}7\u{1B}[2;5H\u{1B}]8;id=tradedash-3;https://a.org/x\u{1B}\\" + style.sgr + "https://a.org/x\u{1B}]8;;\u{1B}\\\u{1B}8")
    }

    @Test("a cell the painter would not draw as it is (a control character) leaves the run plain")
    func refused() {
        var c = Canvas(width: 10, height: 1)
        let id = c.linkID("https://a.org")
        c[2, 0] = Cell("\u{01}", width: 1, style: .plain, link: id)
        #expect(Hyperlinks.sequence(Hyperlinks.runs(c)[0], c, id: 0, sgr: { $0.sgr }) == nil)
    }
}
