import Foundation
import Testing

/// `y` and `Y` in a real terminal: tmux with `set-clipboard on` takes the OSC 52 sequence into a
/// paste buffer, which `tmux show-buffer` prints.
@Suite("Copy to the clipboard in tmux", .serialized, .enabled(if: TerminalTools.tmux != nil, "tmux is not installed (apt-get install tmux): skipping the real-terminal tests"))
struct TerminalCopyTests {
    static func start(environment: [String: String] = [:]) throws -> TerminalTmux {
        if let why = TerminalTools.tmuxSkipReason { throw TerminalSkip(why) }
        let t = TerminalTmux(script: TerminalTmux.dashboardScript(environment: environment))
        t.tmux(["set-option", "-s", "set-clipboard", "on"])
        _ = TerminalWait.until { t.text.contains("2 Trade") }
        t.send("2")
        return t
    }

    /// The newest paste buffer, or nil when there is none.
    static func buffer(_ t: TerminalTmux) -> String? {
        let r = t.tmux(["show-buffer"])
        return r.status == 0 ? r.stdout : nil
    }

    @Test("y puts the selected row, its figure and its source, on the clipboard; Y the table as tab-separated lines")
    func copyRowAndTable() throws {
        let t = try Self.start()
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Period"), "\(t.text)")
        t.send("j")
        t.send("y")
        #expect(TerminalWait.until { t.text.contains("copied 1 row, ") }, "\(t.text)")
        var row: String?
        #expect(TerminalWait.until { row = Self.buffer(t); return row != nil })
        let text = try #require(row)
        #expect(text.hasPrefix("Trade in "), "\(text)")
        #expect(text.contains(" | kind: ") && text.contains(" | sources: "), "\(text)")
        let sources = try #require(text.components(separatedBy: " | sources: ").last)
        #expect(!sources.isEmpty && sources != "unknown", "\(text)")
        #expect(!text.contains("\u{1B}") && !text.contains("\n"), "\(text.debugDescription)")
        // The period and the figure it copied are the selected row's, as the pane shows them.
        let fields = text.components(separatedBy: " | ")
        #expect(fields.count > 4, "\(fields)")
        if fields.count > 4 {
            let (period, figure) = (fields[1], fields[2])
            #expect(figure.contains { $0.isNumber }, "\(figure)")
            #expect(t.lines().contains { $0.contains(period) && $0.contains(figure) }, "\(period) \(figure) not on a line of\n\(t.text)")
        }
        let bytes = text.utf8.count
        #expect(t.text.contains("copied 1 row, \(bytes) bytes"), "\(t.text)")

        t.send("Y")
        var table: String?
        #expect(TerminalWait.until { table = Self.buffer(t); return table != nil && table != row })
        let lines = try #require(table).split(separator: "\n").map(String.init)
        #expect(lines.count > 2)
        #expect(lines.first?.hasPrefix("Period\t") == true, "\(lines.first ?? "")")
        let columns = Set(lines.map { $0.components(separatedBy: "\t").count })
        #expect(columns.count == 1 && (columns.first ?? 0) > 3, "\(columns)")
        #expect(TerminalWait.until { t.text.contains("copied \(lines.count - 1) rows, ") }, "\(t.text)")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("render --keys y shows the status line and writes no escape sequence")
    func renderWritesNoEscape() throws {
        guard case .success(let bin) = TerminalBinary.path else { throw TerminalSkip("tradedash is not built") }
        for keys in ["jy", "Y"] {
            let r = TerminalProcess.run([bin, "render", "--screen", "trade", "--width", "100", "--height", "30", "--color", "always", "--keys", keys],
                                        environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"], timeout: 30)
            #expect(r.status == 0)
            #expect(r.stdout.contains("would copy ") && r.stdout.contains(" bytes (render copies nothing)"), "\(r.stdout.suffix(300))")
            #expect(!r.stdout.contains("\u{1B}]52"), "no OSC 52 in render's output")
        }
    }

    @Test("a terminal that cannot be told (TERM=vt100: no Ms, not xterm-like) says so and sends nothing")
    func cannotCopy() throws {
        let t = try Self.start(environment: ["TERM": "vt100"])
        defer { t.close() }
        // vt100 has no alternate screen: the dashboard draws on the normal one.
        #expect(TerminalWait.until { t.text.contains("Period") }, "\(t.text)")
        t.send("y")
        #expect(TerminalWait.until { t.text.contains("Cannot copy") && t.text.contains("TERM=vt100") }, "\(t.text)")
        #expect(Self.buffer(t) == nil, "no OSC 52 reached tmux")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }
}
