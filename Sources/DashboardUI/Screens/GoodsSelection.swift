import TradeModel

/// Which composition entries the Goods screen shows: the years that have any, the selected one
/// (`AppState.goodsYear`, by default the latest), and that year's entries grouped by direction, the
/// statistics of each direction (imported Comtrade figures: a reporter's exports or imports) before
/// the other sources' entries.
enum GoodsSelection {
    /// A direction of the screen: the home country's goods to the partner, the partner's to home,
    /// or both together ("agricultural trade 103 M").
    enum Group: Hashable, Sendable, CaseIterable {
        case homeToPartner, partnerToHome, both
    }

    /// Years with composition entries, ascending.
    static func years(_ d: Dataset) -> [Int] {
        Array(Set(d.composition.map(\.period.year))).sorted()
    }

    /// The year shown: the state's choice when the data has it, else the latest.
    static func year(_ s: AppState) -> Int? {
        let all = years(s.dataset)
        if let y = s.goodsYear, all.contains(y) { return y }
        return all.last
    }

    /// Moves the selected year to the next one with composition (`by` 1) or the previous (−1);
    /// says so at either end.
    static func moveYear(_ s: inout AppState, by step: Int) {
        let all = years(s.dataset)
        guard let current = year(s), let k = all.firstIndex(of: current) else {
            s.status = StatusLine(text: "No goods in the data: no year to choose", isError: false)
            return
        }
        let next = k + step
        guard all.indices.contains(next) else {
            s.status = StatusLine(text: step > 0 ? "\(current) is the latest year with goods" : "\(current) is the earliest year with goods", isError: false)
            return
        }
        s.goodsYear = all[next]
        s.selection[.goods] = 0
    }

    static func group(_ d: Dataset, _ c: Composition) -> Group? {
        guard let from = c.from, let to = c.to else { return .both }
        if from == d.home.code && to == d.partner.code { return .homeToPartner }
        if from == d.partner.code && to == d.home.code { return .partnerToHome }
        // A direction involving a third country is not this pair's trade.
        return nil
    }

    /// "KZ→TM", "TM→KZ", "both directions".
    static func label(_ d: Dataset, _ g: Group) -> String {
        switch g {
        case .homeToPartner: return "\(d.home.code)→\(d.partner.code)"
        case .partnerToHome: return "\(d.partner.code)→\(d.home.code)"
        case .both: return "Both directions"
        }
    }

    /// "Kazakhstan to Turkmenistan".
    static func words(_ d: Dataset, _ g: Group) -> String {
        switch g {
        case .homeToPartner: return "\(d.home.name) to \(d.partner.name)"
        case .partnerToHome: return "\(d.partner.name) to \(d.home.name)"
        case .both: return "\(d.home.name) and \(d.partner.name) together"
        }
    }

    /// Statistics: a reporter's figures (Comtrade imports carry the reporter's flow), or a source
    /// whose basis is national or mirror statistics.
    /// A list of statistics: a reporter's flow on a national or mirror statistics basis (what an
    /// import writes). A press page quoting a statistics office has no flow: it is the press's.
    static func isStatistics(_ d: Dataset, _ c: Composition) -> Bool {
        guard c.flow != nil else { return false }
        guard let basis = d.source(c.source)?.basis else { return true }
        return basis == .nationalStatistics || basis == .mirrorStatistics
    }

    /// Whose statistics: the source's basis country, else the flow's reporter (exports are
    /// reported by the origin, imports by the destination).
    static func reporter(_ d: Dataset, _ c: Composition) -> String? {
        if let b = d.source(c.source)?.basisCountry { return b }
        switch c.flow {
        case .exports: return c.from
        case .imports: return c.to
        default: return nil
        }
    }

    /// The year's entries of a group, as positions in `composition`: statistics first (the home
    /// country's reports before the partner's), then the others; each part by period, then a list
    /// that starts at the top before one whose best item the source ranks lower ("2. tomatoes"
    /// after "1. natural gas"), then the one naming more goods, then file order.
    static func entries(_ d: Dataset, year: Int, _ g: Group) -> [Int] {
        let list = d.composition.indices.filter { d.composition[$0].period.year == year && group(d, d.composition[$0]) == g }
        func key(_ i: Int) -> (Int, Int) {
            let c = d.composition[i]
            guard isStatistics(d, c) else { return (2, 0) }
            let r = reporter(d, c)
            return (r == d.home.code ? 0 : 1, c.flow == .exports ? 0 : 1)
        }
        return list.sorted { a, b in
            let ka = key(a), kb = key(b)
            if ka != kb { return ka < kb }
            let pa = d.composition[a].period, pb = d.composition[b].period
            if pa != pb { return pa < pb }
            let ta = startsAtTop(d.composition[a]), tb = startsAtTop(d.composition[b])
            if ta != tb { return ta }
            let na = d.composition[a].goods.count, nb = d.composition[b].goods.count
            if na != nb { return na > nb }
            return a < b
        }
    }

    /// The entry the Overview names the top goods of, for a direction: the latest year's, the one
    /// covering the most months; then one that starts at the top (a list whose best item the source
    /// ranks second names no top good), the one naming most goods, statistics, the first in the file.
    static func headline(_ d: Dataset, _ g: Group) -> Int? {
        let list = d.composition.indices.filter { group(d, d.composition[$0]) == g && d.composition[$0].goods.contains { !$0.remainder } }
        func key(_ i: Int) -> (Int, Int, Int, Int, Int, Int) {
            let c = d.composition[i]
            return (-c.period.year, -c.period.monthCount, startsAtTop(c) ? 0 : 1, -c.goods.filter { !$0.remainder }.count, isStatistics(d, c) ? 0 : 1, i)
        }
        return list.min { key($0) < key($1) }
    }

    /// False for a list whose best item the source ranks below the first (it names no top good).
    static func startsAtTop(_ c: Composition) -> Bool {
        (c.goods.compactMap(\.rank).min() ?? 1) <= 1
    }

    /// The names of an entry's top goods in ranked order, as the source names them: a group by its
    /// own name ("farm goods", not its members, which the source does not rank); remainders left out.
    static func topNames(_ c: Composition) -> [String] {
        let r = GoodsRanking.rank(c)
        var names = [String]()
        for item in r.ranked where item.depth == 0 {
            let g = c.goods[item.position]
            guard !g.remainder else { continue }
            names.append(g.name)
        }
        for i in r.named { names.append(c.goods[i].name) }
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }
}
