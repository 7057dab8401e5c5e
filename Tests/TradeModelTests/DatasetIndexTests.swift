import Testing
@testable import TradeModel

/// The index answers exactly what the scans it replaced answered: the scans are kept here, as they
/// were written before the index, and compared on the bundled data and on generated datasets.
@Suite struct DatasetIndexTests {
    // MARK: The old scans

    enum Scan {
        static func observations(_ d: Dataset, _ direction: Direction, _ period: Period) -> [TradeObservation] {
            d.trade.filter { $0.hsSection == nil && $0.period == period && direction.matches($0) }
        }
        static func fullYears(_ d: Dataset, _ direction: Direction) -> [Int] {
            Set(d.trade.filter { $0.hsSection == nil && $0.period.isFullYear && $0.usd != nil && direction.matches($0) }.map(\.period.year)).sorted()
        }
        static func sectionYears(_ d: Dataset) -> [Int] {
            Set(d.trade.filter { $0.hsSection != nil && $0.period.isFullYear && $0.usd != nil }.map(\.period.year)).sorted()
        }
        static func periods(_ d: Dataset) -> [Period] {
            Array(Set(d.trade.filter { $0.hsSection == nil }.map(\.period))).sorted()
        }
        static func conflicts(_ d: Dataset) -> [Conflict] {
            var groups = [SeriesKey: [TradeObservation]]()
            var order = [SeriesKey]()
            for o in d.trade where o.kind == .stated {
                if groups[o.seriesKey] == nil { order.append(o.seriesKey) }
                groups[o.seriesKey, default: []].append(o)
            }
            var out = [Conflict]()
            for key in order {
                let list = groups[key]!
                for i in 0..<list.count {
                    for j in (i + 1)..<list.count where list[i].source != list[j].source {
                        let a = list[i], b = list[j]
                        if let x = a.usd, let y = b.usd, max(x, y) > 0, apart(a, b) {
                            out.append(Conflict(kind: .value, key: key, first: a, second: b, difference: abs(x - y) / max(x, y)))
                        }
                        if let g = a.growth, let h = b.growth, abs(g - h) > Dataset.conflictTolerance {
                            out.append(Conflict(kind: .growth, key: key, first: a, second: b, difference: abs(g - h)))
                        }
                    }
                }
            }
            return out
        }
        /// The values a figure allows, worked out the slow way: significant digits from the decimal
        /// text of the whole number of dollars.
        static func range(_ o: TradeObservation) -> (Double, Double)? {
            guard let v = o.usd else { return nil }
            switch o.qualifier {
            case .over: return (v * (1 + 1e-9), .infinity)
            case .under: return (-.infinity, v * (1 - 1e-9))
            case .upTo: return (-.infinity, v)
            default:
                // Trailing zeros of the whole number, kept to at least two significant digits.
                let text = String(Int64(v.rounded()))
                var digits = text
                var unit = 1.0
                while digits.count > 2 && digits.hasSuffix("0") { digits.removeLast(); unit *= 10 }
                let significant = digits.hasSuffix("0") && text.count >= 2 ? 1 : digits.count
                var half = v * 0.005
                if o.qualifier == .about || significant <= 2 { half = max(half, unit / 2) }
                return (v - half, v + half)
            }
        }
        static func apart(_ a: TradeObservation, _ b: TradeObservation) -> Bool {
            guard let x = range(a), let y = range(b) else { return false }
            return x.1 < y.0 || y.1 < x.0
        }
        static func citations(_ d: Dataset, _ id: String) -> [String] {
            var out = [String]()
            for o in d.trade where o.source == id {
                out.append("trade \(o.period.label) \(o.flow == .turnover ? "turnover" : "\(o.from ?? "?")→\(o.to ?? "?") \(o.flow.rawValue)")")
            }
            for t in d.targets where t.citedSources.contains(id) { out.append("target \(t.title)") }
            for x in d.deals where x.sources.contains(id) || x.milestones.contains(where: { $0.source == id })
                || x.volumes.contains(where: { $0.source == id }) { out.append("deal \(x.title)") }
            for p in d.projects where p.sources.contains(id) || p.milestones.contains(where: { $0.source == id })
                || p.capacity.contains(where: { $0.source == id }) || p.length?.source == id { out.append("project \(p.title)") }
            for e in d.events where e.sources.contains(id) { out.append("event \(e.date.iso) \(e.title)") }
            for x in d.exportPotential where x.source == id { out.append("export potential: \(x.description)") }
            for c in d.composition where c.source == id {
                let names = c.goods.map(\.name)
                let shown = names.count > 3 ? names[0..<3].joined(separator: ", ") + "…" : names.joined(separator: ", ")
                out.append("goods \(c.period.label) \(c.from == nil ? "both directions" : "\(c.from!)→\(c.to!)"): \(shown)")
            }
            for i in d.indicators where i.values.contains(where: { $0.source == id }) {
                var periods = [String]()
                for v in i.values where v.source == id && !periods.contains(v.period.label) { periods.append(v.period.label) }
                out.append("\(i.label ?? i.title) \(periods.joined(separator: ", "))")
            }
            if d.relationship.diplomaticRelationsSince?.source == id { out.append("diplomatic relations since \(d.relationship.diplomaticRelationsSince!.year)") }
            for n in d.relationship.notes where n.source == id { out.append("note: \(n.text)") }
            return out
        }
        /// Pairs of a period's figures of one direction that cannot both be true, each pair once.
        static func disagreeingPairs(_ d: Dataset, _ direction: Direction, _ period: Period) -> Int {
            let list = observations(d, direction, period)
            var n = 0
            for i in list.indices {
                for j in list.indices where j > i {
                    if apart(list[i], list[j]) { n += 1 }
                }
            }
            return n
        }
    }

    // MARK: Data

    static let bundled: Dataset = {
        do { return try DatasetLoader.load(path: BundledDataset.sourceTreePath) } catch { fatalError("\(error)") }
    }()

    /// A deterministic pseudo-random generator (the same data on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// A dataset of `n` observations over few periods and sources, so that groups are large and
    /// sources disagree, repeat, bound each other and cite things of every kind.
    static func generated(seed: UInt64, observations n: Int, sources: Int, years: Int) -> Dataset {
        var g = Generator(state: seed)
        var d = bundled
        let codes = [d.home.code, d.partner.code]
        d.sources += (0..<sources).map { Source(id: "gen-\($0)", publisher: "Generated \($0)", date: $0 % 3 == 0 ? nil : DateValue(year: 2000 + $0 % 25, month: 1 + $0 % 12)) }
        d.places += (0..<sources).map { Place(id: "gen-place-\($0)", name: "Generated place \($0)", country: codes[$0 % 2], lat: 40 + Double($0 % 7), lon: 50 + Double($0 % 11)) }
        let qualifiers: [Qualifier] = [.exact, .exact, .exact, .about, .over, .under, .upTo]
        let flows: [Flow] = [.turnover, .turnover, .exports, .imports]
        for _ in 0..<n {
            let flow = flows[g.next(flows.count)]
            let year = 2000 + g.next(years)
            let months: ClosedRange<Int>? = g.next(4) == 0 ? 1...(1 + g.next(11)) : nil
            // Mostly the pair, sometimes a third country, an incomplete direction, or a turnover that
            // names its countries: the index's pair codes beyond the dataset's own two are compared too.
            var from = flow == .turnover ? nil : codes[g.next(2)]
            var to = from.map { $0 == codes[0] ? codes[1] : codes[0] }
            switch g.next(12) {
            case 0: to = "XX"
            case 1: from = "XX"
            case 2: to = nil
            case 3: (from, to) = (codes[0], codes[1])
            default: break
            }
            // Values on a coarse grid so that some agree exactly, some within 1 %, some far apart.
            let usd: Double? = g.next(10) == 0 ? nil : Double(100 + g.next(40)) * 1e6 * (1 + Double(g.next(3)) * 0.004)
            let growth: Double? = g.next(3) == 0 ? Double(g.next(30)) / 200 : nil
            let source = g.next(6) == 0 ? "gen-0" : "gen-\(g.next(sources))"
            let section: Int? = g.next(5) == 0 ? 1 + g.next(21) : nil
            d.trade.append(TradeObservation(period: Period(year: year, months: months), flow: flow, from: from, to: to, usd: usd ?? (growth == nil ? 1e6 : nil),
                                            growth: growth, qualifier: qualifiers[g.next(qualifiers.count)], kind: g.next(5) == 0 ? .derived : .stated,
                                            source: source, hsSection: section))
        }
        return d
    }

    static var datasets: [(String, Dataset)] {
        [("bundled", bundled),
         ("generated small", generated(seed: 1, observations: 600, sources: 12, years: 6)),
         ("generated crowded", generated(seed: 7, observations: 1_500, sources: 40, years: 2))]
    }

    static func directions(_ d: Dataset) -> [Direction] {
        [.turnover, .goods(from: d.home.code, to: d.partner.code), .goods(from: d.partner.code, to: d.home.code), .goods(from: "XX", to: "YY"),
         .goods(from: d.home.code, to: "XX"), .goods(from: "XX", to: d.partner.code)]
    }

    // MARK: Tests

    @Test(arguments: [0, 1, 2])
    func seriesLookupsMatchTheScans(_ which: Int) {
        let (name, d) = Self.datasets[which]
        #expect(d.wholeGoodsPeriods == Scan.periods(d), "\(name)")
        #expect(d.sectionYears == Scan.sectionYears(d), "\(name)")
        var periods = Set(d.trade.map(\.period))
        periods.insert(Period(year: 1999))
        for dir in Self.directions(d) {
            #expect(d.fullYears(dir) == Scan.fullYears(d, dir), "\(name) \(dir)")
            for p in periods {
                #expect(d.observations(dir, period: p) == Scan.observations(d, dir, p), "\(name) \(dir) \(p)")
                #expect(d.disagreeingPairs(dir, period: p) == Scan.disagreeingPairs(d, dir, p), "\(name) \(dir) \(p)")
            }
        }
        for p in periods {
            #expect(d.observations(in: p) == d.trade.filter { $0.period == p }, "\(name) \(p)")
        }
    }

    @Test(arguments: [0, 1, 2])
    func conflictsMatchTheScan(_ which: Int) {
        let (name, d) = Self.datasets[which]
        let old = Scan.conflicts(d)
        #expect(d.conflicts == old, "\(name)")
        #expect(!old.isEmpty, "\(name): the data must have conflicts for the comparison to mean anything")
        // Per period: the same conflicts, in the same order.
        for p in Set(d.trade.map(\.period)) {
            #expect(d.conflicts(in: p) == old.filter { $0.key.period == p }, "\(name) \(p)")
        }
        // The summaries count every pair of each series and kind exactly, and show the first ones.
        let summaries = d.conflictSummaries(examples: 2)
        var expected = [String: Int]()
        for c in old { expected["\(c.key)|\(c.kind)", default: 0] += 1 }
        #expect(summaries.count == expected.count, "\(name)")
        for s in summaries {
            let list = old.filter { $0.key == s.key && $0.kind == s.kind }
            #expect(s.pairs == list.count, "\(name) \(s.key) \(s.kind)")
            #expect(s.examples == Array(list.prefix(2)), "\(name) \(s.key) \(s.kind)")
            let figures = d.trade.filter { $0.kind == .stated && $0.seriesKey == s.key }.compactMap { s.kind == .value ? $0.usd : $0.growth }
            #expect(s.figures == figures.count && s.lowest == figures.min() && s.highest == figures.max(), "\(name) \(s.key)")
        }
    }

    @Test(arguments: [0, 1, 2])
    func lookupsByIDMatchTheScans(_ which: Int) {
        let (name, d) = Self.datasets[which]
        for s in d.sources {
            #expect(d.source(s.id) == d.sources.first { $0.id == s.id }, "\(name) \(s.id)")
            #expect(d.citations(of: s.id) == Scan.citations(d, s.id), "\(name) \(s.id)")
            #expect(d.citationCount(of: s.id) == Scan.citations(d, s.id).count, "\(name) \(s.id)")
        }
        for p in d.places { #expect(d.place(p.id) == d.places.first { $0.id == p.id }, "\(name) \(p.id)") }
        #expect(d.source("no-such-source") == nil)
        #expect(d.place("no-such-place") == nil)
        #expect(d.citations(of: "no-such-source").isEmpty)
    }

    @Test func bundledCitationsAreNotAllEmpty() {
        // The comparison above would pass on a dataset that cites nothing; the bundled one cites a lot.
        let d = Self.bundled
        #expect(d.sources.filter { !d.citations(of: $0.id).isEmpty }.count > d.sources.count / 2)
        #expect(d.citations(of: "np-kz-13200").contains { $0.hasPrefix("trade 2011") })
    }

    @Test func periodsNoFileCanHoldAreKeptApart() {
        // Months beyond 1–12 and extreme years cannot be packed into one integer; they must still be
        // told apart from each other and from ordinary periods (1...20 packs like 2...4 would).
        var d = Self.bundled
        let odd = [Period(year: 2020, months: 1...20), Period(year: 2020, months: 2...4), Period(year: 2020, months: 13...14),
                   Period(year: Int.max / 300), Period(year: Int.max / 300 + 1), Period(year: -5, months: 0...3)]
        for (k, p) in odd.enumerated() {
            d.trade.append(TradeObservation(period: p, flow: .turnover, usd: Double(k + 1) * 1e6, source: d.sources[0].id))
        }
        for p in odd {
            #expect(d.observations(.turnover, period: p) == Scan.observations(d, .turnover, p), "\(p)")
            #expect(d.observations(.turnover, period: p).count == 1, "\(p)")
            #expect(d.conflicts(in: p) == Scan.conflicts(d).filter { $0.key.period == p }, "\(p)")
        }
        #expect(d.wholeGoodsPeriods == Scan.periods(d))
        #expect(d.observations(.turnover, period: Period(year: 2020, months: 5...30)).isEmpty)
    }

    @Test func changingTheDataRebuildsTheIndex() {
        var d = Self.bundled
        let year = 1990
        #expect(d.observations(.turnover, period: Period(year: year)).isEmpty)
        let copy = d
        d.trade.append(TradeObservation(period: Period(year: year), flow: .turnover, usd: 5e6, source: d.sources[0].id))
        #expect(d.observations(.turnover, period: Period(year: year)).count == 1)
        #expect(d.fullYears(.turnover).first == year)
        // The copy taken before keeps its own answers.
        #expect(copy.observations(.turnover, period: Period(year: year)).isEmpty)
        d.sources[0].id = "renamed"
        #expect(d.source("renamed") != nil)
        d.places.removeAll()
        #expect(d.place(Self.bundled.places[0].id) == nil)
        // The index takes no part in equality.
        var e = Self.bundled
        _ = e.observations(.turnover, period: Period(year: 2020))
        #expect(e == Self.bundled)
        e.title += "!"
        #expect(e != Self.bundled)
    }
}
