import Testing
@testable import TradeModel

/// The checks as a scan of the whole list per question (quadratic, the way the rules read), against
/// the indexed, remembered computation, on generated datasets with thousands of disagreeing figures.
@Suite struct ArithmeticScanTests {
    typealias I = ArithmeticInterval

    static func position(_ d: Dataset, _ dir: Direction, _ p: Period) -> Int? {
        guard let o = d.preferred(dir, period: p) else { return nil }
        return d.trade.indices.first { d.trade[$0].hsSection == nil && d.trade[$0].period == p && dir.matches(d.trade[$0]) && d.trade[$0] == o }
    }

    static func expected(_ d: Dataset) -> [String] {
        var out = [String]()
        for (i, o) in d.trade.enumerated() where o.hsSection == nil {
            guard let dir = Direction.of(o) else { continue }
            // Turnover against the pair's two directions.
            if o.flow == .turnover, let t = o.usd,
               let a = position(d, .goods(from: d.home.code, to: d.partner.code), o.period),
               let b = position(d, .goods(from: d.partner.code, to: d.home.code), o.period),
               !(o.valuation != nil && [d.trade[a].valuation, d.trade[b].valuation].contains { $0 != nil && $0 != o.valuation }) {
                let s = I.of(d.trade[a].usd!, d.trade[a].qualifier, roundExact: false) + I.of(d.trade[b].usd!, d.trade[b].qualifier, roundExact: false)
                if !I.of(t, o.qualifier, roundExact: false).overlaps(I(s.lo * 0.98, s.hi / 0.98)) { out.append("turnover-sum \([i, a, b])") }
            }
            // Stated growth.
            if let g = o.growth, let now = o.usd != nil ? i : position(d, dir, o.period),
               let before = position(d, dir, Period(year: o.period.year - 1, months: o.period.months)),
               let c = I.growth(from: I.of(d.trade[before].usd!, d.trade[before].qualifier, roundExact: true),
                                to: I.of(d.trade[now].usd!, d.trade[now].qualifier, roundExact: true)),
               !I.ofGrowth(g).overlaps(c) {
                // Not when the earlier value is derived from this period's value and another
                // (non-overlapping) stated growth of the period: that compares two growths.
                let b = d.trade[before], earlier = I.of(b.usd!, b.qualifier, roundExact: true)
                let circular = b.kind == .derived && d.trade.contains { x in
                    guard x.hsSection == nil, x.period == o.period, dir.matches(x), let g2 = x.growth, g2 > -1, !I.ofGrowth(g2).overlaps(I.ofGrowth(g)) else { return false }
                    let implied = d.trade[now].usd! / (1 + g2)
                    return earlier.lo <= implied && implied <= earlier.hi
                }
                if !circular { out.append("growth \([i, before] + (now == i ? [] : [now]))") }
            }
            // Far from the neighbours.
            if let v = o.usd, v > 0 {
                let years = Set(d.trade.filter { $0.hsSection == nil && $0.period.isFullYear && $0.usd != nil && dir.matches($0) }.map(\.period.year)).sorted()
                func value(_ y: Int) -> (Int, I)? {
                    guard let n = position(d, dir, Period(year: y)), let nv = d.trade[n].usd, nv > 0 else { return nil }
                    return (n, I.of(nv, d.trade[n].qualifier, roundExact: false))
                }
                let own = I.of(v, o.qualifier, roundExact: false).scaled(12 / Double(o.period.monthCount))
                let earlier = years.last { $0 < o.period.year }
                let later = years.first { o.period.isFullYear ? $0 > o.period.year : $0 >= o.period.year }
                var sides = [(Int, Double, Bool, Int?)]()   // figure, ratio, below, the year beyond
                var near = false
                for (y, beyond) in [(earlier, earlier.flatMap { e in years.last { $0 < e } }), (later, later.flatMap { l in years.first { $0 > l } })] {
                    guard let y, let (n, ni) = value(y) else { continue }
                    guard let far = ArithmeticChecker.compare(own, ni) else { near = true; break }
                    sides.append((n, far.ratio, far.below, beyond))
                }
                if !near, !sides.isEmpty, sides.allSatisfy({ $0.1 > 100 && $0.2 == sides[0].2 }) {
                    var oddNeighbour = false
                    if sides.count == 1, let beyond = sides[0].3, let (_, m) = value(beyond),
                       let far = ArithmeticChecker.compare(I.of(d.trade[sides[0].0].usd!, d.trade[sides[0].0].qualifier, roundExact: false), m), far.ratio > 100 {
                        oddNeighbour = true
                    }
                    if !oddNeighbour { out.append("outlier \([i] + sides.map(\.0))") }
                }
            }
        }
        return out
    }

    @Test(arguments: [1, 2])
    func theIndexedChecksMatchTheScan(_ which: Int) {
        let (name, d) = DatasetIndexTests.datasets[which]
        let got = d.arithmeticWarnings.map { "\($0.kind.rawValue) \($0.observations)" }
        let want = Self.expected(d)
        #expect(got == want, "\(name)")
        // Each kind is there, or the comparison would mean little.
        for kind in ArithmeticWarning.Kind.allCases {
            #expect(got.contains { $0.hasPrefix(kind.rawValue + " ") }, "\(name): no \(kind) warning")
        }
        // Every warning is found from each observation it names, and nothing else is.
        for i in d.trade.indices {
            #expect(d.arithmeticFlags(i) == d.arithmeticWarnings.filter { $0.observations.contains(i) }, "\(name) trade[\(i)]")
        }
    }
}
