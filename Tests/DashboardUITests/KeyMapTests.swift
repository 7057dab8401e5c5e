import Testing
import TradeModel
@testable import DashboardUI

/// Every key's effect on the state, without a terminal.
@Suite struct KeyMapTests {
    @Test func numberKeysJumpToScreens() {
        var s = Fixture.state()
        for screen in Screen.allCases {
            Fixture.press(&s, .char(Character(String(screen.number))))
            #expect(s.screen == screen)
        }
        Fixture.press(&s, .char("9"))
        #expect(s.screen == .goods, "9 is not a screen and changes nothing")
    }

    @Test func tabAndShiftTabCycle() {
        var s = Fixture.state()
        Fixture.press(&s, .tab)
        #expect(s.screen == .trade)
        Fixture.press(&s, .backTab, .backTab)
        #expect(s.screen == .goods, "Shift-Tab wraps from the first screen to the last")
        Fixture.press(&s, .tab)
        #expect(s.screen == .overview, "Tab wraps from the last to the first")
    }

    @Test func hAndLChangeScreenOutsideTheOverview() {
        var s = Fixture.state(screen: .energy)
        Fixture.press(&s, .char("l"))
        #expect(s.screen == .infrastructure)
        Fixture.press(&s, .char("h"), .left)
        #expect(s.screen == .target)
    }

    @Test func selectionMovesAndClamps() {
        var s = Fixture.state(screen: .timeline, height: 30)
        let n = Fixture.dataset.events.count
        #expect(s.selection[.timeline, default: 0] == 0)
        Fixture.press(&s, .char("j"), .down)
        #expect(s.selection[.timeline] == 2)
        Fixture.press(&s, .char("k"))
        #expect(s.selection[.timeline] == 1)
        Fixture.press(&s, .up, .up, .up)
        #expect(s.selection[.timeline] == 0, "never above the first row")
        Fixture.press(&s, .char("G"))
        #expect(s.selection[.timeline] == n - 1)
        Fixture.press(&s, .char("j"))
        #expect(s.selection[.timeline] == n - 1, "never below the last row")
        Fixture.press(&s, .char("g"))
        #expect(s.selection[.timeline] == 0)
        Fixture.press(&s, .end)
        #expect(s.selection[.timeline] == n - 1)
        Fixture.press(&s, .home)
        #expect(s.selection[.timeline] == 0)
    }

    @Test func pagesMoveByTheVisibleHeight() {
        var s = Fixture.state(screen: .sources, height: 20)
        let n = Fixture.dataset.sources.count
        Fixture.press(&s, .pageDown)
        #expect(s.selection[.sources] == min(n - 1, 12), "a page is the height less 8 rows of chrome")
        Fixture.press(&s, .pageUp)
        #expect(s.selection[.sources] == 0)
    }

    @Test func selectionIsKeptPerScreen() {
        var s = Fixture.state(screen: .energy)
        Fixture.press(&s, .char("j"))
        Fixture.press(&s, .char("6"), .char("j"), .char("j"), .char("4"))
        #expect(s.selection[.energy] == 1)
        #expect(s.selection[.timeline] == 2)
    }

    @Test func enterOpensDetailAndEscClosesIt() {
        var s = Fixture.state(screen: .energy, width: 60, height: 20)
        Fixture.press(&s, .enter)
        #expect(s.mode.isDetail)
        #expect((s.mode.overlay?.maxScroll(width: s.lastSize.width, height: s.lastSize.height) ?? -1) >= 2, "long enough to scroll at 60x20")
        let detail = ListRow.visible(s, .energy)[0].detail
        #expect(detail.lines.contains { $0.plainText.hasPrefix("Sources (") }, "the detail lists its sources")
        Fixture.press(&s, .char("j"), .char("j"))
        #expect((s.mode.overlay?.scroll ?? 0) == 2)
        Fixture.press(&s, .escape)
        #expect(!s.mode.isDetail)
        #expect((s.mode.overlay?.scroll ?? 0) == 0)
    }

    @Test func endAndHomeJumpToTheDetailsLastAndFirstPage() {
        var s = Fixture.state(screen: .energy, width: 60, height: 20)
        Fixture.press(&s, .enter)
        let end = s.mode.overlay?.maxScroll(width: s.lastSize.width, height: s.lastSize.height) ?? -1
        #expect(end >= 2)
        Fixture.press(&s, .end)
        #expect(s.mode.overlay?.scroll == end)
        Fixture.press(&s, .home)
        #expect(s.mode.overlay?.scroll == 0)
        Fixture.press(&s, .char("G"))
        #expect(s.mode.overlay?.scroll == end)
        Fixture.press(&s, .char("g"))
        #expect(s.mode.overlay?.scroll == 0)
    }

    @Test func enterOnAnOverviewPanelOpensItsScreen() {
        var s = Fixture.state()
        Fixture.press(&s, .char("l"), .char("l"))
        #expect(s.selection[.overview] == 2)
        Fixture.press(&s, .enter)
        #expect(s.screen == .energy)
        #expect(!s.mode.isDetail)
    }

    @Test func helpOpensAndCloses() {
        var s = Fixture.state(screen: .trade)
        Fixture.press(&s, .char("?"))
        #expect(s.mode.isHelp)
        #expect(Fixture.text(s).contains("Keys: Trade"))
        Fixture.press(&s, .escape)
        #expect(!s.mode.isHelp)
        Fixture.press(&s, .char("?"), .char("?"))
        #expect(!s.mode.isHelp, "? toggles")
    }

    @Test func filterNarrowsIncrementallyAndNCycles() {
        var s = Fixture.state(screen: .timeline)
        let all = ListRow.visible(s, .timeline).count
        Fixture.press(&s, .char("/"))
        #expect((s.mode == .filtering))
        Fixture.press(&s, .char("v"), .char("i"))
        let afterVi = ListRow.visible(s, .timeline).count
        Fixture.press(&s, .char("s"), .char("i"), .char("t"))
        let visits = ListRow.visible(s, .timeline)
        #expect(visits.count > 0 && visits.count < all)
        #expect(afterVi >= visits.count, "each letter narrows or keeps the list")
        #expect(visits.allSatisfy { $0.search.lowercased().contains("visit") })
        Fixture.press(&s, .enter)
        #expect((s.mode != .filtering))
        #expect(s.filter.query == "visit")
        let start = s.selection[.timeline, default: 0]
        Fixture.press(&s, .char("n"))
        #expect(s.selection[.timeline] == (start + 1) % visits.count)
        Fixture.press(&s, .char("N"), .char("N"))
        #expect(s.selection[.timeline] == (start - 1 + visits.count) % visits.count)
        Fixture.press(&s, .escape)
        #expect(!s.filter.isActive)
        #expect(ListRow.visible(s, .timeline).count == all)
    }

    @Test func filterBackspaceAndNoMatch() {
        var s = Fixture.state(screen: .sources)
        Fixture.press(&s, .char("/"), .char("z"), .char("q"), .char("x"))
        #expect(ListRow.visible(s, .sources).isEmpty)
        #expect(Fixture.text(s).contains("No match for \"zqx\""))
        Fixture.press(&s, .backspace, .backspace, .backspace)
        #expect(s.filter.query.isEmpty)
        Fixture.press(&s, .backspace)
        #expect((s.mode != .filtering), "backspace on an empty query leaves the filter")
    }

    @Test func filterIgnoresDiacritics() {
        var s = Fixture.state(screen: .infrastructure)
        Fixture.press(&s, .char("/"))
        for c in "garabogazkol" { Fixture.press(&s, .char(c)) }
        #expect(!ListRow.visible(s, .infrastructure).isEmpty, "typing ASCII finds Garabogazköl")
    }

    @Test func nWithoutAFilterExplains() {
        var s = Fixture.state(screen: .timeline)
        Fixture.press(&s, .char("n"))
        #expect(s.status?.text.contains("press /") == true)
        #expect(s.selection[.timeline, default: 0] == 0)
    }

    @Test func slashOnScreensWithoutAListSaysSo() {
        var s = Fixture.state(screen: .overview)
        Fixture.press(&s, .char("/"))
        #expect((s.mode != .filtering))
        #expect(s.status != nil)
    }

    @Test func plusAndMinusMoveTheDeadlineWithinBounds() {
        var s = Fixture.state(screen: .target)
        let start = s.targetYear
        #expect(start == 2027, "the data's deadline")
        Fixture.press(&s, .char("+"))
        #expect(s.targetYear == 2028)
        Fixture.press(&s, .char("-"))
        #expect(s.targetYear == 2027)
        Fixture.press(&s, .char("-"), .char("-"), .char("-"))
        #expect(s.targetYear == s.dataset.asOf.year && s.targetYear == 2026, "never before the data's as-of year (2026)")
        #expect(s.status?.isError == true)
        Fixture.press(&s, .char("="))
        #expect(s.targetYear == 2027, "= works as + without Shift")
    }

    @Test func quitReloadRedrawSuspendAreEffects() {
        var s = Fixture.state()
        #expect(Fixture.press(&s, .char("q")) == [.quit])
        #expect(Fixture.press(&s, .ctrl("c")) == [.quit])
        #expect(Fixture.press(&s, .char("r")) == [.reload])
        #expect(Fixture.press(&s, .ctrl("l")) == [.redrawAll])
        #expect(Fixture.press(&s, .ctrl("z")) == [.suspend])
        Fixture.press(&s, .char("?"))
        #expect(Fixture.press(&s, .ctrl("c")) == [.quit], "Ctrl-C quits from anywhere")
        var f = Fixture.state(screen: .timeline)
        Fixture.press(&f, .char("/"))
        #expect(Fixture.press(&f, .char("q")) == [], "q types into the filter")
        #expect(f.filter.query == "q")
    }

    @Test func failedReloadKeepsDataAndShowsProblems() {
        var s = Fixture.state(screen: .trade)
        let before = s.dataset
        s.reloadFailed(problems: ["d.json: trade[0].usd: must not be negative (-1) (line 7)", "d.json: trade[1].source: unknown source \"x\""])
        #expect(s.dataset == before)
        #expect(s.status?.isError == true)
        #expect(s.status?.text.contains("trade[0].usd: must not be negative") == true)
        #expect(s.status?.text.hasPrefix("Reload failed, keeping the old data (2 problems, e: show all): ") == true)
        let footer = Fixture.text(s).split(separator: "\n").last.map(String.init) ?? ""
        #expect(footer.contains("Reload failed, keeping the old data"))
        // The path of the file being reloaded is left out of the status line (the problem needs the room).
        var long = Fixture.state(screen: .trade)
        long.dataPath = "/srv/a/long/path/to/the/team/data.json"
        long.reloadFailed(problems: ["/srv/a/long/path/to/the/team/data.json: line 3, column 8: expected a value"])
        #expect(long.status?.text == "Reload failed, keeping the old data (1 problem, e: show): line 3, column 8: expected a value")
        #expect(long.loadProblems == ["/srv/a/long/path/to/the/team/data.json: line 3, column 8: expected a value"], "e still lists the problems whole")
        Fixture.press(&s, .char("e"))
        #expect(s.mode.isProblems)
        let text = Fixture.text(s)
        #expect(text.contains("unknown source \"x\""))
        Fixture.press(&s, .escape)
        #expect(!s.mode.isProblems)
        s.reloaded(with: before)
        #expect(s.loadProblems.isEmpty)
        #expect(s.status?.isError == false)
    }

    @Test func mouseClicksTabsAndRows() {
        var s = Fixture.state(screen: .overview, width: 100, height: 30)
        // Find the "4 Energy" tab on the tab row and click its middle.
        let tabRow = Dashboard.render(s, width: 100, height: 30).lines()[Chrome.tabRow]
        let col = tabRow.distance(from: tabRow.startIndex, to: tabRow.range(of: "4 Energy")!.lowerBound) + 3
        Fixture.press(&s, .click(x: col, y: Chrome.tabRow))
        #expect(s.screen == .energy)
        // The energy table: box top at row 2, header at 3, first data row at 4.
        Fixture.press(&s, .click(x: 10, y: 6))
        #expect(s.selection[.energy] == 2)
        Fixture.press(&s, .click(x: 10, y: 6))
        #expect(s.mode.isDetail, "clicking the selected row opens it")
        Fixture.press(&s, .escape, .wheelDown(x: 10, y: 5))
        #expect(s.selection[.energy] == min(2 + 3, Fixture.dataset.deals.count - 1), "the wheel moves three rows")
    }

    @Test func resizeIsRecorded() {
        var s = Fixture.state()
        Fixture.press(&s, .resize(width: 61, height: 21))
        #expect(s.lastSize == (61, 21))
    }
}

@Suite struct ScrollAndClickTests {
    @Test func detailScrollStopsAtTheEnd() {
        var s = Fixture.state(screen: .energy, width: 60, height: 20)
        Fixture.press(&s, .enter)
        let end = (s.mode.overlay?.maxScroll(width: s.lastSize.width, height: s.lastSize.height) ?? -1)
        #expect(end > 0, "the deal's detail is longer than a 60x20 screen")
        for _ in 0..<(end + 40) { Fixture.press(&s, .char("j")) }
        #expect((s.mode.overlay?.scroll ?? 0) == end, "never past the end")
        Fixture.press(&s, .char("k"))
        #expect((s.mode.overlay?.scroll ?? 0) == end - 1, "the first key back moves at once")
    }

    @Test func helpScrollStopsAtTheEnd() {
        var s = Fixture.state(screen: .trade, width: 60, height: 20)
        Fixture.press(&s, .char("?"))
        for _ in 0..<100 { Fixture.press(&s, .char("j")) }
        let end = (s.mode.overlay?.scroll ?? 0)
        #expect(end == (s.mode.overlay?.maxScroll(width: s.lastSize.width, height: s.lastSize.height) ?? -1) && end > 0)
        // The last line of the help (the legend's end) is on screen, and the first k moves.
        let atEnd = Fixture.text(s)
        #expect(atEnd.contains("months"), "the legend's last words are visible at the end")
        Fixture.press(&s, .char("k"))
        #expect(Fixture.text(s) != atEnd, "the first key back scrolls at once")
    }

    @Test func clicksOnOverviewPanelsSelectThenOpen() {
        var s = Fixture.state(screen: .overview, width: 100, height: 30)
        let rects = OverviewScreen.panelRects(Chrome.body(width: 100, height: 30))
        let energy = rects[2]
        Fixture.press(&s, .click(x: energy.x + 3, y: energy.y + 2))
        #expect(s.selection[.overview] == 2)
        #expect(s.screen == .overview)
        Fixture.press(&s, .click(x: energy.x + 3, y: energy.y + 2))
        #expect(s.screen == .energy)
    }

    @Test func footerKeepsHelpAndQuitAtEightyColumns() {
        for screen in Screen.allCases {
            let footer = Fixture.text(Fixture.state(.mono, screen: screen, width: 80, height: 24)).split(separator: "\n").last.map(String.init) ?? ""
            #expect(footer.contains("? help") && footer.contains("q quit"), "\(screen.name): \(footer)")
        }
    }

    @Test func formatControlsFromTheDataNeverReachTheScreen() {
        var c = Canvas(width: 20, height: 1)
        c.put("ab\u{202E}cd\u{200B}e\u{2066}f", x: 0, y: 0)
        #expect(c.lines() == ["abcdef"])
        #expect(!c.cells.contains { $0.text.unicodeScalars.contains { $0.properties.generalCategory == .format } })
    }

    @Test func timelineDateRanges() {
        #expect(TimelineScreen.dateRange(DateValue(year: 2025, month: 11, day: 24), DateValue(year: 2025, month: 11, day: 25)) == "24–25 Nov 2025")
        #expect(TimelineScreen.dateRange(DateValue(year: 2025, month: 11, day: 30), DateValue(year: 2025, month: 12, day: 2)) == "30 Nov 2025 – 2 Dec 2025")
        #expect(TimelineScreen.dateRange(DateValue(year: 2014, month: 12, day: 3), nil) == "3 Dec 2014")
    }
}
