import Testing
@testable import TradeModel

/// The bundled dataset's arithmetic warnings, each one explained.
@Suite struct ArithmeticBundledTests {
    @Test func theBundledWarningsAreExactlyThese() throws {
        let d = try BundledDatasetTests.load()
        let w = d.arithmeticWarnings
        // No turnover-sum warning: 2015 178 M against 114.5 M + 63.7 M (178.2 M) agrees within rounding,
        // 2024 over 555 M against 335 M + over 220 M (over 555 M) agrees, and Jan–Sep 2025 363.6 M
        // against 221.7 M + over 141 M (over 362.7 M; the stated figure is preferred to the derived
        // 141.9 M) agrees; no other period has both directions. No outlier: the turnover years run from
        // 130 M (2020) to 563 M (2023), and the partial periods at their yearly rate (131.6 M for Jan–Oct
        // 2019 and 2020, 171.4 M for Jan–Jul 2020, 392.2 M for Jan–Jul 2022, 420 M for Jan–Mar 2024,
        // 474.4 M for Jan–Jun 2024, 460 M for Jan–Sep 2024, 484.8 M for Jan–Sep 2025) are within 100× of
        // their neighbours.
        #expect(w.allSatisfy { $0.kind == .growth })
        // The +90 % stated for 2012: 183 M to 345 M is +88.5 % (+87.7 to +89.3 % within the rounding of
        // either figure), outside 89.5–90.5 %. The data's own note on trade[1] says so.
        let y2012 = "2012 turnover growth stated +90 %, but 2011's 183 M to 2012's 345 M is +88.5 % (+87.7 % to +89.3 % within their rounding)"
        // 2023: +28 % (trade[21], trade[22]) and +22.5 % (trade[23]) are stated; the 2022 value is one of
        // two derivations, about 440 M (trade[19], 563 ÷ 1.28) or about 460 M (trade[20], 563 ÷ 1.225).
        // The dataset prefers about 440 M for 2022 (the value the +28 % of two sources gives:
        // PreferredValueTests). Against it, the +22.5 % of the one other source would "fail", but only
        // because about 440 M is 563 M ÷ 1.28: that compares +22.5 % with +28 %, a disagreement the
        // conflicts between sources report (a newcomer's review called the warning circular). No warning.
        let preferred2022 = try #require(d.preferred(.turnover, year: 2022)?.usd)
        #expect(preferred2022 == 440e6)
        #expect(d.trade[19].kind == .derived && d.trade[23].growth == 0.225)
        #expect(w.map(\.description) == ["trade[1] (line 346): " + y2012])
        #expect(w.map(\.subject) == [1])
        // Jan–Sep 2025's +5.4 % (trade[35]) is checked against the derived ~345 M of Jan–Sep 2024
        // (trade[29], itself 363.6 ÷ 1.054) and agrees; +6.8 % and +3.2 % (trade[36], trade[37]) have no
        // Jan–Sep 2024 figure of their direction; the growth-only +99.2 % (Jan–Apr 2021) and over +30 %
        // (Jan–Aug 2021), and +10 % (Jan–Jul 2020), none of the same months a year before.
        #expect(d.trade[29].period == Period(year: 2024, months: 1...9) && d.trade[35].growth == 0.054)
        #expect(!w.contains { [35, 36, 37, 6, 7, 11, 12].contains($0.subject) })
    }
}
