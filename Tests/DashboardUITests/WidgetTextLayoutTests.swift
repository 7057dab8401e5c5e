import Testing
@testable import DashboardUI

@Suite("Widget text layout")
struct WidgetTextLayoutTests {
    @Test func wrapsAtSpaces() {
        #expect(TextLayout.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(TextLayout.wrap("hello world", width: 5) == ["hello", "world"])
        #expect(TextLayout.wrap("hello world", width: 11) == ["hello world"])
        #expect(TextLayout.wrap("a  b", width: 10) == ["a  b"])
    }

    @Test func hardBreaksLongWords() {
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("to Türkmenbaşy", width: 5) == ["to", "Türkm", "enbaş", "y"])
    }

    @Test func keepsExplicitNewlinesAndEmptyLines() {
        #expect(TextLayout.wrap("one\n\ntwo three", width: 5) == ["one", "", "two", "three"])
        #expect(TextLayout.wrap("", width: 5) == [""])
        #expect(TextLayout.wrap("a\r\nb", width: 5) == ["a", "b"])
        #expect(TextLayout.wrap("x\n", width: 3) == ["x", ""])
    }

    @Test func dropsSpacesAtBreaksKeepsIndentation() {
        #expect(TextLayout.wrap("aaa     bbb", width: 4) == ["aaa", "bbb"])
        #expect(TextLayout.wrap("  indented text", width: 11) == ["  indented", "text"])
        #expect(TextLayout.wrap("tab\there", width: 20) == ["tab here"])
    }

    @Test func wrapsByDisplayWidth() {
        // Each CJK character takes two columns.
        #expect(TextLayout.wrap("日本語テキスト", width: 5) == ["日本", "語テ", "キス", "ト"])
        #expect(TextLayout.wrap("日本 語", width: 4) == ["日本", "語"])
        // Combining marks take no column: "é" written as e + U+0301.
        let e = "e\u{301}"
        #expect(TextLayout.wrap("caf\(e) caf\(e)", width: 4) == ["caf\(e)", "caf\(e)"])
        // A character wider than the whole line is left out rather than overflowing.
        #expect(TextLayout.wrap("a日b", width: 1) == ["a", "b"])
    }

    @Test func wrapNeverExceedsWidth() {
        let texts = ["The Trans-Caspian corridor via Türkmenbaşy 日本語 and Aktau — 2025 Jan–Sep",
                     "x", "  ", "averyveryverylongwordwithoutspaces and more", "日本語テキスト ok\nline 2"]
        for t in texts {
            for w in 1...30 {
                for line in TextLayout.wrap(t, width: w) { #expect(DisplayWidth.of(line) <= w, "\(t) at \(w): \(line)") }
            }
        }
        #expect(TextLayout.wrap("abc", width: 0) == [])
        #expect(TextLayout.wrap("abc", width: -3) == [])
    }

    @Test func wrapsStyledLinesKeepingRoles() {
        let line: Line = [Span("USD 555 M", role: .accent), Span(" of 1,000 M")]
        let wrapped = TextLayout.wrap(line, width: 10)
        #expect(wrapped == [[Span("USD 555 M", role: .accent)], [Span("of 1,000 M")]])
        let mixed = TextLayout.wrap([Span("ab", role: .bar), Span("cd")], width: 3)
        #expect(mixed == [[Span("ab", role: .bar), Span("c")], [Span("d")]])
    }

    @Test func truncatesWithEllipsis() {
        #expect(TextLayout.truncate("Turkmenbashi", width: 8, ellipsis: "…") == "Turkmen…")
        #expect(TextLayout.truncate("Turkmenbashi", width: 12, ellipsis: "…") == "Turkmenbashi")
        #expect(TextLayout.truncate("Turkmenbashi", width: 8, ellipsis: "~") == "Turkmen~")
        #expect(TextLayout.truncate("Turkmenbashi", width: 8, ellipsis: "...") == "Turkm...")
        #expect(TextLayout.truncate("ab cd", width: 4, ellipsis: "…") == "ab…")
        #expect(TextLayout.truncate("abcd", width: 2, ellipsis: "...") == "ab")
        #expect(TextLayout.truncate("abcd", width: 0, ellipsis: "…") == "")
        #expect(TextLayout.truncate("abcd", width: -1, ellipsis: "…") == "")
        #expect(TextLayout.truncate("a\tb\nc", width: 10, ellipsis: "…") == "a b c")
    }

    @Test func truncationIsSafeWithWideAndCombiningCharacters() {
        #expect(TextLayout.truncate("日本語", width: 4, ellipsis: "…") == "日…")
        #expect(TextLayout.truncate("日本語", width: 5, ellipsis: "…") == "日本…")
        #expect(TextLayout.truncate("日本語", width: 6, ellipsis: "…") == "日本語")
        #expect(TextLayout.truncate("日本語", width: 1, ellipsis: "…") == "…")
        let e = "e\u{301}"
        #expect(TextLayout.truncate("\(e)\(e)\(e)\(e)", width: 3, ellipsis: "…") == "\(e)\(e)…")
        for w in 0...8 {
            #expect(DisplayWidth.of(TextLayout.truncate("日本語テキスト", width: w, ellipsis: "…")) <= w)
            #expect(DisplayWidth.of(TextLayout.truncate("a日b本c", width: w, ellipsis: "...")) <= w)
        }
    }

    @Test func padsToExactWidth() {
        #expect(TextLayout.pad("42", width: 5, align: .right) == "   42")
        #expect(TextLayout.pad("42", width: 5, align: .left) == "42   ")
        #expect(TextLayout.pad("42", width: 5, align: .center) == " 42  ")
        #expect(TextLayout.pad("日本", width: 5, align: .right) == " 日本")
        #expect(TextLayout.pad("日本語", width: 5) == "日本 ")
        #expect(TextLayout.pad("abcdef", width: 3) == "abc")
        #expect(TextLayout.pad("x", width: 0) == "")
    }

    @Test func lineHelpers() {
        let line: Line = [Span("Exports ", role: .tableHeader), Span("日本", role: .accent), "!"]
        #expect(line.width == 13)
        #expect(line.plainText == "Exports 日本!")
        #expect(Line.text("abc", role: .dim) == [Span(text: "abc", role: .dim)])
        #expect(line.truncated(to: 11, ellipsis: "…") == [Span("Exports ", role: .tableHeader), Span("日", role: .accent), Span("…", role: .accent)])
        #expect(line.truncated(to: 8, ellipsis: "…") == [Span("Exports", role: .tableHeader), Span("…", role: .tableHeader)])
        #expect(line.truncated(to: 13, ellipsis: "…") == line)
        #expect(line.prefix(width: 9) == [Span("Exports ", role: .tableHeader)])
        #expect([Span("a"), Span("b"), Span("c", role: .dim)].coalesced == [Span("ab"), Span("c", role: .dim)])
        #expect([Span("Jan–Sep …")].prepared(ascii: true) == [Span("Jan-Sep ...")])
    }

    @Test func canvasDrawsLinesInTheirRoles() {
        var c = Canvas(width: 12, height: 2)
        let n = c.put([Span("ab", role: .accent), Span("cd")], x: 1, y: 0, theme: .color)
        #expect(n == 4)
        #expect(c[1, 0].style == Theme.color.style(.accent))
        #expect(c[3, 0].style == .plain)
        c.put([Span("right")], in: Rect(x: 0, y: 1, width: 12, height: 1), align: .right, theme: .mono)
        #expect(c.lines() == [" abcd", "       right"])
        var d = Canvas(width: 6, height: 1)
        d.put([Span("Turkmenbashi")], in: d.bounds, theme: .mono)
        #expect(d.lines() == ["Turkm…"])
        var e = Canvas(width: 6, height: 1)
        e.put([Span("Turkmenbashi")], in: e.bounds, theme: .mono, truncate: false)
        #expect(e.lines() == ["Turkme"])
    }
}
