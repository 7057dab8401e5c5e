import Foundation
import Testing

/// The config file read by the dashboard in a real terminal (tmux): its settings apply, and a
/// broken one is reported on stderr and in the status line while the dashboard starts with the defaults.
@Suite("The config file in tmux", .serialized, .enabled(if: TerminalTools.tmux != nil, "tmux is not installed (apt-get install tmux): skipping the real-terminal tests"))
struct TerminalConfigTests {
    static func start(config: String, arguments: [String] = []) throws -> (TerminalTmux, ConfigCommandTests.Home) {
        if let why = TerminalTools.tmuxSkipReason { throw TerminalSkip(why) }
        let home = try ConfigCommandTests.Home(config)
        let t = TerminalTmux(script: TerminalTmux.dashboardScript(arguments: arguments, environment: ["XDG_CONFIG_HOME": home.dir]), width: 120, height: 40)
        return (t, home)
    }

    @Test("a broken config file: the problem on stderr with line and column, the defaults, and the status line says so")
    func brokenConfigStartsWithTheDefaults() throws {
        let (t, home) = try Self.start(config: "screen = \"sources\"\ntheme = \"purple\"\n[keys]\nquit = [\"x\"]\n")
        defer { t.close(); home.remove() }
        #expect(t.waitForDashboard(containing: "Config file ignored"), "\(t.text)")
        let text = t.text
        #expect(text.contains("started with the defaults (1 problem; tradedash config --check): config.toml:2:9: unknown theme"), "\(text)")
        // The defaults: the Overview (not the file's Sources) and q quits (not the file's x).
        #expect(text.contains("─ 2 Trade volume ") && !text.contains("─ Sources ["), "\(text)")
        #expect(!text.contains("x quit"))
        t.send("q")
        let exit = t.waitForExit()
        #expect(exit?.status == 0, "\(t.joinedText)")
        // What was printed before the dashboard took the screen is there after it.
        let after = t.joinedText
        #expect(after.contains("\(home.file):2:9: unknown theme \"purple\"; expected color, mono or ascii"), "\(after)")
        #expect(after.contains("the config file is ignored: starting with the defaults"), "\(after)")
    }

    @Test("a config file's screen and keys apply; a flag beats the file")
    func configSettingsApply() throws {
        let (t, home) = try Self.start(config: "screen = \"sources\"\n[keys]\nquit = [\"x\"]\n")
        defer { t.close(); home.remove() }
        #expect(t.waitForDashboard(containing: "x quit"), "\(t.text)")
        #expect(t.text.contains("─ Sources [") && t.text.contains("Publisher"), "\(t.text)")
        t.send("q")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(t.alternateScreen, "q no longer quits")
        t.send("x")
        #expect(t.waitForExit()?.status == 0, "\(t.joinedText)")

        let (u, uhome) = try Self.start(config: "screen = \"sources\"\n", arguments: ["--screen", "trade"])
        defer { u.close(); uhome.remove() }
        #expect(u.waitForDashboard(containing: "Period"), "\(u.text)")
        u.send("q")
        #expect(u.waitForExit()?.status == 0)
    }
}
