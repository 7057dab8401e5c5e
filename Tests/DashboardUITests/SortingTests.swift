import Testing
import TradeModel
@testable import DashboardUI

/// `s` and `S` on every list screen: the order, the header's marker, the selection, the status line.
@Suite struct SortingTests {
    /// The sortable list screens and their keys.
    static var sortable: [(Screen, [SortKey])] {
        ScreenRegistry.all.map { ($0.screen, $0.sortKeys(Fixture.dataset)) }.filter { !$0.1.isEmpty }
    }

    @Test func theListScreensAreSortable() {
        #expect(Self.sortable.map(\.0) == [.trade, .energy, .infrastructure, .timeline, .sources])
    }

    /// The done-when of issue 12: one `s` on Sources sorts it by date, oldest first, undated last.
    @Test func sOnSourcesSortsByDate() throws {
        var s = Fixture.state(screen: .sources, width: 120, height: 40)
        Fixture.press(&s, .char("s"))
        #expect(s.sort[.sources] == SortOrder(key: 1, descending: false))
        let dates = ListRow.visible(s, .sources).map { id in Fixture.dataset.sources.first { $0.id == id.id }!.date }
        let known = dates.prefix { $0 != nil }.map { $0! }
        #expect(known.count == Fixture.dataset.sources.filter { $0.date != nil }.count, "every dated source before the undated")
        #expect(zip(known, known.dropFirst()).allSatisfy { sortNumber($0) <= sortNumber($1) }, "oldest first")
        #expect(dates.drop { $0 != nil }.allSatisfy { $0 == nil })
        let text = Fixture.text(s)
        #expect(text.contains("Date▲"), "the header marks the sorted column")
        #expect(s.status?.text.hasPrefix("Sorted by date, oldest first") == true)
        // S: newest first, the undated still last.
        Fixture.press(&s, .char("S"))
        let reversed = ListRow.visible(s, .sources).compactMap { r in Fixture.dataset.sources.first { $0.id == r.id }!.date }
        #expect(zip(reversed, reversed.dropFirst()).allSatisfy { sortNumber($0) >= sortNumber($1) })
        #expect(ListRow.visible(s, .sources).last.flatMap { r in Fixture.dataset.sources.first { $0.id == r.id } }?.date == nil)
        #expect(Fixture.text(s).contains("Date▼"))
        #expect(s.status?.text.hasPrefix("Sorted by date, newest first") == true)
    }

    func sortNumber(_ d: DateValue) -> Int { d.year * 10_000 + (d.month ?? 0) * 100 + (d.day ?? 0) }

    /// Every key of every list screen orders the rows by its values, in both directions, missing last.
    @Test(arguments: sortable.map(\.0))
    func everyKeyOrdersItsValues(_ screen: Screen) {
        var s = Fixture.state(screen: screen)
        let keys = ScreenRegistry.view(screen).sortKeys(s.dataset)
        let natural = ListRow.visible(s, screen).map(\.id)
        #expect(ListRow.visible(s, screen).allSatisfy { $0.sortValue != nil }, "every row of \(screen) has its values")
        for k in 1..<keys.count {
            Fixture.press(&s, .char("s"))
            #expect(s.sort[screen]?.key == k)
            for pass in 0..<2 {
                let descending = s.sort[screen]!.descending
                #expect(descending == (keys[k].descendingFirst != (pass == 1)))
                let rows = ListRow.visible(s, screen)
                let values = rows.map { $0.sortValue?(k) ?? .missing }
                // Groups in order (Trade: full years, part years, the estimate), each sorted by value.
                #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.sortGroup <= $1.sortGroup }, "\(screen): groups in order")
                for i in values.indices.dropFirst() where rows[i].sortGroup == rows[i - 1].sortGroup {
                    #expect(SortValue.before(values[i], values[i - 1], descending: descending) != true, "\(screen) by \(keys[k].name): \(values[i]) before \(values[i - 1])")
                }
                #expect(Set(ListRow.visible(s, screen).map(\.id)) == Set(natural), "sorting keeps every row")
                Fixture.press(&s, .char("S"))
                // Back to the key's first direction after the second S.
                if pass == 1 { #expect(s.sort[screen]!.descending == keys[k].descendingFirst) }
            }
            // S twice leaves it as it was; the loop's next s moves on.
        }
        Fixture.press(&s, .char("s"))
        #expect(s.sort[screen] == nil, "after the last key, the list's own order again")
        #expect(ListRow.visible(s, screen).map(\.id) == natural)
        // S on the list's own order reverses it.
        Fixture.press(&s, .char("S"))
        #expect(ListRow.visible(s, screen).map(\.id) == natural.reversed())
    }

    @Test func theSelectionFollowsTheRowNotThePosition() {
        var s = Fixture.state(screen: .sources)
        Fixture.press(&s, .char("j"), .char("j"), .char("j"))
        let chosen = ListRow.selected(s, .sources)!.id
        Fixture.press(&s, .char("s"))
        #expect(ListRow.selected(s, .sources)?.id == chosen)
        #expect(s.selection[.sources] != 3, "the fixture's fourth source does not stay fourth by date")
        Fixture.press(&s, .char("S"), .char("s"))
        #expect(ListRow.selected(s, .sources)?.id == chosen)
        // Enter opens the row that is selected, in the sorted list.
        Fixture.press(&s, .enter)
        guard case .detail(let o) = s.mode else { Issue.record("no detail"); return }
        #expect(o.lines.contains { $0.map(\.text).joined().contains(chosen) })
    }

    @Test func sortingAndFilteringCombine() {
        var s = Fixture.state(screen: .sources)
        Fixture.press(&s, .char("/"), .char("t"), .char("r"), .char("e"), .char("n"), .char("d"), .enter)
        let filtered = Set(ListRow.visible(s, .sources).map(\.id))
        #expect(filtered.count > 1)
        Fixture.press(&s, .char("s"), .char("s"))
        #expect(Set(ListRow.visible(s, .sources).map(\.id)) == filtered, "the filter stays")
        let cited = ListRow.visible(s, .sources).map { s.dataset.citationCount(of: $0.id) }
        #expect(cited == cited.sorted(by: >), "most cited first")
        #expect(s.filter.query == "trend")
    }

    @Test func screensWithoutAListSaySo() {
        for screen in [Screen.overview, .target, .goods] {
            var s = Fixture.state(screen: screen)
            let before = ListRow.visible(s, screen).map(\.id)
            Fixture.press(&s, .char("s"))
            #expect(s.sort[screen] == nil)
            #expect(s.status?.text.hasPrefix("Nothing to sort on \(screen.title)") == true)
            #expect(ListRow.visible(s, screen).map(\.id) == before)
        }
    }

    @Test func theHelpNamesTheKeysAndTheFooterHintsOnlyWhereSortable() {
        var s = Fixture.state(screen: .timeline)
        #expect(KeyTable.helpLines(s).contains { $0.keys == "s / S" && $0.text.contains("date, kind, event") })
        #expect(KeyTable.hints(s).contains { $0.key == "s" })
        Dashboard.show(.goods, in: &s)
        #expect(!KeyTable.helpLines(s).contains { $0.keys == "s / S" })
        #expect(!KeyTable.hints(s).contains { $0.key == "s" })
    }

    /// Each screen keeps its own order; a reload keeps it.
    @Test func theOrderIsKeptPerScreenAndAcrossAReload() {
        var s = Fixture.state(screen: .timeline)
        Fixture.press(&s, .char("S"))
        Fixture.press(&s, .char("7"), .char("s"), .char("s"))
        Fixture.press(&s, .char("6"))
        #expect(s.sort[.timeline] == SortOrder(key: 0, descending: true))
        #expect(s.sort[.sources]?.key == 2)
        s.reloaded(with: Fixture.dataset)
        #expect(s.sort[.timeline] == SortOrder(key: 0, descending: true))
        #expect(Fixture.text(s).contains("Date▼"))
    }

    @Test func clickingAHeaderSortsOnItsColumnAndAgainReverses() throws {
        var s = Fixture.state(screen: .sources, width: 100, height: 30)
        let body = Chrome.body(width: 100, height: 30)
        let (rect, table) = try #require(SourcesScreen.tableLayout(s, body))
        let widths = table.columnWidths(for: rect.width - 1)
        // The Cited column (5): its first cell.
        let x = rect.x + widths.prefix(5).reduce(0) { $0 + ($1 > 0 ? $1 + 1 : 0) }
        Fixture.press(&s, .click(x: x, y: rect.y))
        #expect(s.sort[.sources] == SortOrder(key: 2, descending: true))
        Fixture.press(&s, .click(x: x, y: rect.y))
        #expect(s.sort[.sources] == SortOrder(key: 2, descending: false))
        // The Title column is sorted on too; no column of Sources is without a key.
        Fixture.press(&s, .click(x: rect.x, y: rect.y))
        #expect(s.sort[.sources]?.key == 3, "Publisher")
    }

    /// A config file's `[keys]` rebinds sort and sort-reverse; the status line names the new keys.
    @Test func theSortKeysCanBeRebound() {
        var s = Fixture.state(screen: .sources)
        s.keyOverrides.set("sort", [.char("t")])
        Fixture.press(&s, .char("s"))
        #expect(s.sort[.sources] == nil, "s no longer sorts")
        Fixture.press(&s, .char("t"))
        #expect(s.sort[.sources] == SortOrder(key: 1, descending: false))
        #expect(s.status?.text.hasSuffix("(t: next column, S: reverse)") == true, "\(s.status?.text ?? "")")
    }

    /// A partial year is not ranked among full years, nor our estimate among stated figures; an
    /// "over" figure sorts just above the same exact one.
    @Test func tradeRanksFullYearsThenPartYearsThenTheEstimate() throws {
        var s = Fixture.state(screen: .trade)
        Fixture.press(&s, .char("s"))
        let ids = ListRow.visible(s, .trade).map(\.id)
        let firstPartial = try #require(ids.firstIndex { $0.contains(" ") })
        #expect(ids[..<firstPartial].allSatisfy { Int($0) != nil }, "full years first: \(ids)")
        #expect(ids.last == "2025 est.", "the estimate last: \(ids)")
        #expect(s.status?.text.contains("full years ranked first") == true)
        #expect(SortValue.bounded(109.7, .atLeast) != SortValue.bounded(109.7, .exact))
        #expect(SortValue.before(.bounded(109.7, .exact), .bounded(109.7, .atLeast), descending: false) == true)
        #expect(SortValue.before(.bounded(109.7, .atMost), .bounded(109.7, .exact), descending: false) == true)
    }

    /// The marker when the column fits its title exactly (Cited), and a column not drawn at this width.
    @Test func theMarkerFitsAndAHiddenColumnIsSaid() {
        var s = Fixture.state(screen: .sources, width: 80, height: 24)
        Fixture.press(&s, .char("s"), .char("s"))
        #expect(Fixture.text(s).contains("Cited▼"))
        var narrow = Fixture.state(screen: .trade, width: 60, height: 20)
        for _ in 0..<5 { Fixture.press(&narrow, .char("s")) }
        #expect(narrow.status?.text.contains("its column is not shown at this width") == true, "\(narrow.status?.text ?? "")")
    }

    @Test func unknownValuesSortLastBothWays() {
        let a = SortValue.number(1), m = SortValue.missing
        #expect(SortValue.before(a, m, descending: false) == true)
        #expect(SortValue.before(a, m, descending: true) == true)
        #expect(SortValue.before(m, a, descending: true) == false)
        #expect(SortValue.before(m, m, descending: false) == nil)
        #expect(SortValue.before(.text("zeta"), .text("alpha"), descending: true) == true)
        #expect(SortValue.text("Türkmen") == SortValue.text("turkmen"))
    }
}

extension SortValue: Equatable {
    public static func == (a: SortValue, b: SortValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y
        case (.folded(let x), .folded(let y)): return x == y
        case (.missing, .missing): return true
        default: return false
        }
    }
}
