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
        // Pairs whose ranges do not meet, counted the long way: m M allows ±0.5 %, or ±5 M when it is
        // a multiple of 10 M (two significant digits or fewer: visibly rounded to 10 M).
        func range(_ m: Double) -> (Double, Double) {
            let half = max(m * 0.005, m.truncatingRemainder(dividingBy: 10) == 0 ? 5 : 0)
            return (m - half, m + half)
        }
        var pairs = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let a = range(100 + Double(i)), b = range(100 + Double(j))
                if a.1 < b.0 || b.1 < a.0 { pairs += 1 }
            }
        }
        let lines = TradeScreen.detail(d, Period(year: year)).lines.map(\.plainText)
        let clashes = lines.filter { $0.hasPrefix("  turnover: ") }
        #expect(clashes.count == TradeScreen.clashesListed)
        // 100 M allows 95–105 M; the first figure above that is 106 M (105.47–106.53 M): 6 / 106 = 5.7 %.
        #expect(clashes.first == "  turnover: 100 M [many-0] vs 106 M [many-6], 5.7 % apart (sources disagree)")
        #expect(lines.contains("  and \(pairs - TradeScreen.clashesListed) more pairs (tradedash validate --all lists stated ones pair by pair)"))
        // The table's notes name three and count the others.
        let cells = TradeScreen.cells(d, Period(year: year)).map(\.plainText)
        #expect(cells.last?.contains("more disagree") == true, "\(cells)")
    }
}
