import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built dashboard in a real terminal (tmux): what a person sees after each key, compared cell
/// for cell with `tradedash render` of the same state. Serialized so that the timing of one test
/// never depends on another's load.
@Suite("Dashboard in tmux", .serialized, .enabled(if: TerminalTools.tmux != nil, "tmux is not installed (apt-get install tmux): skipping the real-terminal tests"))
struct TerminalDashboardTests {
    /// The expected screen, or a recorded failure.
    static func expected(screen: Int, width: Int = 100, height: Int = 30, keys: String? = nil, ascii: Bool = false, data: String? = nil) throws -> [String] {
        if case .failure(let why) = TerminalBinary.path { throw why }
        let lines = TerminalRender.lines(screen: screen, width: width, height: height, keys: keys, ascii: ascii, data: data)
        return try #require(lines, "tradedash render failed for screen \(screen) at \(width)×\(height)")
    }

    static func expectScreen(_ t: TerminalTmux, _ want: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let ok = t.waitForScreen(want)
        #expect(ok, "\(what): \(TerminalScreenText.firstDifference(t.lines(), want))\n--- pane:\n\(t.text)", sourceLocation: sourceLocation)
    }

    /// The rows of the first box on the screen (its top border to its bottom border).
    static func firstBox(_ lines: [String]) -> [String] {
        guard let top = lines.firstIndex(where: { $0.hasPrefix("┌") || $0.hasPrefix("+-") }) else { return [] }
        let rest = lines[top...]
        let bottom = rest.firstIndex(where: { $0.hasPrefix("└") }) ?? rest.endIndex - 1
        return Array(lines[top...bottom])
    }

    @Test("at 100×30 the overview shows its four panels, exactly as rendered")
    func overview() throws {
        let want = try Self.expected(screen: 1)
        let t = TerminalTmux(script: TerminalTmux.dashboardScript())
        defer { t.close() }
        Self.expectScreen(t, want, "first frame")
        #expect(t.alternateScreen, "the dashboard runs on the alternate screen")
        #expect(!t.cursorVisible, "the cursor is hidden while the dashboard shows")
        // The four panels are boxes titled with the number of their screen: 2 Trade, 3 Target, 4 Energy, 5 Infrastructure.
        let screen = t.lines()
        let panelTitles = screen.flatMap { line in
            line.components(separatedBy: "┌─ ").dropFirst().map { String($0.prefix { $0 != "─" }).trimmingCharacters(in: .whitespaces) }
        }
        #expect(panelTitles.count == 4, "four panels, found \(panelTitles)")
        #expect(panelTitles.contains { $0.hasPrefix("2 Trade") }, "\(panelTitles)")
        #expect(panelTitles.contains { $0.hasPrefix("3 ") && ($0.contains("Target") || $0.contains("billion")) }, "\(panelTitles)")
        #expect(panelTitles.contains { $0.hasPrefix("4 Energy") }, "\(panelTitles)")
        #expect(panelTitles.contains { $0.hasPrefix("5 Infrastructure") }, "\(panelTitles)")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("each screen key 1–7 shows its screen, and Tab moves on")
    func screenKeys() throws {
        let wants = try (1...7).map { try Self.expected(screen: $0) }
        let t = TerminalTmux(script: TerminalTmux.dashboardScript())
        defer { t.close() }
        Self.expectScreen(t, wants[0], "first frame")
        for n in [2, 3, 4, 5, 6, 7, 1] {
            t.send(String(n))
            Self.expectScreen(t, wants[n - 1], "after key \(n)")
        }
        t.send("Tab")
        Self.expectScreen(t, wants[1], "after Tab from the overview")
        t.send("BTab")
        Self.expectScreen(t, wants[0], "after Shift-Tab")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("? opens the help and Esc closes it without delay")
    func help() throws {
        let screen = try Self.expected(screen: 4)
        let withHelp = try Self.expected(screen: 4, keys: "?")
        #expect(withHelp != screen)
        #expect(withHelp.joined().contains("quit"), "the help lists the keys")
        let t = TerminalTmux(script: TerminalTmux.dashboardScript())
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"))
        t.send("4")
        Self.expectScreen(t, screen, "energy screen")
        t.send("?")
        Self.expectScreen(t, withHelp, "help open")
        let start = Date()
        t.send("Escape")
        Self.expectScreen(t, screen, "help closed by Esc")
        // ESCDELAY is 25 ms; ncurses' default of one second would show here.
        #expect(Date().timeIntervalSince(start) < 0.9, "Esc took \(Date().timeIntervalSince(start)) s")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("/ narrows a list as you type, Esc clears it")
    func filter() throws {
        let all = try Self.expected(screen: 5)
        let narrowed = try Self.expected(screen: 5, keys: "/port<enter>")
        let t = TerminalTmux(script: TerminalTmux.dashboardScript())
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"))
        t.send("5")
        Self.expectScreen(t, all, "infrastructure screen")
        #expect(TerminalDashboardTests.firstBox(t.lines()).contains { $0.contains("Temir-Baba") })
        t.send("/")
        t.type("port")
        t.send("Enter")
        Self.expectScreen(t, narrowed, "filtered by \"port\"")
        // The list is the first box of the screen.
        let list = TerminalDashboardTests.firstBox(t.lines())
        #expect(list.contains { $0.contains("Kuryk port") }, "\(list)")
        #expect(list.contains { $0.contains("Aktau–Turkmenbashi port") }, "\(list)")
        #expect(!list.contains { $0.contains("Temir-Baba") }, "a project without \"port\" is filtered out: \(list)")
        #expect(list.first?.contains("filtered from") == true, "the box title says the list is filtered: \(list.first ?? "")")
        t.send("Escape")
        Self.expectScreen(t, all, "filter cleared")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("resizing redraws cleanly at 60×20 and 200×60; 40×12 shows the too-small notice")
    func resize() throws {
        let at100 = try Self.expected(screen: 2, width: 100, height: 30)
        let at60 = try Self.expected(screen: 2, width: 60, height: 20)
        let at200 = try Self.expected(screen: 2, width: 200, height: 60)
        let t = TerminalTmux(script: TerminalTmux.dashboardScript())
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"))
        t.send("2")
        Self.expectScreen(t, at100, "trade screen at 100×30")
        t.resize(width: 60, height: 20)
        Self.expectScreen(t, at60, "after resizing to 60×20")
        t.resize(width: 200, height: 60)
        Self.expectScreen(t, at200, "after resizing to 200×60")
        t.resize(width: 40, height: 12)
        #expect(TerminalWait.until { t.text.contains("terminal too small: 40×12") }, "too-small notice:\n\(t.text)")
        #expect(t.lines().count <= 12)
        t.resize(width: 100, height: 30)
        Self.expectScreen(t, at100, "back to 100×30")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("NO_COLOR: attributes only, no colour escape sequence reaches the terminal")
    func noColor() throws {
        let want = try Self.expected(screen: 1)
        // Colour is on by default: the check below would otherwise prove nothing.
        let colored = TerminalTmux(script: TerminalTmux.dashboardScript())
        defer { colored.close() }
        Self.expectScreen(colored, want, "coloured run")
        #expect(TerminalANSI.colorCodes(colored.styledText).count > 0, "the default run uses colour")
        colored.send("q")

        let t = TerminalTmux(script: TerminalTmux.dashboardScript(environment: ["NO_COLOR": "1"]))
        defer { t.close() }
        Self.expectScreen(t, want, "NO_COLOR run")
        t.send("4")
        _ = t.waitForScreen(try Self.expected(screen: 4))
        let codes = TerminalANSI.colorCodes(t.styledText)
        #expect(codes.isEmpty, "colour SGR codes with NO_COLOR: \(codes.prefix(10))")
        #expect(TerminalANSI.sgrCodes(t.styledText).contains { $0 == 7 || $0 == 1 }, "reverse or bold still mark things")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("--no-color and --theme mono give no colour either")
    func noColorOptions() throws {
        for args in [["--no-color"], ["--theme", "mono"]] {
            let t = TerminalTmux(script: TerminalTmux.dashboardScript(arguments: args))
            defer { t.close() }
            #expect(t.waitForDashboard(containing: "Overview"), "\(args)")
            #expect(TerminalANSI.colorCodes(t.styledText).isEmpty, "\(args)")
            t.send("q")
            #expect(t.waitForExit()?.status == 0)
        }
    }

    @Test("LANG=C: ASCII only (data transliterated), in colour: character set and colour are separate")
    func asciiLocale() throws {
        let want = try Self.expected(screen: 5, ascii: true)
        let t = TerminalTmux(script: TerminalTmux.dashboardScript(environment: ["LANG": "C"]))
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"))
        t.send("5")
        Self.expectScreen(t, want, "infrastructure screen in ASCII")
        let raw = t.styledText
        #expect(raw.utf8.allSatisfy { $0 < 0x80 }, "non-ASCII bytes on screen:\n\(raw)")
        #expect(!TerminalANSI.colorCodes(raw).isEmpty, "colour stays in LANG=C")
        #expect(t.text.contains("Garabogazkol"), "Garabogazköl is transliterated")
        #expect(t.text.contains("+-"), "boxes are drawn with + and -")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("a UTF-8 locale that is not installed falls back to C.UTF-8, not to ASCII")
    func missingUTF8Locale() throws {
        let want = try Self.expected(screen: 1)
        let t = TerminalTmux(script: TerminalTmux.dashboardScript(environment: ["LANG": "xx_YY.UTF-8"]))
        defer { t.close() }
        Self.expectScreen(t, want, "Unicode dashboard")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("r reloads the file: a broken file keeps the old data and says why; e lists the problems")
    func reload() throws {
        let bundled = try #require(TerminalBundled.path)
        let dir = NSTemporaryDirectory() + "/tdt-reload-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/data.json"
        let good = try Data(contentsOf: URL(fileURLWithPath: bundled))
        try good.write(to: URL(fileURLWithPath: file))
        let want = try Self.expected(screen: 1, data: file)

        let t = TerminalTmux(script: TerminalTmux.dashboardScript(arguments: ["--data", file]))
        defer { t.close() }
        Self.expectScreen(t, want, "first frame")
        try Data("{\"schema\": 1, \"title\": 5}".utf8).write(to: URL(fileURLWithPath: file))
        t.send("r")
        #expect(TerminalWait.until { t.text.contains("Reload failed") }, "status line after a failed reload:\n\(t.text)")
        #expect(t.text.contains("Kazakhstan"), "the old data stays on screen")
        t.send("e")
        #expect(TerminalWait.until { t.text.contains("title") }, "the problems view names the bad field:\n\(t.text)")
        t.send("Escape")
        try good.write(to: URL(fileURLWithPath: file))
        t.send("r")
        #expect(TerminalWait.until { t.text.contains("Reloaded") }, "status line after a good reload:\n\(t.text)")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("--mouse: a click on a tab opens its screen, the wheel moves the selection")
    func mouse() throws {
        let energy = try Self.expected(screen: 4)
        let t = TerminalTmux(script: TerminalTmux.dashboardScript(arguments: ["--mouse"]))
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"))
        let rows = t.lines()
        let tabRow = try #require(rows.firstIndex { $0.contains("4 Energy") && $0.contains("5 Infrastructure") }, "tab bar:\n\(t.text)")
        let column = rows[tabRow].distance(from: rows[tabRow].startIndex, to: rows[tabRow].range(of: "Energy")!.lowerBound)
        t.sendBytes(TerminalANSI.mousePress(button: 0, x: column + 1, y: tabRow, term: TerminalTools.paneTerm))
        Self.expectScreen(t, energy, "after clicking the Energy tab")
        t.sendBytes(TerminalANSI.mousePress(button: 65, x: 10, y: 5, term: TerminalTools.paneTerm))
        #expect(TerminalWait.until { t.lines() != energy }, "the wheel moved the selection")
        t.send("q")
        #expect(t.waitForExit()?.status == 0)
    }

    @Test("without --mouse, mouse reports are not turned on")
    func mouseOffByDefault() throws {
        let t = TerminalTmux(script: TerminalTmux.dashboardScript())
        defer { t.close() }
        #expect(t.waitForDashboard(containing: "Overview"))
        #expect(t.format("#{mouse_any_flag}") == "0")
        t.send("q")
        _ = t.waitForExit()
        let m = TerminalTmux(script: TerminalTmux.dashboardScript(arguments: ["--mouse"]))
        defer { m.close() }
        #expect(m.waitForDashboard(containing: "Overview"))
        #expect(m.format("#{mouse_any_flag}") == "1" || m.format("#{mouse_standard_flag}") == "1", "mouse on with --mouse")
        m.send("q")
        _ = m.waitForExit()
        #expect(m.format("#{mouse_any_flag}") == "0" && m.format("#{mouse_standard_flag}") == "0", "mouse off again after quitting")
    }
}

enum TerminalBundled {
    /// The bundled dataset of the source tree these tests belong to.
    static var path: String? {
        let p = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds/kazakhstan-turkmenistan.json").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }
}

enum TerminalANSI {
    /// The numbers of every SGR sequence (`ESC [ … m`) in the text.
    static func sgrCodes(_ text: String) -> [Int] {
        var codes = [Int]()
        let bytes = Array(text.utf8)
        var k = 0
        while k + 1 < bytes.count {
            if bytes[k] == 0x1B && bytes[k + 1] == UInt8(ascii: "[") {
                var j = k + 2
                while j < bytes.count, (0x30...0x3F).contains(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "m") {
                    let params = String(decoding: bytes[(k + 2)..<j], as: UTF8.self)
                    codes += params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
                }
                k = j
            }
            k += 1
        }
        return codes
    }

    /// The SGR codes that set a colour (30–38, 40–48, 90–97, 100–107); 39 and 49 only reset it.
    static func colorCodes(_ text: String) -> [Int] {
        sgrCodes(text).filter { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
    }

    /// A mouse press as the terminal would report it (SGR 1006 for xterm, X10 for tmux/screen entries).
    static func mousePress(button: Int, x: Int, y: Int, term: String) -> [UInt8] {
        if term.hasPrefix("xterm") {
            return Array("\u{1B}[<\(button);\(x + 1);\(y + 1)M".utf8)
        }
        return [0x1B, UInt8(ascii: "["), UInt8(ascii: "M"), UInt8(32 + button), UInt8(33 + x), UInt8(33 + y)]
    }
}
