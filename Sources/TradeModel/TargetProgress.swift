/// Where a target stands, computed from the latest full year: what the Target screen shows.
public struct TargetProgress: Hashable, Sendable {
    public var target: Target
    /// The latest full year with a value of the target's metric; nil when the data has none.
    public var year: Int?
    /// The observation used for that year.
    public var observation: TradeObservation?
    public var share: Double?
    public var remaining: Double?
    /// The deadline the computation uses (the target's, or the one chosen on screen).
    public var deadline: Int
    /// Annual growth needed from `year` to reach the target by `deadline`; nil when no year is left.
    public var requiredGrowth: Double?
    /// Growth of the latest full year over the one before; nil when the year before is unknown.
    public var lastGrowth: Double?
    /// The years over which `recentCAGR` is computed.
    public var recentRange: ClosedRange<Int>?
    /// The compound annual growth over up to the last three full years: "the recent growth rate".
    public var recentCAGR: Double?
    /// The year the target is reached at `recentCAGR`; nil when it is not (no growth) or is unknown.
    public var yearReachedAtRecent: Int?
    /// The year the target is reached at `lastGrowth`.
    public var yearReachedAtLast: Int?

    /// How many years back "recent" reaches.
    public static let recentYears = 3

    public init(target: Target, dataset d: Dataset, deadline: Int? = nil) {
        self.target = target
        let direction: Direction = .turnover
        let latest = d.fullYears(direction).last
        self.year = latest
        self.deadline = deadline ?? target.deadline ?? ((latest ?? d.asOf.year) + 5)
        guard let latest, let obs = d.preferred(direction, year: latest), let value = obs.usd else { return }
        self.observation = obs
        if let p = Metrics.progress(current: value, target: target.usd) {
            share = p.share
            remaining = p.remaining
        }
        requiredGrowth = Metrics.requiredGrowth(current: value, fromYear: latest, target: target.usd, byYear: self.deadline)
        lastGrowth = d.computedGrowth(direction, year: latest)
        if let g = lastGrowth {
            yearReachedAtLast = Metrics.yearReached(current: value, fromYear: latest, target: target.usd, rate: g)
        }
        // The earliest full year within the recent window that has a value.
        let earlier = d.fullYears(direction).filter { $0 < latest && $0 >= latest - TargetProgress.recentYears }
        if let start = earlier.first, let c = d.cagr(direction, from: start, to: latest) {
            recentRange = start...latest
            recentCAGR = c
            yearReachedAtRecent = Metrics.yearReached(current: value, fromYear: latest, target: target.usd, rate: c)
        }
    }

    /// The value in the latest full year.
    public var current: Double? { observation?.usd }

    /// Projected value in `year` at `rate`, from the latest full year.
    public func projected(rate: Double, in y: Int) -> Double? {
        guard let base = year, let v = current, y >= base else { return nil }
        return Metrics.project(v, rate: rate, years: y - base)
    }
}
