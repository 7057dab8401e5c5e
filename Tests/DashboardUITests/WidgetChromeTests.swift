import Testing
@testable import DashboardUI

@Suite("Widget chrome: key hints and tab bar")
struct WidgetChromeTests {
    static let hints = KeyHints(hints: [("q", "quit"), ("?", "help"), ("/", "filter"), ("Enter", "details")])
    static let titles = ["Overview", "Trade", "Target", "Energy", "Infrastructure", "Timeline", "Sources"]

    @Test func keyHintsFit() {
        #expect(drawn(40, 1) { c, r in Self.hints.render(into: &c, area: r, theme: .mono) } == ["q quit  ? help  / filter  Enter details"])
    }

    @Test func keyHintsLeaveOutWholeHintsWithAnEllipsis() {
        #expect(drawn(20, 1) { c, r in Self.hints.render(into: &c, area: r, theme: .mono) } == ["q quit  ? help  …"])
        #expect(drawn(20, 1, theme: .ascii) { c, r in Self.hints.render(into: &c, area: r, theme: .ascii) } == ["q quit  ? help  ."])
        #expect(drawn(24, 1) { c, r in Self.hints.render(into: &c, area: r, theme: .mono) } == ["q quit  ? help  / filter"])
        #expect(drawn(4, 1) { c, r in Self.hints.render(into: &c, area: r, theme: .mono) } == ["q q…"])
        #expect(drawn(9, 1) { c, r in Self.hints.render(into: &c, area: r, theme: .mono) } == ["q quit  …"])
        for w in 0...45 {
            #expect(Self.hints.line(width: w).width <= w)
        }
        #expect(KeyHints(hints: []).line(width: 10) == [])
    }

    @Test func keyHintRoles() {
        let c = canvas(40, 1, theme: .color) { c, r in Self.hints.render(into: &c, area: r, theme: .color) }
        #expect(c[0, 0].style == Theme.color.style(.footerKey))
        #expect(c[2, 0].style == Theme.color.style(.footer))
        #expect(c[26, 0].style == Theme.color.style(.footerKey))
        #expect(c[30, 0].style == Theme.color.style(.footerKey))
        #expect(c[31, 0].style == Theme.color.style(.footer))
    }

    @Test func tabBarWithFullTitles() {
        #expect(drawn(82, 1) { c, r in TabBar(titles: Self.titles, selected: 0).render(into: &c, area: r, theme: .mono) } == [
            " 1 Overview  2 Trade  3 Target  4 Energy  5 Infrastructure  6 Timeline  7 Sources",
        ])
        #expect(drawn(80, 1) { c, r in TabBar(titles: Self.titles, selected: 0).render(into: &c, area: r, theme: .mono) } == [
            "1 Overview  2 Trade  3 Target  4 Energy  5 Infrastructure  6 Timeline  7 Sources",
        ])
    }

    @Test func selectedTabIsActiveWithPadding() {
        let c = canvas(82, 1, theme: .color) { c, r in TabBar(titles: Self.titles, selected: 1).render(into: &c, area: r, theme: .color) }
        let active = Theme.color.style(.tabActive), inactive = Theme.color.style(.tabInactive)
        #expect(c[12, 0].style == active) // the space before "2 Trade"
        #expect((13..<20).allSatisfy { c[$0, 0].style == active })
        #expect(c[20, 0].style == active) // the space after
        #expect(c[1, 0].style == inactive)
        #expect(c[22, 0].style == inactive)
        #expect(c[11, 0].style == .plain)
    }

    @Test func tabBarShortensRatherThanOverflows() {
        func bar(_ w: Int, _ sel: Int = 2) -> [String] { drawn(w, 1) { c, r in TabBar(titles: Self.titles, selected: sel).render(into: &c, area: r, theme: .mono) } }
        #expect(bar(60) == [" 1 O  2 T  3 Target  4 E  5 I  6 T  7 S"])
        #expect(bar(38) == ["1 O  2 T  3 Target  4 E  5 I  6 T  7 S"])
        #expect(bar(34) == ["1 O  2 T  3 T  4 E  5 I  6 T  7 S"])
        #expect(bar(35) == [" 1 O  2 T  3 T  4 E  5 I  6 T  7 S"])
        #expect(bar(32) == [" 1  2  3  4  5  6  7"])
        #expect(bar(10) == ["1  2  3  4"])
        for w in 0...90 {
            for sel in 0..<7 {
                #expect(DisplayWidth.of(bar(w, sel)[0]) <= w)
            }
        }
    }

    @Test func tabBarInitials() {
        #expect(TabBar.initials("Export potential") == "Ep")
        #expect(TabBar.initials("Infrastructure") == "I")
        #expect(TabBar.initials("") == "")
    }
}
