/// The conflicts of one series and kind, summarised: how many pairs, how many sources, the range
/// of what they state, and the first few pairs. Built in O(n log n) for n observations of the
/// series, however many pairs disagree.
public struct ConflictSummary: Hashable, Sendable {
    public var kind: Conflict.Kind
    public var key: SeriesKey
    /// Every disagreeing pair, counted exactly (the length of the list `conflicts` would give).
    public var pairs: Int
    /// Distinct sources among the series' stated figures of this kind (values, or growth rates).
    public var sources: Int
    /// Stated figures of this kind in the series.
    public var figures: Int
    /// The lowest and highest stated value (USD) or growth rate (fraction).
    public var lowest: Double
    public var highest: Double
    /// The first pairs in the order `conflicts` lists them (fewer when finding them would take too long).
    public var examples: [Conflict]
}

extension Dataset {
    /// At most this many pairs are compared to find one summary's examples...
    static let exampleSearchBudget = 1_000_000
    /// ...and this many for all the summaries of one call.
    static let exampleSearchTotal = 8_000_000

    /// One summary per series and kind that has conflicts, in the order `conflicts` meets them
    /// (a series' value conflicts before its growth conflicts), with up to `examples` pairs each.
    /// `period`, `kinds` and `wholeGoodsOnly` choose the series before anything is counted;
    /// only the first `exampleSeries` summaries get examples (the others are only counted).
    public func conflictSummaries(examples: Int = 3, period: Period? = nil, kinds: Set<Conflict.Kind> = [.value, .growth],
                                  wholeGoodsOnly: Bool = false, exampleSeries: Int = Int.max) -> [ConflictSummary] {
        var out = [ConflictSummary]()
        let series = seriesIndex
        let groups = period.map { series.statedGroups(in: $0) } ?? Array(series.statedGroups.indices)
        var total = Dataset.exampleSearchTotal
        for g in groups {
            let group = series.statedGroups[g]
            if wholeGoodsOnly && group.key.hsSection != nil { continue }
            let members = group.members
            let valuePairs = kinds.contains(.value) ? ConflictCounting.valuePairs(members, in: trade) : 0
            let growthPairs = kinds.contains(.growth) ? ConflictCounting.growthPairs(members, in: trade) : 0
            guard valuePairs > 0 || growthPairs > 0 else { continue }
            // The first pairs of each kind, in list order, within a bounded number of comparisons.
            var valueExamples = [Conflict](), growthExamples = [Conflict]()
            let wanted = out.count < exampleSeries ? examples : 0
            let wantValue = min(wanted, valuePairs), wantGrowth = min(wanted, growthPairs)
            var budget = min(Dataset.exampleSearchBudget, total)
            if wantValue > 0 || wantGrowth > 0 {
                let start = budget
                outer: for i in 0..<members.count {
                    for j in (i + 1)..<members.count {
                        budget -= 1
                        if budget < 0 { break outer }
                        let a = trade[members[i]], b = trade[members[j]]
                        guard a.source != b.source else { continue }
                        if valueExamples.count < wantValue, let diff = valueConflict(a, b) {
                            valueExamples.append(Conflict(kind: .value, key: group.key, first: a, second: b, difference: diff))
                        }
                        if growthExamples.count < wantGrowth, let g = a.growth, let h = b.growth, abs(g - h) > Dataset.conflictTolerance {
                            growthExamples.append(Conflict(kind: .growth, key: group.key, first: a, second: b, difference: abs(g - h)))
                        }
                        if valueExamples.count == wantValue && growthExamples.count == wantGrowth { break outer }
                    }
                }
                total -= start - max(0, budget)
            }
            func summary(_ kind: Conflict.Kind, _ pairs: Int, _ examples: [Conflict], _ figure: (TradeObservation) -> Double?) -> ConflictSummary {
                var n = 0, lo = Double.infinity, hi = -Double.infinity
                var sources = Set<String>()
                for m in members {
                    guard let v = figure(trade[m]) else { continue }
                    n += 1
                    lo = Swift.min(lo, v)
                    hi = Swift.max(hi, v)
                    sources.insert(trade[m].source)
                }
                return ConflictSummary(kind: kind, key: group.key, pairs: pairs, sources: sources.count, figures: n,
                                       lowest: n > 0 ? lo : 0, highest: n > 0 ? hi : 0, examples: examples)
            }
            if valuePairs > 0 { out.append(summary(.value, valuePairs, valueExamples, \.usd)) }
            if growthPairs > 0 { out.append(summary(.growth, growthPairs, growthExamples, \.growth)) }
        }
        return out
    }
}

/// Counts disagreeing pairs without listing them: sort, then binary search for each figure how many
/// others are close enough to agree. Pairs from one source never conflict, so the pairs within each
/// source are counted the same way and taken off. Works on positions in `trade` and the numbers
/// themselves, never on copies of the observations.
enum ConflictCounting {
    /// `sameSourceAgrees`: pairs from one source are not conflicts (stated conflicts); without it
    /// every pair counts (disagreements of any kind).
    static func valuePairs(_ members: [Int], in trade: [TradeObservation], sameSourceAgrees: Bool = true) -> Int {
        sameSourceAgrees ? count(members, trade) { valueCount($0, trade) } : valueCount(members, trade)
    }

    static func growthPairs(_ members: [Int], in trade: [TradeObservation]) -> Int {
        count(members, trade) { list in
            let g = list.compactMap { trade[$0].growth }.sorted()
            // Pairs within the tolerance: for each rate, the earlier (smaller) ones at most 1 point below.
            var agree = 0
            for j in g.indices {
                let first = g.partitionPoint(upTo: j) { !(abs(g[j] - $0) > Dataset.conflictTolerance) }
                agree += j - first
            }
            return g.count * (g.count - 1) / 2 - agree
        }
    }

    private static func count(_ members: [Int], _ trade: [TradeObservation], _ pairs: ([Int]) -> Int) -> Int {
        var bySource = [String: [Int]]()
        for m in members { bySource[trade[m].source, default: []].append(m) }
        guard bySource.count > 1 else { return 0 }
        var n = pairs(members)
        for (_, same) in bySource where same.count > 1 { n -= pairs(same) }
        return n
    }
    /// Value conflicts among any observations (sources ignored): pairs whose ranges do not meet
    /// (`ValueRange`). Two ranges are apart when one's lower end is above the other's upper end, and
    /// only one of the two can be, so each apart pair is counted once: for every range, the ranges
    /// that start above its upper end.
    private static func valueCount(_ list: [Int], _ trade: [TradeObservation]) -> Int {
        var lowers = [Double](), uppers = [Double]()
        for m in list {
            guard let r = trade[m].valueRange else { continue }
            lowers.append(r.lower)
            uppers.append(r.upper)
        }
        lowers.sort()
        var n = 0
        for u in uppers {
            n += lowers.count - lowers.partitionPoint { $0 > u }
        }
        return n
    }
}
