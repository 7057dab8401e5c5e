import DashboardUI
@testable import NCursesFrontEnd
import Testing

@Suite("Start-up checks and theme choice")
struct TerminalPreflightTests {
    @Test("UTF-8 is recognised in locale and codeset names")
    func utf8Names() {
        #expect(TerminalPreflight.isUTF8Name("UTF-8"))
        #expect(TerminalPreflight.isUTF8Name("en_US.UTF-8"))
        #expect(TerminalPreflight.isUTF8Name("C.utf8"))
        #expect(!TerminalPreflight.isUTF8Name("C"))
        #expect(!TerminalPreflight.isUTF8Name("POSIX"))
        #expect(!TerminalPreflight.isUTF8Name("ANSI_X3.4-1968"))
        #expect(!TerminalPreflight.isUTF8Name("en_US.ISO-8859-1"))
    }

    @Test("terminfo padding is removed from the crash handler's exit sequence")
    func padding() {
        #expect(TerminalPreflight.withoutPadding(Array("\u{1B}[m$<2>".utf8)) == Array("\u{1B}[m".utf8))
        #expect(TerminalPreflight.withoutPadding(Array("$<5*/>\u{1B}[?1049l".utf8)) == Array("\u{1B}[?1049l".utf8))
        #expect(TerminalPreflight.withoutPadding(Array("a$b$<".utf8)) == Array("a$b$<".utf8))
    }

    @Test("theme: options, NO_COLOR and the locale")
    func theme() {
        let utf8 = [String: String]()
        #expect(TerminalTheme.resolve(requested: .color, noColor: false, environment: utf8, utf8: true).usesColor)
        #expect(TerminalTheme.resolve(requested: .color, noColor: false, environment: utf8, utf8: true).name == .color)
        #expect(!TerminalTheme.resolve(requested: .color, noColor: true, environment: utf8, utf8: true).usesColor)
        #expect(!TerminalTheme.resolve(requested: .color, noColor: false, environment: ["NO_COLOR": "1"], utf8: true).usesColor)
        #expect(TerminalTheme.resolve(requested: .color, noColor: false, environment: ["NO_COLOR": ""], utf8: true).usesColor,
                "an empty NO_COLOR does not count")
        #expect(!TerminalTheme.resolve(requested: .color, noColor: false, environment: ["NO_COLOR": "1"], utf8: true).ascii,
                "NO_COLOR keeps the Unicode boxes")
        #expect(TerminalTheme.resolve(requested: .mono, noColor: false, environment: utf8, utf8: true).name == .mono)
        #expect(TerminalTheme.resolve(requested: .ascii, noColor: false, environment: utf8, utf8: true).ascii)
        let c = TerminalTheme.resolve(requested: .color, noColor: false, environment: utf8, utf8: false)
        #expect(c.ascii && c.usesColor, "outside UTF-8 (LANG=C): ASCII characters, in colour")
        #expect(c.style(.title) == Theme.color.style(.title) && c.box == Theme.ascii.box && c.ellipsis == ".")
        let flag = TerminalTheme.resolve(requested: .color, noColor: false, environment: utf8, utf8: true, asciiCharacters: true)
        #expect(flag.ascii && flag.usesColor, "--ascii: characters only")
        let mono = TerminalTheme.resolve(requested: .mono, noColor: false, environment: utf8, utf8: false)
        #expect(mono.ascii && !mono.usesColor, "--theme mono in LANG=C: monochrome ASCII")
        let noColor = TerminalTheme.resolve(requested: .color, noColor: false, environment: ["NO_COLOR": "1"], utf8: false)
        #expect(noColor.ascii && !noColor.usesColor, "NO_COLOR in any locale")
        let themeASCII = TerminalTheme.resolve(requested: .ascii, noColor: false, environment: utf8, utf8: true)
        #expect(themeASCII.ascii && !themeASCII.usesColor, "--theme ascii stays 7-bit without colour")
    }

    @Test("a TERM without a terminfo entry: the entries tried in its place, in order")
    func fallbacks() {
        for term in ["xterm-kitty", "xterm-ghostty", "alacritty", "wezterm", "foot", "foot-extra", "iTerm2.app", "xterm-new-thing", "konsole-direct", "rxvt-256color", "contour"] {
            #expect(TerminalPreflight.fallbacks(for: term) == ["xterm-256color", "xterm", "vt100"], "\(term)")
        }
        #expect(TerminalPreflight.fallbacks(for: "tmux-256color") == ["screen-256color", "screen", "vt100"])
        #expect(TerminalPreflight.fallbacks(for: "screen.xterm-new") == ["screen", "vt100"])
        #expect(TerminalPreflight.fallbacks(for: "tmux-direct") == ["screen", "vt100"])
        #expect(TerminalPreflight.fallbacks(for: "hp2621") == ["vt100"])
        #expect(TerminalPreflight.fallbacks(for: "no-such-terminal-xyz") == ["vt100"])
    }
}

/// `knows` calls setupterm and deletes the terminal it loaded: ncurses' global `cur_term`, which a
/// screen of another test would be using at the same moment (a crash in libncursesw, seen once in a
/// full run). So it runs in the serialized painter suite, the one place of this process that calls ncurses.
extension CursesPainterTests {
    @Test("the entries a TERM without terminfo falls back to exist on any machine with ncurses-base")
    func fallbackEntriesExist() {
        #expect(TerminalPreflight.knows("xterm-256color") && TerminalPreflight.knows("xterm") && TerminalPreflight.knows("vt100"))
        #expect(!TerminalPreflight.knows("xterm-kitty-does-not-exist"))
    }
}
