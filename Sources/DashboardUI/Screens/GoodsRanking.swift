import TradeModel

/// The order a composition entry's goods are shown in, and what their bars measure. Each entry is
/// ranked on its own: two entries (two sources, or statistics and the press) are never merged into
/// one ranking.
///
/// The order is by the first of these that every ranked item of the entry has: its value (USD),
/// its quantity (of one dimension: tonnes with tonnes, never with cubic metres), its share of the
/// direction's total, the source's own rank. When no one measure is common to all, the items are
/// taken in tiers: those with a value (by value), then those with a quantity, those with a share,
/// those the source ranks, the rest in the source's order. Goods without any figure are not ranked
/// (they are listed as the named goods); a `remainder` ("the rest") always comes last. Headings and
/// subheadings nest under the item whose HS code is their longest prefix (1001 under chapter 10),
/// ranked among themselves the same way, a chapter's remainder last under it.
enum GoodsRanking {
    /// What an entry's items are compared by.
    enum Measure: Hashable, Sendable {
        case usd
        /// Quantities converted to the dimension's base unit (kg, m³ of gas, kWh...).
        case quantity(MeasureUnit.Dimension, perYear: Bool)
        case share
        case rank

        var label: String {
            switch self {
            case .usd: return "value"
            case .quantity: return "quantity"
            case .share: return "share"
            case .rank: return "the source's rank"
            }
        }
    }

    /// One item in display order: where it is in the entry's `goods`, and how deep it nests.
    struct Ranked: Hashable, Sendable {
        var position: Int
        var depth: Int
    }

    /// The ranked items of an entry in display order, the goods named without figures (in the
    /// source's order), what the order is by (nil: tiers, see above) and what the bars measure.
    struct Result: Hashable, Sendable {
        var ranked: [Ranked]
        var named: [Int]
        var basis: Measure?
        var bars: Measure?
        /// The largest bar value (in the measure's base unit), that fills a whole bar.
        var scale: Double?
    }

    /// Whether the item is listed with figures (a value, quantity, share, rank or growth), or a remainder.
    static func isRanked(_ g: GoodsItem) -> Bool { g.hasFigure || g.growth != nil || g.remainder }

    static func rank(_ c: Composition) -> Result {
        let goods = c.goods
        let listed = goods.indices.filter { isRanked(goods[$0]) }
        let named = goods.indices.filter { !isRanked(goods[$0]) }
        // Nesting: the parent of an item is the listed item whose HS code is its longest proper
        // prefix (a remainder's own code names its parent: the rest of that chapter).
        var byCode = [String: Int]()
        for i in listed where !goods[i].remainder { if let hs = goods[i].hs, byCode[hs] == nil { byCode[hs] = i } }
        var parent = [Int: Int]()
        for i in listed {
            guard let hs = goods[i].hs else { continue }
            var n = goods[i].remainder ? hs.count : hs.count - 1
            while n >= 2 {
                if let p = byCode[String(hs.prefix(n))], p != i { parent[i] = p; break }
                n -= 1
            }
        }
        var children = [Int: [Int]]()
        for i in listed { if let p = parent[i] { children[p, default: []].append(i) } }
        let top = listed.filter { parent[$0] == nil }
        let basis = commonMeasure(top.map { goods[$0] }.filter { !$0.remainder })
        var ranked = [Ranked]()
        func place(_ list: [Int], depth: Int) {
            for i in order(list, goods: goods, basis: depth == 0 ? basis : commonMeasure(list.map { goods[$0] }.filter { !$0.remainder })) {
                ranked.append(Ranked(position: i, depth: depth))
                if let kids = children[i] { place(kids, depth: depth + 1) }
            }
        }
        place(top, depth: 0)
        // A bar alone says nothing: bars where two items or more have the measure.
        let bars = barMeasure(listed.map { goods[$0] }).flatMap { m in listed.filter { measure(goods[$0], m) != nil }.count >= 2 ? m : nil }
        let scale = bars.flatMap { m in listed.compactMap { measure(goods[$0], m) }.max() }
        return Result(ranked: ranked, named: named, basis: basis, bars: bars, scale: scale.flatMap { $0 > 0 ? $0 : nil })
    }

    /// The first measure every item has, in the order value, quantity (one dimension), share, rank.
    static func commonMeasure(_ items: [GoodsItem]) -> Measure? {
        guard !items.isEmpty else { return nil }
        if items.allSatisfy({ $0.usd != nil }) { return .usd }
        if let u = items.first?.unit, items.allSatisfy({ $0.quantity != nil && $0.unit?.dimension == u.dimension && $0.unit?.perYear == u.perYear }) {
            return .quantity(u.dimension, perYear: u.perYear)
        }
        if items.allSatisfy({ $0.share != nil && $0.shareOf == nil }) { return .share }
        if items.allSatisfy({ $0.rank != nil }) { return .rank }
        return nil
    }

    /// What the bars show: values when any item has one, else the quantities of the first item's
    /// dimension; shares and ranks get no bar (and an entry with one such item none either).
    static func barMeasure(_ items: [GoodsItem]) -> Measure? {
        if items.contains(where: { $0.usd != nil }) { return .usd }
        if let u = items.first(where: { $0.quantity != nil })?.unit { return .quantity(u.dimension, perYear: u.perYear) }
        return nil
    }

    /// The item's figure in a measure (quantities in the dimension's base unit), if it has one.
    static func measure(_ g: GoodsItem, _ m: Measure) -> Double? {
        switch m {
        case .usd: return g.usd
        case .quantity(let dim, let perYear):
            guard let q = g.quantity, let u = g.unit, u.dimension == dim, u.perYear == perYear else { return nil }
            return q * u.factor
        case .share: return g.shareOf == nil ? g.share : nil
        case .rank: return g.rank.map(Double.init)
        }
    }

    /// Sorts sibling items: by the common measure, else in tiers; remainders last; ties by the
    /// source's rank, then the source's order.
    static func order(_ list: [Int], goods: [GoodsItem], basis: Measure?) -> [Int] {
        // The quantity dimensions in the order they first appear, for the quantity tier.
        var dims = [MeasureUnit.Dimension]()
        for i in list { if let d = goods[i].unit?.dimension, !dims.contains(d) { dims.append(d) } }
        func key(_ i: Int) -> (tier: Int, sub: Int, value: Double) {
            let g = goods[i]
            if g.remainder { return (9, 0, 0) }
            if let basis {
                let v = measure(g, basis) ?? 0
                return (0, 0, basis == .rank ? v : -v)
            }
            if let u = g.usd { return (1, 0, -u) }
            if let q = g.quantity, let unit = g.unit { return (2, dims.firstIndex(of: unit.dimension) ?? 0, -q * unit.factor) }
            if let s = g.share, g.shareOf == nil { return (3, 0, -s) }
            if let r = g.rank { return (4, 0, Double(r)) }
            return (5, 0, 0)
        }
        return list.sorted { a, b in
            let ka = key(a), kb = key(b)
            if (ka.tier, ka.sub, ka.value) != (kb.tier, kb.sub, kb.value) { return (ka.tier, ka.sub, ka.value) < (kb.tier, kb.sub, kb.value) }
            let ra = goods[a].rank ?? Int.max, rb = goods[b].rank ?? Int.max
            return (ra, a) < (rb, b)
        }
    }
}
