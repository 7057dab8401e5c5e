import TradeModel

/// The detail of a period on the Trade screen: every figure with its source, the figures that
/// disagree, the growth we compute, and the HS sections.
extension TradeScreen {
    static func detail(_ d: Dataset, _ p: Period) -> Detail {
        var out = [Line]()
        let all = d.observations(in: p)
        let obs = all.filter { $0.hsSection == nil }
        for o in obs { out += DetailText.observationLines(d, o) }
        let clashes = disagreements(d, p, obs)
        if !clashes.isEmpty {
            out.append([])
            out.append(Line.text("Figures disagree (\(Figures.conflictMark) sources, \(Figures.derivationsMark) our derivations)", role: .conflict))
            out += clashes.map { Line.text($0, role: .conflict) }
            out.append(Line.text("  The table computes with one (stated first; then the one most sources agree with; the most precise; the newer source where all are dated) and names the others; all are kept.", role: .dim))
        }
        out += choiceLines(d, p)
        out += checkLines(d, p)
        if let v = d.growthFromValues(.turnover, period: p) {
            out.append([])
            let before = Period(year: p.year - 1, months: p.months).label
            out.append([Span("Growth over \(before) computed by us: ", role: .dim), Span(Figures.rate(v.rate, v.bound), role: .derived),
                        Span(" (from \(Figures.plainUSD(v.previous)) to \(Figures.plainUSD(v.current)); the values allow \(rangeText(v.range)))", role: .dim)])
            // Each stated growth against it: a rate the values do not give is a disagreement, shown with both.
            for o in obs where o.flow == .turnover && o.kind == .stated {
                guard let g = o.growth else { continue }
                let ok = v.allows(g)
                out.append([Span("  Stated \(Money.percent(g)) [\(o.source)]: ", role: .dim),
                            Span(ok ? "agrees with the values" : "disagrees with the values (\(Figures.rate(v.rate, v.bound)))", role: ok ? .positive : .conflict)])
            }
        }
        if !p.isFullYear {
            out.append([])
            out.append(Line.text("A partial year covers \(p.monthCount) months; it never counts as a full year in any metric.", role: .partial))
        }
        let hs = all.filter { $0.hsSection != nil }
        if !hs.isEmpty {
            out.append([])
            out.append(Line.text("By HS section (\(hs.count) figures)", role: .tableHeader))
            for o in hs.sorted(by: { ($0.usd ?? 0) > ($1.usd ?? 0) }).prefix(20) {
                let name = HSSection.number(o.hsSection ?? 0)?.shortName ?? "section \(o.hsSection ?? 0)"
                out.append([Span("  \(o.from ?? "?")→\(o.to ?? "?") \(name): ", role: .dim)] + Figures.usd(o) + [Span(" [\(o.source)]", role: .dim)])
            }
        }
        return Detail(title: "Trade in \(p.label)" + (p.isFullYear ? "" : " (partial year)"), lines: out)
    }

    /// The arithmetic warnings about this period's figures (`tradedash validate` lists them all).
    static func checkLines(_ d: Dataset, _ p: Period) -> [Line] {
        var seen = Set<ArithmeticWarning>()
        var lines = [Line]()
        for dir in [Direction.turnover, .goods(from: home(d).0, to: home(d).1), .goods(from: home(d).1, to: home(d).0)] {
            for i in d.wholeGoodsPositions(dir, period: p) {
                for w in d.arithmeticFlags(i) where w.subject == i && seen.insert(w).inserted {
                    lines.append(Line.text("  \(w.place): \(w.message)", role: .conflict))
                }
                if lines.count >= clashesListed { break }
            }
        }
        guard !lines.isEmpty else { return [] }
        return [[], Line.text("Arithmetic checks \(Figures.checkMark) (warnings: the figures stay as the sources give them)", role: .conflict)] + lines
    }

    /// Which turnover figure the table uses and why, when there is a choice: how many sources
    /// agree with each (stated values, or stated growth rates for derived ones).
    static func choiceLines(_ d: Dataset, _ p: Period) -> [Line] {
        let positions = d.wholeGoodsPositions(.turnover, period: p).filter { d.trade[$0].usd != nil }
        guard positions.count > 1, positions.count <= 50, let chosen = d.preferredIndex(.turnover, period: p) else { return [] }
        var out: [Line] = [[], [Span("The table uses ", role: .dim)] + Figures.usd(d.trade[chosen]) + [Span(" [\(d.trade[chosen].source)]", role: .dim)]]
        for i in positions {
            let o = d.trade[i]
            let n = d.support(of: i, direction: .turnover)
            let who = n == 1 ? "1 source's" : "\(n) sources'"
            let basis = o.kind == .stated ? (n == 1 ? "1 source states it" : "\(n) sources agree with it")
                : n == 0 ? "no source's stated growth gives it (chosen by precision, then date, then file order)" : "\(who) stated growth rates give it"
            out.append([Span("  \(Figures.plainUSD(o)) [\(o.source)]: ", role: .dim), Span(basis, role: i == chosen ? .positive : .dim)])
        }
        return out
    }

    /// "+25.9 % to +30.1 %", "at least +2.0 %".
    static func rangeText(_ r: ValueRange) -> String {
        if r.upper == .infinity { return "at least \(Money.percent(r.lower, rounding: .down))" }
        if r.lower == -.infinity { return "at most \(Money.percent(r.upper, rounding: .up))" }
        return "\(Money.percent(r.lower)) to \(Money.percent(r.upper))"
    }

    /// Every pair of figures for the same thing that cannot both be true, whatever their kind; and
    /// stated growth rates that disagree. At most `clashesListed` of each are listed (found within a
    /// bounded number of comparisons); the rest are counted.
    static func disagreements(_ d: Dataset, _ p: Period, _ obs: [TradeObservation]) -> [String] {
        var clashes = [String]()
        var total = 0
        // Each observation's place in the list of its direction, so that pairs come out as they always
        // have: by the first figure in file order, then the second.
        var byDirection = [Direction: [TradeObservation]]()
        var place = [Int]()
        for o in obs {
            guard let dir = Direction.of(o) else { place.append(-1); continue }
            place.append(byDirection[dir]?.count ?? 0)
            byDirection[dir, default: []].append(o)
        }
        for dir in byDirection.keys { total += d.disagreeingPairs(dir, period: p) }
        var budget = 4_000_000
        search: for (i, o) in obs.enumerated() {
            guard let dir = Direction.of(o), let list = byDirection[dir], let x = o.usd else { continue }
            for other in list[(place[i] + 1)...] {
                budget -= 1
                guard budget >= 0, clashes.count < clashesListed else { break search }
                guard let y = other.usd, d.disagree(o, other) else { continue }
                let kinds = o.kind == other.kind ? (o.kind == .derived ? "derivations differ" : "sources disagree") : "a derivation disagrees with a source"
                clashes.append("  \(o.flow.rawValue): \(Figures.plainUSD(o)) [\(o.source)] vs \(Figures.plainUSD(other)) [\(other.source)], "
                               + "\(Money.share(abs(x - y) / max(x, y))) apart (\(kinds))")
                // What each derivation was made from: its note says.
                for f in [o, other] where f.kind == .derived {
                    clashes.append("    \(Figures.plainUSD(f)) derived from [\(f.source)]" + (f.note.map { ": " + $0 } ?? " (no note says how)"))
                }
            }
        }
        if total > clashes.count { clashes.append("  and \(total - clashes.count) more pairs (tradedash validate --all lists stated ones pair by pair)") }
        for s in d.conflictSummaries(examples: clashesListed, period: p, kinds: [.growth], wholeGoodsOnly: true) {
            for c in s.examples {
                clashes.append("  \(c.key.flow.rawValue) growth: \(Money.percent(c.first.growth ?? 0)) [\(c.first.source)] vs \(Money.percent(c.second.growth ?? 0)) [\(c.second.source)]")
            }
            if s.pairs > s.examples.count { clashes.append("  and \(s.pairs - s.examples.count) more growth pairs") }
        }
        return clashes
    }
}
