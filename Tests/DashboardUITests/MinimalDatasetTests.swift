import Testing
import TradeModel
@testable import DashboardUI

/// The dashboard is not only for the bundled pair: a dataset with almost nothing in it renders on
/// every screen, with every key, at every size, and says "unknown" instead of inventing figures.
@Suite struct MinimalDatasetTests {
    static let minimal = Dataset(title: "Uzbekistan–Tajikistan", asOf: DateValue(year: 2025, month: 6, day: 30),
                                 countries: [Country(code: "UZ", name: "Uzbekistan"), Country(code: "TJ", name: "Tajikistan")],
                                 sources: [Source(id: "s", publisher: "Somebody")],
                                 trade: [TradeObservation(period: Period(year: 2024), flow: .turnover, usd: 600e6, source: "s")])

    static let empty = Dataset(title: "Nothing yet", asOf: DateValue(year: 2025, month: 1, day: 1),
                               countries: [Country(code: "AA", name: "Aland"), Country(code: "BB", name: "Bland")])

    @Test(arguments: [minimal, empty])
    func everyScreenEveryKeyEverySize(_ d: Dataset) {
        let keys: [Key] = [.char("j"), .enter, .escape, .char("/"), .char("x"), .enter, .char("n"), .escape, .char("+"), .char("-"),
                           .char("?"), .escape, .char("G"), .pageDown, .enter, .char("e"), .click(x: 5, y: 5), .wheelDown(x: 5, y: 5)]
        for screen in Screen.allCases {
            for (w, h) in [(60, 20), (80, 24), (200, 60)] {
                var s = AppState(dataset: d, theme: .ascii)
                _ = Dashboard.update(&s, .resize(width: w, height: h))
                Dashboard.show(screen, in: &s)
                for k in keys {
                    _ = Dashboard.update(&s, k)
                    let text = Dashboard.render(s, width: w, height: h).text
                    #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == h + 1)
                }
            }
        }
    }

    @Test func unknownsAreShown() {
        var s = AppState(dataset: Self.minimal, theme: .mono)
        _ = Dashboard.update(&s, .resize(width: 100, height: 30))
        let overview = Dashboard.render(s, width: 100, height: 30).text
        #expect(overview.contains("Uzbekistan–Tajikistan"))
        #expect(overview.contains("2024 turnover 600 M"))
        #expect(overview.contains("Progress: unknown"), "no target in the data")
        #expect(overview.contains("No deals in the data"))
        _ = Dashboard.update(&s, .char("2"))
        let trade = Dashboard.render(s, width: 100, height: 30).text
        #expect(trade.contains("UZ→TJ") && trade.contains("unknown"))
        #expect(trade.contains("CAGR: unknown (needs two full years)"))
        _ = Dashboard.update(&s, .char("3"))
        #expect(Dashboard.render(s, width: 100, height: 30).text.contains("The dataset defines no target (unknown)."))
        _ = Dashboard.update(&s, .char("4"))
        #expect(Dashboard.render(s, width: 100, height: 30).text.contains("Nothing in the dataset yet (unknown)"))
    }
}
