import Testing
import TradeModel
@testable import DashboardUI

/// `y` and `Y`: the text put on the clipboard, for every list screen.
@Suite struct CopyTextTests {
    /// The screens with a list to copy from in the fixture.
    static let listScreens = Screen.allCases.filter { sc in
        let rows = ListRow.visible(Fixture.state(screen: sc), sc)
        return !rows.isEmpty && rows.allSatisfy { $0.opens == nil }
    }

    @Test func everyScreenButTheOverviewHasRowsToCopy() {
        #expect(CopyTextTests.listScreens == Screen.allCases.filter { $0 != .overview }, "\(CopyTextTests.listScreens)")
    }

    @Test func theOverviewsPanelsCopyNothing() {
        var s = Fixture.state(screen: .overview)
        #expect(Fixture.press(&s, .char("y")).isEmpty)
        #expect(s.status?.text.hasPrefix("Nothing to copy here") == true)
        #expect(Fixture.press(&s, .char("Y")).isEmpty)
    }

    @Test func rowsWithoutCellsCopyTheirFigures() throws {
        for screen in [Screen.target, .goods] {
            let s = Fixture.state(screen: screen)
            let row = try #require(ListRow.selected(s, screen))
            let detail = row.detail
            let first = try #require(detail.lines.map { CopyText.clean($0.plainText) }.first { !$0.isEmpty })
            #expect(try #require(CopyText.row(s)).contains(first), "\(screen)")
        }
    }

    @Test func yCopiesTheSelectedTradeRowWithPeriodKindAndSource() throws {
        var s = Fixture.state(screen: .trade)
        let effects = Fixture.press(&s, .char("y"))
        guard case .copy(let text, let what)? = effects.first else { Issue.record("no copy effect: \(effects)"); return }
        #expect(what == "1 row")
        let period = try #require(TradeScreen.periods(s.dataset).first)
        #expect(text.hasPrefix("Trade in \(period.label)"), "\(text)")
        let obs = s.dataset.observations(in: period).filter { $0.hsSection == nil }
        let source = try #require(obs.first?.source)
        #expect(text.contains("sources: ") && text.contains(source), "\(text)")
        #expect(text.contains("kind: stated"), "\(text)")
        #expect(!text.contains("\n") && !text.contains("\t"))
        #expect(s.status == StatusLine(text: "copied 1 row, \(text.utf8.count) bytes", isError: false))
    }

    /// The kind comes from what the row shows too: a derived balance in the cells, an estimate.
    @Test func theKindSaysWhatIsDerivedAndWhatIsAnEstimate() throws {
        var s = Fixture.state(screen: .trade)
        let rows = ListRow.visible(s, .trade)
        let partial = try #require(rows.firstIndex { $0.id == "2025 Jan–Sep" })
        Fixture.press(&s, .char("g"))
        for _ in 0..<partial { Fixture.press(&s, .char("j")) }
        guard case .copy(let text, _)? = Fixture.press(&s, .char("y")).first else { Issue.record("no copy"); return }
        #expect(text.contains("kind: stated, with figures derived by us"), "its balance is ours: \(text)")
        Fixture.press(&s, .char("G"))
        guard case .copy(let est, _)? = Fixture.press(&s, .char("y")).first else { Issue.record("no copy"); return }
        #expect(est.contains("2025 est."), "\(est)")
        #expect(est.contains("kind: estimate by us, from stated figures"), "\(est)")
    }

    /// A row whose figures are all ours (2019 Jan–Oct: derived from a 2020 figure and its growth) is
    /// "derived by us", though a source is named as what it is derived from; a source is a source.
    @Test func aRowOfDerivedFiguresIsNotCalledStated() throws {
        var s = Fixture.state(screen: .trade)
        let rows = ListRow.visible(s, .trade)
        let i = try #require(rows.firstIndex { $0.id == "2019 Jan–Oct" })
        Fixture.press(&s, .char("g"))
        for _ in 0..<i { Fixture.press(&s, .char("j")) }
        guard case .copy(let text, _)? = Fixture.press(&s, .char("y")).first else { Issue.record("no copy"); return }
        #expect(text.contains("kind: derived by us |"), "\(text)")
        #expect(!text.contains("sources: unknown"), "what it is derived from is named: \(text)")
        var src = Fixture.state(screen: .sources)
        guard case .copy(let row, _)? = Fixture.press(&src, .char("y")).first else { Issue.record("no copy"); return }
        #expect(row.contains("kind: source |"), "\(row)")
    }

    @Test func theRowFollowsTheSelection() {
        var s = Fixture.state(screen: .trade)
        guard case .copy(let first, _)? = Fixture.press(&s, .char("y")).first,
              case .copy(let second, _)? = Fixture.press(&s, .char("j"), .char("y")).first else { Issue.record("no copy"); return }
        #expect(first != second)
        #expect(second.hasPrefix("Trade in \(TradeScreen.periods(s.dataset)[1].label)"), "\(second)")
    }

    @Test(arguments: CopyTextTests.listScreens)
    func rowTextOfEachScreen(_ screen: Screen) throws {
        var s = Fixture.state(screen: screen)
        let rows = ListRow.visible(s, screen)
        let ids = Set(s.dataset.sources.map(\.id))
        for i in rows.indices.prefix(12) {
            s.selection[screen] = i
            let text = try #require(CopyText.row(s))
            let title = CopyText.clean(rows[i].detail.title)
            #expect(text.hasPrefix(title + " | "), "\(screen) row \(i): \(text)")
            #expect(!CopyText.cells(rows[i], rows[i].detail).isEmpty)
            for cell in CopyText.cells(rows[i], rows[i].detail) where !cell.isEmpty {
                #expect(text.contains(cell), "\(screen) row \(i) misses its cell \(cell)")
            }
            #expect(text.contains(" | kind: "), "\(text)")
            let sources = try #require(text.components(" | sources: ").last)
            if sources != "unknown" {
                for id in sources.split(separator: ",").map({ String($0).trimmed }) {
                    #expect(ids.contains(id), "\(screen) row \(i) names \(id), not a source of the dataset")
                }
            }
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        }
    }

    @Test(arguments: CopyTextTests.listScreens)
    func tableTextOfEachScreen(_ screen: Screen) throws {
        var s = Fixture.state(screen: screen)
        let rows = ListRow.visible(s, screen)
        let effects = Fixture.press(&s, .char("Y"))
        guard case .copy(let text, let what)? = effects.first else { Issue.record("no copy effect"); return }
        #expect(what == (rows.count == 1 ? "1 row" : "\(rows.count) rows"))
        #expect(text.hasSuffix("\n"))
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        let hasHeader = lines.count == rows.count + 1
        #expect(hasHeader || lines.count == rows.count, "\(screen): \(lines.count) lines for \(rows.count) rows")
        let columns = Set(lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count })
        #expect(columns.count == 1, "\(screen): every line has the same number of columns: \(columns)")
        if hasHeader { #expect(lines[0].hasSuffix("\tkind\tsources"), "\(lines[0])") }
        let first = lines[hasHeader ? 1 : 0].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let cells = CopyText.cells(rows[0], rows[0].detail)
        #expect(Array(first.prefix(cells.count)) == cells, "\(screen): \(first) against \(cells)")
        #expect(s.status?.text == "copied \(what), \(text.utf8.count) bytes")
    }

    @Test func theTableCopiesOnlyWhatTheFilterLetsThrough() {
        var s = Fixture.state(screen: .trade)
        let all = ListRow.visible(s, .trade).count
        Fixture.press(&s, .char("/"), .char("2"), .char("0"), .char("2"), .char("3"), .enter)
        let shown = ListRow.visible(s, .trade).count
        #expect(shown < all && shown > 0)
        guard case .copy(_, let what)? = Fixture.press(&s, .char("Y")).first else { Issue.record("no copy"); return }
        #expect(what == (shown == 1 ? "1 row" : "\(shown) rows"))
    }

    @Test func anEmptyListCopiesNothing() {
        var s = Fixture.state(screen: .trade)
        Fixture.press(&s, .char("/"), .char("z"), .char("q"), .char("x"), .char("z"), .enter)
        #expect(Fixture.press(&s, .char("y")).isEmpty)
        #expect(s.status?.text == "Nothing to copy: the list is empty")
        #expect(Fixture.press(&s, .char("Y")).isEmpty)
    }

    @Test func controlAndBidiCharactersNeverReachTheClipboard() {
        #expect(CopyText.clean("a\u{1B}]52;c;x\u{07}b") == "a]52;c;xb")
        #expect(CopyText.clean("one\ttwo\nthree\r\nfour") == "one two three four")
        #expect(CopyText.clean("\u{202E}evil\u{202C} \u{2066}x\u{2069}\u{200F}") == "evil x")
        #expect(CopyText.clean("c1\u{9B}31m\u{85}next\u{7F}") == "c131m next")
        #expect(CopyText.clean("  Ürümqi  Ашхабад  ") == "Ürümqi Ашхабад")
        #expect(CopyText.cell("a\tb") == "a b")
    }

    @Test func aRowWithControlCharactersInItsDataIsCleaned() throws {
        var d = Fixture.dataset
        let i = try #require(d.events.indices.first)
        d.events[i].title = "Bad\u{1B}[31m\ttitle\u{202E}x"
        var s = AppState(dataset: d, theme: .mono)
        _ = Dashboard.update(&s, .resize(width: 100, height: 30))
        Dashboard.show(.timeline, in: &s)
        let rows = ListRow.visible(s, .timeline)
        s.selection[.timeline] = try #require(rows.firstIndex { $0.search.contains("Bad") })
        let row = try #require(CopyText.row(s))
        #expect(row.contains("Bad[31m title"), "\(row)")
        let table = try #require(CopyText.table(s)).text
        #expect(table.contains("Bad[31m title"))
        for t in [row, table] {
            #expect(!t.unicodeScalars.contains { ($0.value < 0x20 && $0.value != 0x09 && $0.value != 0x0A) || $0.value == 0x202E || (0x7F...0x9F).contains($0.value) })
        }
    }

    @Test func theHelpViewListsTheCopyKeys() {
        let s = Fixture.state(screen: .trade)
        #expect(KeyTable.helpLines(s).contains { $0.keys == "y / Y" && $0.text.contains("copy") })
    }
}

extension String {
    fileprivate var trimmed: String { CopyText.clean(self) }
    fileprivate func components(_ separator: String) -> [String] {
        var out = [String]()
        var rest = Substring(self)
        while let r = rest.range(of: separator) {
            out.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        out.append(String(rest))
        return out
    }
}
