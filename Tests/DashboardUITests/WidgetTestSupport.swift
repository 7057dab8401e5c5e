import Testing
@testable import DashboardUI

/// Draws into a fresh canvas and returns its lines (trailing spaces trimmed).
func drawn(_ width: Int, _ height: Int, theme: Theme = .mono, asciiCanvas: Bool? = nil, _ body: (inout Canvas, Rect) -> Void) -> [String] {
    var c = Canvas(width: width, height: height, asciiOnly: asciiCanvas ?? theme.ascii)
    body(&c, c.bounds)
    return c.lines()
}

/// The canvas after drawing, for tests on styles.
func canvas(_ width: Int, _ height: Int, theme: Theme = .mono, _ body: (inout Canvas, Rect) -> Void) -> Canvas {
    var c = Canvas(width: width, height: height, asciiOnly: theme.ascii)
    body(&c, c.bounds)
    return c
}

/// Every cell outside `area` is as it was before `body` drew, for every rect size in the ranges,
/// on a canvas with a border of marked cells around the area; and nothing crashes.
func expectStaysInside(widths: ClosedRange<Int> = 0...14, heights: ClosedRange<Int> = 0...6, themes: [Theme] = [.mono, .ascii],
                       sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: (inout Canvas, Rect, Theme) -> Void) {
    for theme in themes {
        for w in widths {
            for h in heights {
                var c = Canvas(width: w + 6, height: h + 4, asciiOnly: theme.ascii)
                c.fill(c.bounds, with: "x", style: Style(underline: true))
                let area = Rect(x: 3, y: 2, width: w, height: h)
                c.fill(area, with: " ")
                let before = c
                body(&c, area, theme)
                for yy in 0..<c.height {
                    for xx in 0..<c.width where !area.contains(x: xx, y: yy) {
                        if c[xx, yy] != before[xx, yy] {
                            Issue.record("drew outside \(area) at (\(xx),\(yy)) with theme \(theme.name): \(c.lines())", sourceLocation: sourceLocation)
                            return
                        }
                    }
                }
                if theme.ascii {
                    for line in c.lines() where !line.utf8.allSatisfy({ $0 < 0x80 }) {
                        Issue.record("non-ASCII output \(line) in \(area)", sourceLocation: sourceLocation)
                        return
                    }
                }
            }
        }
    }
}

/// The columns of each row that are displayed (wide characters counted twice), for width checks.
func displayWidths(_ lines: [String]) -> [Int] { lines.map { DisplayWidth.of($0) } }

func isSevenBit(_ lines: [String]) -> Bool { lines.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } }

/// The character drawn in display column `column` of a line (nil past its end or inside a wide character).
func character(atColumn column: Int, of line: String) -> Character? {
    var w = 0
    for ch in line {
        if w == column { return ch }
        w += DisplayWidth.of(ch)
        if w > column { return nil }
    }
    return nil
}
