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
        #expect(c.ascii && !c.usesColor, "outside UTF-8 the dashboard draws with ASCII only")
    }
}
