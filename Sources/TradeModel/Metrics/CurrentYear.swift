/// What the partial figures of a year with no full-year figure say about that year: the growth on
/// the same months a year earlier, and two estimates of the full year. An estimate is never a
/// full-year figure: no metric counts it as one.
public struct CurrentYearEstimate: Hashable, Sendable {
    /// The year estimated.
    public var year: Int
    /// The partial period the estimate is made from: the year to date (from January, the most
    /// months) when the year has one, else its longest partial period. Its value may be unknown when
    /// the source states only a growth.
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
    /// The previous year × (1 + growth) when it came out below the months already traded (the
    /// growth and the previous year cannot both be right): not used, and said so.
    public var rejectedFromPreviousYear: Double?
    /// The partial value × 12 ÷ its months; nil when the partial period has only a growth.
    public var scaledByMonths: Double?
    public var scaledByMonthsBound: Bound = .unknown

    /// The estimate the target's outlook uses: from the previous year when the data supports it (it
    /// keeps the year's seasonal shape), else the partial value scaled by its months. One of the two
    /// always exists.
    public var value: Double { fromPreviousYear ?? scaledByMonths ?? 0 }
    public var bound: Bound { fromPreviousYear != nil ? fromPreviousYearBound : scaledByMonthsBound }
    public var usesPreviousYear: Bool { fromPreviousYear != nil }
}

extension Dataset {
    /// The estimate for the latest year that has partial figures but no full-year figure, when it is
    /// after the latest full year of the direction; nil otherwise.
    /// Made once per dataset and direction: screens ask for it several times a frame.
    public func currentYearEstimate(_ direction: Direction = .turnover) -> CurrentYearEstimate? {
        indexBox.estimate(direction) { makeCurrentYearEstimate(direction) }
    }

    func makeCurrentYearEstimate(_ direction: Direction) -> CurrentYearEstimate? {
        let latestFull = fullYears(direction).last ?? Int.min
        // The latest year after every full year with a partial figure (a value or a growth) ...
        let partials = wholeGoodsPeriods.filter { !$0.isFullYear && $0.year > latestFull }
        guard let year = partials.filter({ partialFigure(direction, $0) != nil }).map(\.year).max() else { return nil }
        // ... and its year to date: from January, the most months; else its longest partial period.
        let ofYear = partials.filter { $0.year == year && partialFigure(direction, $0) != nil }
        guard let period = ofYear.max(by: { ($0.months!.lowerBound == 1 ? 1 : 0, $0.monthCount, -$0.months!.lowerBound) < ($1.months!.lowerBound == 1 ? 1 : 0, $1.monthCount, -$1.months!.lowerBound) }),
              let months = period.months, let partial = partialFigure(direction, period) else { return nil }
        var e = CurrentYearEstimate(year: year, partial: partial)
        let partialBound = Bound(partial.qualifier)
        if let v = partial.usd {
            e.scaledByMonths = v * 12 / Double(months.count)
            e.scaledByMonthsBound = partialBound
        }
        // The same months a year earlier: a figure, or what the stated growth implies.
        let before = Period(year: year - 1, months: months)
        if let b = preferred(direction, period: before), let bv = b.usd {
            e.sameMonthsBefore = bv
            e.sameMonthsBeforeBound = Bound(b.qualifier)
            e.sameMonthsBeforeIsStated = b.kind == .stated
            e.sameMonthsBeforeSource = b.source
        } else if let g = partial.growth, let v = partial.usd, 1 + g > 0 {
            e.sameMonthsBefore = v / (1 + g)
            e.sameMonthsBeforeBound = partialBound
        }
        if let g = partial.growth {
            e.yearToDateGrowth = g
            e.yearToDateGrowthBound = .exact
            e.yearToDateGrowthIsStated = partial.kind == .stated
        } else if let bv = e.sameMonthsBefore, let v = partial.usd, let g = Metrics.growth(from: bv, to: v) {
            e.yearToDateGrowth = g
            e.yearToDateGrowthBound = .combine(increasing: [partialBound], decreasing: [e.sameMonthsBeforeBound])
        }
        if let g = e.yearToDateGrowth, let prev = preferred(direction, year: year - 1), let pv = prev.usd {
            e.previousYear = prev
            e.fromPreviousYear = pv * (1 + g)
            e.fromPreviousYearBound = .combine(increasing: [Bound(prev.qualifier), e.yearToDateGrowthBound])
            // A whole year below the part of it already traded is impossible: the months scaled instead.
            if let v = partial.usd, let f = e.fromPreviousYear, f < v, e.fromPreviousYearBound != .atLeast {
                e.rejectedFromPreviousYear = f
                e.fromPreviousYear = nil
                e.fromPreviousYearBound = .unknown
            }
        }
        // Neither estimate: nothing to show.
        guard e.fromPreviousYear != nil || e.scaledByMonths != nil else { return nil }
        return e
    }

    /// The figure of a partial period an estimate is made from: the preferred one with a value, else
    /// a stated one with a growth only.
    func partialFigure(_ direction: Direction, _ period: Period) -> TradeObservation? {
        if let p = preferred(direction, period: period) { return p }
        if let g = observations(direction, period: period).first(where: { $0.kind == .stated && $0.growth != nil }) { return g }
        // Turnover not given, but both directions are: their sum, derived (as the Trade table shows it).
        guard direction == .turnover, countries.count >= 2 else { return nil }
        let a = home.code, b = partner.code
        guard let x = preferred(.goods(from: a, to: b), period: period), let m = preferred(.goods(from: b, to: a), period: period),
              let xv = x.usd, let mv = m.usd else { return nil }
        let bound = Bound.combine(increasing: [Bound(x.qualifier), Bound(m.qualifier)])
        let q: Qualifier = bound == .atLeast ? .over : bound == .atMost ? .upTo : bound == .exact ? .exact : .about
        return TradeObservation(period: period, flow: .turnover, usd: xv + mv, qualifier: q, kind: .derived, source: x.source,
                                note: "\(a)→\(b) \(Money.millions(xv)) + \(b)→\(a) \(Money.millions(mv)): no turnover figure is given for \(period.label)")
    }
}
