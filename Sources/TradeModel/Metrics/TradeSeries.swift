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
        trade.filter { $0.hsSection == nil && $0.period == period && direction.matches($0) }
    }

    /// The observation the dashboard computes with for a full year: one with a value, stated before
    /// derived, exact before approximate, the newer source first, then file order. Partial years never count.
    public func preferred(_ direction: Direction, year: Int) -> TradeObservation? {
        preferred(direction, period: Period(year: year))
    }

    /// The same choice for any period, partial ones included (for showing a period, not for metrics).
    public func preferred(_ direction: Direction, period: Period) -> TradeObservation? {
        let candidates = observations(direction, period: period).filter { $0.usd != nil }
        return candidates.enumerated().min { a, b in rank(a.element, a.offset) < rank(b.element, b.offset) }?.element
    }

    func rank(_ o: TradeObservation, _ index: Int) -> (Int, Int, Int, Int) {
        let q: Int
        switch o.qualifier {
        case .exact: q = 0
        case .about: q = 1
        default: q = 2
        }
        // Newer sources first: negate a sortable date.
        let d = source(o.source)?.date.map { -($0.year * 10_000 + ($0.month ?? 0) * 100 + ($0.day ?? 0)) } ?? 0
        return (o.kind == .stated ? 0 : 1, q, d, index)
    }

    /// Years with a full-year value for the direction, ascending.
    public func fullYears(_ direction: Direction) -> [Int] {
        Set(trade.filter { $0.hsSection == nil && $0.period.isFullYear && $0.usd != nil && direction.matches($0) }.map(\.period.year)).sorted()
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
    /// disagree: values by more than 1 % of the larger, growth rates by more than one percentage point.
    public var conflicts: [Conflict] {
        var groups = [SeriesKey: [TradeObservation]]()
        var order = [SeriesKey]()
        for o in trade where o.kind == .stated {
            if groups[o.seriesKey] == nil { order.append(o.seriesKey) }
            groups[o.seriesKey, default: []].append(o)
        }
        var out = [Conflict]()
        for key in order {
            let list = groups[key]!
            for i in 0..<list.count {
                for j in (i + 1)..<list.count where list[i].source != list[j].source {
                    let a = list[i], b = list[j]
                    if let x = a.usd, let y = b.usd, max(x, y) > 0 {
                        let diff = abs(x - y) / max(x, y)
                        if diff > Dataset.conflictTolerance && !bound(a, allows: y) && !bound(b, allows: x) {
                            out.append(Conflict(kind: .value, key: key, first: a, second: b, difference: diff))
                        }
                    }
                    if let g = a.growth, let h = b.growth, abs(g - h) > Dataset.conflictTolerance {
                        out.append(Conflict(kind: .growth, key: key, first: a, second: b, difference: abs(g - h)))
                    }
                }
            }
        }
        return out
    }

    /// "Over 555 M" does not conflict with 560 M; "under 125 M" does not conflict with 110 M.
    private func bound(_ o: TradeObservation, allows other: Double) -> Bool {
        guard let v = o.usd else { return false }
        switch o.qualifier {
        case .over: return other >= v
        case .under, .upTo: return other <= v
        default: return false
        }
    }

    /// Other whole-goods observations of the same period and direction (any kind, any source) whose
    /// values cannot both be true with `o`'s: more than 1 % apart, and not allowed by a bound.
    /// Two derivations that contradict each other are shown this way, not only stated conflicts.
    public func disagreements(with o: TradeObservation, direction: Direction) -> [TradeObservation] {
        guard let x = o.usd else { return [] }
        return observations(direction, period: o.period).filter { other in
            guard other != o, let y = other.usd, max(x, y) > 0 else { return false }
            return abs(x - y) / max(x, y) > Dataset.conflictTolerance && !bound(o, allows: y) && !bound(other, allows: x)
        }
    }

    /// Everything in the dataset that cites a source: "trade[3]", "deals[qazaqgaz-turkmengaz-2022]"...
    public func citations(of sourceID: String) -> [String] {
        var out = [String]()
        for o in trade where o.source == sourceID {
            out.append("trade \(o.period.label) \(o.flow == .turnover ? "turnover" : "\(o.from ?? "?")→\(o.to ?? "?") \(o.flow.rawValue)")")
        }
        for t in targets where t.sources.contains(sourceID) { out.append("target \(t.title)") }
        for d in deals where d.sources.contains(sourceID) || d.milestones.contains(where: { $0.source == sourceID })
            || d.volumes.contains(where: { $0.source == sourceID }) { out.append("deal \(d.title)") }
        for p in projects where p.sources.contains(sourceID) || p.milestones.contains(where: { $0.source == sourceID })
            || p.capacity.contains(where: { $0.source == sourceID }) || p.length?.source == sourceID { out.append("project \(p.title)") }
        for e in events where e.sources.contains(sourceID) { out.append("event \(e.date.iso) \(e.title)") }
        for x in exportPotential where x.source == sourceID { out.append("export potential: \(x.description)") }
        if relationship.diplomaticRelationsSince?.source == sourceID { out.append("diplomatic relations since \(relationship.diplomaticRelationsSince!.year)") }
        for n in relationship.notes where n.source == sourceID { out.append("note: \(n.text)") }
        return out
    }
}

extension Dataset {
    /// Full years that have figures by HS section, ascending.
    public var sectionYears: [Int] {
        Set(trade.filter { $0.hsSection != nil && $0.period.isFullYear && $0.usd != nil }.map(\.period.year)).sorted()
    }

    /// The HS sections of one direction in a full year, largest first: one observation per section,
    /// chosen as for totals (stated before derived, exact before approximate, newest source first).
    public func sections(_ direction: Direction, year: Int) -> [TradeObservation] {
        var bySection = [Int: [(Int, TradeObservation)]]()
        for (i, o) in trade.enumerated() where o.hsSection != nil && o.period == Period(year: year) && o.usd != nil && direction.matches(o) {
            bySection[o.hsSection!, default: []].append((i, o))
        }
        return bySection.values.compactMap { list in
            list.min { rank($0.1, $0.0) < rank($1.1, $1.0) }?.1
        }.sorted { ($0.usd ?? 0, -($0.hsSection ?? 0)) > ($1.usd ?? 0, -($1.hsSection ?? 0)) }
    }
}
