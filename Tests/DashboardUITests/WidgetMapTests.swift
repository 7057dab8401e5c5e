import Foundation
import Testing
@testable import DashboardUI

@Suite("Widget map")
struct WidgetMapTests {
    static let caspian = MapWidget(points: [
        MapPoint(id: "aktau", label: "Aktau", lat: 43.65, lon: 51.15),
        MapPoint(id: "tmb", label: "Turkmenbashi", lat: 40.02, lon: 52.97),
        MapPoint(id: "ash", label: "Ashgabat", lat: 37.95, lon: 58.38),
    ], routes: [MapRoute(pointIDs: ["aktau", "tmb", "ash"]), MapRoute(pointIDs: ["aktau", "ash"], dashed: true, name: "planned")])

    @Test func goldenMap() {
        #expect(drawn(30, 8) { c, r in Self.caspian.render(into: &c, area: r, theme: .mono) } == [
            "",
            "          ● Aktau",
            "           ╲",
            "           │ ╲",
            "            ●─ ╲",
            "Turkmenbashi  ╲──╲",
            "                  ╲● Ashgabat",
            "",
        ])
    }

    @Test func goldenMapInASCIIWithLegend() {
        var map = Self.caspian
        map.legend = true
        let lines = drawn(30, 8, theme: .ascii) { c, r in map.render(into: &c, area: r, theme: .ascii) }
        #expect(lines == [
            "",
            "           * Aktau",
            "            \\",
            "            | \\",
            "Turkmenbashi *--\\",
            "                \\-* Ashgabat",
            "",
            "* place  - - planned",
        ])
        #expect(isSevenBit(lines))
    }

    @Test func labelsAreShortenedThenDroppedRatherThanOverlapping() {
        #expect(drawn(12, 4) { c, r in Self.caspian.render(into: &c, area: r, theme: .mono) } == [
            "   ● Aktau",
            "Turkmenb…",
            "    ●─╲",
            "Ashgab…─●",
        ])
        let crowded = MapWidget(points: (0..<6).map { MapPoint(id: "p\($0)", label: "Place \($0)", lat: 40 + Double($0) * 0.01, lon: 50) }, routes: [])
        let l = crowded.layout(in: Rect(x: 0, y: 0, width: 10, height: 3))
        #expect(!l.droppedLabels.isEmpty)
        expectValid(l, crowded, area: Rect(x: 0, y: 0, width: 10, height: 3))
    }

    @Test func projectionKeepsTheAspectOfTerminalCells() {
        // Near the equator one degree is the same distance both ways: two columns per row.
        let map = MapWidget(points: [MapPoint(id: "a", label: "", lat: 0, lon: 0), MapPoint(id: "b", label: "", lat: 10, lon: 0),
                                     MapPoint(id: "c", label: "", lat: 0, lon: 10)], routes: [])
        let p = map.project(in: Rect(x: 0, y: 0, width: 100, height: 30))
        let rows = p["a"]!.y - p["b"]!.y
        let cols = p["c"]!.x - p["a"]!.x
        #expect(rows > 20)
        #expect(abs(Double(cols) - 2 * Double(rows) * cos(5 * Double.pi / 180)) <= 1.5)
        #expect(p["a"]!.x == p["b"]!.x)
        #expect(p["a"]!.y == p["c"]!.y)
        // At 60° north a degree of longitude is half as long.
        let north = MapWidget(points: [MapPoint(id: "a", label: "", lat: 59, lon: 0), MapPoint(id: "b", label: "", lat: 61, lon: 4)], routes: [])
        let q = north.project(in: Rect(x: 0, y: 0, width: 200, height: 40))
        let dx = Double(q["b"]!.x - q["a"]!.x), dy = Double(q["a"]!.y - q["b"]!.y)
        #expect(abs(dx - 2 * dy) <= 1.5)
    }

    @Test func projectionCentresAndStaysInside() {
        let one = MapWidget(points: [MapPoint(id: "a", label: "A", lat: 43, lon: 51)], routes: [])
        #expect(one.project(in: Rect(x: 0, y: 0, width: 21, height: 11))["a"] == MapCell(x: 10, y: 5))
        let map = MapWidget(points: [MapPoint(id: "w", label: "W", lat: 0, lon: -179), MapPoint(id: "e", label: "E", lat: 0, lon: 179),
                                     MapPoint(id: "n", label: "N", lat: 89, lon: 0)], routes: [])
        for w in 0...12 {
            for h in 0...6 {
                let area = Rect(x: 2, y: 3, width: w, height: h)
                for cell in map.project(in: area).values { #expect(area.contains(x: cell.x, y: cell.y)) }
            }
        }
    }

    @Test func badCoordinatesAndUnknownRouteIDsAreSkipped() {
        let map = MapWidget(points: [MapPoint(id: "a", label: "A", lat: 43, lon: 51), MapPoint(id: "b", label: "B", lat: .nan, lon: 51),
                                     MapPoint(id: "c", label: "C", lat: 41, lon: .infinity), MapPoint(id: "d", label: "D", lat: 40, lon: 53)],
                            routes: [MapRoute(pointIDs: ["a", "b", "zz", "d"]), MapRoute(pointIDs: []), MapRoute(pointIDs: ["a"])])
        let l = map.layout(in: Rect(x: 0, y: 0, width: 20, height: 8))
        #expect(Set(l.markers.keys) == ["a", "d"])
        #expect(l.order == ["a", "d"])
        #expect(l.routeCells.isEmpty)
        #expect(MapWidget(points: [], routes: []).layout(in: Rect(x: 0, y: 0, width: 10, height: 5)).markers.isEmpty)
    }

    @Test func linesUseTheGlyphOfEachStep() {
        let h = MapWidget.line(from: MapCell(x: 0, y: 0), to: MapCell(x: 4, y: 0), ascii: false)
        #expect(h.map(\.0) == [MapCell(x: 1, y: 0), MapCell(x: 2, y: 0), MapCell(x: 3, y: 0)])
        #expect(String(h.map(\.1)) == "───")
        #expect(String(MapWidget.line(from: MapCell(x: 0, y: 3), to: MapCell(x: 0, y: 0), ascii: false).map(\.1)) == "││")
        #expect(String(MapWidget.line(from: MapCell(x: 0, y: 0), to: MapCell(x: 3, y: 3), ascii: true).map(\.1)) == "\\\\")
        #expect(String(MapWidget.line(from: MapCell(x: 3, y: 0), to: MapCell(x: 0, y: 3), ascii: true).map(\.1)) == "//")
        #expect(String(MapWidget.line(from: MapCell(x: 0, y: 3), to: MapCell(x: 3, y: 0), ascii: false).map(\.1)) == "╱╱")
        #expect(MapWidget.line(from: MapCell(x: 1, y: 1), to: MapCell(x: 1, y: 1), ascii: false).isEmpty)
        #expect(MapWidget.line(from: MapCell(x: 1, y: 1), to: MapCell(x: 2, y: 2), ascii: false).isEmpty)
        // Every cell of a long line touches the previous one.
        let long = MapWidget.line(from: MapCell(x: 0, y: 0), to: MapCell(x: 17, y: 5), ascii: false).map(\.0)
        #expect(long.count == 16)
        for (a, b) in zip([MapCell(x: 0, y: 0)] + long, long + [MapCell(x: 17, y: 5)]) {
            #expect(abs(a.x - b.x) <= 1 && abs(a.y - b.y) <= 1)
        }
    }

    @Test func dashedRoutesDrawEveryOtherCell() {
        let map = MapWidget(points: [MapPoint(id: "a", label: "", lat: 40, lon: 50), MapPoint(id: "b", label: "", lat: 40, lon: 60)],
                            routes: [MapRoute(pointIDs: ["a", "b"], dashed: true)])
        let lines = drawn(20, 3) { c, r in map.render(into: &c, area: r, theme: .mono) }
        #expect(lines == ["", " ●─ ─ ─ ─ ─ ─ ─ ─ ●", ""])
    }

    @Test func stylesOfRoutesMarkersAndLabels() {
        let map = MapWidget(points: [MapPoint(id: "a", label: "A", lat: 40, lon: 50, role: .warning), MapPoint(id: "b", label: "B", lat: 40, lon: 60)],
                            routes: [MapRoute(pointIDs: ["a", "b"], role: .accent)])
        let c = canvas(20, 3, theme: .color) { c, r in map.render(into: &c, area: r, theme: .color) }
        let l = map.layout(in: c.bounds)
        let a = l.markers["a"]!, b = l.markers["b"]!
        #expect(c[a.x, a.y].style == Theme.color.style(.warning))
        #expect(c[b.x, b.y].style == Theme.color.style(.mapPlace))
        #expect(c[a.x + 3, a.y].style == Theme.color.style(.accent))
        for label in l.labels { #expect(c[label.rect.x, label.rect.y].style == Theme.color.style(.mapLabel)) }
    }

    @Test func labelsNeverOverlapNeverCoverMarkersNeverLeaveTheRect() {
        var rng = LCG(seed: 7)
        let names = ["Aktau", "Turkmenbashi", "Garabogaz", "Ashgabat", "Beyneu", "Bekdash", "Kuryk", "Баку", "日本語", "Türkmenbaşy", "Serhetyaka", "Bolashak", "Astana", "Almaty"]
        for round in 0..<120 {
            let n = 1 + Int(rng.next() % 12)
            let points = (0..<n).map { k in
                MapPoint(id: "p\(k)", label: names[Int(rng.next() % UInt64(names.count))],
                         lat: 36 + Double(rng.next() % 1500) / 100, lon: 48 + Double(rng.next() % 2500) / 100)
            }
            let routes = (0..<Int(rng.next() % 4)).map { _ in
                MapRoute(pointIDs: (0..<(2 + Int(rng.next() % 3))).map { _ in "p\(rng.next() % UInt64(n))" }, dashed: rng.next() % 2 == 0)
            }
            let map = MapWidget(points: points, routes: routes, legend: round % 3 == 0)
            for (w, h) in [(0, 0), (1, 1), (3, 2), (12, 4), (20, 6), (40, 12), (60, 18), (100, 30)] {
                let area = Rect(x: 1, y: 2, width: w, height: h)
                for ascii in [false, true] {
                    expectValid(map.layout(in: area, ascii: ascii), map, area: area, ascii: ascii)
                }
                // What is drawn is what the layout says: each label's text in its place, each marker on top.
                var c = Canvas(width: w + 2, height: h + 3)
                map.render(into: &c, area: area, theme: .mono)
                let l = map.layout(in: area)
                for label in l.labels {
                    var text = ""
                    for x in label.rect.x..<label.rect.maxX { text += c[x, label.rect.y].text }
                    #expect(text == label.text)
                }
                for cell in l.markers.values { #expect(c[cell.x, cell.y].text == "●") }
            }
        }
    }

    @Test func nearbyPlacesAreNotSpreadOverTheMap() {
        let map = MapWidget(points: [MapPoint(id: "a", label: "", lat: 43.65, lon: 51.15), MapPoint(id: "b", label: "", lat: 43.6501, lon: 51.1501)], routes: [])
        let p = map.project(in: Rect(x: 0, y: 0, width: 100, height: 30))
        #expect(abs(p["a"]!.x - p["b"]!.x) <= 1 && abs(p["a"]!.y - p["b"]!.y) <= 1)
    }

    @Test func twoPointsInOneCellBothGetLabels() {
        let map = MapWidget(points: [MapPoint(id: "a", label: "Aktau", lat: 43.65, lon: 51.15), MapPoint(id: "b", label: "Aktau port", lat: 43.65, lon: 51.15)], routes: [])
        let l = map.layout(in: Rect(x: 0, y: 0, width: 30, height: 5))
        #expect(l.markers["a"] == l.markers["b"])
        expectValid(l, map, area: Rect(x: 0, y: 0, width: 30, height: 5))
        #expect(l.labels.count == 2)
    }
}

/// A small deterministic random generator for test data.
struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
}

/// The layout's promises: markers and labels inside the area (labels above the legend), labels
/// apart from each other by at least a column on their row, no label over a marker, every label
/// accounted for (placed or dropped).
func expectValid(_ l: MapLayout, _ map: MapWidget, area: Rect, ascii: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
    let mapArea = l.legend.map { Rect(x: area.x, y: area.y, width: area.width, height: area.height - $0.height) } ?? area
    for cell in l.markers.values {
        #expect(mapArea.contains(x: cell.x, y: cell.y), "marker \(cell) outside \(mapArea)", sourceLocation: sourceLocation)
    }
    for rc in l.routeCells {
        #expect(mapArea.contains(x: rc.cell.x, y: rc.cell.y), sourceLocation: sourceLocation)
    }
    let markers = Set(l.markers.values)
    for (i, a) in l.labels.enumerated() {
        #expect(a.rect.intersection(mapArea) == a.rect && !a.rect.isEmpty, "label \(a) outside \(mapArea)", sourceLocation: sourceLocation)
        #expect(DisplayWidth.of(a.text) == a.rect.width, sourceLocation: sourceLocation)
        for x in a.rect.x..<a.rect.maxX {
            #expect(!markers.contains(MapCell(x: x, y: a.rect.y)), "label \(a.text) over a marker", sourceLocation: sourceLocation)
        }
        for b in l.labels[(i + 1)...] {
            let widened = Rect(x: b.rect.x - 1, y: b.rect.y, width: b.rect.width + 2, height: 1)
            #expect(a.rect.intersection(widened).isEmpty, "labels \(a.text) and \(b.text) touch", sourceLocation: sourceLocation)
        }
    }
    let expected = Set(map.points.filter { l.markers[$0.id] != nil && DisplayWidth.of(TextLayout.display($0.label, ascii: ascii)) > 0 }.map(\.id))
    #expect(Set(l.labels.map(\.pointID)).union(l.droppedLabels) == expected, sourceLocation: sourceLocation)
    #expect(Set(l.labels.map(\.pointID)).isDisjoint(with: l.droppedLabels), sourceLocation: sourceLocation)
}
