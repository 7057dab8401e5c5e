#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which of several figures for the same period and direction the dashboard computes with.
///
/// 1. A stated figure before a derived one.
/// 2. The figure most sources agree with (`ValueRange`s that meet; a rounded "about 250 M" agrees with
///    254.3 M). For stated figures, the agreeing stated figures are counted; for derived ones (when no
///    source states a value), the sources whose stated growth rates, applied to the neighbouring
///    period's stated value, give a value that agrees: ~440 M for 2022 is what 563 M in 2023 and the
///    +28 % two sources state give, ~460 M only what one source's +22.5 % gives.
/// 3. The more precise: exact before about before a bound, then the finer last significant digit
///    (figures rounded to the same unit are equally precise).
/// 4. The newer source, only where every remaining figure's source has a date: a missing date never
///    wins or loses by default.
/// 5. The first in the file.
/// Each source counts once however often it repeats a figure.
extension Dataset {
    /// The position in `trade` of the preferred figure (cached: screens ask for it many times a frame).
    public func preferredIndex(_ direction: Direction, period: Period) -> Int? {
        indexBox.preferred(direction, period) { choosePreferred(index.wholeGoods(direction, period), direction: direction, period: period, useGrowth: true) }
    }

    /// The positions in `trade` of a series' whole-goods figures, in file order.
    public func wholeGoodsPositions(_ direction: Direction, period: Period) -> [Int] { index.wholeGoods(direction, period) }

    /// How many sources support a figure in the choice above (for the detail's explanation).
    public func support(of position: Int, direction: Direction) -> Int {
        let o = trade[position]
        let candidates = index.wholeGoods(direction, o.period).filter { trade[$0].usd != nil && trade[$0].kind == o.kind }
        let counts = o.kind == .stated ? valueSupport(candidates) : growthSupport(candidates, direction: direction, period: o.period)
        return candidates.firstIndex(of: position).map { counts[$0] } ?? 0
    }

    /// The rule, over positions in `trade` (whole goods of one series, or one HS section's figures).
    func choosePreferred(_ positions: [Int], direction: Direction?, period: Period, useGrowth: Bool) -> Int? {
        let withValue = positions.filter { trade[$0].usd != nil }
        guard withValue.count > 1 else { return withValue.first }
        let stated = withValue.filter { trade[$0].kind == .stated }
        let pool = stated.isEmpty ? withValue : stated
        guard pool.count > 1 else { return pool.first }
        var support = stated.isEmpty ? [Int](repeating: 0, count: pool.count) : valueSupport(pool)
        if stated.isEmpty, useGrowth, let direction { support = growthSupport(pool, direction: direction, period: period) }
        let best = support.max() ?? 0
        var remaining = pool.indices.filter { support[$0] == best }.map { pool[$0] }
        // More precise: the qualifier, then the width of the range relative to the value.
        let precision = remaining.map { precisionRank(trade[$0]) }
        let top = precision.min() ?? 0
        remaining = remaining.indices.filter { precision[$0] == top }.map { remaining[$0] }
        // Newer, only where every one has a date, and only as far as the dates say: "2024" is not
        // older than "5 Jan 2024" (a year-only date ties with any date of its year, a month-only one
        // with any day of its month); ties go to file order.
        let dates = remaining.map { source(trade[$0].source)?.date }
        if remaining.count > 1, !dates.contains(where: { $0 == nil }) {
            let d = dates.map { $0! }
            // The newest by year, then, among those of that year, by month where all have one, then day.
            let year = d.map(\.year).max()!
            var top = remaining.indices.filter { d[$0].year == year }
            if top.allSatisfy({ d[$0].month != nil }) {
                let month = top.map { d[$0].month! }.max()!
                top = top.filter { d[$0].month == month }
                if top.allSatisfy({ d[$0].day != nil }) {
                    let day = top.map { d[$0].day! }.max()!
                    top = top.filter { d[$0].day == day }
                }
            }
            return top.map { remaining[$0] }.min()
        }
        return remaining.min()
    }

    /// Exact before about before a bound; then the finer unit of the last significant digit (254.3 M
    /// before 254 M; "about 440 M" and "about 460 M", both to 10 M, are equally precise). One number:
    /// the qualifier first, then the unit's power of ten.
    func precisionRank(_ o: TradeObservation) -> Int {
        let q: Int
        switch o.qualifier {
        case .exact: q = 0
        case .about: q = 1
        default: return 2_000
        }
        guard let v = o.usd, let unit = Rounding.unit(of: v) else { return q * 1_000 }
        return q * 1_000 + Int(log10(unit).rounded()) + 100
    }

    /// For each figure, how many sources state a figure that agrees with it (its own included). A
    /// source counts once however many of its figures agree. Exact for up to 256 figures (every pair);
    /// above that, in O(n log n) over each source's figures merged into disjoint ranges, where a
    /// source whose disjoint ranges both meet one figure would count twice (a source contradicting
    /// itself twice over; never seen in real data).
    func valueSupport(_ pool: [Int]) -> [Int] {
        let ranges = pool.map { trade[$0].valueRange }
        if pool.count <= 256 {
            return pool.indices.map { i in
                guard let r = ranges[i] else { return 0 }
                var sources = Set<String>()
                for j in pool.indices { if let q = ranges[j], q.overlaps(r) { sources.insert(trade[pool[j]].source) } }
                return sources.count
            }
        }
        var bySource = [String: [ValueRange]]()
        for (i, p) in pool.enumerated() { if let r = ranges[i] { bySource[trade[p].source, default: []].append(r) } }
        var lowers = [Double](), uppers = [Double]()
        for (_, list) in bySource {
            for r in Dataset.merged(list) {
                lowers.append(r.lower)
                uppers.append(r.upper)
            }
        }
        lowers.sort()
        uppers.sort()
        return ranges.map { r in
            guard let r else { return 0 }
            let startAbove = lowers.count - lowers.partitionPoint { $0 > r.upper }
            let endBelow = uppers.partitionPoint { $0 >= r.lower }
            return lowers.count - startAbove - endBelow
        }
    }

    /// Ranges merged where they meet, ascending.
    static func merged(_ list: [ValueRange]) -> [ValueRange] {
        var out = [ValueRange]()
        for r in list.sorted(by: { $0.lower < $1.lower }) {
            if let last = out.last, r.lower <= last.upper { out[out.count - 1].upper = max(last.upper, r.upper) } else { out.append(r) }
        }
        return out
    }

    /// For each derived figure, how many sources' stated growth rates imply a value that agrees with it:
    /// the next period's growth from the next period's value (value ÷ (1 + growth)), and this period's
    /// growth from the previous period's value (value × (1 + growth)). Values used are the stated ones.
    func growthSupport(_ pool: [Int], direction: Direction, period: Period) -> [Int] {
        var implied = [String: ValueRange]()
        func add(_ o: TradeObservation, _ r: ValueRange) { if implied[o.source] == nil { implied[o.source] = r } }
        let next = Period(year: period.year + 1, months: period.months)
        let previous = Period(year: period.year - 1, months: period.months)
        // The next period's preferred stated value, looked up once (not once per growth figure).
        var nextValue: ValueRange??
        for p in index.wholeGoods(direction, next) where trade[p].kind == .stated {
            let o = trade[p]
            guard let g = o.growth else { continue }
            if o.usd == nil && nextValue == nil { nextValue = .some(statedPreferred(direction, next).flatMap { trade[$0].valueRange }) }
            guard let v = (o.usd != nil ? o.valueRange : nextValue ?? nil) else { continue }
            let s = Rounding.growthSlack(g)
            guard 1 + g - s > 0 else { continue }
            add(o, ValueRange(v.lower / (1 + g + s), v.upper / (1 + g - s)))
        }
        if let base = statedPreferred(direction, previous).flatMap({ trade[$0].valueRange }) {
            for p in index.wholeGoods(direction, period) where trade[p].kind == .stated {
                let o = trade[p]
                guard let g = o.growth else { continue }
                let s = Rounding.growthSlack(g)
                add(o, ValueRange(base.lower * max(0, 1 + g - s), base.upper * (1 + g + s)))
            }
        }
        guard !implied.isEmpty else { return pool.map { _ in 0 } }
        let lowers = implied.values.map(\.lower).sorted(), uppers = implied.values.map(\.upper).sorted()
        return pool.map { p in
            guard let r = trade[p].valueRange else { return 0 }
            return lowers.count - (lowers.count - lowers.partitionPoint { $0 > r.upper }) - uppers.partitionPoint { $0 >= r.lower }
        }
    }

    /// The preferred among stated figures only (no growth reasoning, so no recursion).
    func statedPreferred(_ direction: Direction, _ period: Period) -> Int? {
        choosePreferred(index.wholeGoods(direction, period).filter { trade[$0].kind == .stated }, direction: nil, period: period, useGrowth: false)
    }
}

