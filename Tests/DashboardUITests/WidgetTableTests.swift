import Testing
@testable import DashboardUI

@Suite("Widget table")
struct WidgetTableTests {
    static let columns = [
        TableColumn(title: "Year", width: .fit), TableColumn(title: "Exports", width: .fit, align: .right),
        TableColumn(title: "Imports", width: .fit, align: .right), TableColumn(title: "Note", width: .flex(min: 4)),
    ]
    static let rows = [
        ["2021", "254.3", "12.0", "stated"], ["2022", "361.0", "140.5", "stated"],
        ["2023", "468.6", "7.1", "derived"], ["2024 Jan–Sep", "555.0", "", "partial"],
    ]
    static let table = Table(columns: columns, textRows: rows, selected: 1)

    @Test func alignedColumnsWithRightAlignedNumbers() {
        #expect(drawn(36, 5) { c, r in Self.table.render(into: &c, area: r, theme: .mono) } == [
            "Year         Exports Imports Note",
            "2021           254.3    12.0 stated",
            "2022           361.0   140.5 stated",
            "2023           468.6     7.1 derived",
            "2024 Jan–Sep   555.0         partial",
        ])
    }

    @Test func selectedRowIsHighlightedAcrossTheWholeRow() {
        let c = canvas(36, 5, theme: .color) { c, r in Self.table.render(into: &c, area: r, theme: .color) }
        for x in 0..<36 { #expect(c[x, 2].style == Theme.color.style(.selected)) }
        #expect(c[0, 1].style != Theme.color.style(.selected))
        #expect(c[0, 0].style == Theme.color.style(.tableHeader))
        #expect(c[12, 0].style == Theme.color.style(.tableHeader))
    }

    @Test func cellRolesAreKept() {
        let t = Table(columns: [TableColumn(title: "A", width: .fixed(6))], rows: [[[Span("x", role: .derived), Span(" y")]]])
        let c = canvas(6, 2, theme: .color) { c, r in t.render(into: &c, area: r, theme: .color) }
        #expect(c[0, 1].style == Theme.color.style(.derived))
        #expect(c[2, 1].style == .plain)
    }

    @Test func columnsThatDoNotFitAreDroppedFromTheRight() {
        #expect(drawn(24, 5, theme: .ascii) { c, r in Self.table.render(into: &c, area: r, theme: .ascii) } == [
            "Year     Exports Imports",
            "2021       254.3    12.0",
            "2022       361.0   140.5",
            "2023       468.6     7.1",
            "2024 Ja.   555.0",
        ])
        let fixed = Table(columns: [TableColumn(title: "A", width: .fixed(10)), TableColumn(title: "B", width: .fixed(10)), TableColumn(title: "C", width: .fixed(10))], rows: [])
        #expect(fixed.columnWidths(for: 32) == [10, 10, 10])
        #expect(fixed.columnWidths(for: 31) == [10, 10])
        #expect(fixed.columnWidths(for: 21) == [10, 10])
        #expect(fixed.columnWidths(for: 20) == [10])
        #expect(fixed.columnWidths(for: 5) == [5])
        #expect(fixed.columnWidths(for: 0) == [])
    }

    @Test func flexColumnsShareByWeight() {
        let t = Table(columns: [TableColumn(title: "a", width: .flex(min: 2, weight: 1)), TableColumn(title: "b", width: .fixed(4)),
                                TableColumn(title: "c", width: .flex(min: 2, weight: 3))], rows: [])
        // 30 - 2 gaps = 28; minimums 8; 20 left: 5 and 15.
        #expect(t.columnWidths(for: 30) == [7, 4, 17])
        #expect(t.columnWidths(for: 31) == [8, 4, 17])
    }

    @Test func fitColumnsShrinkToTheirTitleBeforeBeingDropped() {
        let t = Table(columns: [TableColumn(title: "Name", width: .fit), TableColumn(title: "USD", width: .fit, align: .right)],
                      textRows: [["Turkmenbashi International Seaport", "1.5"]])
        #expect(t.columnWidths(for: 60) == [34, 3])
        #expect(t.columnWidths(for: 20) == [16, 3])
        #expect(drawn(12, 2) { c, r in t.render(into: &c, area: r, theme: .mono) } == ["Name     USD", "Turkmen… 1.5"])
    }

    @Test func scrollsToKeepTheSelectionVisibleWithAnIndicator() {
        let ten = Table(columns: [TableColumn(title: "#", width: .fixed(3), align: .right), TableColumn(title: "Event", width: .flex(min: 5))],
                        textRows: (1...10).map { ["\($0)", "event number \($0)"] }, selected: 5)
        #expect(drawn(20, 4) { c, r in ten.render(into: &c, area: r, theme: .mono) } == [
            "  # Event",
            "  4 event number 4 ▲",
            "  5 event number 5 █",
            "  6 event number 6 ▼",
        ])
        #expect(drawn(20, 7) { c, r in ten.render(into: &c, area: r, theme: .mono) } == [
            "  # Event",
            "  1 event number 1 │",
            "  2 event number 2 █",
            "  3 event number 3 █",
            "  4 event number 4 │",
            "  5 event number 5 │",
            "  6 event number 6 ▼",
        ])
        var end = ten
        end.selected = 9
        #expect(drawn(20, 7, theme: .ascii) { c, r in end.render(into: &c, area: r, theme: .ascii) } == [
            "  # Event",
            "  5 event number 5 ^",
            "  6 event number 6 |",
            "  7 event number 7 |",
            "  8 event number 8 #",
            "  9 event number 9 #",
            " 10 event number 10|",
        ])
        #expect(end.effectiveOffset(height: 7) == 4)
        #expect(end.visibleRows(height: 7) == 6)
    }

    @Test func offsetForSelected() {
        #expect(Table.offset(forSelected: 5, current: 0, visibleRows: 3) == 3)
        #expect(Table.offset(forSelected: 1, current: 3, visibleRows: 3) == 1)
        #expect(Table.offset(forSelected: 4, current: 3, visibleRows: 3) == 3)
        #expect(Table.offset(forSelected: 5, current: 3, visibleRows: 3) == 3)
        #expect(Table.offset(forSelected: 6, current: 3, visibleRows: 3) == 4)
        #expect(Table.offset(forSelected: 9, current: 0, visibleRows: 3, rowCount: 10) == 7)
        #expect(Table.offset(forSelected: 2, current: 8, visibleRows: 3, rowCount: 10) == 2)
        #expect(Table.offset(forSelected: 3, current: 8, visibleRows: 3, rowCount: 5) == 2)
        #expect(Table.offset(forSelected: 0, current: 5, visibleRows: 3, rowCount: 2) == 0)
        #expect(Table.offset(forSelected: 4, current: 0, visibleRows: 0) == 4)
        // Every selection in every window is visible.
        for count in 1...12 {
            for visible in 1...5 {
                var offset = 0
                for s in Array(0..<count) + Array((0..<count).reversed()) {
                    offset = Table.offset(forSelected: s, current: offset, visibleRows: visible, rowCount: count)
                    #expect(offset <= s && s < offset + visible)
                    #expect(offset >= 0 && offset <= max(0, count - visible))
                }
            }
        }
    }

    @Test func offsetWithoutSelectionIsClamped() {
        let t = Table(columns: [TableColumn(title: "n", width: .fixed(2))], textRows: (1...5).map { ["\($0)"] }, offset: 99)
        #expect(t.effectiveOffset(height: 3) == 3)
        #expect(drawn(4, 3) { c, r in t.render(into: &c, area: r, theme: .mono) } == ["n", "4  ▲", "5  │"])
    }

    @Test func positionLabel() {
        #expect(Table.positionLabel(selected: 2, count: 12) == "3/12")
        #expect(Table.positionLabel(selected: nil, count: 12) == "1/12")
        #expect(Table.positionLabel(selected: 40, count: 12) == "12/12")
        #expect(Table.positionLabel(selected: 0, count: 0) == "0/0")
    }

    @Test func wideAndCombiningCharactersKeepColumnsAligned() {
        let wide = Table(columns: [TableColumn(title: "Place", width: .fit), TableColumn(title: "Value", width: .fit, align: .right), TableColumn(title: "Note", width: .flex(min: 3))],
                         textRows: [["日本", "1.0", "東京"], ["Türkmenbaşy", "22.5", "port"], ["e\u{301}x", "333.0", "日本語テキスト"]])
        let lines = drawn(28, 4) { c, r in wide.render(into: &c, area: r, theme: .mono) }
        #expect(lines == [
            "Place       Value Note",
            "日本          1.0 東京",
            "Türkmenbaşy  22.5 port",
            "e\u{301}x          333.0 日本語テ…",
        ])
        // The value column ends in column 16 on every row, whatever is left of it.
        for line in lines.dropFirst() {
            #expect(character(atColumn: 16, of: line)?.isNumber == true, "\(line)")
            #expect(character(atColumn: 17, of: line) == " ", "\(line)")
        }
        #expect(displayWidths(lines).allSatisfy { $0 <= 28 })
        // In ASCII a wide character keeps its two columns.
        #expect(drawn(28, 4, theme: .ascii) { c, r in wide.render(into: &c, area: r, theme: .ascii) } == [
            "Place       Value Note",
            "????          1.0 ????",
            "Turkmenbasy  22.5 port",
            "ex          333.0 ?????????.",
        ])
    }

    @Test func emptyTableShowsItsEmptyText() {
        let t = Table(columns: Self.columns, rows: [], emptyText: "no trade data")
        #expect(drawn(36, 3) { c, r in t.render(into: &c, area: r, theme: .mono) } == ["Year Exports Imports Note", "no trade data", ""])
    }

    @Test func withoutHeader() {
        let t = Table(columns: [TableColumn(title: "x", width: .fixed(3), align: .right)], textRows: [["1"], ["22"]], showHeader: false)
        #expect(drawn(3, 2) { c, r in t.render(into: &c, area: r, theme: .mono) } == ["  1", " 22"])
    }
}
