#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The checks of the data's own arithmetic (see `ArithmeticWarning`), over whole-goods figures (no
/// HS section) only. Each observation is looked at once; the preferred figure of a direction and
/// period is chosen once (by `Dataset.preferred`) and remembered, and neighbouring years are found
/// by bisection, so a dataset of n observations takes O(n log n).
struct ArithmeticChecker {
    /// Turnover and exports plus imports may differ by this share of the larger before a warning.
    static let sumTolerance = 0.02
    /// A value this many times above or below its neighbours is taken for a typo.
    static let outlierFactor = 100.0

    let d: Dataset
    private let core: DatasetIndex
    private var yearsMemo: [Int: [Int]] = [:]

    init(_ d: Dataset) {
        self.d = d
        self.core = d.index
    }

    mutating func run() -> [ArithmeticWarning] {
        var out = [ArithmeticWarning]()
        for i in d.trade.indices {
            let o = d.trade[i]
            guard o.hsSection == nil, let direction = Direction.of(o), let code = directionCode(o) else { continue }
            if o.flow == .turnover, let w = turnoverSum(i, o) { out.append(w) }
            if let g = o.growth, let w = growth(i, o, g, direction, code) { out.append(w) }
            if let v = o.usd, v > 0, let w = outlier(i, o, v, direction, code) { out.append(w) }
        }
        return out
    }

    // MARK: turnover against exports plus imports

    private mutating func turnoverSum(_ i: Int, _ t: TradeObservation) -> ArithmeticWarning? {
        guard let tv = t.usd, d.countries.count == 2 else { return nil }
        let there = Direction.goods(from: d.home.code, to: d.partner.code), back = Direction.goods(from: d.partner.code, to: d.home.code)
        guard let a = preferred(there, code: 1, t.period), let b = preferred(back, code: 2, t.period) else { return nil }
        let x = d.trade[a], y = d.trade[b]
        guard let xv = x.usd, let yv = y.usd else { return nil }
        // Another basis is not comparable: a turnover stated at FOB against a direction stated at CIF.
        if let basis = t.valuation, [x.valuation, y.valuation].contains(where: { $0 != nil && $0 != basis }) { return nil }
        let tr = ArithmeticInterval.of(tv, t.qualifier, roundExact: false)
        let sum = ArithmeticInterval.of(xv, x.qualifier, roundExact: false) + ArithmeticInterval.of(yv, y.qualifier, roundExact: false)
        // Some t in T and s in S within 2 % of the larger: t in [0.98 s, s / 0.98] for an s in S.
        let allowed = ArithmeticInterval(sum.lo * (1 - Self.sumTolerance), sum.hi / (1 - Self.sumTolerance))
        guard !tr.overlaps(allowed) else { return nil }
        // The nearest the two can come, for the message.
        let (tn, sn) = tr.hi < sum.lo ? (tr.hi, sum.lo) : (tr.lo, sum.hi)
        let apart = abs(tn - sn) / max(tn, sn)
        let sumText: String
        if sum.isPoint {
            sumText = Money.amount(sum.lo)
        } else if sum.hi.isInfinite {
            sumText = "over " + Money.amount(sum.lo)
        } else if [x.qualifier, y.qualifier].contains(where: { $0 == .under || $0 == .upTo }) {
            sumText = "under " + Money.amount(sum.hi)
        } else {
            sumText = "about " + Money.amount(xv + yv)
        }
        let exactly = tr.isPoint && sum.isPoint
        let message = "\(t.period.label) turnover \(figure(t)) vs \(label(x)) \(figure(x)) + \(label(y)) \(figure(y)) = \(sumText): "
            + (exactly ? "" : "at least ") + Money.share(apart, decimals: apart >= 0.1 ? 0 : 1) + " apart"
        return warning(.turnoverSum, [i, a, b], message)
    }

    // MARK: a stated growth against its two values

    private mutating func growth(_ i: Int, _ o: TradeObservation, _ g: Double, _ direction: Direction, _ code: Int) -> ArithmeticWarning? {
        // This period's value: the figure's own when it gives one, else the period's preferred figure.
        let now: Int
        if o.usd != nil {
            now = i
        } else if let p = preferred(direction, code: code, o.period) {
            now = p
        } else {
            return nil
        }
        let earlier = Period(year: o.period.year - 1, months: o.period.months)
        guard let before = preferred(direction, code: code, earlier) else { return nil }
        let n = d.trade[now], b = d.trade[before]
        guard let nv = n.usd, let bv = b.usd else { return nil }
        let ni = ArithmeticInterval.of(nv, n.qualifier, roundExact: true), bi = ArithmeticInterval.of(bv, b.qualifier, roundExact: true)
        guard let computed = ArithmeticInterval.growth(from: bi, to: ni) else { return nil }
        guard !ArithmeticInterval.ofGrowth(g).overlaps(computed) else { return nil }
        // An earlier value derived from this period's value and another stated growth (2022's
        // "about 440 M" is 563 M ÷ 1.28): checking this growth against it only compares the two
        // growths, a disagreement between sources that the conflicts already report. Not a warning.
        if b.kind == .derived, derivedFromAnotherGrowth(bi, now: nv, g, direction, o.period) { return nil }

        let decimals = ArithmeticInterval.percentDecimals(g)
        let bounded = [n.qualifier, b.qualifier].contains { $0 != .exact && $0 != .about }
        let computedText: String
        if !bounded {
            let point = nv / bv - 1
            computedText = Money.percent(point) + " (" + Money.percent(computed.lo) + " to " + Money.percent(computed.hi) + " within their rounding)"
        } else if computed.hi.isInfinite {
            computedText = "at least " + Money.percent(computed.lo, rounding: .down)
        } else if computed.lo <= -1 {
            computedText = "at most " + Money.percent(computed.hi, rounding: .up)
        } else {
            computedText = "between " + Money.percent(computed.lo) + " and " + Money.percent(computed.hi)
        }
        let what = o.flow == .turnover ? "turnover" : label(o)
        let message = "\(o.period.label) \(what) growth stated \(Money.percent(g, decimals: min(decimals, 3))), but "
            + "\(earlier.label)'s \(figure(b)) to \(o.period.label)'s \(figure(n)) is \(computedText)"
        var related = [i, before]
        if now != i { related.append(now) }
        return warning(.growth, related, message)
    }

    /// Whether `earlier` holds this period's value `now` divided by 1 + a stated growth of the
    /// period other than `g` (one that does not overlap it).
    private func derivedFromAnotherGrowth(_ earlier: ArithmeticInterval, now: Double, _ g: Double, _ direction: Direction, _ period: Period) -> Bool {
        let own = ArithmeticInterval.ofGrowth(g)
        return d.observations(direction, period: period).contains { other in
            guard let g2 = other.growth, g2 > -1, !ArithmeticInterval.ofGrowth(g2).overlaps(own) else { return false }
            let implied = now / (1 + g2)
            return earlier.lo <= implied && implied <= earlier.hi
        }
    }

    // MARK: a value far from its neighbours

    private mutating func outlier(_ i: Int, _ o: TradeObservation, _ v: Double, _ direction: Direction, _ code: Int) -> ArithmeticWarning? {
        let years = fullYears(direction, code: code)
        let y = o.period.year
        // The nearest full year before, and the nearest after (for a partial period, its own full year counts as after).
        var k = years.partitionPoint { $0 >= y }
        let before = k - 1
        if o.period.isFullYear, k < years.count, years[k] == y { k += 1 }
        let after = k

        // A partial period is compared at its yearly rate: Jan–Mar × 4.
        let scale = 12 / Double(o.period.monthCount)
        let own = ArithmeticInterval.of(v, o.qualifier, roundExact: false).scaled(scale)
        // Each side: the neighbour's year, its figure, how far away, and the position beyond it in `years`.
        var sides = [(year: Int, at: Int, ratio: Double, below: Bool, beyond: Int)]()
        for (pos, step) in [(before, -1), (after, 1)] where years.indices.contains(pos) {
            guard let n = fullYearValue(direction, code: code, years[pos]) else { continue }
            guard let far = Self.compare(own, n.interval) else { return nil }
            sides.append((years[pos], n.at, far.ratio, far.below, pos + step))
        }
        guard !sides.isEmpty, sides.allSatisfy({ $0.ratio > Self.outlierFactor && $0.below == sides[0].below }) else { return nil }
        // At an end of the series there is one neighbour to go by: it counts when the year beyond it
        // agrees with it (within 100×); when that year is as far from it, the neighbour is the odd one
        // out and is warned about itself. A series of two years cannot tell which one is wrong.
        var alone = false
        if sides.count == 1 {
            let beyond = sides[0].beyond
            if years.indices.contains(beyond), let n = fullYearValue(direction, code: code, sides[0].year),
               let m = fullYearValue(direction, code: code, years[beyond]) {
                if let far = Self.compare(n.interval, m.interval), far.ratio > Self.outlierFactor { return nil }
            } else {
                alone = true
            }
        }

        let exactly = o.qualifier == .exact && sides.allSatisfy { d.trade[$0.at].qualifier == .exact }
        let what = o.flow == .turnover ? "turnover" : label(o)
        var message = "\(o.period.label) \(what) \(figure(o))"
        if !o.period.isFullYear { message += " (\(Money.amount(v * scale)) for 12 months)" }
        message += " is " + sides.map { s in
            (exactly ? "" : "at least ") + Money.grouped(s.ratio, decimals: 0) + "× " + (s.below ? "below" : "above")
                + " \(s.year)'s \(figure(d.trade[s.at]))"
        }.joined(separator: " and ")
        if alone {
            message += " — one of the two is likely a typo"
        } else if o.qualifier == .exact || o.qualifier == .about, let typo = typo(v * scale, sides.map { d.trade[$0.at].usd! }) {
            message += " — a typo for \(Money.amount(typo / scale))?"
        }
        var related = [i]
        related += sides.map(\.at)
        return warning(.outlier, related, message)
    }

    /// How far apart two intervals are: the smallest ratio of a value in `a` to one in `b`, and whether
    /// `a` is below; nil when they overlap.
    static func compare(_ a: ArithmeticInterval, _ b: ArithmeticInterval) -> (ratio: Double, below: Bool)? {
        if a.hi < b.lo { return (a.hi > 0 ? b.lo / a.hi : .infinity, true) }
        if a.lo > b.hi { return (b.hi > 0 ? a.lo / b.hi : .infinity, false) }
        return nil
    }

    /// The preferred figure of a full year with a positive value, and what it allows.
    private mutating func fullYearValue(_ direction: Direction, code: Int, _ year: Int) -> (at: Int, interval: ArithmeticInterval)? {
        guard let n = preferred(direction, code: code, Period(year: year)), let v = d.trade[n].usd, v > 0 else { return nil }
        return (n, ArithmeticInterval.of(v, d.trade[n].qualifier, roundExact: false))
    }

    /// The value written a thousand, a million or a billion times too small or too large, when that
    /// brings it within 2× of its neighbours (their geometric mean): 700 beside 563 M → 700 M.
    private func typo(_ v: Double, _ neighbours: [Double]) -> Double? {
        let mean = exp(neighbours.map { log($0) }.reduce(0, +) / Double(neighbours.count))
        let steps = (log10(mean / v) / 3).rounded()
        guard steps != 0, steps.isFinite else { return nil }
        let fixed = v * pow(1000, steps)
        return fixed / mean < 2 && mean / fixed < 2 ? fixed : nil
    }

    // MARK: support

    private func warning(_ kind: ArithmeticWarning.Kind, _ observations: [Int], _ message: String) -> ArithmeticWarning {
        ArithmeticWarning(kind: kind, observations: observations, message: message, line: d.line(ofTrade: observations[0]) ?? 0)
    }

    /// 0 for turnover, else the pair's code in the index; nil for exports or imports without both countries.
    private func directionCode(_ o: TradeObservation) -> Int? {
        if o.flow == .turnover { return 0 }
        guard o.from != nil, o.to != nil else { return nil }
        return core.pairCode(o.from, o.to)
    }

    /// The position of the preferred figure of a direction in a period (the dataset caches the choice).
    private func preferred(_ direction: Direction, code: Int, _ period: Period) -> Int? {
        d.preferredIndex(direction, period: period)
    }

    private mutating func fullYears(_ direction: Direction, code: Int) -> [Int] {
        if let known = yearsMemo[code] { return known }
        let years = core.fullYears(direction)
        yearsMemo[code] = years
        return years
    }

    /// "over 555 M", "about 141 M", "700 USD".
    private func figure(_ o: TradeObservation) -> String {
        guard let v = o.usd else { return "?" }
        return (o.qualifier == .exact ? "" : o.qualifier.word + " ") + Money.amount(v)
    }

    /// "KZ→TM exports", "TM→KZ imports", "turnover".
    private func label(_ o: TradeObservation) -> String {
        o.flow == .turnover ? "turnover" : "\(o.from ?? "?")→\(o.to ?? "?") \(o.flow.rawValue)"
    }
}
