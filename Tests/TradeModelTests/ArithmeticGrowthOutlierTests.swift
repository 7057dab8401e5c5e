import Testing
@testable import TradeModel

@Suite struct GrowthCheckTests {
    typealias A = Arith

    @Test func theBundled2012FigureWarns() throws {
        // 183 M (±0.5) to 345 M (±0.5): +87.7 % to +89.3 % (344.5 / 183.5 and 345.5 / 182.5), point
        // 345 / 183 = +88.5 %. "+90 %" allows 89.5–90.5 %: they do not meet.
        let w = A.warnings([A.turnover(2011, 183e6), A.turnover(2012, 345e6, growth: 0.9)], .growth)
        try #require(w.count == 1)
        #expect(w[0].observations == [1, 0])
        #expect(w[0].message == "2012 turnover growth stated +90 %, but 2011's 183 M to 2012's 345 M is +88.5 % (+87.7 % to +89.3 % within their rounding)")
    }

    @Test func roundingDecidesNotThePointValues() {
        let values = { (g: Double) in [A.turnover(2011, 183e6), A.turnover(2012, 345e6, growth: g)] }
        // +88.5 %: 88.0–89.0 % meets 87.7–89.3 %.
        #expect(A.warnings(values(0.885), .growth).isEmpty)
        // +89.5 %: 89.0–90.0 % still meets 87.7–89.3 %, a point apart from +88.5 %.
        #expect(A.warnings(values(0.895), .growth).isEmpty)
        // +87 %: 86.5–87.5 % ends below 87.7 %.
        #expect(A.warnings(values(0.87), .growth).count == 1)
    }

    @Test func approximateValuesWidenTheRange() throws {
        // About 460 M is ±9.2 M (2 %, wider than ±5 M): 450.8–469.2 M. To 563 M (±0.5):
        // 562.5 / 469.2 − 1 = +19.9 %, 563.5 / 450.8 − 1 = +25.0 %; point 563 / 460 = +22.4 %. +28 % is outside.
        let w = A.warnings([A.turnover(2022, 460e6, .about), A.turnover(2023, 563e6, growth: 0.28)], .growth)
        #expect(w.map(\.message) == ["2023 turnover growth stated +28 %, but 2022's about 460 M to 2023's 563 M is +22.4 % (+19.9 % to +25.0 % within their rounding)"])
        // A growth stated without a value is checked against the period's preferred value: about 440 M
        // (431.2–448.8) to 563 M gives +25.3 % to +30.7 % (562.5 / 448.8, 563.5 / 431.2), point +28.0 %:
        // +28 % agrees, +22.5 % does not.
        let trade = [A.turnover(2022, 440e6, .about), A.turnover(2023, 563e6, growth: 0.28), A.turnover(2023, nil, growth: 0.225)]
        let v = A.warnings(trade, .growth)
        try #require(v.count == 1)
        #expect(v[0].observations == [2, 0, 1])
        #expect(v[0].message == "2023 turnover growth stated +22.5 %, but 2022's about 440 M to 2023's 563 M is +28.0 % (+25.3 % to +30.7 % within their rounding)")
    }

    @Test func boundsGiveOneSidedRanges() {
        // 563 M (562.5–563.5) to over 555 M: at least 555 / 563.5 − 1 = −1.508 %, said as −1.6 % (rounded down). −1.4 % (−1.9 to −0.9 %) fits; −5 % does not.
        #expect(A.warnings([A.turnover(2023, 563e6), A.turnover(2024, 555e6, .over, growth: -0.014)], .growth).isEmpty)
        let down = A.warnings([A.turnover(2023, 563e6), A.turnover(2024, 555e6, .over, growth: -0.05)], .growth)
        #expect(down.map(\.message) == ["2024 turnover growth stated −5 %, but 2023's 563 M to 2024's over 555 M is at least −1.6 %"])
        // From over 563 M to 555 M (554.5–555.5): at most 555.5 / 563 − 1 = −1.3 %. +5 % does not fit.
        let up = A.warnings([A.turnover(2023, 563e6, .over), A.turnover(2024, 555e6, growth: 0.05)], .growth)
        #expect(up.map(\.message) == ["2024 turnover growth stated +5 %, but 2023's over 563 M to 2024's 555 M is at most −1.3 %"])
    }

    @Test func partialPeriodsUseTheSameMonthsAYearEarlier() {
        // 345 M (Jan–Sep 2024) to 363.6 M: 363.55 / 345.5 − 1 = +5.22 % to 363.65 / 344.5 − 1 = +5.56 %; +5.4 % fits.
        #expect(A.warnings([A.turnover(2024, 345e6, months: 1...9), A.turnover(2025, 363.6e6, months: 1...9, growth: 0.054)], .growth).isEmpty)
        // From 300 M: 363.55 / 300.5 − 1 = +21.0 % to 363.65 / 299.5 − 1 = +21.4 %, point 363.6 / 300 = +21.2 %.
        let w = A.warnings([A.turnover(2024, 300e6, months: 1...9), A.turnover(2025, 363.6e6, months: 1...9, growth: 0.054)], .growth)
        #expect(w.map(\.message) == ["2025 Jan–Sep turnover growth stated +5.4 %, but 2024 Jan–Sep's 300 M to 2025 Jan–Sep's 363.6 M is +21.2 % (+21.0 % to +21.4 % within their rounding)"])
        // Without the same months a year earlier nothing is compared: not the full year, not other months.
        #expect(A.warnings([A.turnover(2024, 300e6), A.turnover(2024, 100e6, months: 1...6),
                            A.turnover(2025, 363.6e6, months: 1...9, growth: 0.054)], .growth).isEmpty)
        // Nor a full year without the year before.
        #expect(A.warnings([A.turnover(2010, 100e6), A.turnover(2012, 345e6, growth: 0.9)], .growth).isEmpty)
    }

    @Test func directionsWhicheverSideReportedThem() {
        // KZ→TM: 100 M as KZ's exports in 2023, 150 M as TM's imports in 2024: 149.5 / 100.5 − 1 = +48.8 % to
        // 150.5 / 99.5 − 1 = +51.3 %, point +50.0 %.
        let trade = { (g: Double) in [A.goods(.exports, "KZ", "TM", 2023, 100e6), A.goods(.imports, "KZ", "TM", 2024, 150e6, growth: g)] }
        #expect(A.warnings(trade(0.5), .growth).isEmpty)
        #expect(A.warnings(trade(0.2), .growth).map(\.message)
                == ["2024 KZ→TM imports growth stated +20 %, but 2023's 100 M to 2024's 150 M is +50.0 % (+48.8 % to +51.3 % within their rounding)"])
        // The other direction's figures are another series.
        #expect(A.warnings([A.goods(.exports, "TM", "KZ", 2023, 100e6), A.goods(.imports, "KZ", "TM", 2024, 150e6, growth: 0.2)], .growth).isEmpty)
    }
}

@Suite struct OutlierCheckTests {
    typealias A = Arith

    @Test func theTypoAtTheEndOfTheSeries() throws {
        // 563 M / 700 = 804,285.7. 2023 is confirmed by 2022 (460 M, within 100×), so 2024 is the odd one.
        let w = A.warnings([A.turnover(2022, 460e6), A.turnover(2023, 563e6), A.turnover(2024, 700)], .outlier)
        try #require(w.count == 1)
        #expect(w[0].observations == [2, 1])
        #expect(w[0].message == "2024 turnover 700 USD is 804,286× below 2023's 563 M — a typo for 700 M?")
    }

    @Test func aTypoInTheMiddleIsComparedWithBothSides() throws {
        // 460 M / 563 = 817,051.5; 555 M / 563 = 985,790.4. Its neighbours are not warned about: each
        // has the typo as its only neighbour, and the typo is as far from the year beyond.
        let w = A.warnings([A.turnover(2022, 460e6), A.turnover(2023, 563), A.turnover(2024, 555e6)], .outlier)
        try #require(w.count == 1)
        #expect(w[0].observations == [1, 0, 2])
        #expect(w[0].message == "2023 turnover 563 USD is 817,052× below 2022's 460 M and 985,790× below 2024's 555 M — a typo for 563 M?")
        // Far from one side only: a series that jumps is not a typo.
        #expect(A.warnings([A.turnover(2022, 460e6), A.turnover(2023, 563e6), A.turnover(2024, 60e9)], .outlier).count == 1,
                "2024 alone at the end, 106× above 2023")
        #expect(A.warnings([A.turnover(2022, 1e6), A.turnover(2023, 563e6), A.turnover(2024, 600e6)], .outlier).map(\.subject) == [0],
                "2022 at the start, 563× below 2023, which 2024 confirms")
        // 2022 is 460× below 2021 but only 2× below 2023: not it. 2021 is 460× above 2022, which 2023 confirms.
        #expect(A.warnings([A.turnover(2021, 460e6), A.turnover(2022, 1e6), A.turnover(2023, 2e6)], .outlier).map(\.message)
                == ["2021 turnover 460 M is 460× above 2022's 1 M"])
    }

    @Test func theThresholdIsAHundredTimes() {
        // 563 M / 101 = 5,574,257: 101× below. 563 M / 99: 99×, no warning.
        let far = A.warnings([A.turnover(2022, 460e6), A.turnover(2023, 563e6), A.turnover(2024, 563e6 / 101)], .outlier)
        #expect(far.map(\.message) == ["2024 turnover 5.6 M is 101× below 2023's 563 M"], "no typo suggested: ×1,000 gives 5.6 bn, 10× too much")
        #expect(A.warnings([A.turnover(2022, 460e6), A.turnover(2023, 563e6), A.turnover(2024, 563e6 / 99)], .outlier).isEmpty)
    }

    @Test func aValueTooLarge() {
        // 700 bn / 563 M = 1,243.3: above; ÷ 1,000 gives 700 M.
        let w = A.warnings([A.turnover(2022, 460e6), A.turnover(2023, 563e6), A.turnover(2024, 700e9)], .outlier)
        #expect(w.map(\.message) == ["2024 turnover 700.0 bn is 1,243× above 2023's 563 M — a typo for 700 M?"])
    }

    @Test func partialPeriodsAtTheirYearlyRate() {
        // January–March 140 USD is 560 USD for 12 months: 563 M / 560 = 1,005,357.1 below 2024; ×10⁶ gives 140 M.
        let w = A.warnings([A.turnover(2023, 460e6), A.turnover(2024, 563e6), A.turnover(2025, 140, months: 1...3)], .outlier)
        #expect(w.map(\.message) == ["2025 Jan–Mar turnover 140 USD (560 USD for 12 months) is 1,005,357× below 2024's 563 M — a typo for 140 M?"])
        // 140 M for January–March is 560 M a year: no warning. Unscaled, one month beside a year is only 12×.
        #expect(A.warnings([A.turnover(2023, 460e6), A.turnover(2024, 563e6), A.turnover(2025, 140e6, months: 1...3)], .outlier).isEmpty)
        // The partial period's own full year counts as the later neighbour: 4 M for Jan–Jun (8 M a year)
        // against 2023's 900 M (112.5×) but 2024's 10 M (1.25×): not a typo.
        // (2023 and 2024 are 90× apart: no warning either.)
        #expect(A.warnings([A.turnover(2023, 900e6), A.turnover(2024, 4e6, months: 1...6), A.turnover(2024, 10e6)], .outlier).isEmpty)
    }

    @Test func aSeriesOfTwoYearsCannotTellWhichIsWrong() {
        let w = A.warnings([A.turnover(2023, 563e6), A.turnover(2024, 700)], .outlier)
        #expect(w.map(\.message) == ["2023 turnover 563 M is 804,286× above 2024's 700 USD — one of the two is likely a typo",
                                     "2024 turnover 700 USD is 804,286× below 2023's 563 M — one of the two is likely a typo"])
    }

    @Test func boundsCountAsTheValuesTheyAllow() {
        // Under 1 M: at most 1 M, so at least 563 M / 1 M = 563× below.
        let under = A.warnings([A.turnover(2022, 460e6), A.turnover(2023, 563e6), A.turnover(2024, 1e6, .under)], .outlier)
        #expect(under.map(\.message) == ["2024 turnover under 1 M is at least 563× below 2023's 563 M"])
        // Over 5 M allows 563 M.
        #expect(A.warnings([A.turnover(2022, 460e6), A.turnover(2023, 563e6), A.turnover(2024, 5e6, .over)], .outlier).isEmpty)
    }

    @Test func eachDirectionIsItsOwnSeries() {
        // KZ→TM, reported as exports and imports alike: 350 M / 400 = 875,000.
        let trade = [A.goods(.exports, "KZ", "TM", 2022, 300e6), A.goods(.imports, "KZ", "TM", 2023, 350e6),
                     A.goods(.exports, "KZ", "TM", 2024, 400), A.turnover(2023, 400)]
        #expect(A.warnings(trade, .outlier).map(\.message) == ["2024 KZ→TM exports 400 USD is 875,000× below 2023's 350 M — a typo for 400 M?"])
    }
}
