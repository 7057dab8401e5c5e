import Testing
import TradeModel
@testable import DashboardUI

/// A period where many sources disagree: the Trade detail lists the first pairs and counts the rest.
@Suite struct TradeDetailScaleTests {
    @Test func manyDisagreeingFiguresAreListedUpToACapAndCounted() {
        var d = Fixture.dataset
        let n = 120
        let year = 1999
        for i in 0..<n {
            d.sources.append(Source(id: "many-\(i)", publisher: "Many \(i)"))
            d.trade.append(TradeObservation(period: Period(year: year), flow: .turnover, usd: (100 + Double(i)) * 1e6, source: "many-\(i)"))
        }
        // Pairs more than 1 % of the larger apart, counted the long way.
        var pairs = 0
        for i in 0..<n { for j in (i + 1)..<n where Double(j - i) / (100 + Double(j)) > 0.01 { pairs += 1 } }
        let lines = TradeScreen.detail(d, Period(year: year)).lines.map(\.plainText)
        let clashes = lines.filter { $0.hasPrefix("  turnover: ") }
        #expect(clashes.count == TradeScreen.clashesListed)
        #expect(clashes.first == "  turnover: 100 M [many-0] vs 102 M [many-2], 2.0 % apart (both stated)")
        #expect(lines.contains("  and \(pairs - TradeScreen.clashesListed) more pairs (tradedash validate --all lists stated ones pair by pair)"))
        // The table's notes name three and count the others.
        let cells = TradeScreen.cells(d, Period(year: year)).map(\.plainText)
        #expect(cells.last?.contains("more disagree") == true, "\(cells)")
    }
}
