import Testing
import TradeModel
@testable import DashboardUI

/// The order of a composition entry's goods (value, then quantity, then share, then the source's
/// rank; the remainder last; headings under their chapter), the bars' scale, and how the figures read.
@Suite struct GoodsRankingTests {
    static func entry(_ goods: [GoodsItem]) -> Composition {
        Composition(id: "e", period: Period(year: 2024), from: "KZ", to: "TM", source: "s", goods: goods)
    }

    /// The names in display order.
    static func order(_ goods: [GoodsItem]) -> [String] {
        let c = entry(goods)
        return GoodsRanking.rank(c).ranked.map { c.goods[$0.position].name }
    }

    @Test func valueBeatsQuantityShareAndRank() {
        // Every item has a value, a quantity, a share and a rank, each giving another order.
        let goods = [GoodsItem(name: "a", usd: 1e6, quantity: 900, unit: .kt, share: 10, rank: 1),
                     GoodsItem(name: "b", usd: 9e6, quantity: 100, unit: .kt, share: 5, rank: 3),
                     GoodsItem(name: "c", usd: 5e6, quantity: 500, unit: .kt, share: 90, rank: 2)]
        #expect(Self.order(goods) == ["b", "c", "a"])
        #expect(GoodsRanking.rank(Self.entry(goods)).basis == .usd)
    }

    @Test func quantityBeatsShareAndRankAcrossUnits() {
        // 1.2 Mt is more than 900 kt, which is more than 5,000 t: the units are converted.
        let goods = [GoodsItem(name: "kt", quantity: 900, unit: .kt, share: 50, rank: 1),
                     GoodsItem(name: "t", quantity: 5000, unit: .t, share: 60, rank: 3),
                     GoodsItem(name: "Mt", quantity: 1.2, unit: .Mt, share: 1, rank: 2)]
        #expect(Self.order(goods) == ["Mt", "kt", "t"])
        #expect(GoodsRanking.rank(Self.entry(goods)).basis == .quantity(.mass, perYear: false))
    }

    @Test func quantitiesOfTwoDimensionsAreNotCompared() {
        // Tonnes and cubic metres of gas have no common measure: the shares decide.
        let goods = [GoodsItem(name: "gas", quantity: 5, unit: .bcm, share: 20),
                     GoodsItem(name: "wheat", quantity: 300, unit: .kt, share: 40)]
        #expect(Self.order(goods) == ["wheat", "gas"])
        #expect(GoodsRanking.rank(Self.entry(goods)).basis == .share)
    }

    @Test func shareBeatsRank() {
        let goods = [GoodsItem(name: "small", share: 10, rank: 1), GoodsItem(name: "large", share: 40, rank: 2)]
        #expect(Self.order(goods) == ["large", "small"])
    }

    @Test func theSourcesRankWhenNothingElseIsCommon() {
        // "Mostly natural gas, then fruit": ranks 1, 2; one of them also has a share of a wider total.
        let goods = [GoodsItem(name: "fruit", share: 30, shareOf: ShareBase(what: "all fruit exports"), rank: 2),
                     GoodsItem(name: "gas", rank: 1)]
        #expect(Self.order(goods) == ["gas", "fruit"])
        #expect(GoodsRanking.rank(Self.entry(goods)).basis == .rank)
    }

    @Test func mixedFiguresGoInTiers() {
        // No measure common to all: values first, then quantities, shares, ranks, the rest.
        let goods = [GoodsItem(name: "ranked", rank: 1), GoodsItem(name: "growth only", growth: 0.2),
                     GoodsItem(name: "share", share: 50), GoodsItem(name: "quantity", quantity: 3, unit: .kt),
                     GoodsItem(name: "value", usd: 5e6)]
        #expect(Self.order(goods) == ["value", "quantity", "share", "ranked", "growth only"])
        #expect(GoodsRanking.rank(Self.entry(goods)).basis == nil)
    }

    @Test func theRemainderComesLastWhateverItsValue() {
        let goods = [GoodsItem(name: "other chapters", usd: 500e6, remainder: true),
                     GoodsItem(name: "small", usd: 1e6), GoodsItem(name: "large", usd: 9e6)]
        #expect(Self.order(goods) == ["large", "small", "other chapters"])
        // The remainder is on the bars' scale: it is a value of the same unit.
        #expect(GoodsRanking.rank(Self.entry(goods)).scale == 500e6)
    }

    @Test func headingsNestUnderTheirChapterWithTheChaptersRestLast() {
        let goods = [GoodsItem(name: "fuels", hs: "27", usd: 12.5e6), GoodsItem(name: "cereals", hs: "10", usd: 61.2e6),
                     GoodsItem(name: "wheat", hs: "1001", usd: 55e6), GoodsItem(name: "barley", hs: "1003", usd: 4.1e6),
                     GoodsItem(name: "rest of 10", hs: "10", usd: 2.1e6, remainder: true), GoodsItem(name: "milling", hs: "11", usd: 38.4e6),
                     GoodsItem(name: "flour", hs: "1101", usd: 37e6), GoodsItem(name: "other chapters", usd: 9.8e6, remainder: true),
                     GoodsItem(name: "durum", hs: "100111", usd: 1e6)]
        let c = Self.entry(goods)
        let r = GoodsRanking.rank(c)
        #expect(r.ranked.map { c.goods[$0.position].name } == ["cereals", "wheat", "durum", "barley", "rest of 10", "milling", "flour", "fuels", "other chapters"])
        #expect(r.ranked.map(\.depth) == [0, 1, 2, 1, 1, 0, 1, 0, 0])
    }

    @Test func goodsWithoutFiguresAreNamedNotRanked() {
        let goods = [GoodsItem(name: "iron and timber products"), GoodsItem(name: "flour"), GoodsItem(name: "wheat", quantity: 1, unit: .kt)]
        let r = GoodsRanking.rank(Self.entry(goods))
        #expect(r.ranked.map(\.position) == [2])
        #expect(r.named == [0, 1])
        let none = GoodsRanking.rank(Self.entry([GoodsItem(name: "oil and gas products"), GoodsItem(name: "tomatoes")]))
        #expect(none.ranked.isEmpty && none.named == [0, 1] && none.bars == nil)
    }

    @Test func barsForValuesOrQuantitiesOfOneDimensionAndNeverAlone() {
        let v = GoodsRanking.rank(Self.entry([GoodsItem(name: "a", usd: 1), GoodsItem(name: "b", usd: 3, quantity: 2, unit: .kt), GoodsItem(name: "c", quantity: 9, unit: .kt)]))
        #expect(v.bars == .usd, "values before quantities")
        #expect(v.scale == 3)
        let q = GoodsRanking.rank(Self.entry([GoodsItem(name: "a", quantity: 2, unit: .kt), GoodsItem(name: "b", quantity: 3, unit: .Mt)]))
        #expect(q.bars == .quantity(.mass, perYear: false))
        #expect(q.scale == 3e9, "the scale in kilograms: 3 Mt")
        #expect(GoodsRanking.rank(Self.entry([GoodsItem(name: "a", share: 20), GoodsItem(name: "b", share: 30)])).bars == nil, "shares get no bar")
        #expect(GoodsRanking.rank(Self.entry([GoodsItem(name: "a", usd: 1e6), GoodsItem(name: "b", rank: 2)])).bars == nil, "a bar alone says nothing")
    }

    @Test func theBarScale() {
        let full: [Character] = ["#"]
        #expect(GoodsFigures.bar(100, scale: 100, width: 10, eighths: full) == String(repeating: "#", count: 10))
        #expect(GoodsFigures.bar(50, scale: 100, width: 10, eighths: full) == String(repeating: "#", count: 5))
        #expect(GoodsFigures.bar(1, scale: 1000, width: 10, eighths: full) == "#", "any positive value shows")
        #expect(GoodsFigures.bar(0, scale: 1000, width: 10, eighths: full) == "")
        #expect(GoodsFigures.bar(200, scale: 100, width: 10, eighths: full).count == 10, "never longer than the width")
        #expect(GoodsFigures.bar(nil, scale: 100, width: 10, eighths: full) == "")
        // Eighths: 55 % of 10 cells is 44 eighths, five whole cells and a half.
        #expect(GoodsFigures.bar(55, scale: 100, width: 10, eighths: Theme.mono.barEighths) == "█████▌")
        // On the screen, the largest item of an entry fills the bar and half of it half the bar.
        let c = Self.entry([GoodsItem(name: "large", usd: 80e6), GoodsItem(name: "half", usd: 40e6)])
        let r = GoodsRanking.rank(c)
        var col = GoodsLines.EntryColumns()
        col.figure = 10
        col.bar = 8
        let large = GoodsLines.item(c, r, col, position: 0, depth: 0, width: 60, ascii: true, eighths: full).lines[0].plainText
        let half = GoodsLines.item(c, r, col, position: 1, depth: 0, width: 60, ascii: true, eighths: full).lines[0].plainText
        #expect(large.hasSuffix("USD 80 M ########"))
        #expect(half.hasSuffix("USD 40 M ####"))
    }

    @Test func figuresReadInSensibleUnits() {
        #expect(GoodsFigures.quantity(230, .kt) == "230 kt")
        #expect(GoodsFigures.quantity(1600, .kt) == "1.6 Mt")
        #expect(GoodsFigures.quantity(0.255574, .Mt) == "255.6 kt")
        #expect(GoodsFigures.quantity(231_000_000, .kg) == "231 kt", "Comtrade's net weight in kilograms")
        #expect(GoodsFigures.quantity(33.78, .kt) == "33.78 kt")
        #expect(GoodsFigures.quantity(30, .kt, .over) == ">30 kt")
        #expect(GoodsFigures.quantity(20, .MtPerYear) == "20 Mt/yr")
        #expect(GoodsFigures.quantity(1.5, .bcm, .upTo) == "≤1.5 bcm")
        #expect(GoodsFigures.quantity(12, .teu) == "12 TEU")
        #expect(GoodsFigures.usd(37.6e6) == "USD 37.6 M")
        #expect(GoodsFigures.usd(130e6, .over) == "USD >130 M")
        #expect(GoodsFigures.usd(700) == "USD 700")
        #expect(GoodsFigures.share(26.7) == "26.7 %")
        #expect(GoodsFigures.share(30, .over) == ">30 %")
    }
}
