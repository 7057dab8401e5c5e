import Testing
@testable import DashboardUI

@Suite("Widget charts: bar chart, gauge, sparkline")
struct WidgetChartTests {
    static let bars = BarChart(bars: [
        Bar(label: "2021", value: 254.3, valueLabel: "254.3"), Bar(label: "2022", value: 361, valueLabel: "361.0"),
        Bar(label: "2023", value: nil, valueLabel: "—"), Bar(label: "2024", value: 555, valueLabel: "555.0"),
    ])

    @Test func horizontalBarsInEighths() {
        #expect(drawn(30, 4) { c, r in Self.bars.render(into: &c, area: r, theme: .mono) } == [
            "2021 ████████▊           254.3",
            "2022 ████████████▍       361.0",
            "2023 unknown                 —",
            "2024 ███████████████████ 555.0",
        ])
    }

    @Test func horizontalBarsInASCII() {
        let lines = drawn(30, 4, theme: .ascii) { c, r in Self.bars.render(into: &c, area: r, theme: .ascii) }
        #expect(lines == [
            "2021 #########           254.3",
            "2022 ############        361.0",
            "2023 unknown                 -",
            "2024 ################### 555.0",
        ])
        #expect(isSevenBit(lines))
    }

    @Test func barRolesAndUnknownIsDimmed() {
        var chart = Self.bars
        chart.bars[0].role = .barAlt
        let c = canvas(30, 4, theme: .color) { c, r in chart.render(into: &c, area: r, theme: .color) }
        #expect(c[5, 0].style == Theme.color.style(.barAlt))
        #expect(c[5, 1].style == Theme.color.style(.bar))
        #expect(c[5, 2].style == Theme.color.style(.unknown))
    }

    @Test func maxValueSetsTheScaleAndClamps() {
        let chart = BarChart(bars: [Bar(label: "a", value: 500, valueLabel: "500"), Bar(label: "b", value: 2000, valueLabel: "2000")], maxValue: 1000)
        #expect(drawn(16, 2) { c, r in chart.render(into: &c, area: r, theme: .mono) } == [
            "a ████▌      500",
            "b █████████ 2000",
        ])
        #expect(chart.scale == 1000)
        #expect(chart.units(500, cells: 9, perCell: 8) == 36)
        #expect(chart.units(0.0001, cells: 9, perCell: 8) == 1)
        #expect(chart.units(-5, cells: 9, perCell: 8) == 0)
        #expect(chart.units(.nan, cells: 9, perCell: 8) == 0)
        #expect(chart.units(.infinity, cells: 9, perCell: 8) == 0)
    }

    @Test func narrowAreasKeepLabelsAndValuesAndShrinkTheBar() {
        let chart = BarChart(bars: [Bar(label: "Turkmenistan", value: 3, valueLabel: "3.0"), Bar(label: "Kazakhstan", value: 6, valueLabel: "6.0")])
        #expect(drawn(14, 2) { c, r in chart.render(into: &c, area: r, theme: .mono) } == [
            "Tur… ██▌   3.0",
            "Kaz… █████ 6.0",
        ])
        // More bars than rows: the first ones that fit.
        #expect(drawn(14, 1) { c, r in chart.render(into: &c, area: r, theme: .mono) } == ["Tur… ██▌   3.0"])
    }

    @Test func wideAndCombiningLabelsKeepBarsAligned() {
        let chart = BarChart(bars: [Bar(label: "日本", value: 4, valueLabel: "4"), Bar(label: "Türkmenbaşy", value: 8, valueLabel: "8.0"),
                                    Bar(label: "e\u{301}", value: 2, valueLabel: "２")])
        let lines = drawn(20, 3) { c, r in chart.render(into: &c, area: r, theme: .mono) }
        #expect(lines == [
            "日本   ████▌       4",
            "Türkm… █████████ 8.0",
            "e\u{301}      ██▎        ２",
        ])
        // Every bar starts in column 7, every value ends in column 19.
        for line in lines {
            #expect(character(atColumn: 6, of: line) == " ")
            #expect(character(atColumn: 7, of: line).map { "▏▎▍▌▋▊▉█".contains($0) } == true)
            #expect(DisplayWidth.of(line) == 20)
        }
    }

    @Test func allZeroOrUnknownDrawsNoBars() {
        let chart = BarChart(bars: [Bar(label: "a", value: 0, valueLabel: "0"), Bar(label: "b", value: nil, valueLabel: "")])
        #expect(drawn(12, 2) { c, r in chart.render(into: &c, area: r, theme: .mono) } == ["a          0", "b unknown"])
    }

    @Test func verticalBars() {
        var v = Self.bars
        v.orientation = .vertical
        #expect(drawn(30, 8) { c, r in v.render(into: &c, area: r, theme: .mono) } == [
            "                     555.0",
            "                     ██████",
            "       361.0         ██████",
            "254.3  ▇▇▇▇▇▇        ██████",
            "▆▆▆▆▆▆ ██████        ██████",
            "██████ ██████   —    ██████",
            "██████ ██████ unkno… ██████",
            " 2021   2022   2023   2024",
        ])
        #expect(drawn(23, 6, theme: .ascii) { c, r in v.render(into: &c, area: r, theme: .ascii) } == [
            "                  555.0",
            "      361.0       #####",
            "254.3 #####       #####",
            "##### #####   -   #####",
            "##### ##### unkn. #####",
            "2021  2022  2023  2024",
        ])
    }

    @Test func verticalBarsGrowWithTheSpace() {
        var v = Self.bars
        v.orientation = .vertical
        #expect(v.verticalLayout(width: 23).columnWidth == 5)
        #expect(v.verticalLayout(width: 30).columnWidth == 6)
        #expect(v.verticalLayout(width: 200).columnWidth == 12)
        #expect(v.verticalLayout(width: 7) == (count: 4, columnWidth: 1))
        #expect(v.verticalLayout(width: 5) == (count: 3, columnWidth: 1))
        #expect(v.verticalLayout(width: 0) == (count: 0, columnWidth: 0))
        v.barWidth = 2
        #expect(v.verticalLayout(width: 200).columnWidth == 2)
        #expect(drawn(11, 4) { c, r in v.render(into: &c, area: r, theme: .mono) } == [
            "   36    55",
            "25 ▂▂ —  ██",
            "▇▇ ██ ?  ██",
            "20 20 20 20",
        ])
    }

    @Test func verticalBarsInTinyAreas() {
        var v = Self.bars
        v.orientation = .vertical
        // Two rows: no value labels; one bar column each, as many as fit.
        #expect(drawn(7, 2) { c, r in v.render(into: &c, area: r, theme: .mono) } == ["  ▂   █", "▇ █ ? █"])
        #expect(drawn(3, 1) { c, r in v.render(into: &c, area: r, theme: .mono) } == ["▄ ▅"])
        #expect(drawn(1, 1) { c, r in v.render(into: &c, area: r, theme: .mono) } == ["▄"])
    }

    @Test func gaugeWithLabelAfter() {
        #expect(drawn(30, 1) { c, r in Gauge(fraction: 0.555, label: "55.5 %").render(into: &c, area: r, theme: .mono) } == ["█████████████░░░░░░░░░░ 55.5 %"])
        #expect(drawn(30, 1, theme: .ascii) { c, r in Gauge(fraction: 0.555, label: "55.5 %").render(into: &c, area: r, theme: .ascii) } == ["#############.......... 55.5 %"])
    }

    @Test func gaugeWithCentredLabel() {
        let g = Gauge(fraction: 0.555, label: "55.5 %", labelPosition: .center)
        let c = canvas(30, 1, theme: .color) { c, r in g.render(into: &c, area: r, theme: .color) }
        #expect(c.lines() == ["███████████ 55.5 % ░░░░░░░░░░░"])
        // Over the filled part the label is reversed; over the empty part it is plain.
        var over = Theme.color.style(.gauge)
        over.reverse = true
        #expect(c[12, 0].style == over)
        #expect(c[17, 0].style == .plain)
    }

    @Test func gaugeClampsForDrawingButShowsTheRealLabel() {
        #expect(drawn(12, 1) { c, r in Gauge(fraction: 1.12, label: "112 %").render(into: &c, area: r, theme: .mono) } == ["██████ 112 %"])
        #expect(drawn(12, 1) { c, r in Gauge(fraction: -0.3, label: "-30 %").render(into: &c, area: r, theme: .mono) } == ["░░░░░░ -30 %"])
        #expect(drawn(12, 1) { c, r in Gauge(fraction: .nan, label: "n/a").render(into: &c, area: r, theme: .mono) } == ["░░░░░░░░ n/a"])
        let g = Gauge(fraction: 0.001, label: "")
        #expect(g.filledCells(width: 10) == 1)
        #expect(Gauge(fraction: 0.999, label: "").filledCells(width: 10) == 9)
        #expect(Gauge(fraction: 1, label: "").filledCells(width: 10) == 10)
        #expect(Gauge(fraction: 0, label: "").filledCells(width: 10) == 0)
        #expect(drawn(5, 1) { c, r in g.render(into: &c, area: r, theme: .mono) } == ["█░░░░"])
    }

    @Test func gaugeTooNarrowForABarShowsTheLabel() {
        #expect(drawn(6, 1) { c, r in Gauge(fraction: 0.5, label: "55.5 %").render(into: &c, area: r, theme: .mono) } == ["55.5 %"])
        #expect(drawn(4, 1) { c, r in Gauge(fraction: 0.5, label: "55.5 %").render(into: &c, area: r, theme: .mono) } == ["55.…"])
        // In a taller area the gauge sits on the middle row.
        #expect(drawn(8, 3) { c, r in Gauge(fraction: 0.5, label: "50%").render(into: &c, area: r, theme: .mono) } == ["", "██░░ 50%", ""])
    }

    @Test func sparkline() {
        let s = Sparkline(values: [1, 2, 3, nil, 5, 8, 3])
        #expect(drawn(12, 1) { c, r in s.render(into: &c, area: r, theme: .mono) } == ["▂▃▄ ▅█▄"])
        #expect(drawn(12, 1, theme: .ascii) { c, r in s.render(into: &c, area: r, theme: .ascii) } == ["..- =#-"])
        #expect(s.levels(count: 8) == [1, 2, 3, nil, 4, 7, 3])
    }

    @Test func sparklineShowsTheLatestValuesOnTheSameScale() {
        let s = Sparkline(values: [8, 1, 2, 3, nil, 5, 8, 3])
        #expect(drawn(4, 1) { c, r in s.render(into: &c, area: r, theme: .mono) } == [" ▅█▄"])
        #expect(drawn(4, 2) { c, r in s.render(into: &c, area: r, theme: .mono) } == ["", " ▅█▄"])
    }

    @Test func sparklineEdgeCases() {
        #expect(Sparkline(values: []).levels(count: 8) == [])
        #expect(Sparkline(values: [nil, nil]).levels(count: 8) == [nil, nil])
        #expect(Sparkline(values: [5, 5]).levels(count: 8) == [7, 7])
        #expect(Sparkline(values: [0, 0]).levels(count: 8) == [0, 0])
        #expect(Sparkline(values: [-2, 2]).levels(count: 8) == [0, 7])
        #expect(Sparkline(values: [1, .nan, 2]).levels(count: 8) == [4, nil, 7])
        #expect(Sparkline(values: [5, 10], minValue: 5, maxValue: 10).levels(count: 8) == [0, 7])
        #expect(Sparkline(values: [20], maxValue: 10).levels(count: 8) == [7])
    }
}
