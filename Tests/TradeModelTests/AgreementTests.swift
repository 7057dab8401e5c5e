import Testing
@testable import TradeModel

/// Issue 10 item 4, "rounding is not a conflict": the values a figure allows (`ValueRange`), the
/// precision it is given to (`Rounding`), and the conflicts built on them.
///
/// The rule, as stated for the model: an exact figure allows ±0.5 %, or, when visibly rounded (two
/// significant digits or fewer), ± half a unit of its last significant digit, whichever is wider;
/// "about" allows ± half a unit of its last significant digit and at least ±0.5 %; "over v" allows
/// everything above v, "under v" everything below v, "up to v" everything to v included.
@Suite struct AgreementTests {
    typealias R = ValueRange

    // MARK: Rounding

    @Test func significantDigits() {
        // 254.3e6 = 2543 × 10^5: 4 digits; 250e6 = 25 × 10^7: 2; 1e9 = 1 × 10^9: 1; 563e6 = 563 × 10^6: 3.
        #expect(Rounding.significantDigits(254.3e6) == 4)
        #expect(Rounding.significantDigits(250e6) == 2)
        #expect(Rounding.significantDigits(1e9) == 1)
        #expect(Rounding.significantDigits(563e6) == 3)
        #expect(Rounding.significantDigits(363.6e6) == 4)
        // Zero and non-finite values have no precision.
        #expect(Rounding.significantDigits(0) == nil)
        #expect(Rounding.significantDigits(.infinity) == nil)
        #expect(Rounding.significantDigits(.nan) == nil)
    }

    @Test func unitOfTheLastSignificantDigit() {
        // 250 M → tens of millions; 254.3 M → hundreds of thousands; 563 M → millions; 1 bn → billions.
        #expect(Rounding.unit(of: 250e6) == 1e7)
        #expect(Rounding.unit(of: 254.3e6) == 1e5)
        #expect(Rounding.unit(of: 563e6) == 1e6)
        #expect(Rounding.unit(of: 1e9) == 1e9)
        // Negative values have the unit of their magnitude.
        #expect(Rounding.unit(of: -250e6) == 1e7)
        #expect(Rounding.unit(of: 0) == nil)
    }

    @Test func visiblyRoundedMeansTwoSignificantDigitsOrFewer() {
        #expect(Rounding.isVisiblyRounded(250e6))   // 2 digits
        #expect(Rounding.isVisiblyRounded(1.5e9))   // 15 × 10^8: 2 digits
        #expect(Rounding.isVisiblyRounded(1e9))     // 1 digit
        #expect(!Rounding.isVisiblyRounded(254e6))  // 3 digits
        #expect(!Rounding.isVisiblyRounded(183e6))  // 3 digits
        #expect(!Rounding.isVisiblyRounded(254.3e6))
    }

    @Test func growthSlackIsHalfAPoint() {
        // +28 %: last digit 1 point → ±0.5 points = 0.005.
        #expect(AF.close(Rounding.growthSlack(0.28), 0.005))
        // +5.4 %: last digit 0.1 point → ±0.05 points, raised to the floor of ±0.5 points.
        #expect(AF.close(Rounding.growthSlack(0.054), 0.005))
        // −1.4 %: the same floor.
        #expect(AF.close(Rounding.growthSlack(-0.014), 0.005))
        // +30 % and +90 %: one significant digit, but a rate is taken to the point (never coarser
        // than its second digit): ±0.5 points, so +90 % does not allow 88.5 %.
        #expect(AF.close(Rounding.growthSlack(0.30), 0.005))
        #expect(AF.close(Rounding.growthSlack(0.90), 0.005))
    }

    // MARK: Ranges

    @Test func rangesOfExactAndAboutFigures() {
        // Exact 254.3 M (4 digits, not visibly rounded): ±0.5 % = ±1.2715 M → 253.0285–255.5715 M.
        let precise = R(254.3e6, .exact)
        #expect(AF.close(precise.lower, 253.0285e6) && AF.close(precise.upper, 255.5715e6))
        // About 250 M: half of 10 M = ±5 M (wider than 0.5 % = 1.25 M) → 245–255 M.
        let about = R(250e6, .about)
        #expect(AF.close(about.lower, 245e6) && AF.close(about.upper, 255e6))
        // Exact 250 M is visibly rounded (2 digits): the same 245–255 M.
        let rounded = R(250e6, .exact)
        #expect(AF.close(rounded.lower, 245e6) && AF.close(rounded.upper, 255e6))
        // About 563 M: half of 1 M = 0.5 M is less than 0.5 % = 2.815 M → 560.185–565.815 M.
        let about563 = R(563e6, .about)
        #expect(AF.close(about563.lower, 560.185e6) && AF.close(about563.upper, 565.815e6))
        // About 141 M: half of 1 M = 0.5 M, raised to 0.5 % = 0.705 M → 140.295–141.705 M.
        let about141 = R(141e6, .about)
        #expect(AF.close(about141.lower, 140.295e6) && AF.close(about141.upper, 141.705e6))
    }

    @Test func boundsAreHalfOpen() {
        // "Over 555 M" excludes 555 M itself, includes anything above.
        let over = R(555e6, .over)
        #expect(!over.contains(555e6))
        #expect(over.contains(555.1e6) && over.contains(1e12))
        #expect(over.upper == .infinity)
        // "Under 125 M" excludes 125 M; "up to 125 M" includes it.
        let under = R(125e6, .under)
        #expect(!under.contains(125e6) && under.contains(124.9e6) && under.lower == -.infinity)
        let upTo = R(125e6, .upTo)
        #expect(upTo.contains(125e6) && !upTo.contains(125.1e6))
    }

    // MARK: Agreement of two figures

    func agree(_ a: (Double, Qualifier), _ b: (Double, Qualifier)) -> Bool {
        let d = AF.dataset([])
        let x = AF.obs(2021, a.0, q: a.1, source: "old"), y = AF.obs(2021, b.0, q: b.1, source: "mid")
        let result = d.agree(x, y)
        // Agreement is symmetric.
        #expect(d.agree(y, x) == result)
        return result
    }

    @Test func aboutAgreesWithAPreciseFigureThatRoundsToIt() {
        // About 250 M: 245–255 M; 254.3 M: 253.03–255.57 M → they meet.
        #expect(agree((254.3e6, .exact), (250e6, .about)))
        // About 250 M (245–255) and 270 M (visibly rounded: 265–275) do not meet.
        #expect(!agree((250e6, .about), (270e6, .exact)))
        // 256 M (3 digits, ±0.5 %): 254.72–257.28 M starts below 255 M → agree.
        #expect(agree((250e6, .about), (256e6, .exact)))
        // 258 M: 256.71–259.29 M, above 255 M → disagree.
        #expect(!agree((250e6, .about), (258e6, .exact)))
    }

    @Test func exactButVisiblyRoundedAgreesWithinItsLastDigit() {
        // Exact 250 M (2 digits): 245–255 M; 254 M (3 digits): ±0.5 % = 252.73–255.27 M → agree.
        #expect(agree((250e6, .exact), (254e6, .exact)))
    }

    @Test func twoPreciseFiguresMoreThanAboutOnePercentApartDisagree() {
        // 183 M: 182.085–183.915 M; 186 M: 185.07–186.93 M (1.6 % apart) → disagree.
        #expect(!agree((183e6, .exact), (186e6, .exact)))
        // 183 M and 184 M (0.5 % apart): 183.08–184.92 meets 182.085–183.915 → agree.
        #expect(agree((183e6, .exact), (184e6, .exact)))
    }

    @Test func boundsAgreeWithWhatTheyAllow() {
        // Over 555 M and 560 M (557.2–562.8 M) → agree.
        #expect(agree((555e6, .over), (560e6, .exact)))
        // Over 555 M and 500 M (1 digit: 450–550 M) → disagree.
        #expect(!agree((555e6, .over), (500e6, .exact)))
        // Under 125 M (below 125 M) and about 130 M (125–135 M): only 125 M itself would be in both,
        // and "under" excludes it → disagree.
        #expect(!agree((125e6, .under), (130e6, .about)))
        // Up to 125 M includes 125 M → agrees with about 130 M.
        #expect(agree((125e6, .upTo), (130e6, .about)))
        // Over 555 M and under 600 M: 555–600 M is allowed by both.
        #expect(agree((555e6, .over), (600e6, .under)))
        // Over 600 M and under 555 M cannot both be true.
        #expect(!agree((600e6, .over), (555e6, .under)))
    }

    @Test func aFigureWithoutAValueAgreesWithNothing() {
        let d = AF.dataset([])
        #expect(!d.agree(AF.obs(2023, nil, growth: 0.28), AF.obs(2023, 563e6, source: "mid")))
        #expect(AF.obs(2023, nil, growth: 0.28).valueRange == nil)
    }

    // MARK: Conflicts use the ranges

    @Test func conflictsCountOnlyFiguresWhoseRangesDoNotMeet() {
        // 2021: about 250 M (old), 254.3 M (mid), 270 M (new). 250~254.3 agree; 270 (265–275) meets
        // neither 245–255 nor 253.03–255.57: two conflicts, 250/270 (20/270 = 7.41 %) and
        // 254.3/270 (15.7/270 = 5.81 %).
        let d = AF.dataset([
            AF.obs(2021, 250e6, q: .about, source: "old"),
            AF.obs(2021, 254.3e6, source: "mid"),
            AF.obs(2021, 270e6, source: "new"),
        ])
        let c = d.conflicts.filter { $0.kind == .value }
        #expect(c.count == 2)
        #expect(c.contains { AF.close($0.difference, 20.0 / 270) })
        #expect(c.contains { AF.close($0.difference, 15.7 / 270) })
        #expect(!c.contains { Set([$0.first.usd, $0.second.usd]) == Set([250e6, 254.3e6]) })
        // The summary counts the same pairs: 2 pairs among 3 sources, 250–270 M.
        let s = d.conflictSummaries().filter { $0.kind == .value }
        #expect(s.count == 1)
        #expect(s.first?.pairs == 2 && s.first?.sources == 3 && s.first?.figures == 3)
        #expect(s.first?.lowest == 250e6 && s.first?.highest == 270e6)
        #expect(d.disagreeingPairs(.turnover, period: Period(year: 2021)) == 2)
    }

    @Test func boundsInConflictCounting() {
        // 2024: over 555 M (old), 560 M (mid), 500 M (new: 450–550 M). Over 555/560 agree;
        // over 555/500 and 560/500 disagree: 2 pairs.
        let d = AF.dataset([
            AF.obs(2024, 555e6, q: .over, source: "old"),
            AF.obs(2024, 560e6, source: "mid"),
            AF.obs(2024, 500e6, source: "new"),
        ])
        #expect(d.conflicts.filter { $0.kind == .value }.count == 2)
        #expect(d.conflictSummaries().first { $0.kind == .value }?.pairs == 2)
        #expect(d.disagreeingPairs(.turnover, period: Period(year: 2024)) == 2)
        let over = d.trade[0]
        #expect(d.disagreements(with: over, direction: .turnover).map(\.usd) == [500e6])
    }

    @Test func derivedFiguresDisagreeButAreNotStatedConflicts() {
        // 2020: under 125 M and about 130 M, both derived: they cannot both be true (see above), so each
        // is among the other's disagreements, but no stated conflict is counted.
        let d = AF.dataset([
            AF.obs(2020, 125e6, q: .under, kind: .derived, source: "old"),
            AF.obs(2020, 130e6, q: .about, kind: .derived, source: "mid"),
        ])
        #expect(d.conflicts.isEmpty)
        #expect(d.conflictSummaries().isEmpty)
        #expect(d.disagreements(with: d.trade[0], direction: .turnover) == [d.trade[1]])
        #expect(d.disagreements(with: d.trade[1], direction: .turnover) == [d.trade[0]])
        #expect(d.disagreeingPairs(.turnover, period: Period(year: 2020)) == 1)
    }

    // MARK: Growth against the values

    @Test func statedGrowthAgainstTheValues() throws {
        // The growth the values allow is reckoned as the arithmetic check does (ArithmeticInterval):
        // 2022 about 440 M allows ± the wider of half its last digit (5 M) and 2 % (8.8 M):
        // 431.2–448.8 M; 2023 563 M (exact, to the million) 562.5–563.5 M.
        // Growth 563/440 − 1 = 27.95 %; the values allow 562.5/448.8 − 1 = 25.33 % to
        // 563.5/431.2 − 1 = 30.68 %.
        let d = AF.dataset([
            AF.obs(2022, 440e6, q: .about, kind: .derived, source: "u1"),
            AF.obs(2023, 563e6, growth: 0.28, source: "u1"),
        ])
        let g = try #require(d.growthFromValues(.turnover, period: Period(year: 2023)))
        #expect(AF.close(g.rate, 563.0 / 440 - 1))
        #expect(AF.close(g.range.lower, 562.5 / 448.8 - 1, 1e-6))
        #expect(AF.close(g.range.upper, 563.5 / 431.2 - 1, 1e-6))
        #expect(g.previous.usd == 440e6 && g.current.usd == 563e6)
        // +28 % (27.5–28.5 %) is among them; +22.5 % (22–23 %) is not; +32 % (31.5–32.5 %) is not.
        #expect(g.allows(0.28))
        #expect(!g.allows(0.225))
        #expect(!g.allows(0.32))
        // Approximate 2022 and exact 2023: the computed growth is approximate.
        #expect(g.bound == .approximate)
    }

    @Test func growthFromValuesNeedsBothYearsAndAPositiveStart() throws {
        let d = AF.dataset([
            AF.obs(2023, 563e6),
            AF.obs(2024, 555e6, q: .over),
            AF.obs(2019, 0),
            AF.obs(2020, 10e6),
        ])
        #expect(d.growthFromValues(.turnover, period: Period(year: 2023)) == nil)  // 2022 missing
        #expect(d.growthFromValues(.turnover, period: Period(year: 2020)) == nil)  // 2019 is 0
        // Over 555 M after 563 M: growth 555/563 − 1 = −1.42 %, at least that (the later value is a lower bound).
        let g = try #require(d.growthFromValues(.turnover, period: Period(year: 2024)))
        #expect(AF.close(g.rate, 555.0 / 563 - 1))
        #expect(g.bound == .atLeast)
        #expect(g.range.upper == .infinity)
    }

    @Test func growthOfAPartialPeriodIsOnTheSameMonthsAYearEarlier() throws {
        // Jan–Jun 2024 200 M, Jan–Jun 2025 230 M: +15 %. The full year 2024 (500 M) is not used.
        let d = AF.dataset([
            AF.obs(2024, 500e6),
            AF.obs(2024, 200e6, months: 1...6),
            AF.obs(2025, 230e6, months: 1...6),
        ])
        let g = try #require(d.growthFromValues(.turnover, period: Period(year: 2025, months: 1...6)))
        #expect(AF.close(g.rate, 0.15))
        #expect(g.previous.period == Period(year: 2024, months: 1...6))
    }

    // MARK: The bundled data

    @Test func bundled2021HasNoValueConflict() {
        // 254.3 M (twice) and about 250 M (245–255 M) agree.
        let d = AF.bundled
        let y2021 = Period(year: 2021)
        #expect(!d.conflicts(in: y2021).contains { $0.kind == .value })
        #expect(!d.conflictSummaries(period: y2021).contains { $0.kind == .value })
        #expect(d.disagreeingPairs(.turnover, period: y2021) == 0)
        for o in d.observations(.turnover, period: y2021) {
            #expect(d.disagreements(with: o, direction: .turnover).isEmpty, "\(o.usd ?? 0)")
        }
    }

    @Test func bundledDerivationsDisagreeWithoutStatedConflicts() {
        // 2020 (under 125 M / about 130 M) and 2022 (about 440 M / about 460 M) are our derivations:
        // they disagree, but they are not conflicts between stated sources.
        let d = AF.bundled
        for year in [2020, 2022] {
            let p = Period(year: year)
            #expect(!d.conflicts(in: p).contains { $0.kind == .value }, "\(year)")
            #expect(d.disagreeingPairs(.turnover, period: p) == 1, "\(year)")
        }
        // 2023's +28 % and +22.5 % are stated by different sources: 5.5 points apart, a growth conflict.
        let g = d.conflicts(in: Period(year: 2023)).filter { $0.kind == .growth }
        #expect(!g.isEmpty)
        #expect(g.allSatisfy { AF.close($0.difference, 0.055) })
    }

    @Test func bundled2023GrowthAgainstThePreferredValues() throws {
        // 2022 preferred about 440 M, 2023 563 M (see above): +28 % agrees, +22.5 % does not.
        let d = AF.bundled
        let g = try #require(d.growthFromValues(.turnover, period: Period(year: 2023)))
        #expect(g.previous.usd == 440e6)
        #expect(AF.close(g.rate, 563.0 / 440 - 1))
        #expect(g.allows(0.28))
        #expect(!g.allows(0.225))
    }

    @Test func bundled2012GrowthIsNotWhatTheValuesGive() throws {
        // 2011 183 M (182.5–183.5 M, exact to the million), 2012 345 M (344.5–345.5 M):
        // 344.5/183.5 − 1 = 87.74 % to 345.5/182.5 − 1 = 89.32 %. The stated +90 % (to the point:
        // 89.5–90.5 %) is outside: a disagreement, as the data's own note says and `validate` warns.
        let g = try #require(AF.bundled.growthFromValues(.turnover, period: Period(year: 2012)))
        #expect(AF.close(g.rate, 345.0 / 183 - 1))
        #expect(AF.close(g.range.lower, 344.5 / 183.5 - 1, 1e-6) && AF.close(g.range.upper, 345.5 / 182.5 - 1, 1e-6))
        #expect(!g.allows(0.9))
        #expect(AF.bundled.arithmeticWarnings.contains { $0.subject == 1 && $0.kind == .growth }, "the screen and validate say the same")
    }
}
