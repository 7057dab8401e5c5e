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
    /// Pairs of positions in `values` (first < second) that cannot both be true.
    public var conflicts: [(Int, Int)] {
        var out = [(Int, Int)]()
        for i in values.indices where !values[i].planned {
            for j in values.indices where j > i && !values[j].planned {
                let a = values[i], b = values[j]
                if a.measuresSameAs(b), a.source != b.source, !a.range.overlaps(b.range) { out.append((i, j)) }
            }
        }
        return out
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
        var out = [IndicatorSumWarning]()
        for (t, total) in values.enumerated() where total.from == nil && !total.planned {
            let parts = values.indices.filter { k in
                let v = values[k]
                return v.from != nil && v.period == total.period && v.source == total.source && !v.planned
            }
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
