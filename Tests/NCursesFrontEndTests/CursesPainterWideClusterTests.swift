import CNCurses
import DashboardUI
@testable import NCursesFrontEnd
import Testing

/// In the serialized painter suite (ncurses is not thread-safe): clusters that the C library's
/// wcwidth (glibc, which ncurses uses) measures differently from the canvas still leave the border
/// after them in its column, so ncurses never draws a cluster wider than the canvas counts it.
extension CursesPainterTests {
    static let clusters: [String] = [
        "\u{65E5}", "\u{17000}", "\u{1B000}", "\u{1B132}", "\u{1F210}", "\u{FE10}", "\u{2329}", "\u{31350}",
        "1\u{FE0F}\u{20E3}", "\u{2764}\u{FE0F}", "\u{2764}\u{FE0E}", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
        "\u{1F1F0}\u{1F1FF}", "\u{1F1E6}", "\u{1F44D}\u{1F3FD}", "\u{1100}\u{1161}\u{11A8}", "\u{1100}\u{1100}\u{1161}",
        "\u{600}1", "\u{915}\u{94D}\u{937}\u{93E}", "\u{E01}\u{E33}", "e\u{301}", "\u{1FAE8}", "\u{600}\u{65E5}",
    ]

    @Test("the border after a cluster stays in the canvas's column, whatever glibc's wcwidth says", arguments: clusters)
    func borderAfterCluster(_ cluster: String) {
        let t = OffscreenTerminal(width: 20, height: 2)
        defer { t.close() }
        var c = Canvas(width: 20, height: 2)
        c.put("\u{2502}", x: 0, y: 0)
        c.put(cluster + "\u{7}\u{2502}x", x: 1, y: 0)
        c.put("\u{2502}0123456789\u{2502}", x: 0, y: 1)
        let w = DisplayWidth.of(cluster)
        #expect(w >= 1)
        t.painter.draw(c)
        #expect(t.cell(x: 0, y: 0).text == "\u{2502}")
        #expect(t.cell(x: 1 + w, y: 0).text == "\u{2502}", "\(cluster.unicodeScalars.map { String($0.value, radix: 16) }) is \(w) columns")
        #expect(t.cell(x: 2 + w, y: 0).text == "x")
        #expect(t.cell(x: 11, y: 1).text == "\u{2502}", "the next row is untouched")
    }
}
