import Testing
@testable import DashboardUI

@Suite("Widget box and paragraph")
struct WidgetBoxParagraphTests {
    @Test func boxWithTitleAndFooter() {
        var inner = Rect(x: 0, y: 0, width: 0, height: 0)
        let lines = drawn(20, 4) { c, r in inner = Box(title: "Trade", footer: "3/12").render(into: &c, area: r, theme: .mono) }
        #expect(lines == [
            "┌─ Trade ──────────┐",
            "│                  │",
            "│                  │",
            "└─────────── 3/12 ─┘",
        ])
        #expect(inner == Rect(x: 1, y: 1, width: 18, height: 2))
    }

    @Test func boxTitleIsTruncatedToFit() {
        #expect(drawn(14, 3) { c, r in Box(title: "Infrastructure projects").render(into: &c, area: r, theme: .mono) } == [
            "┌─ Infrast… ─┐",
            "│            │",
            "└────────────┘",
        ])
        // Too narrow for any title: just the border.
        #expect(drawn(6, 2) { c, r in Box(title: "Energy").render(into: &c, area: r, theme: .mono) } == ["┌────┐", "└────┘"])
        #expect(drawn(7, 2) { c, r in Box(title: "Energy").render(into: &c, area: r, theme: .mono) } == ["┌─ E ─┐", "└─────┘"])
    }

    @Test func boxInASCII() {
        #expect(drawn(16, 3, theme: .ascii) { c, r in Box(title: "Türkmenbaşy", focused: true).render(into: &c, area: r, theme: .ascii) } == [
            "+- Turkmenba. -+",
            "|              |",
            "+--------------+",
        ])
        // The ASCII canvas alone (colour theme) is 7-bit too.
        #expect(isSevenBit(drawn(16, 3, theme: .color, asciiCanvas: true) { c, r in Box(title: "Türkmenbaşy…").render(into: &c, area: r, theme: .color) }))
    }

    @Test func boxStylesFollowFocus() {
        let plain = canvas(10, 3, theme: .color) { c, r in Box(title: "A").render(into: &c, area: r, theme: .color) }
        let focused = canvas(10, 3, theme: .color) { c, r in Box(title: "A", focused: true).render(into: &c, area: r, theme: .color) }
        #expect(plain[0, 0].style == Theme.color.style(.border))
        #expect(focused[0, 0].style == Theme.color.style(.borderFocused))
        #expect(focused[3, 0].style == Theme.color.style(.title))
    }

    @Test func boxTooSmallDrawsNothingAndHasNoInside() {
        for (w, h) in [(0, 0), (1, 5), (5, 1), (1, 1)] {
            var inner = Rect(x: 9, y: 9, width: 9, height: 9)
            let lines = drawn(w, h) { c, r in inner = Box(title: "T").render(into: &c, area: r, theme: .mono) }
            #expect(lines.allSatisfy { $0.isEmpty })
            #expect(inner.isEmpty)
        }
        #expect(drawn(2, 2) { c, r in Box(title: "T").render(into: &c, area: r, theme: .mono) } == ["┌┐", "└┘"])
    }

    @Test func boxClearsItsInsideWhenAsked() {
        let lines = drawn(8, 3) { c, r in
            c.fill(r, with: "x")
            Box(clear: true).render(into: &c, area: Rect(x: 1, y: 0, width: 6, height: 3), theme: .mono)
        }
        #expect(lines == ["x┌────┐x", "x│    │x", "x└────┘x"])
    }

    @Test func paragraphWrapsAndReportsLineCount() {
        var needed = 0
        let lines = drawn(12, 3) { c, r in
            needed = Paragraph("Turnover reached USD 555 M in 2024.").render(into: &c, area: r, theme: .mono)
        }
        #expect(lines == ["Turnover", "reached USD", "555 M in"])
        #expect(needed == 4)
        #expect(Paragraph("Turnover reached USD 555 M in 2024.").lineCount(width: 12) == 4)
        #expect(Paragraph("Turnover reached USD 555 M in 2024.").maxScroll(width: 12, height: 3) == 1)
    }

    @Test func paragraphScrollsAndClampsScroll() {
        let p = Paragraph(lines: (1...6).map { Line.text("line \($0)") }, scroll: 2)
        #expect(drawn(10, 3) { c, r in p.render(into: &c, area: r, theme: .mono) } == ["line 3", "line 4", "line 5"])
        var far = p
        far.scroll = 99
        #expect(drawn(10, 3) { c, r in far.render(into: &c, area: r, theme: .mono) } == ["line 4", "line 5", "line 6"])
        far.scroll = -5
        #expect(drawn(10, 2) { c, r in far.render(into: &c, area: r, theme: .mono) } == ["line 1", "line 2"])
    }

    @Test func paragraphWithoutWrapTruncates() {
        let p = Paragraph(lines: [Line.text("Kazakhstan–Turkmenistan"), Line.text("ok")], wrap: false)
        #expect(drawn(10, 3) { c, r in p.render(into: &c, area: r, theme: .mono) } == ["Kazakhsta…", "ok", ""])
        #expect(drawn(10, 3, theme: .ascii) { c, r in p.render(into: &c, area: r, theme: .ascii) } == ["Kazakhsta.", "ok", ""])
    }

    @Test func paragraphAlignsAndKeepsRoles() {
        let p = Paragraph(lines: [[Span("55.5", role: .accent), Span(" %")]], align: .right)
        let c = canvas(10, 1, theme: .color) { c, r in p.render(into: &c, area: r, theme: .color) }
        #expect(c.lines() == ["    55.5 %"])
        #expect(c[4, 0].style == Theme.color.style(.accent))
        #expect(c[8, 0].style == .plain)
        let centred = Paragraph("ab", align: .center)
        #expect(drawn(6, 1) { c, r in centred.render(into: &c, area: r, theme: .mono) } == ["  ab"])
    }

    @Test func paragraphWithWideCharactersStaysInWidth() {
        let p = Paragraph("日本語のテキスト and Türkmenbaşy e\u{301}e\u{301}")
        let lines = drawn(7, 6) { c, r in p.render(into: &c, area: r, theme: .mono) }
        #expect(lines == ["日本語", "のテキ", "スト", "and", "Türkmen", "başy éé"])
        #expect(displayWidths(lines).allSatisfy { $0 <= 7 })
    }
}
