import Testing
import TradeModel
@testable import DashboardUI

/// The Trade screen's HS-section panel, shown only when the data has figures by section.
@Suite struct TradeSectionsTests {
    static func dataset() -> Dataset {
        var d = Fixture.dataset
        d.sources.append(Source(id: "comtrade-test", publisher: "UN Comtrade"))
        func o(_ hs: Int, _ usd: Double, _ from: String, _ to: String, kind: FigureKind = .stated) -> TradeObservation {
            TradeObservation(period: Period(year: 2023), flow: .exports, from: from, to: to, usd: usd, kind: kind, source: "comtrade-test", hsSection: hs)
        }
        d.trade += [o(2, 120e6, "KZ", "TM"), o(15, 80e6, "KZ", "TM"), o(5, 95e6, "KZ", "TM"), o(2, 999e6, "KZ", "TM", kind: .derived),
                    o(7, 60e6, "TM", "KZ"), o(5, 150e6, "TM", "KZ")]
        return d
    }

    @Test func modelPicksOnePerSectionLargestFirst() {
        let d = Self.dataset()
        #expect(d.sectionYears == [2023])
        let kz = d.sections(.goods(from: "KZ", to: "TM"), year: 2023)
        #expect(kz.map(\.hsSection) == [2, 5, 15])
        #expect(kz.first?.usd == 120e6, "the stated figure is preferred over the derived one")
        #expect(d.sections(.goods(from: "TM", to: "KZ"), year: 2023).map(\.hsSection) == [5, 7])
        #expect(d.sections(.goods(from: "KZ", to: "TM"), year: 2022).isEmpty)
        // Section figures never leak into the totals.
        #expect(d.value(.goods(from: "KZ", to: "TM"), year: 2023) == Fixture.dataset.value(.goods(from: "KZ", to: "TM"), year: 2023))
    }

    @Test func panelShowsTopSectionsPerDirection() {
        var s = AppState(dataset: Self.dataset(), theme: .mono)
        _ = Dashboard.update(&s, .char("2"))
        let text = Dashboard.render(s, width: 120, height: 50).text
        #expect(text.contains("Top HS sections, 2023, USD"))
        #expect(text.contains("KZ→TM"))
        let lines = text.split(separator: "\n").map(String.init)
        let ii = lines.firstIndex { $0.contains("II ") && $0.contains("120 M") }
        let v = lines.firstIndex { $0.contains("V ") && $0.contains("95 M") }
        #expect(ii != nil && v != nil && ii! < v!, "largest first")
        #expect(!text.contains("999 M"), "one figure per section")
    }

    @Test func turnoverIsDerivedFromBothDirectionsOnlyWhenNoFigureExists() {
        var d = Fixture.dataset
        d.sources.append(Source(id: "comtrade-test", publisher: "UN Comtrade"))
        d.trade += [TradeObservation(period: Period(year: 2016), flow: .exports, from: "KZ", to: "TM", usd: 500e6, source: "comtrade-test"),
                    TradeObservation(period: Period(year: 2016), flow: .imports, from: "TM", to: "KZ", usd: 120e6, source: "comtrade-test")]
        var s = AppState(dataset: d, theme: .mono)
        _ = Dashboard.update(&s, .char("2"))
        let row = Dashboard.render(s, width: 120, height: 40).lines().first { $0.contains("2016") } ?? ""
        #expect(row.contains("620 M*"), "500 M + 120 M, marked derived: \(row)")
        #expect(row.contains("turnover = exports + imports"))
        #expect(d.value(.turnover, year: 2016) == nil, "the sum is shown, never used as a figure")
        // The full year's row (its label padded, "2024  "), at a height where the whole table shows.
        let row2024 = Dashboard.render(s, width: 120, height: 50).lines().first { $0.hasPrefix("│2024  ") } ?? ""
        #expect(row2024.contains(">555 M") && !row2024.contains("turnover = exports"), "a stated turnover is kept")
    }

    @Test func noPanelWithoutSectionData() {
        let text = Fixture.text(Fixture.state(.mono, screen: .trade, width: 120, height: 50))
        #expect(!text.contains("Top HS sections"))
    }
}
