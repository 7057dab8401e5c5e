import Foundation
import Testing
import TradeModel
@testable import DashboardUI

/// The synthetic goods dataset (Fixtures/goods/synthetic-goods.json, made up for the tests as its
/// title says): press lists, Comtrade-like statistics with chapters, headings and remainders, a
/// weak source, rail cargo with a conflict and an indicator without values.
enum GoodsFixture {
    static let path = Fixture.directory.appendingPathComponent("Fixtures/goods/synthetic-goods.json").path
    static let dataset: Dataset = {
        do { return try DatasetLoader.load(path: path) } catch { fatalError("goods fixture does not load: \(error)") }
    }()

    static func state(_ theme: Theme = .mono, screen: Screen = .goods, width: Int = 100, height: Int = 30, keys: [Key] = []) -> AppState {
        var s = AppState(dataset: dataset, dataPath: path, theme: theme)
        _ = Dashboard.update(&s, .resize(width: width, height: height))
        Dashboard.show(screen, in: &s)
        for k in keys { _ = Dashboard.update(&s, k) }
        return s
    }

    static func text(_ s: AppState) -> String { Dashboard.render(s, width: s.lastSize.width, height: s.lastSize.height).text }

    static func lines(_ s: AppState) -> [String] { text(s).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

/// The Goods screen: the year selector, the directions and their layout, statistics beside the
/// press, scrolling, the detail, the filter; the Overview's goods line; the Sources screen's new columns.
@Suite struct GoodsScreenTests {
    @Test func theYearSelectorDefaultsToTheLatestAndMovesWithPlusAndMinus() {
        var s = GoodsFixture.state()
        #expect(GoodsSelection.years(s.dataset) == [2015, 2023, 2024, 2025])
        #expect(GoodsSelection.year(s) == 2025, "the latest year with goods")
        #expect(GoodsFixture.lines(s)[2].hasPrefix(" Year: 2015 2023 2024 [2025]"))
        Fixture.press(&s, .char("j"), .char("j"))
        #expect(s.selection[.goods] == 2)
        Fixture.press(&s, .char("-"))
        #expect(GoodsSelection.year(s) == 2024)
        #expect(s.selection[.goods] == 0, "a new year starts at its first row")
        #expect(GoodsFixture.lines(s)[2].hasPrefix(" Year: 2015 2023 [2024] 2025"))
        Fixture.press(&s, .char("_"), .char("-"))
        #expect(GoodsSelection.year(s) == 2015)
        Fixture.press(&s, .char("-"))
        #expect(GoodsSelection.year(s) == 2015)
        #expect(s.status?.text == "2015 is the earliest year with goods")
        Fixture.press(&s, .char("+"), .char("="), .char("+"))
        #expect(GoodsSelection.year(s) == 2025)
        Fixture.press(&s, .char("+"))
        #expect(s.status?.text == "2025 is the latest year with goods")
        // The key is in the footer and in the help view.
        Fixture.press(&s, .char("-"))
        #expect(GoodsFixture.lines(s)[29].hasPrefix("+/- year 2024"))
        Fixture.press(&s, .char("?"))
        #expect(GoodsFixture.lines(s).contains { $0.contains("│+ / -  ") && $0.contains("later / earlier year with goods (now 2024)") })
    }

    @Test func aYearNoLongerInTheDataFallsBackToTheLatest() {
        var s = GoodsFixture.state(keys: [.char("-")])
        #expect(GoodsSelection.year(s) == 2024)
        var d = s.dataset
        d.composition.removeAll { $0.period.year == 2024 }
        s.reloaded(with: d)
        #expect(GoodsSelection.year(s) == 2025)
    }

    @Test func statisticsAreTheirOwnBlockBeforeThePressNeverOneRanking() {
        let d = GoodsFixture.dataset
        let rows = GoodsRow.all(d, year: 2024).filter { $0.group == .partnerToHome }
        // Each entry's rows are together, its header first: no item of one list among another's.
        let entries = rows.map(\.entry)
        var seen = [Int]()
        for e in entries where seen.last != e {
            #expect(!seen.contains(e), "entry \(d.composition[e].id) is split")
            seen.append(e)
        }
        #expect(seen.map { d.composition[$0].id } == ["tm-kz-2024-stats", "tm-kz-2024-interest"], "statistics first")
        #expect(GoodsSelection.isStatistics(d, d.composition[seen[0]]) && !GoodsSelection.isStatistics(d, d.composition[seen[1]]))
        #expect(GoodsSelection.reporter(d, d.composition[seen[0]]) == "KZ")
        // On screen: the block names its reporter and flow, and ranks its own goods by value.
        let lines = GoodsFixture.lines(GoodsFixture.state(width: 120, height: 40, keys: [.char("-")]))
        let stats = lines.firstIndex { $0.contains("2024  KZ statistics, imports  [comtrade-kz-2024] en") }
        let press = lines.firstIndex { $0.contains("2024 Jan–Feb  [ministry-e] ru, official  derived*") }
        #expect(stats != nil && press != nil && stats! < press!)
        func at(_ parts: String...) -> Int? { lines.firstIndex { l in parts.allSatisfy { l.contains($0) } } }
        let fuels = at("││  27 Mineral fuels, oils", "USD 30.1 M")
        let vegetables = at("││  07 Edible vegetables", "USD 21.3 M  40 kt")
        let fruit = at("││  fruit", "30 %*")
        #expect(fuels != nil && vegetables != nil && fruit != nil)
        #expect(stats! < fuels! && fuels! < vegetables! && vegetables! < press! && press! < fruit!)
    }

    @Test func aListStartingAtTheTopComesBeforeOneRankedLower() {
        var d = GoodsFixture.dataset
        // Put a list whose only item the source ranks second before the list that ranks 1 and 2.
        d.composition.insert(Composition(id: "second", period: Period(year: 2025, months: 1...9), from: "TM", to: "KZ", source: "press-b",
                                         goods: [GoodsItem(name: "cotton", rank: 2)]), at: 0)
        #expect(GoodsSelection.entries(d, year: 2025, .partnerToHome).map { d.composition[$0].id } == ["tm-kz-2025", "second"])
        #expect(GoodsSelection.headline(d, .partnerToHome).map { d.composition[$0].id } == "tm-kz-2025")
    }

    @Test func twoColumnsFrom120ColumnsStackedBelow() {
        let wide = GoodsFixture.lines(GoodsFixture.state(width: 120, height: 40))
        #expect(wide[3].hasPrefix("┌─ KZ→TM: Kazakhstan to Turkmenistan, 2025 "))
        // Both directions go under the partner's column, with a heading; its title says so.
        #expect(wide[3].contains("┐┌─ TM→KZ and both directions, 2025 "))
        #expect(wide.contains { $0.contains("││Both directions  Kazakhstan and Turkmenistan together") })
        let narrow = GoodsFixture.lines(GoodsFixture.state(width: 100, height: 40))
        #expect(narrow[3].hasPrefix("┌─ Goods by direction, 2025 "))
        let headings = ["│KZ→TM  Kazakhstan to Turkmenistan", "│TM→KZ  Turkmenistan to Kazakhstan", "│Both directions  Kazakhstan and Turkmenistan together"]
        let at = headings.map { h in narrow.firstIndex { $0.hasPrefix(h) } }
        #expect(at.allSatisfy { $0 != nil } && at.map { $0! } == at.map { $0! }.sorted())
    }

    @Test func eachGoodShowsItsFigurePeriodKindAndSource() {
        let text = GoodsFixture.text(GoodsFixture.state(width: 100, height: 40))
        for expected in ["2025 Jan–Sep  [press-a] tk, press", "(the page speaks of 2025 so far; it reports January–September figures)",
                         "farm goods", ">30 %", "incl. wheat flour, sunflower oil, wheat, pasta, margarine, tea concentrates",
                         "2025 Sep–Oct  [press-b] kk, press", "new-crop grain", "7 kt",
                         "1. 2711 natural gas", "2. fruit and vegetables", "26.7 %", "of Turkmenistan's tomato exports (33.78 kt, USD 37.6 M)",
                         "USD 103 M  +37.5 %", "2. tomatoes", ">30 kt"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // A derived entry is marked on its header and on each figure; a weak source says so.
        let y2024 = GoodsFixture.text(GoodsFixture.state(width: 100, height: 40, keys: [.char("-")]))
        #expect(y2024.contains("derived*") && y2024.contains("~12.5 %*"))
        let y2015 = GoodsFixture.text(GoodsFixture.state(width: 100, height: 40, keys: [.char("-"), .char("-"), .char("-")]))
        #expect(y2015.contains("2015  [reprint-d] ru, press, weak"))
        #expect(y2015.contains("named goods: iron and timber products, calcium phosphate, flour"))
        #expect(y2015.contains("named goods: oil and gas products, tomatoes"))
    }

    @Test func headingsUnderTheirChapterAndTheRestLastWithBars() {
        let lines = GoodsFixture.lines(GoodsFixture.state(width: 100, height: 40, keys: [.char("-")]))
        let order = ["│  10 Cereals", "│    1001 Wheat and meslin", "│    1003 Barley", "│    10 other headings of chapter 10", "│  11 Milling products",
                     "│    1101 Wheat flour", "│  27 Mineral fuels, oils", "│  other chapters"]
        let at = order.map { o in lines.firstIndex { $0.hasPrefix(o) } }
        #expect(at.allSatisfy { $0 != nil })
        #expect(at.compactMap { $0 } == at.compactMap { $0 }.sorted())
        // The largest chapter fills its bar; the others are shorter.
        let cereals = lines.first { $0.hasPrefix("│  10 Cereals") }!
        let fuels = lines.first { $0.hasPrefix("│  27 Mineral fuels, oils") }!
        #expect(cereals.contains("USD 61.2 M  231 kt ████████████████"))
        #expect(fuels.contains("USD 12.5 M  48 kt  ███▎"))
    }

    @Test func scrollingKeepsTheSelectedRowOnScreenAt80x24() {
        var s = GoodsFixture.state(width: 80, height: 24)
        let first = GoodsFixture.lines(s)
        #expect(first[22].hasSuffix(" lines 1-18 of 21 ─┘"))
        #expect(!first.contains { $0.contains(">30 kt") })
        Fixture.press(&s, .char("G"))
        let last = GoodsFixture.lines(s)
        #expect(last.contains { $0.contains("2. tomatoes") && $0.contains(">30 kt") }, "the last row is shown")
        #expect(last[22].contains(" lines 4-21 of 21 ─┘"))
        Fixture.press(&s, .char("g"))
        #expect(GoodsFixture.lines(s) == first)
    }

    @Test func theSelectedGoodIsHighlightedCodeAndName() {
        // 2024: KZ→TM statistics header, cereals, wheat...
        let s = GoodsFixture.state(width: 100, height: 30, keys: [.char("-"), .char("j"), .char("j")])
        let canvas = Dashboard.render(s, width: 100, height: 30)
        let lines = canvas.lines()
        let y = lines.firstIndex { $0.contains("1001 Wheat and meslin") }!
        let x = lines[y].distance(from: lines[y].startIndex, to: lines[y].range(of: "1001")!.lowerBound)
        #expect(canvas[x, y].style.reverse, "the code")
        #expect(canvas[x + 6, y].style.reverse, "the name")
        let fx = lines[y].distance(from: lines[y].startIndex, to: lines[y].range(of: "USD 55 M")!.lowerBound)
        #expect(!canvas[fx, y].style.reverse, "not the figure")
        let other = lines.firstIndex { $0.contains("1003 Barley") }!
        #expect(!canvas[x, other].style.reverse)
    }

    @Test func enterShowsTheItemAndItsSource() {
        // Rows of 2025: KZ→TM farm header, farm goods, grain header, grain; TM→KZ header, natural gas...
        var s = GoodsFixture.state(width: 100, height: 40, keys: [.char("j")])
        Fixture.press(&s, .enter)
        let item = GoodsFixture.text(s)
        for expected in ["farm goods: KZ→TM, 2025 Jan–Sep", "Share: over 30 % of the direction's total", "Includes: wheat flour, sunflower oil",
                         "Kind: stated by the source", "Period: 2025 Jan–Sep (part of the year)", "[press-a] Press A, 20 Nov 2025, https://example.org/a",
                         "Language: Turkmen (tk)", "Basis: press"] {
            #expect(item.contains(expected), "missing \(expected)")
        }
        Fixture.press(&s, .escape, .char("-"), .enter)
        let entry = GoodsFixture.text(s)
        for expected in ["Goods KZ→TM, 2024", "Statistics: reported by KZ (exports as the reporter records them)", "Ranked by: value, largest first",
                         "  10 Cereals  USD 61.2 M  231 kt", "    1001 Wheat and meslin  USD 55 M  215 kt", "  other chapters  USD 9.8 M  (the rest)",
                         "Basis: national statistics (KZ)"] {
            #expect(entry.contains(expected), "missing \(expected)")
        }
    }

    @Test func theFilterKeepsTheHeadersOfWhatItFinds() {
        let s = GoodsFixture.state(width: 100, height: 40, keys: [.char("/")] + "tomat".map { Key.char($0) } + [.enter])
        let rows = ListRow.visible(s, .goods)
        // The headers of the lists with tomatoes match too (they search their goods' names).
        #expect(rows.map(\.id) == ["tm-kz-2025", "tm-kz-2025/2", "both-2025-agri", "both-2025-agri/1"])
        let text = GoodsFixture.text(s)
        #expect(text.contains("2025 Jan–Sep  [press-a] tk, press"), "the source of what is found stays")
        #expect(!text.contains("farm goods"))
        #expect(text.contains("unknown: no goods recorded for 2025") == false)
        #expect(text.contains("no match for \"tomat\" here"), "KZ→TM has nothing that matches")
    }

    @Test func clicksSelectAndOpen() {
        var s = GoodsFixture.state(width: 100, height: 40)
        let lines = GoodsFixture.lines(s)
        let y = lines.firstIndex { $0.contains("natural gas") }!
        Fixture.press(&s, .click(x: 10, y: y))
        #expect(ListRow.selected(s, .goods)?.id == "tm-kz-2025/0")
        Fixture.press(&s, .click(x: 10, y: y))
        #expect(s.mode.isDetail)
    }

    @Test func everySizeAndThemeDrawsWithinTheScreenAndASCIIStaysASCII() {
        for (w, h) in [(60, 20), (80, 24), (100, 30), (120, 40), (200, 60)] {
            for year in 0..<4 {
                for theme in [Theme.mono, .ascii] {
                    let s = GoodsFixture.state(theme, width: w, height: h, keys: Array(repeating: .char("-"), count: year))
                    let lines = GoodsFixture.lines(s)
                    #expect(lines.count == h + 1)
                    #expect(lines.allSatisfy { DisplayWidth.of($0) <= w }, "\(w)x\(h)")
                    if theme.ascii { #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(w)x\(h) year \(year)") }
                }
            }
        }
    }

    @Test func renderNamesTheScreenGoods() {
        #expect(Screen.named("goods") == .goods)
        #expect(Screen.named("8") == .goods)
        #expect(Screen.goods.title == "Goods")
        let text = GoodsFixture.text(GoodsFixture.state(width: 100, height: 30))
        #expect(GoodsFixture.lines(GoodsFixture.state(width: 100, height: 30))[1].hasSuffix("  8 Goods"))
        #expect(text.contains("natural gas") && text.contains("farm goods"), "both directions' goods of the latest year")
    }

    @Test func withoutGoodsTheScreenSaysUnknown() {
        var s = Fixture.state(.mono, screen: .goods, width: 80, height: 24)
        s.dataset.composition = []
        let text = Fixture.text(s)
        #expect(text.contains("Years with goods: none"))
        #expect(text.contains("unknown: the data has no goods (composition) for any year."))
    }

    @Test func theOverviewNamesTheTopGoodsEachWay() {
        let d = GoodsFixture.dataset
        let lines = OverviewScreen.goodsLines(d, width: 50, ascii: false).map(\.plainText)
        // A group by its own name ("farm goods"), not its members, which the source does not rank.
        #expect(lines == ["KZ→TM: farm goods (2025 Jan–Sep)", "TM→KZ: natural gas… (2025 Jan–Sep)"])
        #expect(OverviewScreen.goodsLines(d, width: 56, ascii: false).map(\.plainText)[1] == "TM→KZ: natural gas, fruit and vegetables… (2025 Jan–Sep)")
        // Measured as drawn: "->" takes two columns in ASCII.
        let ascii = OverviewScreen.goodsLines(d, width: 40, ascii: true).map { Transliteration.ascii($0.plainText) }
        #expect(ascii == ["KZ->TM: farm goods (2025 Jan-Sep)", "TM->KZ: natural gas... (2025 Jan-Sep)"])
        #expect(ascii.allSatisfy { $0.count <= 40 })
        // The latest year's longest period: the January–September list, not the two months of grain.
        #expect(GoodsSelection.headline(d, .homeToPartner).map { d.composition[$0].id } == "kz-tm-2025-farm")
        let overview = GoodsFixture.text(GoodsFixture.state(screen: .overview, width: 120, height: 40))
        #expect(overview.contains("KZ→TM: farm goods (2025 Jan–Sep)"))
        // A direction without goods while the other has some is unknown; no goods at all, no lines.
        var one = d
        one.composition.removeAll { $0.from == "TM" }
        #expect(OverviewScreen.goodsLines(one, width: 50, ascii: false).map(\.plainText)[1] == "TM→KZ: unknown")
        one.composition = []
        #expect(OverviewScreen.goodsLines(one, width: 50, ascii: false).isEmpty)
    }

    @Test func sourcesShowLanguageBasisAndTheWeakFlag() {
        var s = GoodsFixture.state(screen: .sources, width: 120, height: 30)
        let lines = GoodsFixture.lines(s)
        #expect(lines.contains { $0.contains("Press A") && $0.contains("tk    press") })
        #expect(lines.contains { $0.contains("Reprint D") && $0.contains("ru    press     weak") })
        #expect(lines.contains { $0.contains("UN Comtrade (synthetic)") && $0.contains("en    stats KZ") })
        Fixture.press(&s, .char("j"), .char("j"), .char("j"), .enter)
        let detail = GoodsFixture.text(s)
        #expect(detail.contains("Language: Russian (ru)") && detail.contains("Basis: press") && detail.contains("Weak: yes: read it with caution"))
        Fixture.press(&s, .escape, .char("G"), .enter)
        #expect(GoodsFixture.text(s).contains("Basis: national statistics (KZ)"))
    }
}

/// The Goods screen's lines are kept between frames; a new dataset, width or filter never shows stale ones.
@Suite struct GoodsLayoutCacheTests {
    @Test func aChangedDatasetWidthOrFilterIsDrawnAnew() throws {
        var s = GoodsFixture.state(width: 100, height: 30)
        let first = GoodsFixture.text(s)
        #expect(GoodsFixture.text(s) == first, "drawn again from the kept lines: the same screen")
        let k = try #require(s.dataset.composition.firstIndex { $0.period.year == GoodsSelection.year(s) && !$0.goods.isEmpty })
        let old = s.dataset.composition[k].goods[0].name
        s.dataset.composition[k].goods[0].name = "renamed good zz"
        let second = GoodsFixture.text(s)
        #expect(second.contains("renamed good zz") && second != first, "a new dataset is drawn from its own lines (was \(old))")
        // Another width, then back: each drawn for its own width.
        var wider = s
        wider.lastSize = (width: 130, height: 30)
        #expect(GoodsFixture.text(wider).contains("renamed good zz") && GoodsFixture.text(wider) != second)
        #expect(GoodsFixture.text(s) == second)
        // A filter narrows the lines; clearing it brings them all back.
        s.filter.query = "renamed"
        let filtered = GoodsFixture.text(s)
        #expect(filtered.contains("renamed good zz") && filtered != second)
        s.filter.query = ""
        #expect(GoodsFixture.text(s) == second)
    }
}
