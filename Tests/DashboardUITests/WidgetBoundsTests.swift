import Testing
@testable import DashboardUI

/// Every widget, at every size from nothing up, draws only inside its rectangle, and in ASCII
/// draws only 7-bit characters, whatever its content (wide, combining, control characters).
@Suite("Widget bounds")
struct WidgetBoundsTests {
    static let awkward = "Türkmenbaşy 日本語 e\u{301}\u{301} tab\there\nnew line — “quoted” …"

    @Test func theCheckCatchesDrawingOutside() {
        withKnownIssue {
            expectStaysInside(widths: 1...1, heights: 1...1) { c, r, _ in c.put("y", x: r.x - 1, y: r.y) }
        }
        withKnownIssue {
            expectStaysInside(widths: 2...2, heights: 1...1, themes: [.ascii]) { c, r, _ in c.asciiOnly = false; c.put("é", x: r.x, y: r.y) }
        }
    }

    @Test func box() {
        expectStaysInside { c, r, t in
            let inner = Box(title: Self.awkward, focused: true, footer: Self.awkward, clear: true).render(into: &c, area: r, theme: t)
            #expect(inner.isEmpty || r.intersection(inner) == inner)
        }
    }

    @Test func paragraph() {
        expectStaysInside { c, r, t in
            for wrap in [true, false] {
                for align in [Alignment.left, .center, .right] {
                    Paragraph(lines: [[Span(Self.awkward, role: .accent)], Line.text("日本語テキスト"), []], wrap: wrap, scroll: 1, align: align).render(into: &c, area: r, theme: t)
                }
            }
        }
    }

    @Test func table() {
        let columns = [TableColumn(title: "Name 名前", width: .fit), TableColumn(title: "USD", width: .fixed(6), align: .right),
                       TableColumn(title: "Note", width: .flex(min: 3, weight: 2)), TableColumn(title: "X", width: .flex(min: 1))]
        let rows: [[Line]] = (0..<9).map { k in [Line.text(k % 2 == 0 ? "日本語" : Self.awkward), Line.text("\(k * 1234)"), Line.text(Self.awkward), []] }
        expectStaysInside { c, r, t in
            for selected in [nil, 0, 4, 8] as [Int?] {
                Table(columns: columns, rows: rows, selected: selected, offset: 3).render(into: &c, area: r, theme: t)
            }
            Table(columns: columns, rows: [], emptyText: Self.awkward).render(into: &c, area: r, theme: t)
            Table(columns: [], rows: rows).render(into: &c, area: r, theme: t)
        }
    }

    @Test func barChart() {
        let bars = [Bar(label: Self.awkward, value: 3, valueLabel: "3.0 日本"), Bar(label: "b", value: nil, valueLabel: Self.awkward),
                    Bar(label: "c", value: 1e12, valueLabel: "huge"), Bar(label: "d", value: -4, valueLabel: "-4"), Bar(label: "e", value: .nan, valueLabel: "nan")]
        expectStaysInside(widths: 0...24, heights: 0...8) { c, r, t in
            for o in [BarChart.Orientation.horizontal, .vertical] {
                BarChart(bars: bars, orientation: o).render(into: &c, area: r, theme: t)
                BarChart(bars: bars, orientation: o, maxValue: 2).render(into: &c, area: r, theme: t)
                BarChart(bars: [], orientation: o).render(into: &c, area: r, theme: t)
            }
        }
    }

    @Test func gauge() {
        expectStaysInside { c, r, t in
            for f in [-1, 0, 0.3, 0.999, 1, 7, .nan, .infinity] as [Double] {
                Gauge(fraction: f, label: Self.awkward).render(into: &c, area: r, theme: t)
                Gauge(fraction: f, label: "55.5 %", labelPosition: .center).render(into: &c, area: r, theme: t)
                Gauge(fraction: f, label: "").render(into: &c, area: r, theme: t)
            }
        }
    }

    @Test func sparkline() {
        expectStaysInside { c, r, t in
            let values: [Double?] = (0..<40).map { (k: Int) -> Double? in k % 7 == 0 ? nil : Double(k * k % 13) }
            Sparkline(values: values).render(into: &c, area: r, theme: t)
            Sparkline(values: [.nan, .infinity, -1, 1e300]).render(into: &c, area: r, theme: t)
        }
    }

    @Test func map() {
        let map = MapWidget(points: [
            MapPoint(id: "a", label: Self.awkward, lat: 43.65, lon: 51.15), MapPoint(id: "b", label: "日本語", lat: 40.02, lon: 52.97),
            MapPoint(id: "c", label: "Ashgabat", lat: 37.95, lon: 58.38), MapPoint(id: "d", label: "", lat: 51.17, lon: 71.45),
        ], routes: [MapRoute(pointIDs: ["a", "b", "c", "d"], name: Self.awkward), MapRoute(pointIDs: ["d", "a"], dashed: true, name: "x")], legend: true)
        expectStaysInside(widths: 0...30, heights: 0...10) { c, r, t in map.render(into: &c, area: r, theme: t) }
    }

    @Test func keyHints() {
        let hints = KeyHints(hints: [("Enter", Self.awkward), ("日本", "語"), ("q", "quit")])
        expectStaysInside(widths: 0...40, heights: 0...2) { c, r, t in hints.render(into: &c, area: r, theme: t) }
    }

    @Test func tabBar() {
        let titles = ["Overview", "Trade 日本", Self.awkward, "", "Infrastructure"]
        expectStaysInside(widths: 0...60, heights: 0...2) { c, r, t in
            for s in -1...5 { TabBar(titles: titles, selected: s).render(into: &c, area: r, theme: t) }
            TabBar(titles: [], selected: 0).render(into: &c, area: r, theme: t)
        }
    }

    @Test func lines() {
        expectStaysInside { c, r, t in
            for align in [Alignment.left, .center, .right] {
                c.put([Span(Self.awkward, role: .accent), "日本"], in: r, align: align, theme: t)
                c.put([Span(Self.awkward, role: .accent), "日本"], in: r, align: align, theme: t, truncate: false)
            }
        }
    }

    @Test func asciiCanvasWithAUnicodeThemeIsStillSevenBit() {
        let bars = BarChart(bars: [Bar(label: "2024 Jan–Sep", value: 3, valueLabel: "3.0 …"), Bar(label: "x", value: nil, valueLabel: "—")])
        let map = MapWidget(points: [MapPoint(id: "a", label: "Türkmenbaşy", lat: 1, lon: 1), MapPoint(id: "b", label: "Aktau", lat: 2, lon: 3)],
                            routes: [MapRoute(pointIDs: ["a", "b"])], legend: true)
        for theme in [Theme.color, .mono] {
            let lines = drawn(40, 16, theme: theme, asciiCanvas: true) { c, r in
                let rows = r.rows(8)
                let inner = Box(title: "Türkmenbaşy – Aktau", footer: "1/2 …").render(into: &c, area: rows[0].intersection(r), theme: theme)
                Paragraph("Jan–Sep “quoted” …").render(into: &c, area: inner, theme: theme)
                Table(columns: [TableColumn(title: "Name", width: .fixed(5)), TableColumn(title: "V", width: .fit)], textRows: [["Türkmenbaşy", "1"], ["a", "2"], ["b", "3"]], selected: 2).render(into: &c, area: rows[1], theme: theme)
                bars.render(into: &c, area: rows[2], theme: theme)
                Gauge(fraction: 0.5, label: "½").render(into: &c, area: rows[3], theme: theme)
                Sparkline(values: [1, nil, 3]).render(into: &c, area: rows[4], theme: theme)
                map.render(into: &c, area: Rect(x: 20, y: 8, width: 20, height: 8), theme: theme)
                KeyHints(hints: [("↑↓", "move"), ("q", "quit")]).render(into: &c, area: rows[5], theme: theme)
                TabBar(titles: ["Überblick", "Trade"], selected: 0).render(into: &c, area: rows[6], theme: theme)
                var v = bars
                v.orientation = .vertical
                v.render(into: &c, area: Rect(x: 0, y: 14, width: 20, height: 2), theme: theme)
            }
            #expect(isSevenBit(lines), "\(lines)")
        }
    }

    @Test func noLineIsWiderThanTheCanvas() {
        for w in [1, 2, 3, 7, 13] {
            let lines = drawn(w, 3) { c, r in
                Paragraph(Self.awkward + " 日本語テキスト").render(into: &c, area: r, theme: .mono)
                c.put([Span("日本語テキスト")], in: Rect(x: w - 1, y: 2, width: 5, height: 1), theme: .mono)
            }
            #expect(displayWidths(lines).allSatisfy { $0 <= w }, "\(lines)")
        }
    }
}
