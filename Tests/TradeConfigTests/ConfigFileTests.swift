import DashboardUI
import Testing
@testable import TradeConfig

/// The config file's keys and values, every kind of problem, the precedence of flags, the file
/// and the defaults, the default file's round trip and where the file is looked for.
@Suite struct ConfigFileTests {
    static func problems(_ text: String) -> [String] {
        guard case .broken(let p) = ConfigLoader.check(text: text) else { return [] }
        return p.map { $0.line(path: "config.toml") }
    }

    static func loaded(_ text: String) throws -> ConfigFile {
        let r = ConfigLoader.check(text: text)
        guard case .loaded(let c) = r else { throw ConfigTestFailure(description: "\(r)") }
        return c
    }

    @Test func readsEverySetting() throws {
        let c = try Self.loaded("""
        theme = "ascii"
        mouse = true
        screen = "sources"
        data = "my.json"
        [keys]
        quit = ["x", "Q"]
        help = "f1"
        """)
        #expect(c.theme == .ascii && c.mouse == true && c.screen == .sources && c.data == "my.json")
        #expect(c.keys["quit"] == [.char("x"), .char("Q")])
        #expect(c.keys["help"] == [.function(1)])
        #expect(try Self.loaded("screen = 7").screen == .sources, "a number, as render --screen takes it")
        #expect(try Self.loaded("screen = \"infra\"").screen == .infrastructure, "a prefix, as render --screen takes it")
        #expect(try Self.loaded("# nothing\n") == ConfigFile())
    }

    @Test func everyKindOfProblemNamesWhatAndWhere() {
        let cases: [(String, String)] = [
            ("colour = true", "config.toml:1:1: unknown key \"colour\"; expected theme, mouse, screen, data or a [keys] table"),
            ("theme = 1", "config.toml:1:9: theme must be a string (\"color\", \"mono\" or \"ascii\"), not an integer"),
            ("theme = \"purple\"", "config.toml:1:9: unknown theme \"purple\"; expected color, mono or ascii"),
            ("mouse = \"yes\"", "config.toml:1:9: mouse must be true or false, not a string"),
            ("screen = \"nowhere\"", "config.toml:1:10: unknown screen \"nowhere\"; expected one of overview, trade, target, energy, infrastructure, timeline, sources, goods or 1–8"),
            ("screen = 9", "config.toml:1:10: unknown screen \"9\""),
            ("screen = true", "config.toml:1:10: screen must be a string"),
            ("data = \"\"", "config.toml:1:8: data is empty"),
            ("data = [\"a\"]", "config.toml:1:8: data must be a string"),
            ("[colors]\nx = 1", "config.toml:2:1: unknown table [colors]; the only table is [keys]"),
            ("[keys]\nquitt = [\"x\"]", "config.toml:2:1: unknown action \"quitt\" in [keys]; known: quit, help,"),
            ("[keys]\ntheme = \"mono\"", "config.toml:2:1: unknown action \"theme\" in [keys] (theme belongs before the [keys] table)"),
            ("[keys]\nquit = 1", "config.toml:2:8: quit must be an array of key names"),
            ("[keys]\nquit = []", "config.toml:2:8: quit has no keys; give at least one"),
            ("[keys]\nquit = [\"x\", \"hyper-x\"]", "config.toml:2:14: quit: unknown key \"hyper-x\""),
            ("[keys]\nquit = [\"ctrl-c\"]", "config.toml:2:9: quit: Ctrl-C always quits and cannot be bound to anything else"),
            ("[keys]\nreload = [\"ctrl-i\"]", "config.toml:2:11: reload: \"ctrl-i\" reaches the program as tab: write \"tab\""),
            ("[keys]\ncopy-row = [\"c\", \"q\"]", "config.toml:2:18: \"q\" for copy-row is already bound to quit while browsing"),
            ("[keys]\nfilter = [\"+\"]", "config.toml:2:11: \"+\" for filter is already bound to one of the screen's own keys on the Target, Goods screens"),
            ("theme = 1.5", "config.toml:1:9: floats (1.5) are not supported in tradedash's TOML subset"),
        ]
        for (text, want) in cases {
            let got = Self.problems(text)
            #expect(got.count == 1 && got[0].hasPrefix(want), "\(text.debugDescription):\n\(got)\nwanted \(want)")
        }
    }

    @Test func everyProblemOfAFileIsListedInOrderAndNoneOfItIsUsed() {
        let text = "theme = \"mono\"\nmouse = 2\n[keys]\nquit = [\"y\"]\nfoo = [\"a\"]\n"
        let got = Self.problems(text)
        #expect(got.count == 3, "\(got)")
        #expect(got.map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == ["config.toml:2:9", "config.toml:4:9", "config.toml:5:1"])
        #expect(got[1].contains("\"y\" for quit is already bound to copy-row"), "\(got)")
    }

    @Test func aFileThatIsNotUTF8SaysWhere() {
        let bytes = Array("theme = \"mono\"\nmouse = ".utf8) + [0xFF] + Array(" true\n".utf8)
        guard case .broken(let p) = ConfigLoader.check(bytes: bytes) else { Issue.record("accepted"); return }
        #expect(p.map(\.description) == ["2:9: the file is not UTF-8 text (an invalid byte here)"])
    }

    @Test func flagsBeatTheFileAndTheFileBeatsTheDefaults() throws {
        let defaults = Settings.resolve(flags: .init(), file: ConfigFile(), configPath: nil, home: nil)
        #expect(defaults == Settings())
        #expect(defaults.theme == .color && defaults.mouse == false && defaults.screen == .overview && defaults.dataPath == nil && defaults.keys.isEmpty)

        let file = try Self.loaded("theme = \"mono\"\nmouse = true\nscreen = \"energy\"\ndata = \"d.json\"\n[keys]\nquit = [\"x\"]")
        let fromFile = Settings.resolve(flags: .init(), file: file, configPath: "/etc/td/config.toml", home: "/home/u")
        #expect(fromFile.theme == .mono && fromFile.mouse && fromFile.screen == .energy)
        #expect(fromFile.dataPath == "/etc/td/d.json", "relative to the file's folder")
        #expect(fromFile.keys["quit"] == [.char("x")])

        let flags = Settings.Flags(theme: .ascii, mouse: false, screen: .goods, data: "cli.json")
        let both = Settings.resolve(flags: flags, file: file, configPath: "/etc/td/config.toml", home: "/home/u")
        #expect(both.theme == .ascii && both.mouse == false && both.screen == .goods && both.dataPath == "cli.json")
        #expect(both.keys["quit"] == [.char("x")], "no flag sets keys: the file's stay")

        // One flag only: the rest from the file.
        let one = Settings.resolve(flags: .init(theme: .color), file: file, configPath: nil, home: nil)
        #expect(one.theme == .color && one.mouse && one.screen == .energy && one.dataPath == "d.json")
    }

    @Test func theDataPathIsRelativeToTheFileOrHome() {
        var c = ConfigFile()
        c.data = "~/trade/x.json"
        #expect(c.dataPath(configPath: "/cfg/tradedash/config.toml", home: "/home/u") == "/home/u/trade/x.json")
        c.data = "/abs/x.json"
        #expect(c.dataPath(configPath: "/cfg/tradedash/config.toml", home: "/home/u") == "/abs/x.json")
        c.data = "sub/x.json"
        #expect(c.dataPath(configPath: "/cfg/tradedash/config.toml", home: "/home/u") == "/cfg/tradedash/sub/x.json")
    }

    @Test func theDefaultFileLoadsToExactlyTheDefaults() throws {
        let file = try Self.loaded(DefaultConfig.text)
        #expect(file.keys.isEmpty, "every key as its default is no override: \(file.keys)")
        #expect(file.theme == .color && file.mouse == false && file.screen == .overview && file.data == nil)
        #expect(Settings.resolve(flags: .init(), file: file, configPath: "/x/config.toml", home: "/h") == Settings())
        // It lists every action with its default keys.
        for e in KeyOverrides.vocabulary {
            #expect(DefaultConfig.text.contains("\n\(e.name) "), "\(e.name) missing")
        }
        // Changing one line of it changes exactly that.
        let edited = DefaultConfig.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0 == "theme = \"color\"" ? "theme = \"mono\"" : String($0) }.joined(separator: "\n")
        #expect(try Self.loaded(edited).theme == .mono)
    }

    @Test func theFileIsLookedForWhereXDGSays() {
        func path(_ env: [String: String]) -> String? { ConfigLocation.defaultPath { env[$0] } }
        #expect(path(["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/tradedash/config.toml")
        #expect(path(["XDG_CONFIG_HOME": "/x/", "HOME": "/h"]) == "/x/tradedash/config.toml")
        #expect(path(["XDG_CONFIG_HOME": "", "HOME": "/h"]) == "/h/.config/tradedash/config.toml", "empty is ignored")
        #expect(path(["XDG_CONFIG_HOME": "rel/dir", "HOME": "/h"]) == "/h/.config/tradedash/config.toml", "relative is ignored")
        #expect(path(["HOME": "/h"]) == "/h/.config/tradedash/config.toml")
        #expect(path([:]) == nil)
    }

    @Test func theBrokenStatusLineHasTheCountTheFileAndTheFirstProblem() {
        let p = [ConfigProblem(at: TOMLPosition(line: 7, column: 12), message: "unknown theme \"x\""), ConfigProblem(at: nil, message: "b")]
        #expect(Settings.brokenStatus(path: "/h/.config/tradedash/config.toml", problems: p)
                == "Config file ignored, started with the defaults (2 problems; tradedash config --check): config.toml:7:12: unknown theme \"x\"")
    }
}

struct ConfigTestFailure: Error, CustomStringConvertible { var description: String }
