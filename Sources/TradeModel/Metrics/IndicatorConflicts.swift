/// Which values of an indicator cannot both be true, by the same rule as trade figures (see
/// `ValueRange`): two measured values of the same period and direction, from different sources,
/// whose ranges do not meet. Plans are never in conflict with measurements (a plan is not a
/// figure of what happened).
extension IndicatorValue {
    /// The true values this figure allows: its range when it has one, else what its qualifier allows.
    public var range: ValueRange {
        if let max { return ValueRange(ValueRange(value, qualifier == .about ? .about : .exact).lower, ValueRange(max, qualifier == .about ? .about : .exact).upper) }
        return ValueRange(value, qualifier)
    }

    /// Values measure the same thing when they share period and direction (and are both plans or both not).
    public func measuresSameAs(_ other: IndicatorValue) -> Bool {
        period == other.period && from == other.from && to == other.to && planned == other.planned
    }
}

extension Indicator {
    /// Pairs of positions in `values` (first < second) that cannot both be true, in order. Values are
    /// grouped by what they measure first, so only values of one period and direction are compared.
    public var conflicts: [(Int, Int)] {
        var groups = [SameMeasure: [Int]]()
        for i in values.indices where !values[i].planned { groups[SameMeasure(values[i]), default: []].append(i) }
        var out = [(Int, Int)]()
        for members in groups.values where members.count > 1 {
            for (x, i) in members.enumerated() {
                for j in members[(x + 1)...] {
                    let a = values[i], b = values[j]
                    if a.source != b.source, !a.range.overlaps(b.range) { out.append((i, j)) }
                }
            }
        }
        return out.sorted { $0 < $1 }
    }

    /// The positions of values that conflict with some other value.
    public var conflicting: Set<Int> {
        var s = Set<Int>()
        for (a, b) in conflicts { s.insert(a); s.insert(b) }
        return s
    }

    /// The distinct periods of the values, in order (plans included).
    public var periods: [Period] {
        var seen = Set<Period>()
        return values.map(\.period).filter { seen.insert($0).inserted }.sorted()
    }
}

/// A total of both directions that its two directions, from the same source, do not add up to.
public struct IndicatorSumWarning: Hashable, Sendable {
    /// Positions in the indicator's `values`.
    public var total: Int
    public var parts: [Int]
    /// The parts' sum, in the indicator's unit.
    public var sum: Double
}

extension Indicator {
    /// Totals whose two directions (same period, same source, both measured) add to a sum whose
    /// range does not meet the total's: 255,574 t + 27,385 t = 282,959 t is not the stated 272,960 t.
    public var sumWarnings: [IndicatorSumWarning] {
        // The directional values of each period and source, found once.
        var directional = [PeriodSource: [Int]]()
        for (k, v) in values.enumerated() where v.from != nil && !v.planned { directional[PeriodSource(period: v.period, source: v.source), default: []].append(k) }
        var out = [IndicatorSumWarning]()
        for (t, total) in values.enumerated() where total.from == nil && !total.planned {
            let parts = directional[PeriodSource(period: total.period, source: total.source)] ?? []
            // Exactly the two directions of the pair, once each.
            guard parts.count == 2, values[parts[0]].from == values[parts[1]].to, values[parts[0]].to == values[parts[1]].from else { continue }
            let a = values[parts[0]].range, b = values[parts[1]].range
            let sum = ValueRange(a.lower + b.lower, a.upper + b.upper)
            if !sum.overlaps(total.range) {
                out.append(IndicatorSumWarning(total: t, parts: parts, sum: values[parts[0]].value + values[parts[1]].value))
            }
        }
        return out
    }
}

/// What a value measures: period, direction, and whether it is a plan (see `measuresSameAs`).
private struct SameMeasure: Hashable {
    var period: Period
    var from: String?
    var to: String?
    var planned: Bool
    init(_ v: IndicatorValue) { period = v.period; from = v.from; to = v.to; planned = v.planned }
}

private struct PeriodSource: Hashable {
    var period: Period
    var source: String
}
