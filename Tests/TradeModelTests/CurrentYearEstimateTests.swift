import Testing
@testable import TradeModel

/// Issue 10 item 1, the current year from its partial figures: where a partial period has the same
/// months a year earlier (a figure, or implied by a stated growth), the year-to-date growth and the
/// full-year estimate (the previous full year × (1 + that growth)); always the partial value scaled
/// by its months; never counted as a full year.
@Suite struct CurrentYearEstimateTests {
    @Test func sameMonthsAYearEarlierStated() throws {
        // 2024 500 M; Jan–Jun 2024 200 M; Jan–Jun 2025 230 M.
        // YTD growth 230/200 − 1 = +15 %; estimate 500 × 1.15 = 575 M; scaled 230 × 12/6 = 460 M.
        let d = AF.dataset([
            AF.obs(2024, 500e6, source: "old"),
            AF.obs(2024, 200e6, months: 1...6, source: "mid"),
            AF.obs(2025, 230e6, months: 1...6, source: "new"),
        ])
        let e = try #require(d.currentYearEstimate(.turnover))
        #expect(e.year == 2025)
        #expect(e.partial.usd == 230e6 && e.partial.period == Period(year: 2025, months: 1...6))
        #expect(e.sameMonthsBefore == 200e6)
        #expect(e.sameMonthsBeforeIsStated)
        #expect(e.sameMonthsBeforeSource == "mid")
        #expect(AF.close(e.yearToDateGrowth, 0.15))
        #expect(!e.yearToDateGrowthIsStated)
        #expect(e.yearToDateGrowthBound == .exact)
        #expect(e.previousYear?.usd == 500e6)
        #expect(AF.close(e.fromPreviousYear, 575e6))
        #expect(e.fromPreviousYearBound == .exact)
        #expect(AF.close(e.scaledByMonths, 460e6))
        #expect(e.scaledByMonthsBound == .exact)
        // The outlook uses the one from the previous year.
        #expect(e.usesPreviousYear)
        #expect(AF.close(e.value, 575e6))
        #expect(e.bound == .exact)
    }

    @Test func onlyAStatedGrowth() throws {
        // The bundled 2025 case, small: 2024 over 555 M; Jan–Sep 2025 363.6 M, +5.4 % on a year earlier.
        // Same months 2024 = 363.6/1.054 = 344.97 M (implied, not a figure); estimate = over 555 × 1.054
        // = at least 584.97 M; scaled = 363.6 × 12/9 = 484.8 M.
        let d = AF.dataset([
            AF.obs(2024, 555e6, q: .over, source: "old"),
            AF.obs(2025, 363.6e6, months: 1...9, growth: 0.054, source: "u1"),
        ])
        let e = try #require(d.currentYearEstimate(.turnover))
        try Self.expectBundled2025(e)
    }

    /// The figures of the 2025 estimate, for the bundled data and its small copy.
    /// `sameMonthsInData`: the bundled data has Jan–Sep 2024 as a figure, about 345 M, derived (363.6 ÷ 1.054,
    /// facts D1); the small copy has only the growth, which implies 344.97 M.
    static func expectBundled2025(_ e: CurrentYearEstimate, sameMonthsInData: Bool = false) throws {
        #expect(e.year == 2025)
        #expect(e.partial.usd == 363.6e6)
        if sameMonthsInData {
            #expect(e.sameMonthsBefore == 345e6 && e.sameMonthsBeforeBound == .approximate)
            #expect(e.sameMonthsBeforeSource == "turkmenportal-96731")
        } else {
            #expect(AF.close(e.sameMonthsBefore, 363.6e6 / 1.054))
            #expect(AF.close(e.sameMonthsBefore, 344.9715e6, 1e-6))
            #expect(e.sameMonthsBeforeSource == nil)
        }
        // Implied, or a derived figure: not stated either way.
        #expect(!e.sameMonthsBeforeIsStated)
        #expect(AF.close(e.yearToDateGrowth, 0.054))
        #expect(e.yearToDateGrowthIsStated)
        #expect(e.previousYear?.usd == 555e6)
        #expect(AF.close(e.fromPreviousYear, 584.97e6))
        // Over 555 M × an exact growth: at least.
        #expect(e.fromPreviousYearBound == .atLeast)
        #expect(AF.close(e.scaledByMonths, 484.8e6))
        #expect(e.scaledByMonthsBound == .exact)
        #expect(AF.close(e.value, 584.97e6) && e.bound == .atLeast && e.usesPreviousYear)
    }

    @Test func bundled2025() throws {
        let e = try #require(AF.bundled.currentYearEstimate(.turnover))
        try Self.expectBundled2025(e, sameMonthsInData: true)
    }

    @Test func neitherSameMonthsNorGrowth() throws {
        // 2024 500 M; Jan–Sep 2025 450 M, no growth and no Jan–Sep 2024: only scaled, 450 × 12/9 = 600 M.
        let d = AF.dataset([
            AF.obs(2024, 500e6),
            AF.obs(2025, 450e6, months: 1...9),
        ])
        let e = try #require(d.currentYearEstimate(.turnover))
        #expect(e.sameMonthsBefore == nil)
        #expect(e.yearToDateGrowth == nil)
        #expect(e.fromPreviousYear == nil)
        #expect(!e.usesPreviousYear)
        #expect(AF.close(e.scaledByMonths, 600e6))
        #expect(AF.close(e.value, 600e6))
        #expect(e.bound == .exact)
    }

    @Test func growthWithoutAPreviousFullYear() throws {
        // No full year at all; Jan–Jun 2024 200 M, Jan–Jun 2025 230 M: YTD +15 %, but nothing to apply
        // it to: the estimate is scaled, 230 × 2 = 460 M.
        let d = AF.dataset([
            AF.obs(2024, 200e6, months: 1...6),
            AF.obs(2025, 230e6, months: 1...6),
        ])
        let e = try #require(d.currentYearEstimate(.turnover))
        #expect(e.year == 2025)
        #expect(AF.close(e.yearToDateGrowth, 0.15))
        #expect(e.fromPreviousYear == nil)
        #expect(AF.close(e.value, 460e6))
    }

    @Test func boundsCarryThrough() throws {
        // Partial about 230 M (Jan–Jun 2025), same months exact 200 M, 2024 exact 500 M:
        // YTD growth and both estimates are approximate.
        let about = AF.dataset([
            AF.obs(2024, 500e6),
            AF.obs(2024, 200e6, months: 1...6),
            AF.obs(2025, 230e6, months: 1...6, q: .about),
        ])
        let a = try #require(about.currentYearEstimate(.turnover))
        #expect(a.yearToDateGrowthBound == .approximate)
        #expect(a.fromPreviousYearBound == .approximate)
        #expect(a.scaledByMonthsBound == .approximate)
        // Same months "over 200 M": the growth 230/200 − 1 = 15 % is at most that, and so the
        // estimate 500 × 1.15 = 575 M is at most; the scaled 460 M is exact (it uses 2025 only).
        let over = AF.dataset([
            AF.obs(2024, 500e6),
            AF.obs(2024, 200e6, months: 1...6, q: .over),
            AF.obs(2025, 230e6, months: 1...6),
        ])
        let o = try #require(over.currentYearEstimate(.turnover))
        #expect(AF.close(o.yearToDateGrowth, 0.15))
        #expect(o.yearToDateGrowthBound == .atMost)
        #expect(o.fromPreviousYearBound == .atMost)
        #expect(o.bound == .atMost)
        #expect(o.scaledByMonthsBound == .exact)
    }

    @Test func theLatestPartialPeriodOfTheYearIsUsed() throws {
        // Jan–Mar 2025 100 M and Jan–Jun 2025 230 M: the later, Jan–Jun (230 × 2 = 460 M scaled).
        let d = AF.dataset([
            AF.obs(2024, 500e6),
            AF.obs(2025, 100e6, months: 1...3),
            AF.obs(2025, 230e6, months: 1...6),
        ])
        let e = try #require(d.currentYearEstimate(.turnover))
        #expect(e.partial.period == Period(year: 2025, months: 1...6))
        #expect(AF.close(e.scaledByMonths, 460e6))
    }

    @Test
    func aSingleLaterMonthDoesNotReplaceTheYearToDate() throws {
        // Jan–Sep 2025 363.6 M +5.4 %, and October 2025 alone 40 M. The year-to-date figure is
        // Jan–Sep: estimate 555 × 1.054 = 584.97 M (scaled 484.8 M). October alone is not a
        // year to date (scaled, 40 × 12 = 480 M, no growth).
        let d = AF.dataset([
            AF.obs(2024, 555e6),
            AF.obs(2025, 363.6e6, months: 1...9, growth: 0.054),
            AF.obs(2025, 40e6, months: 10...10),
        ])
        let e = try #require(d.currentYearEstimate(.turnover))
        #expect(e.partial.period == Period(year: 2025, months: 1...9))
        #expect(AF.close(e.value, 584.97e6))
    }

    @Test func noEstimateWhenThePartialIsNotAfterTheLatestFullYear() {
        // Jan–Sep 2023 before the full 2024: nil.
        let older = AF.dataset([AF.obs(2024, 555e6), AF.obs(2023, 300e6, months: 1...9)])
        #expect(older.currentYearEstimate(.turnover) == nil)
        // Jan–Sep 2024 with the full 2024: the year is known, nil.
        let same = AF.dataset([AF.obs(2024, 555e6), AF.obs(2024, 400e6, months: 1...9)])
        #expect(same.currentYearEstimate(.turnover) == nil)
        // Jan–Sep 2025 with a full 2025 (and 2024): nil.
        let full = AF.dataset([AF.obs(2024, 555e6), AF.obs(2025, 600e6), AF.obs(2025, 363.6e6, months: 1...9, growth: 0.054)])
        #expect(full.currentYearEstimate(.turnover) == nil)
        // No partial at all: nil.
        #expect(AF.dataset([AF.obs(2024, 555e6)]).currentYearEstimate(.turnover) == nil)
    }

    @Test
    func aPartialGivenOnlyAsAGrowthStillGivesTheEstimateFromThePreviousYear() throws {
        // Jan–Sep 2025 stated only as +5.4 % (no value); 2024 555 M. The data supports the estimate
        // from the previous year, 555 × 1.054 = 584.97 M ("whichever the data supports"), not the
        // scaled one (there is no value to scale).
        let d = AF.dataset([AF.obs(2024, 555e6), AF.obs(2025, nil, months: 1...9, growth: 0.054)])
        let estimate = d.currentYearEstimate(.turnover)
        let e = try #require(estimate)
        #expect(AF.close(e.fromPreviousYear, 584.97e6))
        #expect(AF.close(e.value, 584.97e6))
    }

    @Test func theEstimateIsNeverAFullYear() throws {
        // With the 2025 estimate present, 2025 is not a full year: no value, no growth, the latest
        // full year stays 2024.
        let d = AF.dataset([
            AF.obs(2023, 563e6),
            AF.obs(2024, 555e6, q: .over),
            AF.obs(2025, 363.6e6, months: 1...9, growth: 0.054),
        ])
        _ = try #require(d.currentYearEstimate(.turnover))
        #expect(d.fullYears(.turnover) == [2023, 2024])
        #expect(d.latestFullYear == 2024)
        #expect(d.value(.turnover, year: 2025) == nil)
        #expect(d.computedGrowth(.turnover, year: 2025) == nil)
    }

    @Test func perDirection() throws {
        // Exports KZ→TM: 2024 300 M, Jan–Jun 2025 180 M with +20 % → 300 × 1.2 = 360 M; turnover has no partial.
        let kz = Direction.goods(from: "KZ", to: "TM")
        let d = AF.dataset([
            AF.obs(2024, 555e6),
            AF.obs(2024, 300e6, flow: .exports, from: "KZ", to: "TM"),
            AF.obs(2025, 180e6, months: 1...6, flow: .exports, from: "KZ", to: "TM", growth: 0.2),
        ])
        #expect(d.currentYearEstimate(.turnover) == nil)
        let e = try #require(d.currentYearEstimate(kz))
        #expect(AF.close(e.value, 360e6))
        #expect(AF.close(e.sameMonthsBefore, 150e6))   // 180 / 1.2
    }

    @Test func bothDirectionsWithoutATurnoverGiveTheEstimate() throws {
        // 2024 turnover 555 M; 2025 Jan–Sep only as KZ→TM exports 221.7 M and TM→KZ imports 141 M
        // (no turnover figure). Their sum, 362.7 M (derived), is the partial: × 12/9 = 483.6 M.
        let d = AF.dataset([AF.obs(2024, 555e6),
                            AF.obs(2025, 221.7e6, months: 1...9, flow: .exports, from: "KZ", to: "TM"),
                            AF.obs(2025, 141e6, months: 1...9, flow: .imports, from: "TM", to: "KZ")])
        let e = try #require(d.currentYearEstimate(.turnover))
        #expect(e.partial.kind == .derived && AF.close(e.partial.usd, 362.7e6))
        #expect(AF.close(e.value, 362.7e6 * 12 / 9))
        #expect(e.yearToDateGrowth == nil && !e.usesPreviousYear)
    }
}
