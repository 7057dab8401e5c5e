import TradeModel

/// The Trade screen's estimate row: the current year's full-year estimate from its partial figures,
/// turnover and each direction, always marked as an estimate and never counted as a full year.
extension TradeScreen {
    /// The row's label: "2025 est."
    static func estimateLabel(_ e: CurrentYearEstimate) -> String { "\(e.year) est." }

    static func estimateRow(_ d: Dataset) -> ListRow? {
        guard let e = d.currentYearEstimate(.turnover) else { return nil }
        // Sorted by what its cells show: the turnover and the growth, estimates both; no direction.
        let values: (Int) -> SortValue = { k in k == 1 ? .number(e.value) : k == 2 && e.usesPreviousYear ? .number(e.yearToDateGrowth) : .missing }
        var row = ListRow(id: estimateLabel(e), cells: estimateCells(d, e), search: "\(e.year) estimate", sortValue: values, detail: { estimateDetail(d, e) })
        // Ours, not a source's: after every stated period, whatever the order.
        row.sortGroup = 2
        return row
    }

    /// "≥585 M^" for an estimate.
    static func estimateValue(_ e: CurrentYearEstimate?) -> Line {
        guard let e else { return [Span("unknown", role: .unknown)] }
        return [Span(Figures.millions(e.value, e.bound), role: .estimate), Span(Figures.estimateMark, role: .estimate)]
    }

    /// Turnover only: each direction's estimate may come another way (from its own previous year,
    /// or its months scaled) and the three need not add up, so they are in the detail, not the row.
    static func estimateCells(_ d: Dataset, _ e: CurrentYearEstimate) -> [Line] {
        var growth: Line = [Span("unknown", role: .unknown)]
        if let g = e.yearToDateGrowth, e.usesPreviousYear {
            growth = [Span(Figures.rate(g, e.yearToDateGrowthBound), role: .estimate), Span(Figures.estimateMark, role: .estimate)]
        }
        let how = e.usesPreviousYear ? "\(e.year - 1) × \(e.partial.period.monthsLabel) growth" : "\(e.partial.period.monthsLabel) × 12/\(e.partial.period.monthCount)"
        // Said, not left blank (a blank reads as missing): each direction's estimate is in the detail,
        // or there is none.
        let (a, b) = home(d)
        let direction: (Direction) -> Line = { dir in
            guard let x = d.currentYearEstimate(dir), x.year == e.year else { return [Span("unknown", role: .unknown)] }
            return Line.text("in detail", role: .dim)
        }
        return [Line.text(estimateLabel(e), role: .estimate), estimateValue(e), growth,
                direction(.goods(from: a, to: b)), direction(.goods(from: b, to: a)), Line.text("–", role: .dim),
                Line.text("estimate, not a full year: \(how); directions apart (Enter)", role: .dim)]
    }

    static func estimateDetail(_ d: Dataset, _ e: CurrentYearEstimate) -> Detail {
        let (a, b) = home(d)
        var out: [Line] = [Line.text("An estimate of the whole of \(e.year) from its partial figures, derived by us. It is never counted as a full year: no CAGR, growth or share uses it; the Target screen's outlook starts from the turnover's, and says so. Each direction is estimated from its own figures, so the three need not add up.", role: .estimate), []]
        for (name, dir) in [("Turnover", Direction.turnover), ("\(a)→\(b)", .goods(from: a, to: b)), ("\(b)→\(a)", .goods(from: b, to: a))] {
            out.append(Line.text(name, role: .tableHeader))
            guard let x = d.currentYearEstimate(dir), x.year == e.year else {
                out.append(Line.text("  unknown (no partial figure for \(e.year))", role: .unknown))
                continue
            }
            out += estimateLines(x, outlook: dir == .turnover)
            out.append([])
        }
        let sources = [e.partial.source, e.previousYear?.source, e.sameMonthsBeforeSource].compactMap { $0 }
        return Detail(title: "\(e.year) estimate (from \(e.partial.period.label))", lines: out + DetailText.sources(d, sources))
    }

    /// How one estimate was made, figure by figure.
    static func estimateLines(_ x: CurrentYearEstimate, outlook: Bool) -> [Line] {
        var out = [Line]()
        let p = x.partial.period
        if x.partial.usd == nil, let g = x.partial.growth {
            out.append([Span("  \(p.label): ", role: .dim), Span("no value, only a growth of \(Money.percent(g)) stated", role: .normal), Span(" [\(x.partial.source)]", role: .dim)])
        } else {
            out.append([Span("  \(p.label): ", role: .dim)] + Figures.usd(x.partial) + [Span(" [\(x.partial.source)]", role: .dim)])
        }
        if let before = x.sameMonthsBefore {
            let how = x.sameMonthsBeforeIsStated ? "a figure in the data [\(x.sameMonthsBeforeSource ?? "?")]"
                : x.sameMonthsBeforeSource != nil ? "derived in the data [\(x.sameMonthsBeforeSource!)]"
                : "implied by the stated growth: \(Money.millions(x.partial.usd ?? 0)) ÷ \(Money.grouped(1 + (x.partial.growth ?? 0), decimals: 3))"
            out.append([Span("  \(p.year - 1) \(p.monthsLabel): ", role: .dim), Span(Figures.millions(before, x.sameMonthsBeforeBound) + (x.sameMonthsBeforeIsStated ? "" : Figures.derivedMark), role: x.sameMonthsBeforeIsStated ? .normal : .derived),
                        Span(" (\(how))", role: .dim)])
        } else {
            let why = x.partial.growth != nil ? "no figure, and no \(p.label) value to apply the stated growth to" : "no figure, and no stated growth to imply it"
            out.append(Line.text("  \(p.year - 1) \(p.monthsLabel): unknown (\(why))", role: .unknown))
        }
        if let g = x.yearToDateGrowth {
            out.append([Span("  Growth on the same months: ", role: .dim), Span(Figures.rate(g, x.yearToDateGrowthBound), role: .normal),
                        Span(x.yearToDateGrowthIsStated ? " (stated)" : " (derived from the two values)", role: .dim)])
        }
        if let f = x.fromPreviousYear, let prev = x.previousYear, let g = x.yearToDateGrowth {
            out.append([Span("  From \(prev.period.label): ", role: .dim), Span(Figures.millions(f, x.fromPreviousYearBound) + Figures.estimateMark, role: .estimate),
                        Span(" = \(Figures.plainUSD(prev)) × \(Money.grouped(1 + g, decimals: 3)) (keeps the year's seasonal shape\(outlook ? "; used for the outlook" : ""))", role: .dim)])
        } else if let r = x.rejectedFromPreviousYear, let prev = x.previousYear {
            out.append(Line.text("  From \(prev.period.label): not used: \(Figures.plainUSD(prev)) × the growth gives \(Money.millions(r)), less than the \(Money.millions(x.partial.usd ?? 0)) already traded in \(p.label); the growth and \(prev.period.label) cannot both be right", role: .conflict))
        } else {
            out.append(Line.text("  From \(p.year - 1): unknown (\(x.yearToDateGrowth == nil ? "no growth on the same months" : "no full-year figure for \(p.year - 1)"))", role: .unknown))
        }
        if let sc = x.scaledByMonths {
            out.append([Span("  Scaled by the months: ", role: .dim), Span(Figures.millions(sc, x.scaledByMonthsBound) + Figures.estimateMark, role: .estimate),
                        Span(" = \(Money.millions(x.partial.usd ?? 0)) × 12/\(p.monthCount) (assumes the rest of the year keeps \(p.monthsLabel)'s monthly average\(x.usesPreviousYear || !outlook ? "" : "; used for the outlook"))", role: .dim)])
        } else {
            out.append(Line.text("  Scaled by the months: unknown (the source gives only the growth for \(p.label))", role: .unknown))
        }
        return out
    }
}
