import Testing
import TradeModel
@testable import DashboardUI

/// The rules that fit the screens to the terminal: table columns left out by priority, the detail
/// beside or below a list, the legend flowed onto lines.
@Suite struct LayoutRulesTests {
    // MARK: Table columns by priority

    static let prioritised = Table(columns: [
        TableColumn(title: "A", width: .fixed(10), priority: 3),
        TableColumn(title: "B", width: .fixed(10), priority: 0),
        TableColumn(title: "C", width: .fixed(10), priority: 1),
        TableColumn(title: "D", width: .fixed(10), priority: 1),
    ], rows: [])

    @Test func columnsAreLeftOutLowestPriorityFirstThenFromTheRight() {
        let t = Self.prioritised
        // All four: 4 × 10 + 3 gaps = 43.
        #expect(t.columnWidths(for: 43) == [10, 10, 10, 10])
        // 42: B (priority 0) goes first, though it is second: 3 × 10 + 2 gaps = 32 fit; 0 for B.
        #expect(t.columnWidths(for: 42) == [10, 0, 10, 10])
        #expect(t.columnWidths(for: 32) == [10, 0, 10, 10])
        // 31: of C and D (both 1), the rightmost goes: A and C, 21 wide; D not in the result.
        #expect(t.columnWidths(for: 31) == [10, 0, 10])
        #expect(t.columnWidths(for: 21) == [10, 0, 10])
        // 20: only A (priority 3) is left; 5: A alone, cut to the width.
        #expect(t.columnWidths(for: 20) == [10])
        #expect(t.columnWidths(for: 5) == [5])
        #expect(t.minimumWidth() == 43)
    }

    @Test func theLastColumnStandingMayBeNotTheFirst() {
        let t = Table(columns: [TableColumn(title: "a", width: .fixed(6), priority: 0), TableColumn(title: "b", width: .fixed(6), priority: 5)], rows: [])
        // 12 < 6 + 1 + 6 = 13: "a" (lower priority, though first) goes; "b" keeps its fixed 6.
        #expect(t.columnWidths(for: 12) == [0, 6])
        // 4 < 6: b alone, cut to 4.
        #expect(t.columnWidths(for: 4) == [0, 4])
    }

    @Test func aColumnLeftOutInTheMiddleTakesNoSpace() {
        let t = Table(columns: [TableColumn(title: "Deal", width: .fixed(6), priority: 2), TableColumn(title: "Who", width: .fixed(5), priority: 0),
                                TableColumn(title: "Vol", width: .fixed(5), align: .right, priority: 1)],
                      textRows: [["Gas", "Q, T", "1.5"]])
        // 15 columns: 6 + 1 + 5 + 1 + 5 = 18 do not fit; "Who" goes: 6 + 1 + 5 = 12 fit, 3 spare.
        #expect(drawn(15, 2) { c, r in t.render(into: &c, area: r, theme: .mono) } == [
            "Deal     Vol",
            "Gas      1.5",
        ])
    }

    @Test func flexColumnsShareWhatTheLeftOutColumnLeaves() {
        let t = Table(columns: [TableColumn(title: "x", width: .flex(min: 4, weight: 1), priority: 1), TableColumn(title: "y", width: .fixed(20), priority: 0),
                                TableColumn(title: "z", width: .flex(min: 4, weight: 1), priority: 1)], rows: [])
        // 20: 4 + 1 + 20 + 1 + 4 = 30 do not fit; y goes: 4 + 1 + 4 = 9, 11 spare: 5 and 5, the
        // remainder 1 to the leftmost: 10 and 9.
        #expect(t.columnWidths(for: 20) == [10, 0, 9])
    }

    // MARK: The detail beside or below a list

    static let narrowColumns = [TableColumn(title: "Date", width: .fixed(14)), TableColumn(title: "Event", width: .flex(min: 20))]

    @Test func theDetailGoesBesideOnlyWhenWideAndNeeded() throws {
        let tall = Rect(x: 0, y: 2, width: 120, height: 37)
        // 119 wide: never.
        #expect(ScreenRenderer.beside(Rect(x: 0, y: 2, width: 119, height: 37), columns: Self.narrowColumns, stacked: 100) == nil)
        // 120 wide, the list 19 rows high: 19 + 10 ≤ 37 fit one above the other, so below.
        #expect(ScreenRenderer.beside(tall, columns: Self.narrowColumns, stacked: 19) == nil)
        // 28 + 10 > 37: beside; the detail gets 120 × 2/5 = 48 columns, the list 72.
        let (list, preview) = try #require(ScreenRenderer.beside(tall, columns: Self.narrowColumns, stacked: 28))
        #expect(list == Rect(x: 0, y: 2, width: 72, height: 37))
        #expect(preview == Rect(x: 72, y: 2, width: 48, height: 37))
        // 200 wide: always, even when both would fit stacked; 200 × 2/5 = 80 for the detail.
        let (l2, p2) = try #require(ScreenRenderer.beside(Rect(x: 0, y: 2, width: 200, height: 57), columns: Self.narrowColumns, stacked: 5))
        #expect(l2.width == 120 && p2.width == 80 && p2.x == 120)
    }

    @Test func theDetailStaysBelowWhenTheListWouldLoseAColumn() {
        // The Energy list needs 16 + 13 + 12 + 12 + 11 + 14 + 5 gaps = 83 columns. At 160 its side is
        // 96 wide: 94 inside the box, 93 with a scroll bar: it fits. At 140 (84 wide, 81 usable) it
        // does not, and at 140 with a list too tall to stack the detail still goes below.
        #expect(Table(columns: EnergyScreen.columns, rows: []).minimumWidth() == 83)
        #expect(ScreenRenderer.beside(Rect(x: 0, y: 2, width: 160, height: 37), columns: EnergyScreen.columns, stacked: 7) != nil)
        #expect(ScreenRenderer.beside(Rect(x: 0, y: 2, width: 140, height: 37), columns: EnergyScreen.columns, stacked: 100) == nil)
    }

    @Test func listScreensAtTheGoldenSizes() throws {
        // 80×24: the detail under the list on every list screen (the 80×24 layout as before).
        for screen in [Screen.energy, .timeline, .sources] {
            let s = Fixture.state(.mono, screen: screen, width: 80, height: 24)
            let body = Chrome.body(width: 80, height: 24)
            let split: (table: Rect, preview: Rect?) = screen == .energy ? EnergyScreen.split(s, body) : screen == .timeline ? TimelineScreen.split(s, body) : SourcesScreen.split(s, body)
            let preview = try #require(split.preview, "\(screen.name) has its detail at 80×24")
            #expect(preview.y > split.table.y && preview.width == 80, "\(screen.name): below at 80×24")
        }
        // 120×40: Sources (70 rows) and Timeline (28 rows: 31 with its box do not leave 10 for the
        // detail in 37) beside; Energy (8) below; Infrastructure: table across, map and detail side
        // by side under it.
        let body120 = Chrome.body(width: 120, height: 40)
        let sources = SourcesScreen.split(Fixture.state(.mono, screen: .sources, width: 120, height: 40), body120)
        #expect(sources.preview?.x == 72 && sources.table.width == 72)
        let timeline = TimelineScreen.split(Fixture.state(.mono, screen: .timeline, width: 120, height: 40), body120)
        #expect(timeline.table.width == 72 && timeline.preview?.x == 72)
        let energy = EnergyScreen.split(Fixture.state(.mono, screen: .energy, width: 120, height: 40), body120)
        #expect(energy.table.width == 120 && (energy.preview?.y ?? 0) > energy.table.y)
        let infra = InfrastructureScreen.split(Fixture.state(.mono, screen: .infrastructure, width: 120, height: 40), body120)
        // 9 projects + 3 = 12 rows of table; under it 25 rows: a map of 72 columns and the detail of 48.
        #expect(infra.table == Rect(x: 0, y: 2, width: 120, height: 12))
        #expect(infra.map == Rect(x: 0, y: 14, width: 72, height: 25))
        #expect(infra.preview == Rect(x: 72, y: 14, width: 48, height: 25))
        // 200×60: every list screen has its detail beside, 80 columns on the right.
        let body200 = Chrome.body(width: 200, height: 60)
        for screen in [Screen.energy, .timeline, .sources] {
            let s = Fixture.state(.mono, screen: screen, width: 200, height: 60)
            let split: (table: Rect, preview: Rect?) = screen == .energy ? EnergyScreen.split(s, body200) : screen == .timeline ? TimelineScreen.split(s, body200) : SourcesScreen.split(s, body200)
            #expect(split.preview == Rect(x: 120, y: 2, width: 80, height: 57), "\(screen.name) at 200×60")
        }
        // Infrastructure at 200×60: table over the map on the left (12 + 45 rows), detail right.
        let infra200 = InfrastructureScreen.split(Fixture.state(.mono, screen: .infrastructure, width: 200, height: 60), body200)
        #expect(infra200.table == Rect(x: 0, y: 2, width: 120, height: 12))
        #expect(infra200.map == Rect(x: 0, y: 14, width: 120, height: 45))
        #expect(infra200.preview == Rect(x: 120, y: 2, width: 80, height: 57))
    }

    // MARK: The legend

    @Test func theLegendFlowsWholeEntriesOntoLines() {
        let entries = [Figures.LegendEntry(symbol: "~", meaning: "about"), Figures.LegendEntry(symbol: ">", meaning: "over"),
                       Figures.LegendEntry(symbol: "", meaning: "plain remark")]
        // "~ about" (7) + 2 + "> over" (6) = 15; + 2 + "plain remark" (12) = 29.
        #expect(Figures.legendLines(width: 29, ascii: false, entries: entries).map(\.plainText) == ["~ about  > over  plain remark"])
        #expect(Figures.legendLines(width: 28, ascii: false, entries: entries).map(\.plainText) == ["~ about  > over", "plain remark"])
        #expect(Figures.legendLines(width: 14, ascii: false, entries: entries).map(\.plainText) == ["~ about", "> over", "plain remark"])
        // An entry wider than the line alone is word-wrapped, never cut.
        #expect(Figures.legendLines(width: 6, ascii: false, entries: entries).map(\.plainText) == ["~", "about", "> over", "plain", "remark"])
        #expect(Figures.legendLines(width: 0, ascii: false, entries: entries).isEmpty)
    }

    @Test func aLegendWithoutRoomIsItsMarksAndWhereTheyAreExplained() {
        let entries = [Figures.LegendEntry(symbol: "~", meaning: "about"), Figures.LegendEntry(symbol: ">", meaning: "over"),
                       Figures.LegendEntry(symbol: "", meaning: "plain remark")]
        // At 14 columns the whole legend takes 3 lines (see above): in 3 rows it is whole.
        #expect(Figures.legendLines(width: 14, ascii: false, rows: 3, entries: entries).map(\.plainText) == ["~ about", "> over", "plain remark"])
        // No row to spare: the symbols (the remark has none) and where their meanings are.
        #expect(Figures.legendLines(width: 50, ascii: false, rows: 0, entries: entries).map(\.plainText) == ["marks ~ >: explained in the help"])
        // 58 columns: the whole legend would take 6 lines (24; 45; 15 + 2 + 18 = 35; 23 + 2 + 27 = 52;
        // 40; 32); in 2 rows: "marks " (6) + "~ > < ≥ ≤ * ! ? # ^ Jan–Sep" (27) + ": explained in the help" (23) = 56 columns.
        #expect(Figures.legendLines(width: 58, ascii: false).count == 6)
        #expect(Figures.legendLines(width: 58, ascii: false, rows: 2).map(\.plainText) == ["marks ~ > < ≥ ≤ * ! ? # ^ Jan–Sep: explained in the help"])
        // The Trade screen at its smallest (60×20): the table scrolls so that the whole legend and
        // the first line above it fit (the table keeps 8 rows), so the short form is not needed.
        let taller = Fixture.text(Fixture.state(.mono, screen: .trade, width: 60, height: 20))
        #expect(!taller.contains("explained in the help"))
        for line in Figures.legendLines(width: 58, ascii: false) { #expect(taller.contains(line.plainText), "\(line.plainText)") }
        #expect(taller.contains(" CAGR 2011–2024"), "the summary's first line stays")
    }

    @Test func theLegendIsMeasuredAsDrawn() {
        // "≥ ≤ at least" is 12 columns as drawn, 14 in ASCII (">= <= at least").
        let e = [Figures.LegendEntry(symbol: "≥ ≤", meaning: "at least"), Figures.LegendEntry(symbol: "*", meaning: "x")]
        // 12 + 2 + 3 = 17; in ASCII 14 + 2 + 3 = 19.
        #expect(Figures.legendLines(width: 17, ascii: false, entries: e).count == 1)
        #expect(Figures.legendLines(width: 17, ascii: true, entries: e).count == 2)
        #expect(Figures.legendLines(width: 19, ascii: true, entries: e).count == 1)
    }

    @Test func theBundledLegendAtEightyColumns() {
        // 78 columns (the Trade summary at 80): "~ about  > over  < under  ≥ ≤ at least, at most (computed
        // from a bound)" is 7+2+6+2+7+2+45 = 71; "* derived by us" (15) would make 88. Then 15 + 2 +
        // "! sources disagree" (18) + 2 + "? our derivations differ" (23) = 60; "# fails an arithmetic
        // check" (27) would make 89. Then 27 + 2 + "^ full-year estimate from partial months" (40) = 69;
        // "Jan–Sep months of a partial year" (32) would make 103: a fourth line.
        let lines = Figures.legendLines(width: 78, ascii: false).map(\.plainText)
        #expect(lines == ["~ about  > over  < under  ≥ ≤ at least, at most (computed from a bound)",
                          "* derived by us  ! sources disagree  ? our derivations differ",
                          "# fails an arithmetic check  ^ full-year estimate from partial months",
                          "Jan–Sep months of a partial year"])
        // Every entry once, in order, on the one-line form too.
        #expect(Figures.legend(ascii: false) == lines.joined(separator: "  "))
    }
}
