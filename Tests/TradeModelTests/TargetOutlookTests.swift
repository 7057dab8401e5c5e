import Testing
@testable import TradeModel

/// Issue 10 items 1, 2 and 8: the target's outlook from the latest evidence. The share and what
/// remains come from the latest full year; the outlook starts from the current-year estimate when
/// there is one, else from the latest full year: the growth still needed per year after it, and the
/// year reached at the year-to-date pace, at last year's growth and at the three-year CAGR.
@Suite struct TargetOutlookTests {
    static func bundled(deadline: Int? = nil) throws -> TargetProgress {
        let d = AF.bundled
        let t = try #require(d.targets.first { $0.id == "trade-1bn" })
        return TargetProgress(target: t, dataset: d, deadline: deadline)
    }

    // MARK: The bundled data: 1 bn by 2027; 2024 over 555 M; Jan–Sep 2025 363.6 M, +5.4 %.

    @Test func bundledStartsFromThe2025Estimate() throws {
        let p = try Self.bundled()
        // As of 22 February 2026: 2025 has only January–September, so the estimate is still 2025's.
        #expect(p.deadline == 2027 && p.currentYear == 2026)
        // The latest full year is 2024, over 555 M: share at least 555/1000 = 55.5 %.
        #expect(p.year == 2024)
        #expect(p.current == 555e6 && p.currentBound == .atLeast)
        #expect(AF.close(p.share, 0.555) && p.shareBound == .atLeast)
        // The base: the 2025 estimate, over 555 × 1.054 = at least 584.97 M.
        #expect(p.baseIsEstimate)
        #expect(p.baseYear == 2025)
        #expect(AF.close(p.baseValue, 584.97e6))
        #expect(p.baseBound == .atLeast)
    }

    @Test func bundledGrowthNeededAfterTheEstimate() throws {
        // (1000/584.97)^(1/2) − 1 = 1.709489^(1/2) − 1 = 30.747 %; more value means less needed: at most.
        let p = try Self.bundled()
        #expect(AF.close(p.requiredGrowth, 0.307474, 1e-6))
        #expect(p.requiredBound == .atMost)
    }

    @Test func bundledReachAtTheYearToDatePace() throws {
        // Smallest n with 584.97 × 1.054^n ≥ 1000: ln(1.709489)/ln(1.054) = 10.195 → n = 11
        // (n = 10: 989.8 M; n = 11: 1,043.2 M) → 2025 + 11 = 2036. The base is a lower bound, so the
        // year is an upper bound: "reached by 2036 at the latest".
        let p = try Self.bundled()
        #expect(p.reachAtYearToDate == .year(2036, .atMost))
        #expect(p.reachAtYearToDate.text == "reached by 2036 at the latest")
    }

    @Test func bundledReachAtLastYearsGrowthIsUnknown() throws {
        // Last year's growth: over 555 / 563 − 1 = at least −1.42 %. A negative lower bound: the true
        // growth may be positive, so neither a year nor "never" can be said.
        let p = try Self.bundled()
        #expect(AF.close(p.lastGrowth, 555.0 / 563 - 1))
        #expect(p.lastGrowthBound == .atLeast)
        #expect(p.reachAtLast == .unknown)
    }

    @Test func bundledReachAtTheThreeYearCAGR() throws {
        // CAGR 2021–2024: (555/254.3)^(1/3) − 1 = 29.713 %, at least (2024 is a lower bound).
        // From 584.97 M: n = 2 → 584.97 × 1.29713² = 984.2 M; n = 3 → 1,276.7 M → 2028, at the latest.
        let p = try Self.bundled()
        #expect(p.recentRange == 2021...2024)
        #expect(AF.close(p.recentCAGR, 0.297126, 1e-6))
        #expect(p.recentBound == .atLeast)
        #expect(p.yearReachedAtRecent == 2028)
        #expect(p.reachAtRecent == .year(2028, .atMost))
    }

    @Test func bundledReachAtAFixedRate() throws {
        let p = try Self.bundled()
        // 0 % or less never reaches 1 bn from ~585 M, whatever the bound.
        #expect(p.reach(atRate: 0) == .never)
        #expect(p.reach(atRate: -0.1) == .never)
        #expect(p.reach(atRate: 0).text == "never at this rate")
        // 20 %: 584.97 × 1.2² = 842.4 M, × 1.2³ = 1,010.8 M → 2028, at the latest.
        #expect(p.reach(atRate: 0.2) == .year(2028, .atMost))
        // Projection from the base: 2026 at +5.4 % = 584.97 × 1.054 = 616.56 M; none before the base.
        #expect(AF.close(p.projected(rate: 0.054, in: 2026), 616.55838e6, 1e-6))
        #expect(p.projected(rate: 0.054, in: 2024) == nil)
    }

    @Test func bundledDeadlineInThePast() throws {
        // Deadline 2024 < as-of year 2026: passed; no growth can be "needed" any more.
        let p = try Self.bundled(deadline: 2024)
        #expect(p.deadlinePassed)
        #expect(p.requiredGrowth == nil)
        // 2024 was over 555 M: the bound does not say whether 1 bn was reached.
        #expect(p.deadlineOutcome == .unknown)
        // Deadline 2025, the estimated year, is passed too (the data is as of February 2026), and no year
        // is left to grow in after the estimate.
        let q = try Self.bundled(deadline: 2025)
        #expect(q.deadlinePassed)
        #expect(q.requiredGrowth == nil)
        // Deadline 2026, the as-of year: not passed; one year after the 2025 estimate, at most
        // 1000 / 584.97 − 1 = +70.9 %.
        let r = try Self.bundled(deadline: 2026)
        #expect(!r.deadlinePassed)
        #expect(AF.close(r.requiredGrowth, 1000 / 584.97 - 1, 1e-6))
        #expect(!(try Self.bundled()).deadlinePassed)
    }

    // MARK: Small datasets

    /// 2021 100 M, 2022 110 M, 2023 121 M, 2024 133.1 M (+10 % a year, all exact); no partial year.
    static func noPartial() -> Dataset {
        AF.dataset([AF.obs(2021, 100e6), AF.obs(2022, 110e6), AF.obs(2023, 121e6), AF.obs(2024, 133.1e6)],
                   asOf: DateValue(year: 2025, month: 1, day: 15))
    }

    @Test func withoutAPartialYearTheBaseIsTheLatestFullYear() {
        let p = TargetProgress(target: AF.target(200e6, deadline: 2027), dataset: Self.noPartial())
        #expect(p.estimate == nil && !p.baseIsEstimate)
        #expect(p.baseYear == 2024 && p.baseValue == 133.1e6 && p.baseBound == .exact)
        // (200/133.1)^(1/3) − 1 = 1.502630^(1/3) − 1 = 14.538 %.
        #expect(AF.close(p.requiredGrowth, 0.1453828, 1e-6))
        #expect(p.requiredBound == .exact)
        // Last growth 133.1/121 − 1 = 10 %; CAGR 2021–2024 (133.1/100)^(1/3) − 1 = 10 %.
        // 133.1 × 1.1⁴ = 194.9 M, × 1.1⁵ = 214.4 M → 2029, exactly.
        #expect(AF.close(p.lastGrowth, 0.1))
        #expect(p.recentRange == 2021...2024)
        #expect(AF.close(p.recentCAGR, 0.1))
        #expect(p.reachAtLast == .year(2029, .exact))
        #expect(p.reachAtRecent == .year(2029, .exact))
        #expect(p.reachAtRecent.text == "reached in 2029")
        // No estimate, no year-to-date pace.
        #expect(p.reachAtYearToDate == .unknown)
        // 50 %: 133.1 × 1.5 = 199.65 M (short), × 2.25 = 299.5 M → 2026.
        #expect(p.reach(atRate: 0.5) == .year(2026, .exact))
        #expect(p.reach(atRate: 0) == .never)
    }

    @Test func aPastDeadlineMissedOnExactFigures() {
        // Deadline 2024 with as-of 2025: passed. 2024 was exactly 133.1 M < 200 M: missed.
        let p = TargetProgress(target: AF.target(200e6, deadline: 2024), dataset: Self.noPartial())
        #expect(p.deadlinePassed)
        #expect(p.deadlineOutcome == .never)
        // Deadline 2022: 110 M < 200 M, exact: missed.
        let q = TargetProgress(target: AF.target(200e6, deadline: 2022), dataset: Self.noPartial())
        #expect(q.deadlinePassed && q.deadlineOutcome == .never)
        // A target of 105 M by 2022: 110 M ≥ 105 M → reached in 2022 (and long since: required 0).
        let r = TargetProgress(target: AF.target(105e6, deadline: 2022), dataset: Self.noPartial())
        #expect(r.deadlineOutcome == .year(2022, .exact))
        #expect(r.alreadyReached)
        #expect(r.requiredGrowth == 0)
    }

    /// 2023 400 M, 2024 500 M; Jan–Jun 2024 200 M, Jan–Jun 2025 230 M (all exact); as of Aug 2025.
    /// Estimate for 2025: 500 × 230/200 = 575 M.
    static func withPartial() -> Dataset {
        AF.dataset([
            AF.obs(2023, 400e6), AF.obs(2024, 500e6),
            AF.obs(2024, 200e6, months: 1...6), AF.obs(2025, 230e6, months: 1...6),
        ], asOf: DateValue(year: 2025, month: 8, day: 1))
    }

    @Test func theOutlookStartsFromTheEstimate() {
        let p = TargetProgress(target: AF.target(1000e6, deadline: 2027), dataset: Self.withPartial())
        // The share is from the latest full year, 500/1000 = 50 %, 500 M remaining.
        #expect(p.year == 2024)
        #expect(AF.close(p.share, 0.5) && AF.close(p.remaining, 500e6))
        #expect(p.baseYear == 2025 && AF.close(p.baseValue, 575e6) && p.baseBound == .exact)
        // (1000/575)^(1/2) − 1 = 31.876 %.
        #expect(AF.close(p.requiredGrowth, 0.3187609, 1e-6))
        // YTD +15 %: 575 × 1.15³ = 874.5 M, × 1.15⁴ = 1,005.7 M → 2029.
        #expect(p.reachAtYearToDate == .year(2029, .exact))
        // Last growth 500/400 − 1 = 25 % (also the CAGR over 2023–2024, the only years):
        // 575 × 1.25² = 898.4 M, × 1.25³ = 1,123.0 M → 2028.
        #expect(AF.close(p.lastGrowth, 0.25))
        #expect(p.reachAtLast == .year(2028, .exact))
        #expect(p.recentRange == 2023...2024)
        #expect(p.reachAtRecent == .year(2028, .exact))
        // A past deadline: 2023, 400 M exact < 1 bn → missed.
        let past = TargetProgress(target: AF.target(1000e6, deadline: 2023), dataset: Self.withPartial())
        #expect(past.deadlinePassed && past.deadlineOutcome == .never)
    }

    @Test func anEstimateOnlyScaledHasNoYearToDatePace() {
        // 2024 500 M, Jan–Sep 2025 450 M alone: base 450 × 12/9 = 600 M, no YTD growth.
        let d = AF.dataset([AF.obs(2023, 400e6), AF.obs(2024, 500e6), AF.obs(2025, 450e6, months: 1...9)])
        let p = TargetProgress(target: AF.target(1000e6, deadline: 2027), dataset: d)
        #expect(p.baseYear == 2025 && AF.close(p.baseValue, 600e6))
        #expect(p.reachAtYearToDate == .unknown)
        // (1000/600)^(1/2) − 1 = 29.099 %.
        #expect(AF.close(p.requiredGrowth, 0.2909944, 1e-6))
    }

    @Test func aTargetReachedLongAgo() {
        // 2023 1,200 M, 2024 1,100 M, target 1 bn by 2023: reached (2023 ≥ 1 bn, exact), nothing
        // remains, no growth needed, every pace says "reached in 2024" (the latest full year).
        let d = AF.dataset([AF.obs(2023, 1200e6), AF.obs(2024, 1100e6)])
        let p = TargetProgress(target: AF.target(1000e6, deadline: 2023), dataset: d)
        #expect(p.alreadyReached)
        #expect(p.remaining == 0)
        #expect(p.requiredGrowth == 0)
        #expect(p.deadlineOutcome == .year(2023, .exact))
        #expect(p.reachAtLast == .year(2024, .exact))
        #expect(p.reach(atRate: -0.5) == .year(2024, .exact))
    }

    // MARK: "Never at this rate" where the growth is certainly zero or less (item 8)

    @Test
    func aNegativeYearToDateGrowthNeverReachesTheTarget() {
        // 2024 over 555 M; Jan–Sep 2025 300 M, stated −5 % (exact): estimate at least 555 × 0.95 =
        // 527.25 M. The rate is certainly below zero, so at this rate the target is never reached
        // ("never at this rate" where growth ≤ 0; the base's "at least" says how far above the figure
        // the value may be, as `reach(atRate:)` reasons, not that it may already be at 1 bn).
        let d = AF.dataset([AF.obs(2024, 555e6, q: .over), AF.obs(2025, 300e6, months: 1...9, growth: -0.05)])
        let p = TargetProgress(target: AF.target(1000e6, deadline: 2027), dataset: d)
        #expect(AF.close(p.baseValue, 527.25e6) && p.baseBound == .atLeast)
        #expect(p.reach(atRate: -0.05) == .never)
        #expect(p.reachAtYearToDate == .never)
    }

    @Test
    func aNegativeExactLastGrowthNeverReachesTheTarget() {
        // 2023 563 M, 2024 555 M (exact): last growth 555/563 − 1 = −1.42 %, exact. Jan–Sep 2025
        // over 400 M (no growth): base at least 400 × 12/9 = 533.33 M. At −1.42 % a year the target is
        // never reached; the same rate given to reach(atRate:) says so.
        let d = AF.dataset([AF.obs(2023, 563e6), AF.obs(2024, 555e6), AF.obs(2025, 400e6, months: 1...9, q: .over)])
        let p = TargetProgress(target: AF.target(1000e6, deadline: 2027), dataset: d)
        #expect(AF.close(p.baseValue, 400e6 * 12 / 9) && p.baseBound == .atLeast)
        #expect(AF.close(p.lastGrowth, 555.0 / 563 - 1) && p.lastGrowthBound == .exact)
        #expect(p.reach(atRate: 555.0 / 563 - 1) == .never)
        #expect(p.reachAtLast == .never)
    }

    @Test func aNegativeExactGrowthFromAnExactBaseNeverReaches() {
        // 2023 563 M, 2024 555 M, no partial: base 555 M exact, last growth −1.42 % exact → never.
        let d = AF.dataset([AF.obs(2023, 563e6), AF.obs(2024, 555e6)])
        let p = TargetProgress(target: AF.target(1000e6, deadline: 2027), dataset: d)
        #expect(p.reachAtLast == .never)
        #expect(p.reachAtLast.text == "never at this rate")
        #expect(p.reachAtRecent == .never)   // the CAGR 2023–2024 is the same −1.42 %
    }

    @Test func anEstimateAfterAGapYear() throws {
        // Full years 2022 400 M, 2023 500 M; no 2024; Jan–Jun 2025 300 M with +20 %. There is no 2024
        // to apply the growth to: the estimate is scaled, 300 × 2 = 600 M, for 2025; the latest full
        // year stays 2023.
        let d = AF.dataset([AF.obs(2022, 400e6), AF.obs(2023, 500e6), AF.obs(2025, 300e6, months: 1...6, growth: 0.2)])
        let e = try #require(d.currentYearEstimate(.turnover))
        #expect(e.year == 2025 && e.previousYear == nil && e.fromPreviousYear == nil)
        #expect(AF.close(e.value, 600e6))
        let p = TargetProgress(target: AF.target(1000e6, deadline: 2027), dataset: d)
        #expect(p.year == 2023 && p.baseYear == 2025 && AF.close(p.baseValue, 600e6))
        // 600 × 1.2² = 864 M, × 1.2³ = 1,036.8 M → 2028 at the year-to-date pace.
        #expect(p.reachAtYearToDate == .year(2028, .exact))
    }
}
