import Testing
import TradeModel
@testable import DashboardUI

/// Issue 10 review: screen bugs found by using the dashboard as an analyst would. Each test says what
/// the screen should show and runs inside `withKnownIssue`, so the suite stays green while the bug is
/// there and fails once it is fixed: then remove the wrapper.
@Suite struct ReviewFindingsScreenTests {
    static func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The Overview's right-hand column (the target panel at 80×24: columns 40–79), rows 3–11.
    static func targetPanel(_ text: String) -> String {
        lines(text)[3...11].map { String(Array($0).dropFirst(41).dropLast()) }.joined(separator: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func state(_ d: Dataset, _ screen: Screen, _ w: Int, _ h: Int, theme: Theme = .mono) -> AppState {
        var s = AppState(dataset: d, theme: theme)
        _ = Dashboard.update(&s, .resize(width: w, height: h))
        Dashboard.show(screen, in: &s)
        return s
    }

    static let sources = [Source(id: "s1", publisher: "Test source 1", date: DateValue(year: 2025, month: 10))]

    static func obs(_ year: Int, _ usd: Double?, months: ClosedRange<Int>? = nil, growth: Double? = nil) -> TradeObservation {
        TradeObservation(period: Period(year: year, months: months), flow: .turnover, usd: usd, growth: growth, kind: .stated, source: "s1")
    }

    static func dataset(_ trade: [TradeObservation], target: Target) -> Dataset {
        Dataset(title: "T", asOf: DateValue(year: 2025, month: 12, day: 1),
                countries: [Country(code: "KZ", name: "Kazakhstan"), Country(code: "TM", name: "Turkmenistan")],
                sources: sources, trade: trade, targets: [target])
    }

    static let history = [obs(2021, 254.3e6), obs(2022, 440e6), obs(2023, 563e6), obs(2024, 555e6), obs(2025, 363.6e6, months: 1...9, growth: 0.054)]

    /// Bundled data, deadline moved to 2025 with `-` `-` on the Target screen, back to the Overview:
    /// the target panel has nine lines of conclusions for eight rows, and the last is cut mid-sentence,
    /// "CAGR 2021–2024 ≥+29.7 %: reached by" without its year (2028 at the latest: 584.97 × 1.297³ =
    /// 1,276.7 M ≥ 1,000 M in 2028). The "reached by 2…" on the Overview, again.
    /// (Since the data is as of 22 Feb 2026, the nearest deadline is 2026: `-` `-` stop there.)
    @Test func theOverviewsTargetPanelNeverCutsAConclusion() {
        var s = Fixture.state(.mono, screen: .target, width: 80, height: 24)
        Fixture.press(&s, .char("-"), .char("-"))
        #expect(s.targetYear == 2026)
        Dashboard.show(.overview, in: &s)
        let panel = Self.targetPanel(Fixture.text(s, width: 80, height: 24))
        // Whole lines: the CAGR line is there with its year, or gives way whole.
        #expect(panel.contains("reached by 2028 at the latest") || !panel.contains("CAGR 2021–2024"), "\(panel)")
        #expect(!panel.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("reached by") }, "no line ends mid-sentence")
    }

    /// A deadline of 2100 in the data (valid: years run to 2100) is more than 50 years after the as-of
    /// year 2025, so `-` (2099) is refused as "at most 2075", and `+` too: the deadline cannot be
    /// moved at all. `+` on a passed deadline jumps to the first allowed year; `-` here should too
    /// (to 2075), or at least go down by one.
    @Test func aDeadlineBeyondTheRangeCanBeMovedBack() {
        let t = Target(id: "t", title: "Target", usd: 1e9, deadline: 2100, deadlineKind: .stated, sources: ["s1"])
        var s = Self.state(Self.dataset(Self.history, target: t), .target, 80, 24)
        Fixture.press(&s, .char("-"))
        let moved = s.targetYear < 2100
        #expect(moved)
    }

    /// Bundled data at 80×24: `-` three times from 2027 says why it stops, but the status line is cut:
    /// "The deadline cannot be before 2025, the current year (the data is as of 1 Dec…".
    @Test func theDeadlineErrorIsReadableAt80Columns() {
        var s = Fixture.state(.mono, screen: .target, width: 80, height: 24)
        Fixture.press(&s, .char("-"), .char("-"), .char("-"))
        let last = Self.lines(Fixture.text(s, width: 80, height: 24)).filter { !$0.isEmpty }.last ?? ""
        #expect(last.contains("The deadline cannot be before 2026"))
        // The message is now short enough to be read whole at 80 columns.
        #expect(last.hasSuffix("The deadline cannot be before 2026, the current year"))
    }

    /// `?` on the Target screen (no legend of its own) at 120×40, room to spare: the help box is as tall as its unwrapped lines + 4, but the
    /// legend is one line that wraps to four, so the box ends at "^ full-year" and the meanings of
    /// `^` and of "Jan–Sep" are below the box with nothing saying the help scrolls. On a small screen
    /// the Trade legend says "marks …: explained in the help", and the help does not show them.
    @Test func theHelpShowsTheWholeLegend() {
        var s = Fixture.state(.mono, screen: .target, width: 120, height: 40)
        Fixture.press(&s, .char("?"))
        let text = Fixture.text(s, width: 120, height: 40)
        // One mark a line now: every entry of the legend is in the box.
        #expect(text.contains("# fails an arithmetic check"))
        #expect(text.contains("full-year estimate from partial months"))
        #expect(text.contains("months of a partial year"))
    }

    /// `?` in the ASCII theme, scrolled to the legend: the legend is wrapped in its Unicode spelling
    /// ("≥ ≤", 3 columns) and then drawn in ASCII (">= <=", 5 columns), so its first line overflows
    /// and is cut: "(computed fr." and the next line starts "a bound)": "om" is lost.
    @Test func theASCIIHelpLosesNoText() {
        var s = Fixture.state(.ascii, screen: .trade, width: 80, height: 24)
        Fixture.press(&s, .char("?"))
        for _ in 0..<12 { Fixture.press(&s, .char("j")) }
        let text = Fixture.text(s, width: 80, height: 24)
        // One mark a line, so no entry is wrapped in one spelling and drawn in the other.
        #expect(text.contains(">= <= at least, at most (computed from a bound)"))
    }

    /// 2023 563 M, 2024 591.2 M with a stated +5.4 % (the values give 591.2 ÷ 563 − 1 = +5.01 %; the
    /// stated rate is allowed by their rounding, so no `#`). The Trade screen and the Overview's left
    /// panel show 2024's growth as the stated +5.4 %; the Target screen and the Overview's right panel
    /// say "2024's growth +5.0 %". One screen, two growths for the same year.
    @Test func lastYearsGrowthIsTheSameOnEveryPanel() throws {
        let t = Target(id: "t", title: "Target", usd: 1e9, deadline: 2027, deadlineKind: .stated, sources: ["s1"])
        var trade = Self.history
        trade[3] = Self.obs(2024, 591.2e6, growth: 0.054)
        let d = Self.dataset(trade, target: t)
        let shown = try #require(TradeScreen.growth(d, Period(year: 2024)))
        let p = TargetProgress(target: t, dataset: d)
        #expect(abs(shown.rate - 0.054) < 1e-12)
        let last = try #require(p.lastGrowth)
        #expect(abs(shown.rate - last) < 0.0005)
    }

    /// Target 570 M; 2024 555 M (−1.42 % on 2023's 563 M); the 2025 estimate 555 × 1.054 = 584.97 M is
    /// above the target. The screen says "At 2024's growth (−1.4 %/yr): reached in 2025", but at
    /// −1.42 % 2025 would be 555 × 0.9858 = 547.1 M, under 570 M: it is the estimate (at Jan–Sep's
    /// +5.4 %) that reaches it, whatever the pace. Likewise "At the CAGR … reached in 2025".
    @Test func aNegativePaceDoesNotReachTheTargetInTheEstimatedYear() {
        let t = Target(id: "t", title: "Target", usd: 570e6, deadline: 2027, deadlineKind: .stated, sources: ["s1"])
        let s = Self.state(Self.dataset(Self.history, target: t), .target, 80, 24)
        let text = Fixture.text(s, width: 80, height: 24)
        #expect(text.contains("2025 estimate: 585 M^"))
        #expect(!text.contains("At 2024's growth (−1.4 %/yr): reached in 2025"))
    }

    /// Target 500 M, already passed in 2024 (555 M). The screen says "Needed: 0.0 % a year in
    /// 2026–2027" (nothing is needed: the target is reached) and "At the Jan–Sep 2025 pace
    /// (+5.4 %/yr): reached in 2024" (a 2025 pace cannot reach anything in 2024).
    @Test func anAlreadyReachedTargetNeedsNoGrowthAndNoPace() {
        let t = Target(id: "t", title: "Target", usd: 500e6, deadline: 2027, deadlineKind: .stated, sources: ["s1"])
        let s = Self.state(Self.dataset(Self.history, target: t), .target, 80, 24)
        let text = Fixture.text(s, width: 80, height: 24)
        #expect(text.contains("Reached: 2024's value is already at the target"))
        #expect(!text.contains("Needed: 0.0 % a year"))
        #expect(!text.contains("pace (+5.4 %/yr): reached in 2024"))
    }
}
