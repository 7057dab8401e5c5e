import Testing
@testable import TradeModel

/// Data-derived text printed by `validate` and `import` must not carry terminal controls.
@Suite struct TerminalSafeTests {
    @Test func plainTextIsUnchanged() {
        for s in ["", "Kazakhstan–Turkmenistan trade", "Türkmenbaşy, Garabogazköl", "日本語 😀", "a\\u{1B}b"] {
            #expect(TerminalSafe.terminalSafe(s) == s)
        }
    }

    @Test func escapeAndBellAreShownNotSent() {
        let title = "\u{1B}]0;owned\u{07}\u{1B}[31mred"
        #expect(TerminalSafe.terminalSafe(title) == "\\u{1B}]0;owned\\u{7}\\u{1B}[31mred")
    }

    @Test func everyC0ControlButTabIsEscapedAndTabBecomesASpace() {
        for v in UInt32(0)...0x1F where v != 0x09 {
            let s = String(Unicode.Scalar(v)!)
            #expect(TerminalSafe.terminalSafe("x" + s + "y") == "x\\u{\(String(v, radix: 16, uppercase: true))}y")
        }
        #expect(TerminalSafe.terminalSafe("a\tb") == "a b")
        #expect(TerminalSafe.terminalSafe("line\nbreak\r") == "line\\u{A}break\\u{D}")
    }

    @Test func delAndC1ControlsAreEscaped() {
        #expect(TerminalSafe.terminalSafe("a\u{7F}b") == "a\\u{7F}b")
        #expect(TerminalSafe.terminalSafe("\u{9B}31m") == "\\u{9B}31m") // CSI as a C1 control
        #expect(TerminalSafe.terminalSafe("\u{80}\u{9F}") == "\\u{80}\\u{9F}")
        // Just outside the C1 range: kept.
        #expect(TerminalSafe.terminalSafe("\u{A0}é") == "\u{A0}é")
    }

    @Test func bidiControlsAreEscaped() {
        let controls: [UInt32] = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        for v in controls {
            let s = "id" + String(Unicode.Scalar(v)!) + "x"
            #expect(TerminalSafe.terminalSafe(s) == "id\\u{\(String(v, radix: 16, uppercase: true))}x")
        }
        // Neighbours that are not controls stay.
        #expect(TerminalSafe.terminalSafe("\u{2010}\u{2030}") == "\u{2010}\u{2030}")
    }

    @Test func theResultHoldsNoControlCharacter() {
        var all = ""
        for v in UInt32(0)...0x2100 { if let u = Unicode.Scalar(v) { all.unicodeScalars.append(u) } }
        let safe = TerminalSafe.terminalSafe(all)
        #expect(!safe.unicodeScalars.contains { TerminalSafe.needsEscape($0) || $0 == "\t" })
        #expect(!safe.utf8.contains(0x1B) && !safe.utf8.contains(0x07))
        #expect(TerminalSafe.terminalSafe(safe) == safe) // idempotent
    }

    @Test func excerptsAreCutTo200CharactersWithAnEllipsis() {
        let long = String(repeating: "h", count: 50_000)
        let e = TerminalSafe.excerpt(long)
        #expect(e == String(repeating: "h", count: 200) + "…")
        #expect(TerminalSafe.excerpt(String(repeating: "h", count: 200)) == String(repeating: "h", count: 200))
        #expect(TerminalSafe.excerpt("short\u{1B}") == "short\\u{1B}")
        // An escape is never cut in half, and the result stays within the limit.
        let escapes = TerminalSafe.excerpt(String(repeating: "\u{1B}", count: 100), limit: 20)
        #expect(escapes == "\\u{1B}\\u{1B}\\u{1B}…")
    }
}
