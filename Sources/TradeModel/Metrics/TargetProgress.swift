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

    /// How exact the latest value is ("over 555 M": at least), and so everything computed from it.
    public var currentBound: Bound = .exact
    public var shareBound: Bound { currentBound }
    /// Once even the lower bound is at the target, nothing remains, exactly.
    public var alreadyReached: Bool { (current ?? 0) >= target.usd && currentBound != .atMost && currentBound != .approximate }
    public var remainingBound: Bound { alreadyReached ? .exact : currentBound.flipped }
    /// More value now means less growth needed.
    public var requiredBound: Bound { alreadyReached ? .exact : currentBound.flipped }

    /// Whether a deadline that is not after the latest full year was met, as far as the bound says.
    public var deadlineOutcome: Reach {
        guard let s = share else { return .unknown }
        if s >= 1 { return currentBound == .atMost || currentBound == .approximate ? .unknown : .year(deadline, .exact) }
        return currentBound == .atLeast || currentBound == .approximate ? .unknown : .never
    }
    public var lastGrowthBound: Bound = .exact
    public var recentBound: Bound = .exact
    /// When the target is reached at the recent pace, as far as the bounds allow saying it.
    public var reachAtRecent: Reach {
        if alreadyReached, let y = year { return .year(y, .exact) }
        return recentCAGR == nil ? .unknown : Reach(yearReachedAtRecent, bound: .combine(decreasing: [currentBound, recentBound]), rate: recentCAGR)
    }
    public var reachAtLast: Reach {
        if alreadyReached, let y = year { return .year(y, .exact) }
        return lastGrowth == nil ? .unknown : Reach(yearReachedAtLast, bound: .combine(decreasing: [currentBound, lastGrowthBound]), rate: lastGrowth)
    }
    /// When it is reached at a fixed rate (only the value is uncertain).
    public func reach(atRate rate: Double) -> Reach {
        guard let base = year, let v = current else { return .unknown }
        if alreadyReached { return .year(base, .exact) }
        return Reach(Metrics.yearReached(current: v, fromYear: base, target: target.usd, rate: rate), bound: .combine(decreasing: [currentBound]))
    }

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
        self.currentBound = Bound(obs.qualifier)
        if let p = Metrics.progress(current: value, target: target.usd) {
            share = p.share
            remaining = p.remaining
        }
        requiredGrowth = Metrics.requiredGrowth(current: value, fromYear: latest, target: target.usd, byYear: self.deadline)
        lastGrowth = d.computedGrowth(direction, year: latest)
        lastGrowthBound = d.growthBound(direction, year: latest)
        if let g = lastGrowth {
            yearReachedAtLast = Metrics.yearReached(current: value, fromYear: latest, target: target.usd, rate: g)
        }
        // The earliest full year within the recent window that has a value.
        let earlier = d.fullYears(direction).filter { $0 < latest && $0 >= latest - TargetProgress.recentYears }
        if let start = earlier.first, let c = d.cagr(direction, from: start, to: latest) {
            recentRange = start...latest
            recentCAGR = c
            recentBound = d.cagrBound(direction, from: start, to: latest)
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
