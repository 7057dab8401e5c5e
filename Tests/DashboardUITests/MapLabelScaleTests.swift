import Testing
@testable import DashboardUI

/// A place name of any length costs the map a bounded number of label placements.
@Suite("Map labels at scale")
struct MapLabelScaleTests {
    static let longName = String(repeating: "Garabogaz–Turkmenbashi road junction ", count: 271)  // 10,027 characters

    static func map(_ longLabel: String) -> MapWidget {
        MapWidget(points: [
            MapPoint(id: "aktau", label: "Aktau", lat: 43.65, lon: 51.15),
            MapPoint(id: "long", label: longLabel, lat: 41.2, lon: 52.6),
            MapPoint(id: "tmb", label: "Turkmenbashi", lat: 40.02, lon: 52.97),
            MapPoint(id: "ash", label: "Ashgabat", lat: 37.95, lon: 58.38),
        ], routes: [MapRoute(pointIDs: ["aktau", "long", "tmb", "ash"])])
    }

    @Test(arguments: [(40, 12), (80, 24), (200, 60)])
    func tenThousandCharacterNameIsPlacedWithBoundedAttempts(_ size: (Int, Int)) {
        let (w, h) = size
        #expect(Self.longName.count >= 10_000)
        let area = Rect(x: 0, y: 0, width: w, height: h)
        let layout = Self.map(Self.longName).layout(in: area)
        // Per label: the whole label at most once, then halving between 4 and the map's width.
        var log2 = 0
        while (1 << log2) < w { log2 += 1 }
        let bound = 4 * (2 + log2)
        #expect(layout.placementAttempts <= bound, "\(layout.placementAttempts) attempts, bound \(bound)")
        #expect(layout.placementAttempts >= 1)
        guard let label = layout.labels.first(where: { $0.pointID == "long" }) else {
            #expect(layout.droppedLabels.contains("long"))
            return
        }
        #expect(label.text.hasSuffix("…"))
        #expect(DisplayWidth.of(label.text) <= w)
        #expect(label.rect.maxX <= w)
        // The widest shortening that fits: the same text as a whole label goes to the same place,
        // and one column more does not fit unshortened.
        let same = Self.map(label.text).layout(in: area).labels.first { $0.pointID == "long" }
        #expect(same?.text == label.text && same?.rect == label.rect)
        let wider = TextLayout.truncate(Self.longName, width: DisplayWidth.of(label.text) + 1)
        if DisplayWidth.of(wider) > DisplayWidth.of(label.text) {
            let placed = Self.map(wider).layout(in: area).labels.first { $0.pointID == "long" }
            #expect(placed?.text != wider, "a label one column wider would have fitted")
        }
    }

    @Test func shortLabelsCostOneAttemptEach() {
        let layout = WidgetMapTests.caspian.layout(in: Rect(x: 0, y: 0, width: 30, height: 8))
        #expect(layout.labels.count == 3)
        #expect(layout.placementAttempts == 3)
    }
}
