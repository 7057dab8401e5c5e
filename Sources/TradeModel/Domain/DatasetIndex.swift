#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lookups the screens, metrics and `validate` make over and over, built in one pass over the
/// dataset the first time one is needed (O(n) time and memory), so that nothing scans the whole
/// dataset per row, per period or per source. A `Dataset` builds its index lazily and drops it
/// whenever one of its collections changes, so the answers are always those of a scan.
final class DatasetIndex: Sendable {
    /// The first source, place, deal, project and target with each id (lookups by id find the first, as a scan did).
    let sourceByID: [String: Int]
    let placeByID: [String: Int]
    /// Whole-goods observations (no HS section) of each direction, by period, as positions in `trade` in file order.
    let wholeGoods: [Direction: [Period: [Int]]]
    /// Every observation of a period (HS sections too), positions in file order.
    let byPeriod: [Period: [Int]]
    /// Periods that have whole-goods observations, ascending.
    let wholeGoodsPeriods: [Period]
    /// Full years with a whole-goods value, by direction, ascending.
    let fullYears: [Direction: [Int]]
    /// Full-year HS-section observations with a value, by year, positions in file order.
    let sectionsByYear: [Int: [Int]]
    /// Stated observations grouped by what they measure, groups in the order their first member appears.
    let statedGroups: [(key: SeriesKey, members: [Int])]
    /// Positions in `statedGroups` of the groups of each period.
    let statedGroupsByPeriod: [Period: [Int]]
    /// The trade observations citing each source, and (after them) everything else that cites it, described.
    let tradeCiting: [String: [Int]]
    let otherCiting: [String: [String]]

    init(_ d: Dataset) {
        var sourceByID = [String: Int](minimumCapacity: d.sources.count)
        for (i, s) in d.sources.enumerated() where sourceByID[s.id] == nil { sourceByID[s.id] = i }
        var placeByID = [String: Int](minimumCapacity: d.places.count)
        for (i, p) in d.places.enumerated() where placeByID[p.id] == nil { placeByID[p.id] = i }

        var wholeGoods = [Direction: [Period: [Int]]]()
        var byPeriod = [Period: [Int]]()
        var years = [Direction: Set<Int>]()
        var sectionsByYear = [Int: [Int]]()
        var groupOf = [SeriesKey: Int]()
        var groups = [(key: SeriesKey, members: [Int])]()
        var groupsByPeriod = [Period: [Int]]()
        var tradeCiting = [String: [Int]]()
        for (i, o) in d.trade.enumerated() {
            byPeriod[o.period, default: []].append(i)
            tradeCiting[o.source, default: []].append(i)
            if o.hsSection == nil {
                if let dir = Direction.of(o) {
                    wholeGoods[dir, default: [:]][o.period, default: []].append(i)
                    if o.period.isFullYear, o.usd != nil { years[dir, default: []].insert(o.period.year) }
                }
            } else if o.period.isFullYear, o.usd != nil {
                sectionsByYear[o.period.year, default: []].append(i)
            }
            if o.kind == .stated {
                let key = o.seriesKey
                if let g = groupOf[key] {
                    groups[g].members.append(i)
                } else {
                    groupOf[key] = groups.count
                    groupsByPeriod[key.period, default: []].append(groups.count)
                    groups.append((key, [i]))
                }
            }
        }
        var periods = Set<Period>()
        for (_, byP) in wholeGoods { periods.formUnion(byP.keys) }
        // Observations whose direction is incomplete (no from or to) still make their period a row.
        for o in d.trade where o.hsSection == nil && Direction.of(o) == nil { periods.insert(o.period) }

        var other = [String: [String]]()
        for t in d.targets { for s in Self.unique(t.sources) { other[s, default: []].append("target \(t.title)") } }
        for x in d.deals {
            for s in Self.unique(x.sources + x.milestones.map(\.source) + x.volumes.compactMap(\.source)) { other[s, default: []].append("deal \(x.title)") }
        }
        for p in d.projects {
            let cited = p.sources + p.milestones.map(\.source) + p.capacity.compactMap(\.source) + (p.length?.source.map { [$0] } ?? [])
            for s in Self.unique(cited) { other[s, default: []].append("project \(p.title)") }
        }
        for e in d.events { for s in Self.unique(e.sources) { other[s, default: []].append("event \(e.date.iso) \(e.title)") } }
        for x in d.exportPotential { other[x.source, default: []].append("export potential: \(x.description)") }
        if let since = d.relationship.diplomaticRelationsSince { other[since.source, default: []].append("diplomatic relations since \(since.year)") }
        for n in d.relationship.notes { other[n.source, default: []].append("note: \(n.text)") }

        self.sourceByID = sourceByID
        self.placeByID = placeByID
        self.wholeGoods = wholeGoods
        self.byPeriod = byPeriod
        self.wholeGoodsPeriods = periods.sorted()
        self.fullYears = years.mapValues { $0.sorted() }
        self.sectionsByYear = sectionsByYear
        self.statedGroups = groups
        self.statedGroupsByPeriod = groupsByPeriod
        self.tradeCiting = tradeCiting
        self.otherCiting = other
    }

    /// Each id once, in first-seen order (an item citing a source twice is one citation).
    private static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}

extension Direction {
    /// The one direction an observation measures; nil when exports or imports lack a country.
    public static func of(_ o: TradeObservation) -> Direction? {
        if o.flow == .turnover { return .turnover }
        guard let f = o.from, let t = o.to else { return nil }
        return .goods(from: f, to: t)
    }
}

/// Holds a dataset's index: built on first use, under a lock so that two threads reading the same
/// dataset build it once. Every box equals every other, so the index never changes what a dataset
/// is equal to or how it hashes.
final class IndexBox: Hashable, @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var built: DatasetIndex?

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func index(_ d: Dataset) -> DatasetIndex {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let built { return built }
        let made = DatasetIndex(d)
        built = made
        return made
    }

    static func == (a: IndexBox, b: IndexBox) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
