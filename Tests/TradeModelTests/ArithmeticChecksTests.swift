import Testing
@testable import TradeModel

/// Datasets written for the arithmetic checks: invented figures for KZ and TM, one source.
enum Arith {
    static func dataset(_ trade: [TradeObservation]) -> Dataset {
        Dataset(title: "Arithmetic checks (invented figures)", asOf: DateValue(year: 2025, month: 12, day: 1),
                countries: [Country(code: "KZ", name: "Kazakhstan"), Country(code: "TM", name: "Turkmenistan")],
                sources: [Source(id: "s", publisher: "Test")], trade: trade)
    }

    static func turnover(_ year: Int, _ usd: Double?, _ q: Qualifier = .exact, months: ClosedRange<Int>? = nil, growth: Double? = nil,
                         valuation: String? = nil) -> TradeObservation {
        TradeObservation(period: Period(year: year, months: months), flow: .turnover, usd: usd, growth: growth, qualifier: q, source: "s", valuation: valuation)
    }

    static func goods(_ flow: Flow, _ from: String, _ to: String, _ year: Int, _ usd: Double?, _ q: Qualifier = .exact,
                      months: ClosedRange<Int>? = nil, growth: Double? = nil, valuation: String? = nil) -> TradeObservation {
        TradeObservation(period: Period(year: year, months: months), flow: flow, from: from, to: to, usd: usd, growth: growth, qualifier: q,
                         source: "s", valuation: valuation)
    }

    static func warnings(_ trade: [TradeObservation], _ kind: ArithmeticWarning.Kind) -> [ArithmeticWarning] {
        dataset(trade).arithmeticWarnings.filter { $0.kind == kind }
    }
}

@Suite struct ArithmeticIntervalTests {
    func near(_ a: ArithmeticInterval, _ lo: Double, _ hi: Double) -> Bool { abs(a.lo - lo) < 1 && abs(a.hi - hi) < 1 }

    @Test func aboutAllowsItsLastDigitOrTwoPercent() {
        // About 250 M: the last significant digit is the tens of millions, ±5 M; 2 % is also 5 M: 245–255 M.
        #expect(near(.of(250e6, .about, roundExact: false), 245e6, 255e6))
        // About 141 M: ±0.5 M from the digit, 2 % = 2.82 M is wider: 138.18–143.82 M.
        #expect(near(.of(141e6, .about, roundExact: false), 138.18e6, 143.82e6))
        // About 1,000 M: taken as two significant digits (±50 M), wider than 2 % (20 M).
        #expect(near(.of(1e9, .about, roundExact: false), 950e6, 1050e6))
    }

    @Test func exactIsItsValueOrItsRounding() {
        #expect(ArithmeticInterval.of(345e6, .exact, roundExact: false) == ArithmeticInterval(345e6, 345e6))
        // 345 M: the millions are its last digit, ±0.5 M.
        #expect(near(.of(345e6, .exact, roundExact: true), 344.5e6, 345.5e6))
        // 254.3 M: ±0.05 M.
        #expect(near(.of(254.3e6, .exact, roundExact: true), 254.25e6, 254.35e6))
        // 1,000 M exactly: taken as at least three significant digits, ±5 M (not ±500 M).
        #expect(near(.of(1e9, .exact, roundExact: true), 995e6, 1005e6))
        // 700: ±0.5.
        let small = ArithmeticInterval.of(700, .exact, roundExact: true)
        #expect(small.lo == 699.5 && small.hi == 700.5)
    }

    @Test func boundsAreHalfOpen() {
        #expect(ArithmeticInterval.of(555e6, .over, roundExact: true) == ArithmeticInterval(555e6, .infinity))
        #expect(ArithmeticInterval.of(125e6, .under, roundExact: true) == ArithmeticInterval(0, 125e6))
        #expect(ArithmeticInterval.of(1.5e9, .upTo, roundExact: false) == ArithmeticInterval(0, 1.5e9))
    }

    @Test func growthRounding() {
        #expect(ArithmeticInterval.percentDecimals(0.9) == 0)      // +90 %
        #expect(ArithmeticInterval.percentDecimals(0.28) == 0)     // +28 %
        #expect(ArithmeticInterval.percentDecimals(0.054) == 1)    // +5.4 %
        #expect(ArithmeticInterval.percentDecimals(0.225) == 1)    // +22.5 %
        #expect(ArithmeticInterval.percentDecimals(0.2251) == 2)   // +22.51 %
        #expect(ArithmeticInterval.percentDecimals(-0.014) == 1)   // −1.4 %
        // +90 %: 89.5–90.5 %. +22.51 %: its rounding is ±0.005 pp, widened to the 1-point minimum, ±0.5 pp.
        let g = ArithmeticInterval.ofGrowth(0.9)
        #expect(abs(g.lo - 0.895) < 1e-12 && abs(g.hi - 0.905) < 1e-12)
        let h = ArithmeticInterval.ofGrowth(0.2251)
        #expect(abs(h.lo - 0.2201) < 1e-12 && abs(h.hi - 0.2301) < 1e-12)
    }

    @Test func growthBetweenIntervals() {
        // 183 M (±0.5) to 345 M (±0.5): 344.5 / 183.5 − 1 = 0.877384…, 345.5 / 182.5 − 1 = 0.893151….
        let c = ArithmeticInterval.growth(from: .of(183e6, .exact, roundExact: true), to: .of(345e6, .exact, roundExact: true))!
        #expect(abs(c.lo - 0.877384) < 1e-6 && abs(c.hi - 0.893151) < 1e-6)
        // From "under 100" the growth has no upper end; to "over 100" neither; from "over 100" no lower end but −100 %.
        #expect(ArithmeticInterval.growth(from: .of(100, .under, roundExact: true), to: .of(100, .exact, roundExact: false))!.hi == .infinity)
        #expect(ArithmeticInterval.growth(from: .of(100, .over, roundExact: true), to: .of(100, .exact, roundExact: false))!.lo == -1)
        #expect(ArithmeticInterval.growth(from: .of(0, .exact, roundExact: true), to: .of(100, .exact, roundExact: false)) == nil)
    }
}

@Suite struct TurnoverSumCheckTests {
    typealias A = Arith

    @Test func theTypoWarnsWithTheThreeFigures() throws {
        let trade = [A.turnover(2024, 700), A.goods(.exports, "KZ", "TM", 2024, 550e6), A.goods(.imports, "TM", "KZ", 2024, 150e6)]
        let w = A.warnings(trade, .turnoverSum)
        try #require(w.count == 1)
        #expect(w[0].observations == [0, 1, 2])
        // (700 M − 700) / 700 M = 99.9999 %, shown to the whole per cent.
        #expect(w[0].message == "2024 turnover 700 USD vs KZ→TM exports 550 M + TM→KZ imports 150 M = 700 M: 100 % apart")
        #expect(w[0].line == 0 && w[0].place == "trade[0]", "a dataset made in code has no lines")
    }

    @Test func withinTwoPercentIsConsistent() {
        // 550 + 150 = 700 M. 713.5 M is (713.5 − 700) / 713.5 = 1.89 % above: fine.
        let parts = [A.goods(.exports, "KZ", "TM", 2024, 550e6), A.goods(.imports, "TM", "KZ", 2024, 150e6)]
        #expect(A.warnings([A.turnover(2024, 700e6)] + parts, .turnoverSum).isEmpty)
        #expect(A.warnings([A.turnover(2024, 713.5e6)] + parts, .turnoverSum).isEmpty)
        // 686.5 M is (700 − 686.5) / 700 = 1.93 % below: fine.
        #expect(A.warnings([A.turnover(2024, 686.5e6)] + parts, .turnoverSum).isEmpty)
        // 715 M is (715 − 700) / 715 = 2.098 % above: a warning, "2.1 %".
        let w = A.warnings([A.turnover(2024, 715e6)] + parts, .turnoverSum)
        #expect(w.map(\.message) == ["2024 turnover 715 M vs KZ→TM exports 550 M + TM→KZ imports 150 M = 700 M: 2.1 % apart"])
    }

    @Test func boundsAreRespectedAndChecked() {
        // The bundled 2024: over 555 M against 335 M + over 220 M (so over 555 M): consistent.
        #expect(A.warnings([A.turnover(2024, 555e6, .over), A.goods(.exports, "KZ", "TM", 2024, 335e6),
                            A.goods(.imports, "TM", "KZ", 2024, 220e6, .over)], .turnoverSum).isEmpty)
        // Under 500 M against exactly 350 + 250 = 600 M: at best 500 against 600, (600 − 500) / 600 = 16.7 %.
        let under = A.warnings([A.turnover(2024, 500e6, .under), A.goods(.exports, "KZ", "TM", 2024, 350e6),
                                A.goods(.imports, "TM", "KZ", 2024, 250e6)], .turnoverSum)
        #expect(under.map(\.message) == ["2024 turnover under 500 M vs KZ→TM exports 350 M + TM→KZ imports 250 M = 600 M: at least 17 % apart"])
        // Up to 500 M against 300 + 150 = 450 M: allowed by the bound, though 10 % from 500.
        #expect(A.warnings([A.turnover(2024, 500e6, .upTo), A.goods(.exports, "KZ", "TM", 2024, 300e6),
                            A.goods(.imports, "TM", "KZ", 2024, 150e6)], .turnoverSum).isEmpty)
        // Over 555 M against exactly 335 + 200 = 535 M: at best (555 − 535) / 555 = 3.6 % apart.
        let over = A.warnings([A.turnover(2024, 555e6, .over), A.goods(.exports, "KZ", "TM", 2024, 335e6),
                               A.goods(.imports, "TM", "KZ", 2024, 200e6)], .turnoverSum)
        #expect(over.map(\.message) == ["2024 turnover over 555 M vs KZ→TM exports 335 M + TM→KZ imports 200 M = 535 M: at least 3.6 % apart"])
        // Over 555 M against 335 M + under 200 M (at most 535 M): the same distance, the sum shown as a bound.
        let both = A.warnings([A.turnover(2024, 555e6, .over), A.goods(.exports, "KZ", "TM", 2024, 335e6),
                               A.goods(.imports, "TM", "KZ", 2024, 200e6, .under)], .turnoverSum)
        #expect(both.map(\.message) == ["2024 turnover over 555 M vs KZ→TM exports 335 M + TM→KZ imports under 200 M = under 535 M: at least 3.6 % apart"])
    }

    @Test func aboutAllowsItsRounding() {
        let parts = { (a: Double) in [A.goods(.exports, "KZ", "TM", 2021, a), A.goods(.imports, "TM", "KZ", 2021, 100e6)] }
        // About 250 M is 245–255 M. A sum of 241 M allows up to 241 / 0.98 = 245.9 M: they meet.
        #expect(A.warnings([A.turnover(2021, 250e6, .about)] + parts(141e6), .turnoverSum).isEmpty)
        // A sum of 240 M allows up to 240 / 0.98 = 244.9 M, below 245 M: (245 − 240) / 245 = 2.04 %.
        let w = A.warnings([A.turnover(2021, 250e6, .about)] + parts(140e6), .turnoverSum)
        #expect(w.map(\.message) == ["2021 turnover about 250 M vs KZ→TM exports 140 M + TM→KZ imports 100 M = 240 M: at least 2.0 % apart"])
        // An approximate part: 221.7 + about 141 M (138.18–143.82) = 359.88–365.52 M holds 363.6 M (the bundled Jan–Sep 2025).
        #expect(A.warnings([A.turnover(2025, 363.6e6, months: 1...9), A.goods(.exports, "KZ", "TM", 2025, 221.7e6, months: 1...9),
                            A.goods(.imports, "TM", "KZ", 2025, 141e6, .about, months: 1...9)], .turnoverSum).isEmpty)
    }

    @Test func partialPeriodsAndDirectionsReportedEitherWay() {
        // January–June: 300 M against 100 M + 100 M = 200 M, (300 − 200) / 300 = 33 %. Both directions
        // here are given as the importer's figures (KZ→TM as TM's imports).
        let w = A.warnings([A.turnover(2025, 300e6, months: 1...6), A.goods(.imports, "KZ", "TM", 2025, 100e6, months: 1...6),
                            A.goods(.imports, "TM", "KZ", 2025, 100e6, months: 1...6)], .turnoverSum)
        #expect(w.map(\.message) == ["2025 Jan–Jun turnover 300 M vs KZ→TM imports 100 M + TM→KZ imports 100 M = 200 M: 33 % apart"])
        // The full year is not compared with the months' parts, nor the months with the year's.
        #expect(A.warnings([A.turnover(2025, 300e6, months: 1...6), A.goods(.exports, "KZ", "TM", 2024, 100e6),
                            A.goods(.imports, "TM", "KZ", 2024, 100e6)], .turnoverSum).isEmpty)
    }

    @Test func onlyComparableFiguresAreCompared() {
        // One direction only: nothing to add up.
        #expect(A.warnings([A.turnover(2024, 700), A.goods(.exports, "KZ", "TM", 2024, 550e6)], .turnoverSum).isEmpty)
        // A turnover of one HS section is not the whole goods' exports plus imports.
        var section = A.turnover(2024, 700)
        section.hsSection = 5
        #expect(A.warnings([section, A.goods(.exports, "KZ", "TM", 2024, 550e6), A.goods(.imports, "TM", "KZ", 2024, 150e6)], .turnoverSum).isEmpty)
        // A turnover stated at FOB against a direction stated at CIF: another basis, not compared.
        #expect(A.warnings([A.turnover(2024, 700, valuation: "fob"), A.goods(.exports, "KZ", "TM", 2024, 550e6, valuation: "cif"),
                            A.goods(.imports, "TM", "KZ", 2024, 150e6)], .turnoverSum).isEmpty)
        // The same basis, or none given, is compared.
        #expect(A.warnings([A.turnover(2024, 700, valuation: "fob"), A.goods(.exports, "KZ", "TM", 2024, 550e6, valuation: "fob"),
                            A.goods(.imports, "TM", "KZ", 2024, 150e6)], .turnoverSum).count == 1)
    }

    @Test func theDirectionsArePreferredFigures() throws {
        // Two KZ→TM figures: the exact one is preferred over "about", so 550 M (trade[2]) is added.
        let trade = [A.turnover(2024, 900e6), A.goods(.exports, "KZ", "TM", 2024, 800e6, .about),
                     A.goods(.exports, "KZ", "TM", 2024, 550e6), A.goods(.imports, "TM", "KZ", 2024, 150e6)]
        let w = A.warnings(trade, .turnoverSum)
        try #require(w.count == 1)
        // (900 − 700) / 900 = 22 %.
        #expect(w[0].observations == [0, 2, 3])
        #expect(w[0].message.hasSuffix("= 700 M: 22 % apart"))
    }
}
