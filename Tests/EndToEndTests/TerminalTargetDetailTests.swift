import Foundation
import Testing

/// The target's detail in a real terminal (tmux), with the bundled data: Enter on the Target screen
/// shows the target's statements, as `tradedash render` draws them; `p` shows a scenario's projection.
@Suite("Target detail in tmux", .serialized, .enabled(if: TerminalTools.tmux != nil, "tmux is not installed (apt-get install tmux): skipping the real-terminal tests"))
struct TerminalTargetDetailTests {
    /// Tall enough (100×60) for every statement to be on the detail's first page.
    static let width = 100, height = 60

    static func expected(keys: String? = nil) throws -> [String] {
        if case .failure(let why) = TerminalBinary.path { throw why }
        let lines = TerminalRender.lines(screen: 3, width: width, height: height, keys: keys)
        return try #require(lines, "tradedash render failed for the Target screen")
    }

    @Test("Enter on the Target screen shows the target's statements; Esc goes back; p shows the projection")
    func enterShowsTheStatements() throws {
        let screen = try Self.expected()
        let detail = try Self.expected(keys: "<enter>")
        let projection = try Self.expected(keys: "p")
        let t = TerminalTmux(script: TerminalTmux.dashboardScript(), width: Self.width, height: Self.height)
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"), "dashboard did not start:\n\(t.text)")
        t.send("3")
        #expect(t.waitForScreen(screen), "target screen: \(TerminalScreenText.firstDifference(t.lines(), screen))")
        t.send("Enter")
        #expect(t.waitForScreen(detail), "after Enter: \(TerminalScreenText.firstDifference(t.lines(), detail))\n--- pane:\n\(t.text)")
        // What a person reads: the statements, oldest first, from the pane itself.
        let pane = t.text
        let wordings = ["\"in the next five years\"", "\"in the near future\"", "\"in the coming years\"", "\"the next three years\""]
        let places = wordings.map { pane.range(of: $0)?.lowerBound }
        #expect(places.allSatisfy { $0 != nil }, "wordings missing from the pane:\n\(pane)")
        #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted(), "not oldest first:\n\(pane)")
        #expect(pane.contains("Statements, oldest first"))
        #expect(pane.contains("25 Oct 2021") && pane.contains("24–25 Nov 2025"))
        t.send("Escape")
        #expect(t.waitForScreen(screen), "after Esc: \(TerminalScreenText.firstDifference(t.lines(), screen))")
        t.send("p")
        #expect(t.waitForScreen(projection), "after p: \(TerminalScreenText.firstDifference(t.lines(), projection))")
        #expect(t.text.contains("Scenario: "))
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("Enter on the Overview's target panel opens the Target screen with the target's detail")
    func overviewPanel() throws {
        let detail = try Self.expected(keys: "<enter>")
        let t = TerminalTmux(script: TerminalTmux.dashboardScript(), width: Self.width, height: Self.height)
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"), "dashboard did not start:\n\(t.text)")
        t.send("l")
        t.send("Enter")
        #expect(t.waitForScreen(detail), "after l Enter: \(TerminalScreenText.firstDifference(t.lines(), detail))\n--- pane:\n\(t.text)")
        #expect(t.text.contains("\"in the next five years\""))
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }
}
