import TradeModel

/// The figures of one reporter's exports or imports over one period: a year from its annual rows, or,
/// for a year the file has no annual row for, its months from January (a partial period, or the
/// whole year when all twelve are there).
struct PeriodSeries: Sendable {
    /// The year's series (month 0).
    var id: ReportedSeries
    var period: Period
    /// The series whose rows make the figures: `[id]` for a year, else its months in order.
    var parts: [ReportedSeries]

    var isMonthly: Bool { parts.first?.month != 0 }

    /// A figure of more than one month is a sum made here, not one the file gives.
    var kind: FigureKind { isMonthly && parts.count > 1 ? .derived : .stated }

    /// "2025" or "2025 Jan–Sep"; "2025 Jan–Dec" for the twelve months of a year without an annual row.
    var label: String { isMonthly && parts.count == 12 ? "\(id.year) Jan–Dec" : period.label }

    /// Why a figure of a partial period is what it is, for its note: nil for a year's own rows.
    var note: String? {
        guard isMonthly else { return nil }
        let months = parts.count == 1 ? MonthNames.full[0] : "\(MonthNames.full[0])–\(MonthNames.full[parts.count - 1])"
        let rows = parts.count == 1 ? "Comtrade's monthly row (refMonth 1)" : "the sum of Comtrade's monthly rows (refMonth 1–\(parts.count))"
        return "\(months) \(id.year): \(rows); the file has no annual row for the year"
    }
}

extension ComtradeAggregator {
    /// The series of the file grouped into periods. A year with an annual row takes its figures from
    /// it and ignores its monthly rows; a year without one takes its months when they run from January
    /// without a gap, and otherwise is left out with a warning naming the missing months. Counts the
    /// monthly rows used, ignored and refused, and notes who reported in which year (for the mirror).
    mutating func periodSeries() -> [PeriodSeries] {
        var groups = [ReportedSeries: [ReportedSeries]]()
        for id in seriesInfo.keys { groups[id.annual, default: []].append(id) }
        var out = [PeriodSeries]()
        for key in groups.keys.sorted() {
            let members = groups[key]!.sorted()
            let monthly = members.filter { $0.month > 0 }
            let monthlyRows = monthly.reduce(0) { $0 + (seriesInfo[$1]?.rows ?? 0) }
            if members[0].month == 0 {
                summary.monthlyRowsIgnored += monthlyRows
                summary.usedRows -= monthlyRows
                reporting.insert(key.reporter, key.year)
                out.append(PeriodSeries(id: key, period: Period(year: key.year), parts: [key]))
                continue
            }
            let months = monthly.map(\.month)
            guard months == Array(1...months.count) else {
                summary.monthlyRowsRefused += monthlyRows
                summary.usedRows -= monthlyRows
                let missing = (1...months.last!).filter { !months.contains($0) }
                let first = monthly.compactMap { seriesInfo[$0]?.firstLine }.min() ?? 0
                diagnostics.warn(.monthGap(key), first,
                    "\(pair.describe(key)): monthly rows for \(MonthNames.list(months)) and no annual row, but "
                    + "\(MonthNames.list(missing)) \(missing.count == 1 ? "is" : "are") missing: a partial period is made only "
                    + "of months that run from January without a gap, so " + (monthlyRows == 1 ? "its row is" : "its \(monthlyRows) rows are")
                    + " left out")
                continue
            }
            summary.monthlyRowsUsed += monthlyRows
            reporting.insert(key.reporter, key.year)
            let p = PeriodSeries(id: key, period: Period(year: key.year, months: months.count == 12 ? nil : 1...months.count), parts: monthly)
            summary.partialPeriods.append(pair.describe(key, when: p.label))
            out.append(p)
        }
        return out
    }

    /// The TOTAL row of a year, or the sum of the TOTAL rows of its months when every month has one.
    /// Months of which only some have a TOTAL row make no total, with a warning.
    mutating func total(_ p: PeriodSeries) -> LineValue? {
        let values = p.parts.map { totals[$0] }
        let present = values.compactMap { $0 }
        guard !present.isEmpty else { return nil }
        guard present.count == values.count else {
            incomplete(p, what: "TOTAL row", them: "one", has: p.parts.filter { totals[$0] != nil }, line: present.map(\.line).min()!,
                       consequence: "no total is made for the months")
            return nil
        }
        var sum = LineValue(milli: 0, line: present[0].line)
        for v in present { sum.milli = TopmostHSSum.saturatingSum(sum.milli, v.milli) }
        return sum
    }

    /// The commodity rows of each series of the period, when every month has some (else nil, with a
    /// warning when only some months have them).
    mutating func codes(_ p: PeriodSeries) -> [(ReportedSeries, CodeTable)]? {
        let present = p.parts.compactMap { id in commodities[id].map { (id, $0) } }
        guard !present.isEmpty else { return nil }
        guard present.count == p.parts.count else {
            incomplete(p, what: "commodity rows", them: "them", has: present.map(\.0), line: present.map { firstLine($0.1) }.min()!,
                       consequence: "no HS sections or goods are made for the months")
            return nil
        }
        return present
    }

    /// A warning that only the months `has` of partial period `p` have `what`.
    mutating func incomplete(_ p: PeriodSeries, what: String, them: String, has: [ReportedSeries], line: Int, consequence: String) {
        let months = has.map(\.month)
        let lacking = p.parts.map(\.month).filter { !months.contains($0) }
        diagnostics.warn(.incompleteMonths(p.id, totals: what.contains("TOTAL")), line,
            "\(pair.describe(p.id, when: p.label)): \(MonthNames.list(lacking)) \(lacking.count == 1 ? "has" : "have") no \(what), "
            + "while \(MonthNames.list(months)) \(months.count == 1 ? "has" : "have") \(them): \(consequence)")
    }
}
