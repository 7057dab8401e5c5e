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
    /// The first source and place with each id (lookups by id find the first, as a scan did).
    let sourceByID: [String: Int]
    let placeByID: [String: Int]
    /// Periods that have whole-goods observations, ascending.
    let wholeGoodsPeriods: [Period]
    /// Full-year HS-section observations with a value, by year, positions in file order.
    let sectionsByYear: [Int: [Int]]

    // Keyed by small integers rather than by the periods and country codes themselves: hashing two
    // Ints costs a fraction of hashing a `Period` and two strings, and this is done per observation.
    /// Codes of the (from, to) pairs: 0 for none, 1 and 2 for the dataset's pair either way, then others.
    private let pairCodes: [PairKey: Int]
    private let home: String?, partner: String?
    /// Whole-goods observations by direction code (0 = turnover, else the pair code) and period code.
    private let wholeGoods: [CodeKey: [Int]]
    private let byPeriod: [Int: [Int]]
    private let fullYearsByDirection: [Int: [Int]]
    private let unusualPeriods: [Period: Int]

    init(_ d: Dataset) {
        var sourceByID = [String: Int](minimumCapacity: d.sources.count)
        for (i, s) in d.sources.enumerated() where sourceByID[s.id] == nil { sourceByID[s.id] = i }
        var placeByID = [String: Int](minimumCapacity: d.places.count)
        for (i, p) in d.places.enumerated() where placeByID[p.id] == nil { placeByID[p.id] = i }
        let home = d.countries.first?.code, partner = d.countries.dropFirst().first?.code
        self.home = home
        self.partner = partner

        var pairCodes = [PairKey: Int]()
        func pairCode(_ from: String?, _ to: String?) -> Int {
            if let from, let to {
                if from == home && to == partner { return 1 }
                if from == partner && to == home { return 2 }
            } else if from == nil && to == nil {
                return 0
            }
            let key = PairKey(from: from, to: to)
            if let c = pairCodes[key] { return c }
            let c = 3 + pairCodes.count
            pairCodes[key] = c
            return c
        }

        var unusual = [Period: Int]()
        func periodCode(_ p: Period) -> Int {
            if let c = Self.packed(p) { return c }
            if let c = unusual[p] { return c }
            let c = Int.min + unusual.count
            unusual[p] = c
            return c
        }
        var wholeGoods = [CodeKey: [Int]]()
        var byPeriod = [Int: [Int]]()
        var periods = [Period]()
        var wholeGoodsPeriodCodes = Set<Int>()
        var years = [Int: Set<Int>]()
        var sectionsByYear = [Int: [Int]]()
        for (i, o) in d.trade.enumerated() {
            let period = periodCode(o.period)
            if byPeriod[period] == nil { periods.append(o.period) }
            byPeriod[period, default: []].append(i)
            let pair = pairCode(o.from, o.to)
            if o.hsSection == nil {
                wholeGoodsPeriodCodes.insert(period)
                // Exports and imports have a direction only when both countries are given.
                let direction = o.flow == .turnover ? 0 : (o.from != nil && o.to != nil ? pair : nil)
                if let direction {
                    wholeGoods[CodeKey(direction, period), default: []].append(i)
                    if o.period.isFullYear, o.usd != nil { years[direction, default: []].insert(o.period.year) }
                }
            } else if o.period.isFullYear, o.usd != nil {
                sectionsByYear[o.period.year, default: []].append(i)
            }
        }

        self.sourceByID = sourceByID
        self.placeByID = placeByID
        self.pairCodes = pairCodes
        self.wholeGoods = wholeGoods
        self.byPeriod = byPeriod
        self.wholeGoodsPeriods = periods.filter { wholeGoodsPeriodCodes.contains(periodCode($0)) }.sorted()
        self.unusualPeriods = unusual
        self.fullYearsByDirection = years.mapValues { $0.sorted() }
        self.sectionsByYear = sectionsByYear
    }

    /// Positions of a direction's whole-goods observations in a period, in file order.
    func wholeGoods(_ direction: Direction, _ period: Period) -> [Int] {
        guard let p = code(period), let d = directionCode(direction) else { return [] }
        return wholeGoods[CodeKey(d, p)] ?? []
    }

    /// Positions of every observation of a period, in file order.
    func observations(in period: Period) -> [Int] { code(period).flatMap { byPeriod[$0] } ?? [] }

    /// Full years with a whole-goods value of a direction, ascending.
    func fullYears(_ direction: Direction) -> [Int] { directionCode(direction).flatMap { fullYearsByDirection[$0] } ?? [] }

    /// The code of a (from, to) pair seen in the data (nil for one never seen).
    func pairCode(_ from: String?, _ to: String?) -> Int? {
        if let from, let to {
            if from == home && to == partner { return 1 }
            if from == partner && to == home { return 2 }
        } else if from == nil && to == nil {
            return 0
        }
        return pairCodes[PairKey(from: from, to: to)]
    }

    private func directionCode(_ direction: Direction) -> Int? {
        switch direction {
        case .turnover: return 0
        case .goods(let f, let t):
            if f == home && t == partner { return 1 }
            if f == partner && t == home { return 2 }
            return pairCodes[PairKey(from: f, to: t)]
        }
    }

    /// A period as one integer: the year, and the months' first and last (0 for the full year).
    /// Months outside 1–12 (which no valid file has, but `Period` allows) cannot be packed that way;
    /// such periods get codes of their own, below every packed one, from `unusualPeriods`.
    func code(_ p: Period) -> Int? {
        if let c = Self.packed(p) { return c }
        return unusualPeriods[p]
    }

    static func packed(_ p: Period) -> Int? {
        guard p.year > Int.min / 512, p.year < Int.max / 512 else { return nil }
        guard let m = p.months else { return p.year &* 256 }
        guard m.lowerBound >= 1, m.upperBound <= 12 else { return nil }
        return p.year &* 256 &+ m.lowerBound &* 16 &+ m.upperBound
    }

    private struct PairKey: Hashable, Sendable {
        var from: String?
        var to: String?
    }

    private struct CodeKey: Hashable, Sendable {
        var a: Int, b: Int
        init(_ a: Int, _ b: Int) { self.a = a; self.b = b }
    }
}

/// Stated observations grouped by what they measure (for conflicts), built only when conflicts are asked for.
final class SeriesIndex: Sendable {
    /// Groups in the order their first member appears; members are positions in `trade`, in file order.
    let statedGroups: [(key: SeriesKey, members: [Int])]
    private let statedGroupsByPeriod: [Int: [Int]]
    private let core: DatasetIndex

    init(_ d: Dataset, _ core: DatasetIndex) {
        var groupOf = [SeriesCode: Int]()
        var groups = [(key: SeriesKey, members: [Int])]()
        var groupsByPeriod = [Int: [Int]]()
        for (i, o) in d.trade.enumerated() where o.kind == .stated {
            let period = core.code(o.period) ?? Int.max
            let key = SeriesCode(period: period, flow: o.flow, pair: core.pairCode(o.from, o.to) ?? -1, section: o.hsSection)
            if let g = groupOf[key] {
                groups[g].members.append(i)
            } else {
                groupOf[key] = groups.count
                groupsByPeriod[period, default: []].append(groups.count)
                groups.append((o.seriesKey, [i]))
            }
        }
        statedGroups = groups
        statedGroupsByPeriod = groupsByPeriod
        self.core = core
    }

    /// Positions in `statedGroups` of the series of a period.
    func statedGroups(in period: Period) -> [Int] { core.code(period).flatMap { statedGroupsByPeriod[$0] } ?? [] }

    /// A `SeriesKey` in integers: period code, flow, pair code, HS section.
    private struct SeriesCode: Hashable, Sendable {
        var period: Int
        var flow: Flow
        var pair: Int
        var section: Int?
    }
}

/// What cites each source, built only when citations are asked for (the Sources screen).
final class CitationIndex: Sendable {
    /// The trade observations citing each source (positions), and everything else that cites it, described.
    let tradeCiting: [String: [Int]]
    let otherCiting: [String: [String]]

    init(_ d: Dataset) {
        var tradeCiting = [String: [Int]]()
        for (i, o) in d.trade.enumerated() { tradeCiting[o.source, default: []].append(i) }
        var other = [String: [String]]()
        for t in d.targets { for s in t.citedSources { other[s, default: []].append("target \(t.title)") } }
        for x in d.deals {
            for s in Self.unique(x.sources + x.milestones.map(\.source) + x.volumes.compactMap(\.source)) { other[s, default: []].append("deal \(x.title)") }
        }
        for p in d.projects {
            let cited = p.sources + p.milestones.map(\.source) + p.capacity.compactMap(\.source) + (p.length?.source.map { [$0] } ?? [])
            for s in Self.unique(cited) { other[s, default: []].append("project \(p.title)") }
        }
        for e in d.events { for s in Self.unique(e.sources) { other[s, default: []].append("event \(e.date.iso) \(e.title)") } }
        for x in d.exportPotential { other[x.source, default: []].append("export potential: \(x.description)") }
        for c in d.composition {
            let way = c.from.map { "\($0)→\(c.to ?? "")" } ?? "both directions"
            other[c.source, default: []].append("goods \(c.period.label) \(way): \(c.goods.prefix(3).map(\.name).joined(separator: ", "))\(c.goods.count > 3 ? "…" : "")")
        }
        for i in d.indicators {
            for s in Self.unique(i.values.map(\.source)) {
                let periods = i.values.filter { $0.source == s }.map(\.period.label)
                other[s, default: []].append("\(i.label ?? i.title) \(Self.unique(periods).joined(separator: ", "))")
            }
        }
        if let since = d.relationship.diplomaticRelationsSince { other[since.source, default: []].append("diplomatic relations since \(since.year)") }
        for n in d.relationship.notes { other[n.source, default: []].append("note: \(n.text)") }

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
    /// Allocated, so that its address never moves (a stored `pthread_mutex_t` passed with `&` has no such promise).
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var core: DatasetIndex?
    private var series: SeriesIndex?
    private var citations: CitationIndex?
    /// The preferred figure of each (direction, period) asked for so far; -1 for none.
    private var preferredCache = [PreferredKey: Int]()
    /// The current-year estimate of each direction asked for so far (`.some(nil)`: none).
    private var estimateCache = [Direction: CurrentYearEstimate?]()
    /// The arithmetic warnings are computed from the dataset's own lookups (which take `mutex`), so
    /// they are built under a lock of their own, always taken before `mutex`, never after.
    private let arithmeticMutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var arithmetic: ArithmeticIndex?

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_mutex_init(arithmeticMutex, nil)
    }
    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        pthread_mutex_destroy(arithmeticMutex)
        arithmeticMutex.deallocate()
    }

    func arithmeticIndex(_ d: Dataset) -> ArithmeticIndex {
        IndexBox.once(&arithmetic, under: arithmeticMutex) { ArithmeticIndex(d) }
    }

    func index(_ d: Dataset) -> DatasetIndex {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return coreLocked(d)
    }

    func seriesIndex(_ d: Dataset) -> SeriesIndex {
        IndexBox.once(&series, under: mutex) { SeriesIndex(d, coreLocked(d)) }
    }

    func citationIndex(_ d: Dataset) -> CitationIndex {
        IndexBox.once(&citations, under: mutex) { CitationIndex(d) }
    }

    /// The value in `slot`, made by `make` (under `lock`) the first time.
    private static func once<T>(_ slot: inout T?, under lock: UnsafeMutablePointer<pthread_mutex_t>, _ make: () -> T) -> T {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let made = slot { return made }
        let made = make()
        slot = made
        return made
    }

    /// The cached choice, or `choose()` run (outside the lock: it reads the index, which locks) and kept.
    func preferred(_ direction: Direction, _ period: Period, _ choose: () -> Int?) -> Int? {
        let key = PreferredKey(direction: direction, period: period)
        pthread_mutex_lock(mutex)
        let known = preferredCache[key]
        pthread_mutex_unlock(mutex)
        if let known { return known < 0 ? nil : known }
        let made = choose()
        pthread_mutex_lock(mutex)
        preferredCache[key] = made ?? -1
        pthread_mutex_unlock(mutex)
        return made
    }

    /// The cached estimate, or `make()` run (outside the lock, as for `preferred`) and kept.
    func estimate(_ direction: Direction, _ make: () -> CurrentYearEstimate?) -> CurrentYearEstimate? {
        pthread_mutex_lock(mutex)
        let known = estimateCache[direction]
        pthread_mutex_unlock(mutex)
        if let known { return known }
        let made = make()
        pthread_mutex_lock(mutex)
        estimateCache[direction] = .some(made)
        pthread_mutex_unlock(mutex)
        return made
    }

    private func coreLocked(_ d: Dataset) -> DatasetIndex {
        if let core { return core }
        let made = DatasetIndex(d)
        core = made
        return made
    }

    static func == (a: IndexBox, b: IndexBox) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

struct PreferredKey: Hashable {
    var direction: Direction
    var period: Period
}
