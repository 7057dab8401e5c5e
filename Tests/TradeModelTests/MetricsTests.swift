import Testing
@testable import TradeModel

@Suite struct MetricsTests {
    @Test func growthIsRatioMinusOne() {
        #expect(Metrics.growth(from: 440, to: 563)! == 563.0 / 440.0 - 1)
        #expect(abs(Metrics.growth(from: 563, to: 555)! - (-0.0142095914742451)) < 1e-12)
        #expect(Metrics.growth(from: 0, to: 5) == nil)
        #expect(Metrics.growth(from: -1, to: 5) == nil)
    }

    @Test func cagrMatchesHandComputation() {
        // 100 → 121 over two years is exactly 10 % a year.
        #expect(abs(Metrics.cagr(from: 100, to: 121, years: 2)! - 0.10) < 1e-12)
        // 254.3 M (2021) → 555 M (2024): (555/254.3)^(1/3) − 1 = 0.297126…
        #expect(abs(Metrics.cagr(from: 254.3e6, to: 555e6, years: 3)! - 0.297126) < 1e-6)
        #expect(Metrics.cagr(from: 100, to: 121, years: 0) == nil)
        #expect(Metrics.cagr(from: 0, to: 121, years: 2) == nil)
    }

    @Test func progressShareAndRemaining() {
        let p = Metrics.progress(current: 555e6, target: 1e9)!
        #expect(abs(p.share - 0.555) < 1e-12)
        #expect(p.remaining == 445e6)
        let over = Metrics.progress(current: 1.2e9, target: 1e9)!
        #expect(over.remaining == 0)
        #expect(abs(over.share - 1.2) < 1e-12)
        #expect(Metrics.progress(current: 1, target: 0) == nil)
    }

    @Test func requiredGrowthToReachTarget() {
        // 555 M in 2024 to 1,000 M by 2027: (1000/555)^(1/3) − 1 = 0.216846…
        let g = Metrics.requiredGrowth(current: 555e6, fromYear: 2024, target: 1e9, byYear: 2027)!
        #expect(abs(g - 0.216846) < 1e-6)
        #expect(Metrics.requiredGrowth(current: 555e6, fromYear: 2024, target: 1e9, byYear: 2024) == nil)
        #expect(Metrics.requiredGrowth(current: 2e9, fromYear: 2024, target: 1e9, byYear: 2020) == 0)
    }

    @Test func yearReachedAtAGrowthRate() {
        // 100 growing 10 %: 110, 121, 133.1 → reaches 121 exactly in year +2, 130 in year +3.
        #expect(Metrics.yearReached(current: 100, fromYear: 2024, target: 121, rate: 0.10) == 2026)
        #expect(Metrics.yearReached(current: 100, fromYear: 2024, target: 130, rate: 0.10) == 2027)
        // 555 M at 21.69 % reaches 1 bn in 2027 (1,000.3 M); at 21.68 % it is 999.9 M then, so 2028;
        // at 20 % in 2028 (555·1.2³ = 959 M, ·1.2⁴ = 1,151 M).
        #expect(Metrics.yearReached(current: 555e6, fromYear: 2024, target: 1e9, rate: 0.2169) == 2027)
        #expect(Metrics.yearReached(current: 555e6, fromYear: 2024, target: 1e9, rate: 0.2168) == 2028)
        #expect(Metrics.yearReached(current: 555e6, fromYear: 2024, target: 1e9, rate: 0.20) == 2028)
        // Already reached, no growth, negative growth.
        #expect(Metrics.yearReached(current: 1e9, fromYear: 2024, target: 1e9, rate: -0.5) == 2024)
        #expect(Metrics.yearReached(current: 555e6, fromYear: 2024, target: 1e9, rate: 0) == nil)
        #expect(Metrics.yearReached(current: 555e6, fromYear: 2024, target: 1e9, rate: -0.014) == nil)
        // Beyond the horizon.
        #expect(Metrics.yearReached(current: 1, fromYear: 2024, target: 1e9, rate: 0.001, horizon: 100) == nil)
    }

    @Test func projection() {
        #expect(abs(Metrics.project(100, rate: 0.1, years: 2) - 121) < 1e-9)
        #expect(Metrics.project(100, rate: 0.1, years: 0) == 100)
    }
}

@Suite struct DatasetQueryTests {
    static func obs(_ year: Int, _ usd: Double?, months: ClosedRange<Int>? = nil, flow: Flow = .turnover, from: String? = nil, to: String? = nil,
                    growth: Double? = nil, q: Qualifier = .exact, kind: FigureKind = .stated, source: String = "a") -> TradeObservation {
        TradeObservation(period: Period(year: year, months: months), flow: flow, from: from, to: to, usd: usd, growth: growth,
                         qualifier: q, kind: kind, source: source)
    }

    static func dataset(_ trade: [TradeObservation]) -> Dataset {
        Dataset(title: "T", asOf: DateValue(year: 2025, month: 1, day: 1),
                countries: [Country(code: "KZ", name: "Kazakhstan"), Country(code: "TM", name: "Turkmenistan")],
                sources: [Source(id: "a", publisher: "A", date: DateValue(year: 2022)), Source(id: "b", publisher: "B", date: DateValue(year: 2024))],
                trade: trade)
    }

    @Test func partialYearsNeverCountAsFullYears() {
        let d = Self.dataset([Self.obs(2024, 555e6), Self.obs(2025, 363.6e6, months: 1...9)])
        #expect(d.latestFullYear == 2024)
        #expect(d.value(.turnover, year: 2025) == nil)
        #expect(d.fullYears(.turnover) == [2024])
        #expect(d.computedGrowth(.turnover, year: 2025) == nil)
    }

    @Test func preferredObservationIsStatedThenExactThenNewest() {
        let d = Self.dataset([
            Self.obs(2021, 250e6, q: .about, source: "a"),
            Self.obs(2021, 254.3e6, source: "a"),
            Self.obs(2021, 260e6, kind: .derived, source: "b"),
            Self.obs(2022, 440e6, q: .about, kind: .derived, source: "a"),
            Self.obs(2022, 460e6, q: .about, kind: .derived, source: "b"),
        ])
        #expect(d.value(.turnover, year: 2021) == 254.3e6)
        // Both derived and approximate: the newer source (b, 2024) wins.
        #expect(d.value(.turnover, year: 2022) == 460e6)
    }

    @Test func growthAndCAGRFromPreferredValues() {
        let d = Self.dataset([Self.obs(2021, 254.3e6), Self.obs(2023, 563e6), Self.obs(2024, 555e6)])
        #expect(abs(d.computedGrowth(.turnover, year: 2024)! - (555.0 / 563.0 - 1)) < 1e-12)
        #expect(d.computedGrowth(.turnover, year: 2023) == nil) // 2022 missing
        #expect(abs(d.cagr(.turnover, from: 2021, to: 2024)! - 0.297126) < 1e-6)
    }

    @Test func directionsSeparateExportsAndImports() {
        let d = Self.dataset([
            Self.obs(2024, 335e6, flow: .exports, from: "KZ", to: "TM"),
            Self.obs(2024, 220e6, flow: .imports, from: "TM", to: "KZ", q: .about, kind: .derived),
        ])
        #expect(d.value(.goods(from: "KZ", to: "TM"), year: 2024) == 335e6)
        #expect(d.value(.goods(from: "TM", to: "KZ"), year: 2024) == 220e6)
        #expect(d.value(.turnover, year: 2024) == nil)
    }

    @Test func conflictsNeedTwoStatedSourcesDifferingByMoreThanOnePercent() {
        let d = Self.dataset([
            // "About 250 M" allows 245–255 M (half its last significant digit, 10 M): 254.3 M agrees,
            // 270 M (1.7 % and 8 % apart) does not: one conflict, 250 vs 270.
            Self.obs(2021, 250e6, q: .about, source: "a"),
            Self.obs(2021, 254.3e6, source: "b"),
            Self.obs(2022, 250e6, q: .about, source: "a"),
            Self.obs(2022, 270e6, source: "b"),
            Self.obs(2019, 100e6, source: "a"),
            Self.obs(2019, 100.5e6, source: "b"),           // 0.5 % apart: none
            Self.obs(2018, 100e6, source: "a"),
            Self.obs(2018, 150e6, kind: .derived, source: "b"), // derived: none
            Self.obs(2017, 100e6, source: "a"),
            Self.obs(2017, 150e6, source: "a"),             // same source: none
            Self.obs(2024, 555e6, q: .over, source: "a"),
            Self.obs(2024, 560e6, source: "b"),             // consistent with "over": none
            Self.obs(2023, 563e6, growth: 0.28, source: "a"),
            Self.obs(2023, nil, growth: 0.225, source: "b"), // growth conflict
            Self.obs(2025, 100e6, months: 1...9, source: "a"),
            Self.obs(2025, 120e6, months: 1...6, source: "b"), // different periods: none
        ])
        let c = d.conflicts
        #expect(c.count == 2)
        #expect(!c.contains { $0.key.period.year == 2021 })
        // 20 / 270 = 7.41 % apart.
        #expect(c.contains { $0.kind == .value && $0.key.period.year == 2022 && abs($0.difference - 20 / 270) < 1e-9 })
        #expect(c.contains { $0.kind == .growth && $0.key.period.year == 2023 && abs($0.difference - 0.055) < 1e-9 })
    }

    @Test func periodLabels() {
        #expect(Period(year: 2025, months: 1...9).label == "2025 Jan–Sep")
        #expect(Period(year: 2024).label == "2024")
        #expect(Period(year: 2020, months: 10...10).label == "2020 Oct")
        #expect(Period(year: 2025, months: 1...9).monthCount == 9)
    }

    @Test func moneyFormatting() {
        #expect(Money.millions(254.3e6) == "254.3 M")
        #expect(Money.millions(1e9) == "1,000 M")
        #expect(Money.millions(555e6) == "555 M")
        #expect(Money.percent(0.28) == "+28.0 %")
        #expect(Money.percent(-0.0142) == "−1.4 %")
        #expect(Money.share(0.555) == "55.5 %")
    }
}
