/// Where a target stands, from the latest evidence: what the Target screen shows.
///
/// The share and the remaining amount come from the latest full year. The outlook (the growth still
/// needed, the years the target is reached at each pace) starts from the current year's estimate
/// when the data has partial figures for a year after the latest full one (`CurrentYearEstimate`),
/// else from the latest full year: `baseYear`, `baseValue`, `baseBound`.
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
    /// The dataset's as-of year: years before it are past.
    public var currentYear: Int
    /// The estimate for the year after the latest full year, from its partial figures.
    public var estimate: CurrentYearEstimate?
    /// Annual growth needed from `baseYear` to reach the target by `deadline`; nil when no year is left.
    public var requiredGrowth: Double?
    /// Growth of the latest full year over the one before; nil when the year before is unknown.
    public var lastGrowth: Double?
    /// The years over which `recentCAGR` is computed.
    public var recentRange: ClosedRange<Int>?
    /// The compound annual growth over up to the last three full years.
    public var recentCAGR: Double?
    /// The year the target is reached at `recentCAGR`, `lastGrowth`, from the base; nil when it is not.
    public var yearReachedAtRecent: Int?
    public var yearReachedAtLast: Int?

    /// How exact the latest full-year value is ("over 555 M": at least), and so the share.
    public var currentBound: Bound = .exact
    public var shareBound: Bound { currentBound }
    /// Once even the lower bound of the latest full year is at the target, nothing remains, exactly.
    public var alreadyReached: Bool { (current ?? 0) >= target.usd && currentBound != .atMost && currentBound != .approximate }
    public var remainingBound: Bound { alreadyReached ? .exact : currentBound.flipped }

    /// The year the outlook starts from: the estimated current year, else the latest full year.
    public var baseYear: Int? { estimate?.year ?? year }
    public var baseValue: Double? { estimate?.value ?? current }
    public var baseBound: Bound { estimate?.bound ?? currentBound }
    public var baseIsEstimate: Bool { estimate != nil }
    /// More value now means less growth needed.
    public var requiredBound: Bound { alreadyReached ? .exact : baseBound.flipped }

    /// The base (the estimate, or the latest full year) is already at the target: no pace is needed.
    public var baseReaches: Bool { alreadyReached || (baseValue ?? 0) >= target.usd && baseBound != .atMost && baseBound != .approximate && baseBound != .unknown }

    /// The deadline is before the current year.
    public var deadlinePassed: Bool { deadline < currentYear }

    /// Whether a deadline that is not after the base year was met, as far as the bounds say (from the
    /// deadline year's full-year value, or the estimate when the deadline is the estimated year).
    public var deadlineOutcome: Reach {
        if alreadyReached, let y = year, y <= deadline { return .year(y, .exact) }
        let value: Double?, bound: Bound
        if let e = estimate, e.year == deadline { value = e.value; bound = e.bound }
        else if deadline == year { value = current; bound = currentBound }
        else { value = deadlineYearValue; bound = deadlineYearBound }
        guard let v = value, bound != .unknown else { return .unknown }
        // The values the figure allows: all of them at or above the target, reached; all below, missed.
        let r: ValueRange
        switch bound {
        case .atLeast: r = ValueRange(v, .infinity)
        case .atMost: r = ValueRange(-.infinity, v)
        case .approximate: r = ValueRange(v, .about)
        default: r = ValueRange(v, .exact)
        }
        if r.lower >= target.usd { return .year(deadline, .exact) }
        return r.upper < target.usd ? .never : .unknown
    }
    /// The full-year value of the deadline year itself, when the data has it.
    public var deadlineYearValue: Double?
    public var deadlineYearBound: Bound = .unknown

    public var lastGrowthBound: Bound = .exact
    public var recentBound: Bound = .exact

    /// When the target is reached at the recent pace (from the base), as far as the bounds allow.
    public var reachAtRecent: Reach {
        if alreadyReached, let y = year { return .year(y, .exact) }
        guard let c = recentCAGR else { return .unknown }
        return neverAt(c, recentBound) ?? Reach(yearReachedAtRecent, bound: .combine(decreasing: [baseBound, recentBound]), rate: c)
    }
    public var reachAtLast: Reach {
        if alreadyReached, let y = year { return .year(y, .exact) }
        guard let g = lastGrowth else { return .unknown }
        return neverAt(g, lastGrowthBound) ?? Reach(yearReachedAtLast, bound: .combine(decreasing: [baseBound, lastGrowthBound]), rate: g)
    }
    /// When it is reached at the year-to-date growth of the estimated year, from the estimate.
    public var reachAtYearToDate: Reach {
        if alreadyReached, let y = year { return .year(y, .exact) }
        guard let e = estimate, let g = e.yearToDateGrowth else { return .unknown }
        if let never = neverAt(g, e.yearToDateGrowthBound) { return never }
        let y = Metrics.yearReached(current: e.value, fromYear: e.year, target: target.usd, rate: g)
        return Reach(y, bound: .combine(decreasing: [e.bound, e.yearToDateGrowthBound]), rate: g)
    }
    /// A rate certainly at or below zero (exact, or at most a non-positive figure) never reaches a
    /// target not yet reached, as `reach(atRate:)` says; a lower bound below zero may be growth.
    func neverAt(_ rate: Double, _ bound: Bound) -> Reach? {
        guard rate <= 0, bound == .exact || bound == .atMost, let v = baseValue, v < target.usd else { return nil }
        return .never
    }
    /// When it is reached at a fixed rate from the base (only the value is uncertain). A rate of zero
    /// or less never reaches a target not yet reached, whatever bound the value has: the bound says
    /// how far above a figure the value may be, not that it may already be at the target.
    public func reach(atRate rate: Double) -> Reach {
        guard let base = baseYear, let v = baseValue else { return .unknown }
        if alreadyReached, let y = year { return .year(y, .exact) }
        if rate <= 0 && v < target.usd { return .never }
        return Reach(Metrics.yearReached(current: v, fromYear: base, target: target.usd, rate: rate), bound: .combine(decreasing: [baseBound]))
    }

    /// How many years back "recent" reaches.
    public static let recentYears = 3

    public init(target: Target, dataset d: Dataset, deadline: Int? = nil) {
        self.target = target
        let direction: Direction = .turnover
        let latest = d.fullYears(direction).last
        self.year = latest
        self.currentYear = d.asOf.year
        self.deadline = deadline ?? target.deadline ?? ((latest ?? d.asOf.year) + 5)
        self.estimate = d.currentYearEstimate(direction)
        if let v = d.preferred(direction, year: self.deadline), let x = v.usd {
            deadlineYearValue = x
            deadlineYearBound = Bound(v.qualifier)
        }
        guard let latest, let obs = d.preferred(direction, year: latest), let value = obs.usd else {
            // No full year at all, but an estimate from partial figures: the outlook still starts
            // from it (the share and the remaining amount, which need a full year, stay unknown).
            if let e = estimate, self.deadline > e.year {
                requiredGrowth = Metrics.requiredGrowth(current: e.value, fromYear: e.year, target: target.usd, byYear: self.deadline)
            }
            return
        }
        self.observation = obs
        self.currentBound = Bound(obs.qualifier)
        if let p = Metrics.progress(current: value, target: target.usd) {
            share = p.share
            remaining = p.remaining
        }
        let baseYear = self.baseYear ?? latest, baseValue = self.baseValue ?? value
        if self.deadline > baseYear || baseValue >= target.usd {
            requiredGrowth = Metrics.requiredGrowth(current: baseValue, fromYear: baseYear, target: target.usd, byYear: self.deadline)
        }
        // Last year's growth as the Trade screen shows it: the source's own rate when it states one
        // that the two values allow, else the one computed from the values.
        if obs.kind == .stated, let g = obs.growth, d.growthFromValues(direction, period: Period(year: latest)).map({ $0.allows(g) }) ?? true {
            lastGrowth = g
            lastGrowthBound = .exact
        } else {
            lastGrowth = d.computedGrowth(direction, year: latest)
            lastGrowthBound = d.growthBound(direction, year: latest)
        }
        if let g = lastGrowth {
            yearReachedAtLast = Metrics.yearReached(current: baseValue, fromYear: baseYear, target: target.usd, rate: g)
        }
        // The earliest full year within the recent window that has a value.
        let earlier = d.fullYears(direction).filter { $0 < latest && $0 >= latest - TargetProgress.recentYears }
        if let start = earlier.first, let c = d.cagr(direction, from: start, to: latest) {
            recentRange = start...latest
            recentCAGR = c
            recentBound = d.cagrBound(direction, from: start, to: latest)
            yearReachedAtRecent = Metrics.yearReached(current: baseValue, fromYear: baseYear, target: target.usd, rate: c)
        }
    }

    /// The value in the latest full year.
    public var current: Double? { observation?.usd }

    /// Projected value in `year` at `rate`, from the base.
    public func projected(rate: Double, in y: Int) -> Double? {
        guard let base = baseYear, let v = baseValue, y >= base else { return nil }
        return Metrics.project(v, rate: rate, years: y - base)
    }
}
