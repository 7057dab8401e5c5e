import Foundation
import Testing
import TradeModel
@testable import DashboardUI

/// Issue 10, item 7: at 80×24, 120×40 and 200×60 the cells that carry a conclusion are drawn whole
/// (never left out, never cut with the ellipsis): the Energy screen's volumes and statuses, the
/// Infrastructure statuses and figures, the Timeline's dates, the Sources' dates and citation
/// counts, and every entry of the Trade screen's legend. With the frozen fixture and with the
/// bundled data (which changes; these checks do not depend on its figures).
@Suite struct ConclusionsFitTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    static let bundled: Dataset = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds/kazakhstan-turkmenistan.json").path
        do { return try DatasetLoader.load(path: path) } catch { fatalError("the bundled dataset does not load: \(error)") }
    }()

    static let datasets: [(name: String, data: Dataset)] = [("fixture", Fixture.dataset), ("bundled", bundled)]

    static func state(_ d: Dataset, _ theme: Theme, _ screen: Screen, _ w: Int, _ h: Int) -> AppState {
        var s = AppState(dataset: d, theme: theme)
        _ = Dashboard.update(&s, .resize(width: w, height: h))
        Dashboard.show(screen, in: &s)
        return s
    }

    /// The text drawn in one row of the canvas from `x`, `width` cells, trailing spaces and leading
    /// ones removed.
    static func text(_ c: Canvas, x: Int, y: Int, width: Int) -> String {
        var out = ""
        for xx in x..<min(c.width, x + width) { out += c[xx, y].text }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// For every visible row of a list screen, each column in `conclusions` (by index) is drawn,
    /// and its text is the cell's whole text.
    static func expectWholeCells(_ screen: Screen, _ view: any ScreenView.Type, conclusions: [Int], sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, d) in datasets {
            for (w, h) in sizes {
                for theme in [Theme.mono, .ascii] {
                    let s = state(d, theme, screen, w, h)
                    let c = Dashboard.render(s, width: w, height: h)
                    let body = Chrome.body(width: w, height: h)
                    guard let (inner, table) = view.tableLayout(s, body) else {
                        Issue.record("\(screen.name) has no table", sourceLocation: sourceLocation)
                        return
                    }
                    // As Table.render lays it out: a scroll bar takes the last column; a column left
                    // out has width 0 and no gap.
                    let scrolls = table.rows.count > table.visibleRows(height: inner.height)
                    let widths = table.columnWidths(for: inner.width - (scrolls ? 1 : 0), ascii: theme.ascii)
                    var xs = [Int]()
                    var x = inner.x
                    for wd in widths {
                        xs.append(x)
                        if wd > 0 { x += wd + 1 }
                    }
                    let first = table.effectiveOffset(height: inner.height)
                    let shown = min(table.visibleRows(height: inner.height), table.rows.count - first)
                    #expect(shown > 0, "\(name) \(screen.name) \(w)x\(h): no rows shown", sourceLocation: sourceLocation)
                    for k in 0..<max(0, shown) {
                        let cells = table.rows[first + k]
                        for col in conclusions {
                            let whole = TextLayout.display(cells[col].plainText, ascii: theme.ascii)
                            let where_ = "\(name) \(screen.name) \(w)x\(h) \(theme.name) row \(first + k) \(table.columns[col].title)"
                            guard col < widths.count, widths[col] > 0 else {
                                Issue.record("\(where_): the column is left out (\"\(whole)\" not shown)", sourceLocation: sourceLocation)
                                continue
                            }
                            let drawn = text(c, x: xs[col], y: inner.y + 1 + k, width: widths[col])
                            #expect(drawn == whole, "\(where_): drawn \"\(drawn)\", the cell is \"\(whole)\"", sourceLocation: sourceLocation)
                            #expect(!drawn.hasSuffix(theme.ellipsis) || whole.hasSuffix(theme.ellipsis), "\(where_): cut", sourceLocation: sourceLocation)
                        }
                    }
                }
            }
        }
    }

    /// Fails before issue 10: at 80 columns the Volume column was the one left out.
    @Test func energyVolumesAndStatusesAreWhole() {
        // Columns: 0 deal, 1 sector, 2 parties, 3 status, 4 since, 5 volume.
        #expect(EnergyScreen.columns[3].title == "Status" && EnergyScreen.columns[5].title == "Volume")
        Self.expectWholeCells(.energy, EnergyScreen.self, conclusions: [3, 4, 5])
    }

    @Test func infrastructureStatusesAndFiguresAreWhole() {
        // Columns: 0 project, 1 kind, 2 status, 3 length, 4 capacity, 5 latest milestone.
        #expect(InfrastructureScreen.columns.map(\.title)[1...4] == ["Kind", "Status", "Length", "Capacity"])
        Self.expectWholeCells(.infrastructure, InfrastructureScreen.self, conclusions: [1, 2, 3, 4])
    }

    @Test func timelineDatesAndKindsAreWhole() {
        #expect(TimelineScreen.columns.map(\.title)[0...1] == ["Date", "Kind"])
        Self.expectWholeCells(.timeline, TimelineScreen.self, conclusions: [0, 1])
    }

    @Test func sourcesDatesKindsAndCitationCountsAreWhole() {
        // Columns: 0 publisher, 1 date, 2 language, 3 basis, 4 weak, 5 cited, 6 title.
        #expect(SourcesScreen.columns.map(\.title)[1...5] == ["Date", "Lang", "Basis", "Weak", "Cited"])
        Self.expectWholeCells(.sources, SourcesScreen.self, conclusions: [1, 2, 3, 4, 5])
    }

    /// Fails before issue 10: at 80 columns the legend ended "* de…".
    @Test func tradeLegendIsWholeAtEverySize() {
        for (name, d) in Self.datasets {
            for (w, h) in Self.sizes {
                for theme in [Theme.mono, .ascii] {
                    let lines = Dashboard.render(Self.state(d, theme, .trade, w, h), width: w, height: h).lines()
                    for e in Figures.legendEntries {
                        let entry = TextLayout.display(e.text, ascii: theme.ascii)
                        #expect(lines.contains { $0.contains(entry) }, "\(name) trade \(w)x\(h) \(theme.name): legend entry \"\(entry)\" not shown whole")
                    }
                    // The legend's lines are the last ones above the footer; none is cut.
                    let legend = Figures.legendLines(width: w - 2, ascii: theme.ascii)
                    let above = lines[(h - 1 - legend.count)..<(h - 1)]
                    for line in above {
                        #expect(!line.hasSuffix(theme.ellipsis), "\(name) trade \(w)x\(h) \(theme.name): \"\(line)\" is cut")
                    }
                }
            }
        }
    }

    /// The preview of a row whose title does not fit in the box's top border shows the title in full
    /// as its first lines. The longest event title of the fixture, on the Timeline at 80×24.
    @Test func previewShowsALongTitleInFull() throws {
        let events = TimelineScreen.events(Fixture.dataset)
        let longest = try #require(events.indices.max { events[$0].title.count < events[$1].title.count })
        let title = events[longest].title
        // The preview box is 80 wide: 74 columns for its title ("┌─ " and " ─┐" take 6).
        #expect(DisplayWidth.of(title) > 74, "the test needs a title too long for the border: \(title)")
        var s = Fixture.state(.mono, screen: .timeline, width: 80, height: 24)
        for _ in 0..<longest { Fixture.press(&s, .char("j")) }
        let c = Dashboard.render(s, width: 80, height: 24)
        let body = Chrome.body(width: 80, height: 24)
        let preview = try #require(TimelineScreen.split(s, body).preview)
        let inside = Box.inner(preview)
        #expect(c.lines()[preview.y].contains(Preview.shortTitle))
        // The title's wrapped lines, joined again with the spaces the wrap took, are the title.
        var words = [String]()
        for y in inside.y..<inside.maxY { words.append(Self.text(c, x: inside.x, y: y, width: inside.width)) }
        let joined = words.joined(separator: " ")
        #expect(joined.hasPrefix(title), "preview starts: \(joined.prefix(120))")
    }

    @Test func theMapTitleAlwaysFitsAndExplainsTheLines() {
        for w in 0...250 {
            let t = InfrastructureScreen.mapTitle(width: w)
            #expect(DisplayWidth.of(t) <= max(3, w - 6), "at \(w): \(t)")
        }
        // At 80 columns (a box 80 wide): the dashed lines are explained.
        #expect(InfrastructureScreen.mapTitle(width: 80) == "Map: lines join each project's places, dashed: not yet in service")
    }
}
