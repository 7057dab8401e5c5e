/// Which goods a series of observations measures: both directions (turnover) or one direction.
public enum Direction: Hashable, Sendable, CustomStringConvertible {
    case turnover
    /// Goods from one country to the other, whether reported as exports or as imports.
    case goods(from: String, to: String)

    public var description: String {
        switch self {
        case .turnover: return "turnover"
        case .goods(let f, let t): return "\(f)→\(t)"
        }
    }

    public func matches(_ o: TradeObservation) -> Bool {
        switch self {
        case .turnover: return o.flow == .turnover
        case .goods(let f, let t): return o.flow != .turnover && o.from == f && o.to == t
        }
    }
}

/// A disagreement between two stated observations of the same thing from different sources.
public struct Conflict: Hashable, Sendable {
    public enum Kind: String, Sendable { case value, growth }
    public var kind: Kind
    public var key: SeriesKey
    public var first: TradeObservation
    public var second: TradeObservation
    /// Relative difference of values (for `.value`) or absolute difference of rates (for `.growth`).
    public var difference: Double
}

extension Dataset {
    /// Two stated values differing by more than this share of the larger conflict.
    public static let conflictTolerance = 0.01

    /// Whole-goods observations (no HS section) of a direction in one period, in file order.
    public func observations(_ direction: Direction, period: Period) -> [TradeObservation] {
        index.wholeGoods(direction, period).map { trade[$0] }
    }

    /// Every observation of a period (HS sections too, any direction), in file order.
    public func observations(in period: Period) -> [TradeObservation] {
        index.observations(in: period).map { trade[$0] }
    }

    /// Every period with whole-goods figures, oldest first (a partial year before its full year).
    public var wholeGoodsPeriods: [Period] { index.wholeGoodsPeriods }

    /// The observation the dashboard computes with for a full year (`PreferredValue` says how it is
    /// chosen). Partial years never count.
    public func preferred(_ direction: Direction, year: Int) -> TradeObservation? {
        preferred(direction, period: Period(year: year))
    }

    /// The same choice for any period, partial ones included (for showing a period, not for metrics).
    public func preferred(_ direction: Direction, period: Period) -> TradeObservation? {
        preferredIndex(direction, period: period).map { trade[$0] }
    }

    /// Years with a full-year value for the direction, ascending.
    public func fullYears(_ direction: Direction) -> [Int] {
        index.fullYears(direction)
    }

    /// The latest year with a full-year turnover value (partial years never count).
    public var latestFullYear: Int? { fullYears(.turnover).last }

    /// The preferred full-year value of a direction in a year.
    public func value(_ direction: Direction, year: Int) -> Double? { preferred(direction, year: year)?.usd }

    /// Year-on-year growth computed from the preferred full-year values; nil when either year is missing.
    public func computedGrowth(_ direction: Direction, year: Int) -> Double? {
        guard let now = value(direction, year: year), let before = value(direction, year: year - 1) else { return nil }
        return Metrics.growth(from: before, to: now)
    }

    /// How exact the preferred full-year value is.
    public func valueBound(_ direction: Direction, year: Int) -> Bound {
        preferred(direction, year: year).map { Bound($0.qualifier) } ?? .unknown
    }

    /// How exact `computedGrowth` is: it rises with this year's value and falls with last year's.
    public func growthBound(_ direction: Direction, year: Int) -> Bound {
        .combine(increasing: [valueBound(direction, year: year)], decreasing: [valueBound(direction, year: year - 1)])
    }

    /// How exact `cagr` is.
    public func cagrBound(_ direction: Direction, from: Int, to: Int) -> Bound {
        .combine(increasing: [valueBound(direction, year: to)], decreasing: [valueBound(direction, year: from)])
    }

    /// CAGR between two full years of a direction.
    public func cagr(_ direction: Direction, from: Int, to: Int) -> Double? {
        guard let a = value(direction, year: from), let b = value(direction, year: to) else { return nil }
        return Metrics.cagr(from: a, to: b, years: to - from)
    }

    /// Stated observations of the same year, period, flow and direction from different sources that
    /// disagree: values whose `ValueRange`s do not meet, growth rates more than one percentage point apart.
    /// Every pair, so as many as n²/2 for n disagreeing sources: `conflictSummaries` is the bounded view.
    public var conflicts: [Conflict] {
        var out = [Conflict]()
        forEachConflict { out.append($0); return true }
        return out
    }

    /// The conflicts of one period (every series of it), in the same order.
    public func conflicts(in period: Period) -> [Conflict] {
        var out = [Conflict]()
        for g in seriesIndex.statedGroups(in: period) {
            let group = seriesIndex.statedGroups[g]
            forEachConflict(in: group.key, group.members) { out.append($0); return true }
        }
        return out
    }

    /// Calls `body` with every conflict, group by group (groups in the order their first observation
    /// appears), pairs in file order; stops when `body` returns false. Nothing is kept.
    public func forEachConflict(_ body: (Conflict) -> Bool) {
        for group in seriesIndex.statedGroups {
            guard forEachConflict(in: group.key, group.members, body) else { return }
        }
    }

    /// The pairs of one group; false when `body` asked to stop.
    @discardableResult
    func forEachConflict(in key: SeriesKey, _ members: [Int], _ body: (Conflict) -> Bool) -> Bool {
        for i in 0..<members.count {
            let a = trade[members[i]]
            for j in (i + 1)..<members.count {
                let b = trade[members[j]]
                guard a.source != b.source else { continue }
                if let diff = valueConflict(a, b) {
                    guard body(Conflict(kind: .value, key: key, first: a, second: b, difference: diff)) else { return false }
                }
                if let g = a.growth, let h = b.growth, abs(g - h) > Dataset.conflictTolerance {
                    guard body(Conflict(kind: .growth, key: key, first: a, second: b, difference: abs(g - h))) else { return false }
                }
            }
        }
        return true
    }

    /// Whether two figures' values cannot both be true: their `ValueRange`s do not meet ("over 555 M"
    /// allows 560 M; "about 250 M" allows 254.3 M). Sources and kinds are not looked at.
    public func disagree(_ a: TradeObservation, _ b: TradeObservation) -> Bool { valueConflict(a, b) != nil }

    /// The relative difference of two values that cannot both be true (their `ValueRange`s do not
    /// meet), or nil when they can.
    func valueConflict(_ a: TradeObservation, _ b: TradeObservation) -> Double? {
        guard let x = a.usd, let y = b.usd, max(x, y) > 0, !agree(a, b) else { return nil }
        return abs(x - y) / max(abs(x), abs(y))
    }

    /// Other whole-goods observations of the same period and direction (any kind, any source) whose
    /// values cannot both be true with `o`'s (their `ValueRange`s do not meet).
    /// Two derivations that contradict each other are shown this way, not only stated conflicts.
    public func disagreements(with o: TradeObservation, direction: Direction) -> [TradeObservation] {
        guard o.usd != nil else { return [] }
        return observations(direction, period: o.period).filter { other in other != o && other.usd != nil && !agree(o, other) }
    }

    /// How many things cite a source (the length of `citations(of:)`, without describing them).
    public func citationCount(of sourceID: String) -> Int {
        (citationIndex.tradeCiting[sourceID]?.count ?? 0) + (citationIndex.otherCiting[sourceID]?.count ?? 0)
    }

    /// How many pairs of a period's whole-goods figures of one direction cannot both be true (the
    /// pairs `disagreements(with:direction:)` finds, each counted once), in O(n log n).
    public func disagreeingPairs(_ direction: Direction, period: Period) -> Int {
        ConflictCounting.valuePairs(index.wholeGoods(direction, period), in: trade, sameSourceAgrees: false)
    }

    /// Everything in the dataset that cites a source: "trade[3]", "deals[qazaqgaz-turkmengaz-2022]"...
    public func citations(of sourceID: String) -> [String] {
        var out = [String]()
        for i in citationIndex.tradeCiting[sourceID] ?? [] {
            let o = trade[i]
            out.append("trade \(o.period.label) \(o.flow == .turnover ? "turnover" : "\(o.from ?? "?")→\(o.to ?? "?") \(o.flow.rawValue)")")
        }
        out += citationIndex.otherCiting[sourceID] ?? []
        return out
    }
}

extension Dataset {
    /// Full years that have figures by HS section, ascending.
    public var sectionYears: [Int] {
        index.sectionsByYear.keys.sorted()
    }

    /// The HS sections of one direction in a full year, largest first: one observation per section,
    /// chosen as for totals (`PreferredValue`), without the growth reasoning.
    public func sections(_ direction: Direction, year: Int) -> [TradeObservation] {
        var bySection = [Int: [Int]]()
        for i in index.sectionsByYear[year] ?? [] where direction.matches(trade[i]) {
            bySection[trade[i].hsSection!, default: []].append(i)
        }
        return bySection.values.compactMap { list in
            choosePreferred(list, direction: nil, period: Period(year: year), useGrowth: false).map { trade[$0] }
        }.sorted { ($0.usd ?? 0, -($0.hsSection ?? 0)) > ($1.usd ?? 0, -($1.hsSection ?? 0)) }
    }
}
