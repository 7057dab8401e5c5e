import Foundation
import Testing
import TradeModel
@testable import DashboardUI

/// The target's own detail: Enter on the Target screen and on the Overview's target panel opens it,
/// `p` opens the selected scenario's projection, and the detail holds the statements, the deadline's
/// derivation and the current state, wrapped to the width.
@Suite struct TargetDetailTests {
    /// The overlay's text, every line (not only the visible ones).
    static func overlayText(_ s: AppState) -> String {
        (s.mode.overlay?.lines ?? []).map(\.plainText).joined(separator: "\n")
    }

    static let wordings = ["\"in the next five years\"", "raise bilateral trade to up to USD 1 billion (paraphrase)", "\"in the near future\"",
                           "\"in the coming years\"", "\"achievable in the medium term\"", "\"the next three years\""]

    @Test func enterOnTheTargetScreenOpensTheTargetsDetail() throws {
        var s = Fixture.state(.mono, screen: .target, width: 80, height: 24)
        Fixture.press(&s, .enter)
        #expect(s.mode.isDetail)
        #expect(s.screen == .target)
        #expect(s.mode.overlay?.title == "Raise bilateral trade to USD 1 billion")
        let text = Self.overlayText(s)
        for w in Self.wordings { #expect(text.contains(w), "no \(w)") }
        // Oldest first: the 2021 wording before the 2024 ones before November 2025's.
        let order = ["in the next five years", "in the near future", "in the coming years", "achievable in the medium term", "the next three years"]
            .map { text.range(of: $0)?.lowerBound }
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted() && order.count == 5)
        // Each statement's date, occasion, sources and the deadline it implies.
        #expect(text.contains("  25 Oct 2021  \"in the next five years\" - by 2027 (derived)"))
        #expect(text.contains("  24–25 Nov 2025  \"the next three years\" - by 2027 (derived)"))
        #expect(text.contains("  10 Oct 2024  \"in the near future\" - no deadline"))
        #expect(text.contains("Ashgabat, Tokayev's visit"))
        #expect(text.contains("[trend-az-4121760, newscentralasia-2025-11-26]"))
        Fixture.press(&s, .escape)
        #expect(!s.mode.isDetail, "Esc closes it")
    }

    @Test func theDetailsSections() throws {
        var s = Fixture.state(.mono, screen: .target, width: 80, height: 24)
        Fixture.press(&s, .enter)
        let lines = (s.mode.overlay?.lines ?? []).map(\.plainText)
        // The sections in order, sources last.
        let heads = ["Statements, oldest first (7)", "Deadline", "Current state", "Sources (10)"].map { h in lines.firstIndex(of: h) }
        #expect(heads.allSatisfy { $0 != nil } && heads.compactMap { $0 } == heads.compactMap { $0 }.sorted(), "\(heads)")
        #expect(lines.first == "Goal: USD 1,000 M of turnover (exports plus imports)")
        #expect(lines.contains("Set: 15 Oct 2022 (first statement: 25 Oct 2021)"))
        #expect(lines.contains("  Used: 2027 (derived in the data)"))
        #expect(lines.contains("    25 Oct 2021 \"in the next five years\" → by 2027 (derived)"))
        #expect(lines.contains("    24–25 Nov 2025 \"the next three years\" → by 2027 (derived)"))
        #expect(lines.contains { $0.hasPrefix("    No year: 15 Oct 2022 ") && $0.contains("Nov 2025 \"achievable in the medium term\"") })
        #expect(lines.contains { $0.hasPrefix("  Derived from two of the statements") }, "the deadlineNote")
        // Current state: 2024 over 555 M of 1,000 M = at least 55.5 %; 1,000 − 555 = 445 M left at most.
        #expect(lines.contains("  2024 (latest full year): over USD 555 M = at least 55.5 % of 1,000 M [newscentralasia-2025-08-21]"))
        #expect(lines.contains("  Remaining: at most USD 445 M"))
        #expect(lines.contains("  2025 Jan–Sep: 363.6 M (+5.4 % on the same months) - partial year, not counted [turkmenportal-96731]"))
        // Then the outlook from the estimate: over 555 M × 1.054 = at least 584.97 M, and the growth
        // still needed to 2027: (1000 / 584.97)^(1/2) − 1 = at most +30.75 %; each rounded the way that keeps it true.
        #expect(lines.contains { $0.hasPrefix("  2025 estimate: ≥584.9 M^ = 2024 >555 M × 1.054") })
        #expect(lines.contains("  Needed: at most +30.8 % a year in 2026–2027, after the 2025 estimate"))
        #expect(lines.contains { $0.hasPrefix("  Latest evidence (2025 Jan–Sep, +5.4 % on the same months)") })
        let state = TargetDetail.currentState(s).map(\.plainText)
        #expect(state == Array(lines[(heads[2]! + 1)...(heads[2]! + state.count)]))
        // Sources: the target's four, the statements' four new ones, and those of the two figures.
        let sources = lines.suffix(from: heads[3]! + 1).map { String($0.dropFirst(2).prefix { $0 != "]" }.dropFirst()) }
        #expect(sources == ["seed-astana-times-2022-10", "yerzemin-214820", "trend-az-4121416", "kazpravda-2025-11", "astana-times-2024-10-priorities",
                            "astana-times-2025-04-turkistan", "trend-az-4121760", "newscentralasia-2025-11-26", "newscentralasia-2025-08-21", "turkmenportal-96731"])
    }

    @Test func aDeadlineMovedWithPlusSaysWhatTheDataSays() {
        var s = Fixture.state(.mono, screen: .target, width: 80, height: 24)
        Fixture.press(&s, .char("+"), .enter)
        #expect(Self.overlayText(s).contains("  Used: 2028 (chosen with +/−; the data says 2027, derived)"))
    }

    @Test func pOpensTheSelectedScenariosProjection() {
        var s = Fixture.state(.mono, screen: .target, width: 100, height: 30)
        Fixture.press(&s, .char("j"), .char("p"))
        #expect(s.mode.isDetail)
        // At 100×30 the rows are 2024's growth (at least −1.42 %, said as −1.5 %: the bound and the
        // name are in the title), then 0.0 %, +5.0 %; the second is chosen.
        let rates = TargetScreen.scenarios(s)
        #expect(abs(rates[0] - (555.0 / 563.0 - 1)) < 1e-12 && rates[1] == 0)
        #expect(s.mode.overlay?.title == "Scenario: 0.0 % a year", "the second scenario row")
        Fixture.press(&s, .escape, .char("k"), .char("p"))
        #expect(s.mode.overlay?.title == "Scenario: ≥−1.5 % a year (2024 growth)", "the first scenario row")
        #expect(!Self.overlayText(s).contains("Statements, oldest first"))
    }

    @Test func theTargetScreensKeysSaySo() {
        let s = Fixture.state(.mono, screen: .target, width: 100, height: 30)
        let help = KeyTable.helpLines(s)
        #expect(help.contains { $0.keys == "Enter" && $0.text == "the target's detail (its statements)" })
        #expect(help.contains { $0.keys == "p" && $0.text == "projection of the selected scenario" })
        let hints = KeyTable.hints(s).map { "\($0.key) \($0.action)" }
        #expect(hints.contains("Enter target") && hints.contains("p projection"), "\(hints)")
    }

    @Test func enterOnTheOverviewsTargetPanelOpensTheTargetScreenAndItsDetail() {
        var s = Fixture.state(.mono, screen: .overview, width: 100, height: 30)
        Fixture.press(&s, .char("l"))
        #expect(OverviewScreen.panels[s.selection[.overview] ?? 0] == .target)
        Fixture.press(&s, .enter)
        #expect(s.screen == .target)
        #expect(s.mode.isDetail)
        #expect(Self.overlayText(s).contains("\"in the next five years\""))
        Fixture.press(&s, .escape)
        #expect(s.screen == .target && !s.mode.isDetail, "Esc leaves the Target screen showing")
        // Other panels still open only their screen.
        var t = Fixture.state(.mono, screen: .overview, width: 100, height: 30)
        Fixture.press(&t, .enter)
        #expect(t.screen == .trade && !t.mode.isDetail)
    }

    /// At 80 columns every line wraps within the box: scrolling page by page shows every wording whole.
    @Test func atEightyColumnsEveryStatementIsReadableInFull() {
        var s = Fixture.state(.mono, screen: .target, width: 80, height: 24)
        Fixture.press(&s, .enter)
        var pages = [String]()
        let end = s.mode.overlay?.maxScroll(width: 80, height: 24) ?? 0
        #expect(end > 0, "longer than a screen at 80x24")
        for _ in 0...(end / 19 + 1) {
            let rows = Fixture.text(s).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(rows.allSatisfy { DisplayWidth.of(String($0)) <= 80 })
            // The body's rows between the box's borders, without them.
            pages += rows.dropFirst(3).dropLast(2).map { String($0.dropFirst().dropLast()).trimmingCharacters(in: .init(charactersIn: " ")) }
            Fixture.press(&s, .pageDown)
        }
        let all = pages.joined(separator: " ")
        for w in Self.wordings { #expect(all.contains(w), "\(w) is not shown whole") }
        #expect(all.contains("Remaining: at most USD 445 M"))
    }

    @Test func withoutStatementsOrTargetTheDetailSaysSo() {
        var d = Fixture.dataset
        d.targets[0].statements = []
        var s = AppState(dataset: d, dataPath: Fixture.datasetPath, theme: .mono)
        _ = Dashboard.update(&s, .resize(width: 80, height: 24))
        Dashboard.show(.target, in: &s)
        Fixture.press(&s, .enter)
        let text = Self.overlayText(s)
        #expect(text.contains("Statements, oldest first (0)") && text.contains("  none recorded in the data"))
        #expect(!text.contains("Implied by the statements"))
        #expect(text.contains("\nSet: 15 Oct 2022\n"), "no first statement to name")
        d.targets = []
        #expect(TargetDetail.detail(AppState(dataset: d, dataPath: Fixture.datasetPath, theme: .mono)).lines.map(\.plainText)
                == ["The dataset defines no target (unknown)."])
    }
}
