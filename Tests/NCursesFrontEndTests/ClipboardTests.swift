@testable import NCursesFrontEnd
import Testing

@Suite("Clipboard: OSC 52 and base64")
struct ClipboardTests {
    @Test("base64 of the RFC 4648 test vectors")
    func rfc4648() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors { #expect(Base64.encode(plain) == encoded, "\(plain)") }
    }

    @Test("base64 of bytes over 0x7F and of UTF-8 text")
    func binary() {
        #expect(String(decoding: Base64.encode([0xFF, 0xFE, 0xFD, 0x00]), as: UTF8.self) == "//79AA==")
        #expect(Base64.encode("Ашхабад") == "0JDRiNGF0LDQsdCw0LQ=")
        #expect(Base64.encode("2011\t183 M\n") == "MjAxMQkxODMgTQo=")
    }

    @Test("the escape sequence is OSC 52 to the clipboard, ended by BEL")
    func sequence() {
        #expect(Clipboard.sequence("foo") == Array("\u{1B}]52;c;Zm9v\u{07}".utf8))
    }

    @Test("terminfo's Ms decides first; else TERM must name a known xterm-like terminal")
    func decision() {
        #expect(Clipboard.canCopy(term: "dumb", hasMs: true))
        #expect(Clipboard.canCopy(term: nil, hasMs: true))
        for term in ["xterm", "xterm-256color", "tmux-256color", "screen", "screen.xterm-256color", "alacritty", "kitty",
                     "xterm-kitty", "foot", "foot-extra", "wezterm", "vte-256color", "rxvt-unicode-256color"] {
            #expect(Clipboard.canCopy(term: term, hasMs: false), "\(term)")
        }
        for term in ["dumb", "vt100", "linux", "ansi", "", "alacritty-direct", "weztermx", "cons25"] {
            #expect(!Clipboard.canCopy(term: term, hasMs: false), "\(term)")
        }
        #expect(!Clipboard.canCopy(term: nil, hasMs: false))
    }

    @Test("the status line names TERM when nothing is sent")
    func message() {
        #expect(Clipboard.cannotCopyMessage(term: "dumb").contains("TERM=dumb"))
        #expect(Clipboard.cannotCopyMessage(term: nil).contains("TERM=unset"))
    }
}
