#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A place on the map.
public struct MapPoint: Hashable, Sendable, Identifiable {
    public var id: String
    public var label: String
    public var lat: Double
    public var lon: Double
    public var role: Role

    public init(id: String, label: String, lat: Double, lon: Double, role: Role = .mapPlace) {
        self.id = id
        self.label = label
        self.lat = lat
        self.lon = lon
        self.role = role
    }
}

/// A route through places, drawn as straight lines between consecutive points.
public struct MapRoute: Hashable, Sendable {
    public var pointIDs: [String]
    public var role: Role
    /// Planned or proposed routes: every other cell drawn.
    public var dashed: Bool
    /// Shown in the legend when set.
    public var name: String?

    public init(pointIDs: [String], role: Role = .mapRoute, dashed: Bool = false, name: String? = nil) {
        self.pointIDs = pointIDs
        self.role = role
        self.dashed = dashed
        self.name = name
    }
}

/// A cell of the map.
public struct MapCell: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// Where everything goes on the map, computed before drawing (and tested on its own).
public struct MapLayout: Hashable, Sendable {
    public struct Label: Hashable, Sendable {
        public var pointID: String
        public var text: String
        /// One row high, as wide as the text.
        public var rect: Rect
    }

    public struct RouteCell: Hashable, Sendable {
        public var cell: MapCell
        public var glyph: Character
        public var role: Role
    }

    /// The marker cell of each point drawn (points with non-finite coordinates are left out).
    public var markers: [String: MapCell] = [:]
    /// Points in drawing order (the order given), for markers.
    public var order: [String] = []
    public var labels: [Label] = []
    /// Points whose label found no free place, even shortened.
    public var droppedLabels: [String] = []
    /// How many label widths were tried in all (each try looks at up to 16 places): at most
    /// 1 + log2(map width) + 1 per label, whatever the label's length.
    public var placementAttempts = 0
    public var routeCells: [RouteCell] = []
    /// The row of the legend, when there is one.
    public var legend: Rect?
}

/// Places projected by latitude and longitude into a rectangle, the routes between them, and labels
/// that never overlap each other or the markers and never leave the rectangle.
///
/// Projection: equirectangular with the longitude scaled by cos(mean latitude), the aspect kept
/// with terminal cells twice as tall as wide, centred, with a margin for labels. Labels are tried
/// right, left, above, below and at the diagonals; first where they cover no route, then anywhere
/// free; then shortened with an ellipsis (down to four columns); a label that still finds no place
/// is left out rather than overlapping.
public struct MapWidget: Hashable, Sendable {
    public var points: [MapPoint]
    public var routes: [MapRoute]
    /// A legend line at the bottom (places and named routes).
    public var legend: Bool

    public init(points: [MapPoint], routes: [MapRoute], legend: Bool = false) {
        self.points = points
        self.routes = routes
        self.legend = legend
    }

    /// Glyphs of a theme: marker, horizontal, vertical, falling diagonal (╲), rising diagonal (╱).
    static func glyphs(ascii: Bool) -> (marker: Character, h: Character, v: Character, fall: Character, rise: Character) {
        ascii ? ("*", "-", "|", "\\", "/") : ("●", "─", "│", "╲", "╱")
    }

    /// The cell of each point (by id) in `area`.
    public func project(in area: Rect) -> [String: MapCell] {
        let pts = points.filter { $0.lat.isFinite && $0.lon.isFinite }
        guard !area.isEmpty, !pts.isEmpty else { return [:] }
        let widest = pts.map { DisplayWidth.of($0.label) }.max() ?? 0
        let mx = min(widest / 2 + 1, area.width / 5)
        let my = area.height >= 5 ? 1 : 0
        var plot = area.inset(dx: mx, dy: my)
        if plot.isEmpty { plot = area }
        let lats = pts.map(\.lat)
        let minLat = lats.min()!, maxLat = lats.max()!
        let k = cos((minLat + maxLat) / 2 * .pi / 180)
        let gxs = pts.map { $0.lon * k }
        let minGX = gxs.min()!, maxGX = gxs.max()!
        let spanX = maxGX - minGX, spanY = maxLat - minLat
        // Columns per unit of distance; a row is two columns of distance. Never zoom in closer than
        // half a degree, so that places a street apart share a cell rather than fill the map.
        let minimumSpan = 0.5
        var s = Double(plot.width - 1) / max(spanX, minimumSpan)
        s = min(s, 2 * Double(plot.height - 1) / max(spanY, minimumSpan))
        s = max(0, s)
        let usedW = spanX * s, usedH = spanY * s / 2
        let ox = Double(plot.x) + (Double(plot.width - 1) - usedW) / 2
        let oy = Double(plot.y) + (Double(plot.height - 1) - usedH) / 2
        var result: [String: MapCell] = [:]
        for (p, gx) in zip(pts, gxs) {
            let x = Int((ox + (gx - minGX) * s).rounded())
            let y = Int((oy + (maxLat - p.lat) * s / 2).rounded())
            result[p.id] = MapCell(x: min(max(x, plot.x), plot.maxX - 1), y: min(max(y, plot.y), plot.maxY - 1))
        }
        return result
    }

    /// Cells strictly between two cells on a straight line (Bresenham), each with the glyph of the
    /// step that reached it.
    static func line(from a: MapCell, to b: MapCell, ascii: Bool) -> [(MapCell, Character)] {
        let g = glyphs(ascii: ascii)
        var out: [(MapCell, Character)] = []
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var err = dx + dy
        var x = a.x, y = a.y
        while !(x == b.x && y == b.y) {
            let px = x, py = y
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
            if x == b.x && y == b.y { break }
            let stepX = x - px, stepY = y - py
            let glyph: Character
            if stepY == 0 { glyph = g.h } else if stepX == 0 { glyph = g.v } else if stepX == stepY { glyph = g.fall } else { glyph = g.rise }
            out.append((MapCell(x: x, y: y), glyph))
        }
        return out
    }

    /// Where markers, routes, labels and the legend go in `area`.
    public func layout(in area: Rect, ascii: Bool = false, ellipsis: String = "…") -> MapLayout {
        var result = MapLayout()
        let ell = TextLayout.display(ellipsis, ascii: ascii)
        guard !area.isEmpty else { return result }
        var mapArea = area
        if legend && area.height >= 4 {
            let (top, bottom) = area.splitBottom(1)
            mapArea = top
            result.legend = bottom
        }
        let cells = project(in: mapArea)
        result.markers = cells
        result.order = points.map(\.id).filter { cells[$0] != nil }
        // Routes.
        var routeSet = Set<MapCell>()
        for route in routes {
            var index = 0
            for (a, b) in zip(route.pointIDs, route.pointIDs.dropFirst()) {
                guard let ca = cells[a], let cb = cells[b] else { continue }
                for (cell, glyph) in MapWidget.line(from: ca, to: cb, ascii: ascii) {
                    index += 1
                    if route.dashed && index % 2 == 0 { continue }
                    result.routeCells.append(.init(cell: cell, glyph: glyph, role: route.role))
                    routeSet.insert(cell)
                }
            }
        }
        // Labels, in the order of the points.
        let markerSet = Set(cells.values)
        var taken = Set<MapCell>()
        for p in points {
            guard let m = cells[p.id] else { continue }
            let full = TextLayout.display(p.label, ascii: ascii)
            let fullWidth = DisplayWidth.of(full)
            guard fullWidth > 0 else { continue }
            func fits(_ r: Rect, avoidRoutes: Bool) -> Bool {
                guard r.x >= mapArea.x, r.maxX <= mapArea.maxX, r.y >= mapArea.y, r.maxY <= mapArea.maxY else { return false }
                for cx in r.x..<r.maxX {
                    let c = MapCell(x: cx, y: r.y)
                    if markerSet.contains(c) || taken.contains(c) { return false }
                    if avoidRoutes && routeSet.contains(c) { return false }
                }
                // Keep a space between a label and another label or another place's marker on its row.
                for cx in [r.x - 1, r.maxX] {
                    let c = MapCell(x: cx, y: r.y)
                    if taken.contains(c) || (markerSet.contains(c) && c != m) { return false }
                    if avoidRoutes && routeSet.contains(c) { return false }
                }
                return true
            }
            func place(_ w: Int) -> Rect? {
                let candidates = [
                    (m.x + 2, m.y), (m.x - 1 - w, m.y), (m.x - w / 2, m.y - 1), (m.x - w / 2, m.y + 1),
                    (m.x + 1, m.y - 1), (m.x + 1, m.y + 1), (m.x - w, m.y - 1), (m.x - w, m.y + 1),
                ].map { Rect(x: $0.0, y: $0.1, width: w, height: 1) }
                for avoid in [true, false] {
                    if let r = candidates.first(where: { fits($0, avoidRoutes: avoid) }) { return r }
                }
                return nil
            }
            // The whole label, else the label shortened as little as will fit (never below four
            // columns), else none. A place that fits a width also fits any narrower one, so the widest
            // shortening that fits is found by halving, and nothing wider than the map is tried: the
            // work per label is bounded by the map's width, not the label's length.
            var placed: (Rect, String)?
            if fullWidth <= mapArea.width {
                result.placementAttempts += 1
                if let r = place(fullWidth) { placed = (r, full) }
            }
            if placed == nil, fullWidth > 4 {
                // Cut once to a little more than the map is wide, so each shortening costs the map's width.
                let cut = fullWidth > mapArea.width + 2 ? TextLayout.prefix(full, width: mapArea.width + 2) : full
                func attempt(_ w: Int) -> (Rect, String)? {
                    result.placementAttempts += 1
                    let short = TextLayout.truncate(cut, width: w, ellipsis: ell)
                    return place(DisplayWidth.of(short)).map { ($0, short) }
                }
                var lo = 4, hi = min(fullWidth - 1, mapArea.width)
                // The widest w in lo...hi whose shortening fits.
                while lo <= hi {
                    let mid = (lo + hi + 1) / 2
                    if let found = attempt(mid) {
                        placed = found
                        lo = mid + 1
                    } else {
                        hi = mid - 1
                    }
                }
            }
            guard let (rect, text) = placed else {
                result.droppedLabels.append(p.id)
                continue
            }
            result.labels.append(.init(pointID: p.id, text: text, rect: rect))
            for cx in rect.x..<rect.maxX { taken.insert(MapCell(x: cx, y: rect.y)) }
        }
        return result
    }

    /// The legend: the marker for places, then each named route with its line.
    func legendLine(ascii: Bool) -> Line {
        let g = MapWidget.glyphs(ascii: ascii)
        var line: Line = [Span(text: String(g.marker), role: .mapPlace), Span(text: " place")]
        var seen = Set<String>()
        for r in routes {
            guard let name = r.name, !seen.contains(name) else { continue }
            seen.insert(name)
            let stroke = r.dashed ? "\(g.h) \(g.h)" : String(repeating: g.h, count: 3)
            line += [Span(text: "  "), Span(text: stroke, role: r.role), Span(text: " " + name)]
        }
        return line
    }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let ascii = canvas.asciiOnly || theme.ascii
        let l = layout(in: area, ascii: ascii, ellipsis: theme.ellipsis)
        for rc in l.routeCells {
            canvas.put(String(rc.glyph), x: rc.cell.x, y: rc.cell.y, style: theme.style(rc.role), clip: area)
        }
        let marker = String(MapWidget.glyphs(ascii: ascii).marker)
        let roles = Dictionary(points.map { ($0.id, $0.role) }, uniquingKeysWith: { a, _ in a })
        for id in l.order.reversed() {
            guard let c = l.markers[id] else { continue }
            canvas.put(marker, x: c.x, y: c.y, style: theme.style(roles[id] ?? .mapPlace), clip: area)
        }
        for label in l.labels {
            canvas.put(label.text, x: label.rect.x, y: label.rect.y, style: theme.style(.mapLabel), clip: area)
        }
        if let row = l.legend {
            canvas.put(legendLine(ascii: ascii), in: row, theme: theme)
        }
    }
}
