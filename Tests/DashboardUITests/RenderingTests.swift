import Testing
import TradeModel
@testable import DashboardUI

@Suite struct RenderingTests {
    static let widths = [60, 79, 100, 120, 149, 150, 250]
    static let heights = [20, 24, 41, 80]

    /// Every screen, with and without overlays, at sizes from 60×20 to 250×80: no line is wider than
    /// the screen, wide characters are followed by their continuation cell, and the header, tab bar and
    /// footer are always there.
    @Test(arguments: Screen.allCases)
    func everySizeFits(_ screen: Screen) {
        for w in Self.widths {
            for h in Self.heights {
                for keys in [[Key](), [.enter], [.char("?")], [.char("j"), .char("j"), .char("j")]] {
                    var s = Fixture.state(.color, screen: screen, width: w, height: h)
                    for k in keys { _ = Dashboard.update(&s, k) }
                    let c = Dashboard.render(s, width: w, height: h)
                    let lines = c.lines()
                    #expect(lines.count == h)
                    for (y, line) in lines.enumerated() where DisplayWidth.of(line) > w {
                        Issue.record("\(screen.name) \(w)x\(h) \(keys): line \(y) is \(DisplayWidth.of(line)) wide")
                    }
                    for y in 0..<h {
                        for x in 0..<w where c[x, y].width == 2 {
                            #expect(x + 1 < w && c[x + 1, y].width == 0, "wide cell without continuation at \(x),\(y)")
                        }
                    }
                    #expect(lines[Chrome.tabRow].contains("1"), "tab bar at \(w)x\(h)")
                    #expect(!lines[h - 1].trimmingCharacters(in: .whitespaces).isEmpty, "footer at \(w)x\(h)")
                }
            }
        }
    }

    @Test(arguments: [(59, 20), (60, 19), (40, 12), (10, 3), (1, 1), (0, 0)])
    func belowTheMinimumSaysSo(_ size: (Int, Int)) {
        let (w, h) = size
        let c = Dashboard.render(Fixture.state(.color, width: w, height: h), width: w, height: h)
        #expect(c.lines().count == h)
        if w >= 40 && h >= 2 {
            #expect(c.text.contains("terminal too small: \(w)×\(h) (needs 60×20)"))
        }
        #expect(c.lines().allSatisfy { DisplayWidth.of($0) <= w })
    }

    @Test(arguments: Screen.allCases)
    func asciiThemeIsPureSevenBit(_ screen: Screen) {
        for (w, h) in [(60, 20), (80, 24), (120, 40), (200, 60)] {
            for keys in [[Key](), [.enter], [.char("?")]] {
                var s = Fixture.state(.ascii, screen: screen, width: w, height: h)
                for k in keys { _ = Dashboard.update(&s, k) }
                let text = Fixture.text(s)
                let bad = text.unicodeScalars.filter { $0.value > 0x7E || ($0.value < 0x20 && $0 != "\n") }
                #expect(bad.isEmpty, "\(screen.name) \(w)x\(h) \(keys): non-ASCII \(String(String.UnicodeScalarView(bad.prefix(10))))")
            }
        }
    }

    @Test func monoAndAsciiThemesCarryNoColour() {
        for theme in [Theme.mono, Theme.ascii, Theme.color.withoutColor] {
            for screen in Screen.allCases {
                let c = Dashboard.render(Fixture.state(theme, screen: screen), width: 100, height: 30)
                #expect(c.cells.allSatisfy { $0.style.fg == nil && $0.style.bg == nil })
            }
        }
        let colour = Dashboard.render(Fixture.state(.color), width: 100, height: 30)
        #expect(colour.cells.contains { $0.style.fg != nil }, "the colour theme does use colour")
    }

    @Test func theSelectedRowIsReversed() {
        var s = Fixture.state(.mono, screen: .energy)
        Fixture.press(&s, .char("j"))
        let c = Dashboard.render(s, width: 100, height: 30)
        // Box top at row 2, header row 3, data rows from 4: the second deal is at row 5.
        #expect(c[5, 5].style.reverse)
        #expect(!c[5, 4].style.reverse)
    }

    /// The Target screen shows the model's metrics, formatted, not numbers of its own. The outlook
    /// starts from the 2025 estimate: over 555 M × 1.054 (Jan–Sep's growth) = at least 584.97 M.
    @Test func targetScreenNumbersMatchTheModel() throws {
        let d = Fixture.dataset
        let target = try #require(d.targets.first)
        let p = TargetProgress(target: target, dataset: d)
        #expect(p.year == 2024)
        #expect(p.current == 555e6)
        #expect(abs(p.share! - 0.555) < 1e-12)
        #expect(p.remaining == 445e6)
        #expect(p.deadline == 2027)
        #expect(p.baseYear == 2025 && p.baseIsEstimate)
        #expect(abs(p.baseValue! - 555e6 * 1.054) < 1)
        // (1000 / 584.97)^(1/2) − 1 = 1.70949^0.5 − 1 = 30.75 %.
        #expect(abs(p.requiredGrowth! - ((1000.0 / (555.0 * 1.054)) ** (1.0 / 2.0) - 1)) < 1e-12)
        #expect(p.recentRange == 2021...2024)
        #expect(abs(p.recentCAGR! - ((555.0 / 254.3) ** (1.0 / 3.0) - 1)) < 1e-12)
        // 584.97 × 1.2971^n: 758.8 (2026), 984.2 (2027), 1,276.7 (2028).
        #expect(p.yearReachedAtRecent == 2028)
        #expect(abs(p.lastGrowth! - (555.0 / 563.0 - 1)) < 1e-12)
        #expect(p.yearReachedAtLast == nil)

        // 2024 is "over 555 M": everything computed from it is a bound, and the screen says which.
        #expect(p.currentBound == .atLeast && p.baseBound == .atLeast)
        #expect(p.shareBound == .atLeast && p.remainingBound == .atMost && p.requiredBound == .atMost)
        #expect(p.recentBound == .atLeast && p.lastGrowthBound == .atLeast)
        #expect(p.reachAtRecent == .year(2028, .atMost))
        #expect(p.reachAtLast == .unknown, "a negative lower bound on growth says nothing about when")
        #expect(p.reach(atRate: 0) == .never, "no growth never reaches a target not yet reached")
        // 584.97 × 1.2^n ≥ 1,000: n = ln 1.70949 / ln 1.2 = 2.94 → 3 → 2028.
        #expect(p.reach(atRate: 0.2) == .year(2028, .atMost))

        let text = Fixture.text(Fixture.state(.mono, screen: .target, width: 100, height: 30))
        #expect(text.contains("2024 (latest full year): over USD 555 M = at least 55.5 % of 1,000 M; at most 445 M to go"))
        #expect(text.contains("2025 estimate: ≥584.9 M^ = 2024 >555 M × 1.054 (Jan–Sep growth); 484.8 M^"), "at least 584.97 M, rounded down")
        #expect(text.contains("Needed: at most +30.8 % a year in 2026–2027, after the 2025 estimate"), "at most 30.75 %, rounded up")
        #expect(text.contains("At the CAGR 2021–2024 (≥+29.7 %/yr): reached by 2028 at the latest"))
        #expect(text.contains("At 2024's growth (≥−1.5 %/yr): unknown"), "at least −1.42 %, rounded down")
        #expect(text.contains("Latest evidence (2025 Jan–Sep, +5.4 % on the same months)"), "the verdict names its evidence")
        #expect(text.contains("≥55.5 % of 1,000 M"), "the gauge's label")
        // 584.97 × 1.1 = 643.467: at least 643.4 M.
        #expect(text.contains("≥643.4 M*"), "projections from a lower bound are lower bounds")
        #expect(text.contains("≤2028"), "years reached from a lower bound are at the latest")
    }

    @Test func deadlineKeysChangeTheRequiredGrowth() {
        var s = Fixture.state(.mono, screen: .target, width: 100, height: 30)
        Fixture.press(&s, .char("+"), .char("+"), .char("+"))
        let text = Fixture.text(s)
        // From the 2025 estimate over five years: (1000 / 584.97)^(1/5) − 1 = +11.3 %.
        let g = (1000.0 / (555.0 * 1.054)) ** (1.0 / 5.0) - 1
        #expect(text.contains("Needed: at most \(Money.percent(g, rounding: .up)) a year in 2026–2030, after the 2025 estimate"))
        #expect(text.contains("chosen with +/−; the data says 2027, derived"))
    }

    @Test func tradeScreenMarksDerivedPartialAndConflicting() {
        // 50 rows: the table's 19 periods and the estimate all show (at 40 it scrolls).
        let text = Fixture.text(Fixture.state(.mono, screen: .trade, width: 120, height: 50))
        #expect(text.contains("254.3 M ") && !text.contains("254.3 M!"), "2021: \"about 250 M\" is 254.3 M rounded, not a conflict")
        #expect(!text.contains("also ~250 M"))
        #expect(text.contains("+28.0 %!"), "2023 growth conflict flagged")
        #expect(text.contains("growth also +22.5 %"))
        #expect(text.contains("2025 Jan–Sep"), "partial years are labelled with their months")
        #expect(text.contains("~440 M*"), "derived values are marked")
        #expect(text.contains(">555 M"), "a lower bound says so")
        #expect(text.contains("≥−1.5 %*"), "growth computed from a lower bound is a lower bound, rounded down")
        #expect(text.contains("≤115 M*"), "exports less a lower bound on imports: at most")
        #expect(text.contains("~130 M*?") && text.contains("derivations differ: also <125 M* (derived)"), "contradicting derivations are flagged as such")
        // 2022: ~440 M (563 M ÷ 1.28, the growth two sources state) is preferred to ~460 M (÷ 1.225, one source).
        #expect(text.contains("~440 M*?") && text.contains("derivations differ: also ~460 M* (derived)"))
        #expect(text.contains("2025 est.") && text.contains("≥584.9 M^"), "the current year's estimate, marked")
        #expect(text.contains("KZ balance"))
        #expect(!text.contains("reported by the"), "no invented reporting side")
    }

    @Test func boundsCombine() {
        #expect(Bound.combine(increasing: [.atLeast], decreasing: [.exact]) == .atLeast)
        #expect(Bound.combine(increasing: [.exact], decreasing: [.atLeast]) == .atMost)
        #expect(Bound.combine(increasing: [.atLeast], decreasing: [.atLeast]) == .unknown)
        #expect(Bound.combine(increasing: [.approximate], decreasing: [.exact]) == .approximate)
        #expect(Bound.combine(increasing: [.atMost, .approximate]) == .unknown, "an approximate input can err either way")
        #expect(Bound.combine(increasing: [.atLeast], decreasing: [.approximate]) == .unknown)
        #expect(Reach(nil, bound: .approximate, rate: -0.014) == .unknown, "about −1.4 % may really be growth")
        #expect(Reach(nil, bound: .approximate, rate: -0.30) == .never)
        #expect(Reach(nil, bound: .atMost) == .unknown)
        #expect(Reach(nil, bound: .atLeast) == .never)
        #expect(Reach(2030, bound: .exact).text == "reached in 2030")
        #expect(Reach(2030, bound: .atMost).short == "≤2030")
    }

    @Test func aPastDeadlineSaysSoAndTheKeysStopAtTheCurrentYear() {
        var d = Fixture.dataset
        d.targets[0].deadline = 2022
        var s = AppState(dataset: d, theme: .mono)
        Fixture.press(&s, .resize(width: 100, height: 30), .char("3"))
        // 2022 is "about 440 M" (435–445 M): all of it below 1,000 M, so missed, though approximate.
        #expect(Fixture.text(s).contains("Deadline 2022 has passed: missed (2022: ~440 M)"))
        Fixture.press(&s, .char("+"))
        #expect(s.targetYear == 2026, "+ jumps to the current year (the data is as of 22 Feb 2026)")
        Fixture.press(&s, .char("-"))
        #expect(s.targetYear == 2026, "- cannot move the deadline before the current year")
        #expect(s.status?.text.contains("cannot be before 2026") == true)
        // 2026 has no figure yet: from the 2025 estimate (at least 584.97 M) the target needs at most
        // 1,000 / 584.97 − 1 = +70.95 % in 2026, said as +71.0 % (rounded up).
        #expect(Fixture.text(s).contains("Needed: at most +71.0 % a year in 2026, after the 2025 estimate"))
        // A past deadline whose year is only "over 555 M" may have been met: unknown, not missed.
        d.targets[0].deadline = 2024
        var e = AppState(dataset: d, theme: .mono)
        Fixture.press(&e, .resize(width: 100, height: 30), .char("3"))
        #expect(Fixture.text(e).contains("Deadline 2024 has passed: unknown (2024: ≥555 M)"))
    }

    @Test func aLowerBoundAlreadyAboveTheTargetIsReached() {
        var d = Fixture.dataset
        if let i = d.trade.firstIndex(where: { $0.period == Period(year: 2024) && $0.flow == .turnover }) { d.trade[i].usd = 1.1e9 }
        let p = TargetProgress(target: d.targets[0], dataset: d)
        #expect(p.alreadyReached)
        #expect(p.remaining == 0 && p.remainingBound == .exact)
        #expect(p.requiredGrowth == 0 && p.requiredBound == .exact)
        #expect(p.reachAtRecent == .year(2024, .exact))
        #expect(p.reach(atRate: -0.5) == .year(2024, .exact))
        #expect(p.shareBound == .atLeast, "the share itself is still at least 110 %")
    }

    @Test func unknownIsShownNotInvented() {
        var d = Fixture.dataset
        d.trade = d.trade.filter { $0.period.year != 2024 }
        d.targets = []
        let s = AppState(dataset: d, theme: .mono)
        let target = Dashboard.render({ var x = s; _ = Dashboard.update(&x, .char("3")); return x }(), width: 100, height: 30).text
        #expect(target.contains("no target (unknown)"))
        let trade = Dashboard.render({ var x = s; _ = Dashboard.update(&x, .char("2")); return x }(), width: 100, height: 30).text
        #expect(trade.contains("unknown"))
        #expect(!trade.contains("555"))
    }

    @Test func everySourceDetailListsWhatCitesIt() {
        var s = Fixture.state(.mono, screen: .sources, width: 120, height: 40)
        for (k, src) in Fixture.dataset.sources.enumerated() {
            s.selection[.sources] = k
            let lines = ListRow.visible(s, .sources)[k].detail.lines.map(\.plainText)
            let cites = Fixture.dataset.citations(of: src.id)
            #expect(lines.contains("Cited by (\(cites.count))"))
            for c in cites { #expect(lines.contains("  " + c)) }
        }
    }

    @Test func everyTradeDetailNamesTheSourceOfEachFigure() {
        let s = Fixture.state(.mono, screen: .trade)
        for p in TradeScreen.periods(Fixture.dataset) {
            let text = TradeScreen.detail(s.dataset, p).lines.map(\.plainText).joined(separator: "\n")
            for o in Fixture.dataset.trade where o.period == p && o.hsSection == nil {
                #expect(text.contains("[\(o.source)]"), "\(p.label): figure from \(o.source) is not attributed")
            }
        }
    }
}

infix operator **: MultiplicationPrecedence
func ** (a: Double, b: Double) -> Double { Foundation.pow(a, b) }
import Foundation

/// Scenarios from a latest full year long before the data's as-of date: the years between are past.
@Suite struct ScenarioPastYearsTests {
    @Test func yearsBeforeTheCurrentYearAreMarkedPast() throws {
        var d = Fixture.dataset
        // Keep the years up to 2022: the latest full year is 2022 (about 440 M), the data is as of
        // 22 Feb 2026, and no partial year follows 2022's, so there is no estimate.
        d.trade = d.trade.filter { $0.period.year <= 2022 }
        var s = AppState(dataset: d, theme: .mono)
        Fixture.press(&s, .resize(width: 120, height: 40), .char("3"))
        let p = try #require(TargetScreen.progress(s))
        #expect(p.baseYear == 2022 && !p.baseIsEstimate)
        let text = Fixture.text(s)
        #expect(text.contains("2023 past") && text.contains("2024 past") && text.contains("2025 past"), "years before 2026 are past")
        #expect(!text.contains("2026 past"), "the current year is not past")
        // From about 440 M in 2022 to 1,000 M by 2027: (1000 / 440)^(1/5) − 1 = +17.8 % a year.
        #expect(text.contains("Needed: about +17.8 % a year in 2023–2027, after the 2022 value"))
    }
}

/// Partial figures and no full year at all: the share is unknown, the outlook is not.
@Suite struct OutlookWithoutAFullYearTests {
    @Test func theTargetScreenGivesTheEstimateAndTheGrowthNeeded() {
        var d = Fixture.dataset
        // Only the partial periods stay: 2020 Jan–Oct, 2022 Jan–Jul, 2025 Jan–Sep (363.6 M, +5.4 %).
        d.trade = d.trade.filter { !$0.period.isFullYear }
        var s = AppState(dataset: d, theme: .mono)
        Fixture.press(&s, .resize(width: 100, height: 30), .char("3"))
        let text = Fixture.text(s)
        #expect(text.contains("Progress: unknown (the data has no full-year turnover value)"))
        // 363.6 M × 12/9 = 484.8 M; (1000 / 484.8)^(1/2) − 1 = +43.6 % a year to 2027.
        #expect(text.contains("2025 estimate: 484.8 M^ = 2025 Jan–Sep 363.6 M × 12/9"))
        #expect(text.contains("Needed: +43.6 % a year in 2026–2027, after the 2025 estimate"))
    }
}
