import Foundation
import Testing
import TradeModel
@testable import DashboardUI

/// The dataset of the screen tests with every name, title, description and note replaced by text
/// made of the clusters terminals measure differently (those of `WidthCases`, wide, zero-width and
/// wider than two columns), so that `render` lines can be checked against the width asked for.
enum HostileFixture {
    static let clusters: [String] = WidthCases.all.map(\.text)
        + ["\u{1100}\u{1100}\u{1100}\u{1161}\u{11A8}", "\u{600}\u{65E5}", "\u{E01}\u{E33}\u{E33}", "\u{93F}\u{93F}", "\u{1F1E6}\u{1F1E7}\u{1F1E8}"]

    static let textKeys: Set<String> = ["name", "title", "description", "note", "text", "leader", "leaderTitle", "label", "publisher"]

    static let dataset: Dataset = {
        do {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixture.datasetPath)))
            var n = 0
            func hostile(_ original: String) -> String {
                n += 1
                // Rotating through the clusters, some short, some longer than any screen is wide.
                let count = [3, 9, 24, 70][n % 4]
                let picked = (0..<count).map { clusters[(n * 7 + $0 * 5) % clusters.count] }
                return String(original.prefix(6)) + " " + picked.joined(separator: n % 3 == 0 ? " " : "")
            }
            func walk(_ v: Any, key: String?) -> Any {
                if let d = v as? [String: Any] { return Dictionary(uniqueKeysWithValues: d.map { ($0.key, walk($0.value, key: $0.key)) }) }
                if let a = v as? [Any] { return a.map { walk($0, key: key) } }
                if let s = v as? String, let key, textKeys.contains(key) { return hostile(s) }
                return v
            }
            let data = try JSONSerialization.data(withJSONObject: walk(json, key: nil), options: [.sortedKeys])
            return try DatasetLoader.load(bytes: Array(data), file: "hostile.json")
        } catch { fatalError("the hostile fixture does not load: \(error)") }
    }()

    static func state(_ theme: Theme, screen: Screen, width: Int, height: Int) -> AppState {
        var s = AppState(dataset: dataset, dataPath: "hostile.json", theme: theme)
        _ = Dashboard.update(&s, .resize(width: width, height: height))
        Dashboard.show(screen, in: &s)
        return s
    }
}

@Suite("Wide and zero-width text in rendered screens")
struct WideTextRenderTests {
    static let sizes = [(60, 20), (61, 21), (79, 24), (100, 30), (133, 41), (200, 60)]
    static let keySequences: [[Key]] = [[], [.enter], [.char("?")], [.char("j"), .char("j"), .enter]]

    /// Every rendered frame of the hostile dataset: (description, canvas).
    static func frames(_ theme: Theme = .color) -> [(String, Canvas)] {
        var out = [(String, Canvas)]()
        for screen in Screen.allCases {
            for (w, h) in sizes {
                for keys in keySequences {
                    var s = HostileFixture.state(theme, screen: screen, width: w, height: h)
                    for k in keys { _ = Dashboard.update(&s, k) }
                    out.append(("\(screen.name) \(w)x\(h) \(keys)", Dashboard.render(s, width: w, height: h)))
                }
            }
        }
        return out
    }

    @Test("the hostile dataset really carries the hostile clusters")
    func fixtureIsHostile() {
        let places = HostileFixture.dataset.places
        #expect(!places.isEmpty)
        for p in places { #expect(HostileFixture.clusters.contains { p.name.contains($0) }, "\(p.name)") }
        let text = Self.frames().map { $0.1.text }.joined()
        for c in ["\u{65E5}", "\u{17000}", "1\u{FE0F}\u{20E3}", "\u{1100}\u{1161}\u{11A8}", "\u{600}1"] {
            #expect(text.contains(c), "some frame shows \(c.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("no rendered line is wider than the screen, and every wide cell is followed by its continuation cells")
    func linesFit() {
        for (what, c) in Self.frames() {
            let lines = c.lines(trimTrailing: false)
            #expect(lines.count == c.height)
            // A line is its cells' text: re-read as one string, neighbouring cells can only join into
            // narrower clusters (two lone regional indicators make one flag), never wider ones.
            for (y, line) in lines.enumerated() where DisplayWidth.of(line) > c.width {
                Issue.record("\(what): line \(y) is \(DisplayWidth.of(line)) columns wide, more than \(c.width)")
            }
            // Measured in one pass over the line's scalars, as wcwidth's wcswidth measures a line.
            for (y, line) in lines.enumerated() where DisplayWidth.cluster(line.unicodeScalars) > c.width {
                Issue.record("\(what): line \(y) is \(DisplayWidth.cluster(line.unicodeScalars)) columns wide in one pass, more than \(c.width)")
            }
            for y in 0..<c.height {
                var x = 0
                while x < c.width {
                    let cell = c[x, y]
                    #expect(cell.width > 0, "\(what): continuation cell without its head at \(x),\(y)")
                    #expect(DisplayWidth.of(cell.text) == Int(max(cell.width, 1)), "\(what): cell \(x),\(y) \(cell.text.unicodeScalars.map { String($0.value, radix: 16) }) is not \(cell.width) wide")
                    let w = max(Int(cell.width), 1)
                    for k in 1..<w where x + k < c.width {
                        #expect(c[x + k, y].width == 0 && c[x + k, y].text.isEmpty, "\(what): wide cell at \(x),\(y) without continuation")
                    }
                    #expect(x + w <= c.width, "\(what): wide cell at \(x),\(y) runs off the edge")
                    x += w
                }
            }
        }
    }

    @Test("Python wcwidth measures every rendered line at most the screen's width",
          .enabled(if: PythonWcwidth.available, PythonWcwidth.missing))
    func linesFitByPythonWcwidth() throws {
        var lines = [(String, Int, String)]()
        for (what, c) in Self.frames() {
            for (y, line) in c.lines().enumerated() { lines.append(("\(what) line \(y)", c.width, line)) }
        }
        let input = lines.map { $0.2.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") }.joined(separator: "\n") + "\n"
        let widths = try PythonWcwidth.run(["strings"], input: input).split(separator: "\n").map { Int($0)! }
        #expect(widths.count == lines.count)
        var wider = 0
        for ((what, w, _), theirs) in zip(lines, widths) where theirs > w || theirs < 0 {
            wider += 1
            if wider <= 10 { Issue.record("\(what): wcwidth says \(theirs) columns, the screen has \(w)") }
        }
        #expect(wider == 0)
        print("Python wcwidth \(PythonWcwidth.version ?? "?") measured \(lines.count) rendered lines: \(wider) wider than the screen")
    }

    @Test("the ASCII theme turns wide clusters into as many question marks, keeping the columns")
    func asciiKeepsColumns() {
        for (what, c) in Self.frames(.ascii) {
            for (y, line) in c.lines(trimTrailing: false).enumerated() {
                #expect(line.utf8.count == c.width, "\(what): line \(y)")
                #expect(line.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, "\(what): line \(y) is not printable ASCII")
            }
        }
        #expect(Transliteration.ascii("\u{65E5}a\u{1100}\u{1100}\u{1161}") == "??a????")
    }
}

@Suite("Canvas columns with wide clusters")
struct CanvasWideClusterTests {
    @Test("clusters of two and more columns keep the columns after them aligned", arguments: WidthCases.all + [
        WidthCase(text: "\u{1100}\u{1100}\u{1100}\u{1161}", width: 6, name: "Hangul jamo L+L+L+V"),
        WidthCase(text: "\u{600}\u{65E5}", width: 3, name: "Arabic number sign + ideograph"),
    ])
    func aligned(_ wc: WidthCase) {
        var c = Canvas(width: 20, height: 1)
        // Written apart, and followed by a control character (dropped), so that the bars stay clusters of
        // their own: a spacing mark would join the bar before it, a prepended mark the one after it.
        c.put("|", x: 0, y: 0)
        c.put(wc.text + "\u{7}|x", x: 1, y: 0)
        let w = wc.width
        #expect(c[0, 0].text.hasPrefix("|"))
        // A joiner at the end of a cluster is not kept (it would swallow the next cell).
        let stored = wc.text.unicodeScalars.last == "\u{200D}" ? String(wc.text.unicodeScalars.dropLast()) : wc.text
        if w > 0 {
            #expect(c[1, 0].text == stored && Int(c[1, 0].width) == w, "\(wc)")
            for k in 2..<(1 + w) { #expect(c[k, 0].width == 0 && c[k, 0].text.isEmpty, "\(wc) continuation \(k)") }
        }
        #expect(c[1 + w, 0].text == "|", "\(wc): the closing bar is at column \(1 + w)")
        #expect(c[2 + w, 0].text == "x", "\(wc)")
        #expect(DisplayWidth.of(c.lines()[0]) == 3 + w, "\(wc)")
    }

    @Test("a wide cluster that does not fit whole becomes spaces up to the edge")
    func clipped() {
        var c = Canvas(width: 6, height: 1)
        c.put("abc\u{1100}\u{1100}\u{1161}", x: 0, y: 0)
        #expect(c.lines(trimTrailing: false)[0] == "abc   ")
        var d = Canvas(width: 10, height: 1)
        d.put("ab\u{1100}\u{1100}\u{1161}", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 5, height: 1))
        #expect(d.lines(trimTrailing: false)[0] == "ab        ")
    }

    @Test("overwriting any column of a wide cluster blanks the rest of it")
    func overwrite() {
        for hit in 0..<4 {
            var c = Canvas(width: 8, height: 1)
            c.put("a\u{1100}\u{1100}\u{1161}b", x: 0, y: 0)
            #expect(c[1, 0].width == 4 && c[5, 0].text == "b")
            c.put("Z", x: 1 + hit, y: 0)
            let line = c.lines(trimTrailing: false)[0]
            #expect(line == "a" + String(repeating: " ", count: hit) + "Z" + String(repeating: " ", count: 3 - hit) + "b  ", "hit column \(1 + hit): \(line)")
            #expect(DisplayWidth.of(line) == 8)
        }
    }

    /// The line as wcwidth measures it: one pass over all its scalars.
    static func onePass(_ c: Canvas) -> Int { DisplayWidth.cluster(c.lines()[0].unicodeScalars) }

    @Test("a cluster without a base that would take a column from the cell before it is dropped")
    func baselessClusters() {
        // "1" then Hangul vowels, a spacing mark and a keycap mark: no base of their own, and the
        // spacing mark would count after the "1".
        var c = Canvas(width: 10, height: 1)
        c.put("1\u{1161}\u{D7B0}\u{93E}\u{20E3}x", x: 0, y: 0)
        #expect(c.lines()[0] == "1x")
        #expect(Self.onePass(c) == 2)
        // Hangul vowel + spacing mark + skin tone: two columns alone, three after a letter: dropped.
        var d = Canvas(width: 10, height: 1)
        d.put("a\u{1161}\u{93E}\u{1F3FD}b", x: 0, y: 0)
        #expect(d.lines()[0] == "ab")
        // The same after a keycap, whose base VS16 has already taken, keeps its two columns.
        var e = Canvas(width: 10, height: 1)
        e.put("1\u{FE0F}\u{20E3}\u{1161}\u{93E}\u{1F3FD}b", x: 0, y: 0)
        #expect(e[2, 0].width == 2 && e[4, 0].text == "b")
        #expect(Self.onePass(e) == DisplayWidth.of(e.lines()[0]))
        // When the cell before it changes later, a cell without a base is measured again: after
        // "a" and the blank that replaces the keycap's second column, it would take three: blanked.
        e.put("a", x: 0, y: 0)
        #expect(e.lines()[0] == "a   b")
        #expect(Self.onePass(e) == DisplayWidth.of(e.lines()[0]), "\(e.lines()[0].unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test("a joiner at the end of a cell does not swallow the next cell")
    func trailingJoiner() {
        var c = Canvas(width: 10, height: 1)
        c.put("#\u{FE0E}\u{200D}", x: 0, y: 0)
        c.put("\u{263A}\u{1F3FD}", x: 1, y: 0)
        #expect(c[0, 0].text == "#\u{FE0E}")
        #expect(Self.onePass(c) == 2 && DisplayWidth.of(c.lines()[0]) == 2)
        var d = Canvas(width: 10, height: 1)
        d.put("a", x: 0, y: 0)
        d.put("\u{200D}", x: 1, y: 0)
        d.put("\u{1F600}", x: 1, y: 0)
        #expect(d.lines()[0] == "a\u{1F600}" && Self.onePass(d) == 3)
    }

    @Test("a lone mark that would widen the cell before it, and invisible fillers, are dropped")
    func lonelyMarks() {
        var c = Canvas(width: 10, height: 1)
        c.put("a", x: 0, y: 0)
        c.put("\u{93F}", x: 1, y: 0)              // a spacing mark would make "a" two columns
        c.put("\u{301}", x: 1, y: 0)              // a nonspacing mark joins it
        c.put("b\u{3164}\u{2028}\u{85}c", x: 1, y: 0)
        #expect(c[0, 0].text == "a\u{301}")
        #expect(c.lines()[0] == "a\u{301}bc")
        var e = Canvas(width: 10, height: 1)
        e.put("\u{2764}", x: 0, y: 0)
        e.put("\u{FE0F}", x: 1, y: 0)            // VS16 would make the heart two columns
        e.put("\u{65E5}", x: 1, y: 0)
        e.put("\u{301}", x: 3, y: 0)              // joins the ideograph, whose head is two cells back
        #expect(e.lines()[0] == "\u{2764}\u{65E5}\u{301}")
        #expect(DisplayWidth.of(e.lines()[0]) == 3)
    }
}
