/// What the partial figures of a year with no full-year figure say about that year: the growth on
/// the same months a year earlier, and two estimates of the full year. An estimate is never a
/// full-year figure: no metric counts it as one.
public struct CurrentYearEstimate: Hashable, Sendable {
    /// The year estimated.
    public var year: Int
    /// The latest partial period of that year with a value (the preferred figure).
    public var partial: TradeObservation
    /// The same months a year earlier: a figure for them, or the one the partial's stated growth implies.
    public var sameMonthsBefore: Double?
    public var sameMonthsBeforeBound: Bound = .unknown
    /// Whether `sameMonthsBefore` is a figure in the data (true) or implied by the stated growth (false).
    public var sameMonthsBeforeIsStated = false
    /// The source of `sameMonthsBefore` when it is a figure in the data.
    public var sameMonthsBeforeSource: String?
    /// Growth on the same months a year earlier: stated with the partial figure, or computed.
    public var yearToDateGrowth: Double?
    public var yearToDateGrowthBound: Bound = .unknown
    public var yearToDateGrowthIsStated = false
    /// The previous full year, when the data has it.
    public var previousYear: TradeObservation?
    /// The previous full year × (1 + the year-to-date growth).
    public var fromPreviousYear: Double?
    public var fromPreviousYearBound: Bound = .unknown
    /// The partial value × 12 ÷ its months.
    public var scaledByMonths: Double
    public var scaledByMonthsBound: Bound

    /// The estimate the target's outlook uses: from the previous year when the data supports it (it
    /// keeps the year's seasonal shape), else the partial value scaled by its months.
    public var value: Double { fromPreviousYear ?? scaledByMonths }
    public var bound: Bound { fromPreviousYear != nil ? fromPreviousYearBound : scaledByMonthsBound }
    public var usesPreviousYear: Bool { fromPreviousYear != nil }
}

extension Dataset {
    /// The estimate for the latest year that has partial figures but no full-year figure, when it is
    /// after the latest full year of the direction; nil otherwise.
    public func currentYearEstimate(_ direction: Direction = .turnover) -> CurrentYearEstimate? {
        let latestFull = fullYears(direction).last ?? Int.min
        // The latest partial period after every full year, with a value.
        guard let period = wholeGoodsPeriods.last(where: { !$0.isFullYear && $0.year > latestFull && preferredIndex(direction, period: $0) != nil }),
              let months = period.months, let partial = preferred(direction, period: period), let v = partial.usd else { return nil }
        let partialBound = Bound(partial.qualifier)
        let scaled = v * 12 / Double(months.count)
        var e = CurrentYearEstimate(year: period.year, partial: partial, scaledByMonths: scaled, scaledByMonthsBound: partialBound)
        // The same months a year earlier: a figure, or what the stated growth implies.
        let before = Period(year: period.year - 1, months: months)
        if let b = preferred(direction, period: before), let bv = b.usd {
            e.sameMonthsBefore = bv
            e.sameMonthsBeforeBound = Bound(b.qualifier)
            e.sameMonthsBeforeIsStated = b.kind == .stated
            e.sameMonthsBeforeSource = b.source
        } else if let g = partial.growth, 1 + g > 0 {
            e.sameMonthsBefore = v / (1 + g)
            e.sameMonthsBeforeBound = partialBound
        }
        if let g = partial.growth {
            e.yearToDateGrowth = g
            e.yearToDateGrowthBound = .exact
            e.yearToDateGrowthIsStated = true
        } else if let bv = e.sameMonthsBefore, let g = Metrics.growth(from: bv, to: v) {
            e.yearToDateGrowth = g
            e.yearToDateGrowthBound = .combine(increasing: [partialBound], decreasing: [e.sameMonthsBeforeBound])
        }
        if let g = e.yearToDateGrowth, let prev = preferred(direction, year: period.year - 1), let pv = prev.usd {
            e.previousYear = prev
            e.fromPreviousYear = pv * (1 + g)
            e.fromPreviousYearBound = .combine(increasing: [Bound(prev.qualifier), e.yearToDateGrowthBound])
        }
        return e
    }
}
