import Foundation
import Testing
import TradeModel
@testable import DashboardUI

/// Golden screens of the synthetic goods dataset (Fixtures/goods/synthetic-goods.json, figures made
/// up for the test): the Goods screen of 2025 (press lists, both directions) and 2024 (statistics
/// with chapters, headings and remainders beside a derived list) at 80×24, 120×40 and 200×60 in mono
/// and ASCII, the Infrastructure screen with the transport chart, the Overview's goods lines, and
/// the details. Goldens/goods/; re-record with `TRADEDASH_RECORD=1 swift test --filter GoodsGoldenTests`
/// and read the diff. The numbers the screens must show are checked by GoodsScreenTests and
/// TransportChartTests, so a wrong figure fails even after re-recording.
@Suite struct GoodsGoldenTests {
    static let record = ProcessInfo.processInfo.environment["TRADEDASH_RECORD"] == "1"
    static let goldens = Fixture.goldens.appendingPathComponent("goods")

    typealias Case = GoldenCase

    static let cases: [Case] = {
        var out = [Case]()
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            for theme in [Theme.Name.mono, .ascii] {
                out.append(Case(name: "goods-2025-\(w)x\(h)-\(theme.rawValue)", screen: .goods, width: w, height: h, theme: theme))
                out.append(Case(name: "goods-2024-\(w)x\(h)-\(theme.rawValue)", screen: .goods, width: w, height: h, theme: theme, keys: [.char("-")]))
            }
            out.append(Case(name: "infrastructure-\(w)x\(h)-mono", screen: .infrastructure, width: w, height: h, theme: .mono))
        }
        out.append(Case(name: "goods-2015-80x24-mono", screen: .goods, width: 80, height: 24, theme: .mono, keys: [.char("-"), .char("-"), .char("-")]))
        out.append(Case(name: "goods-scrolled-80x24-mono", screen: .goods, width: 80, height: 24, theme: .mono, keys: [.char("G")]))
        out.append(Case(name: "overview-100x30-mono", screen: .overview, width: 100, height: 30, theme: .mono))
        out.append(Case(name: "goods-item-detail-100x30-mono", screen: .goods, width: 100, height: 30, theme: .mono, keys: [.char("j"), .enter]))
        out.append(Case(name: "goods-entry-detail-100x30-ascii", screen: .goods, width: 100, height: 30, theme: .ascii, keys: [.char("-"), .enter]))
        out.append(Case(name: "goods-help-100x30-mono", screen: .goods, width: 100, height: 30, theme: .mono, keys: [.char("?")]))
        out.append(Case(name: "infrastructure-detail-100x30-mono", screen: .infrastructure, width: 100, height: 30, theme: .mono, keys: [.enter]))
        return out
    }()

    @Test(arguments: cases)
    func matchesGolden(_ c: Case) throws {
        let s = GoodsFixture.state(Theme.named(c.theme), screen: c.screen, width: c.width, height: c.height, keys: c.keys)
        let text = GoodsFixture.text(s)
        try GoldenFile.check(text, name: c.name, in: Self.goldens, record: Self.record)
    }

    @Test func theFixtureSaysItIsMadeUp() {
        #expect(GoodsFixture.dataset.title.contains("Synthetic") && GoodsFixture.dataset.title.contains("not real figures"))
    }
}
