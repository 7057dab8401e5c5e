import ArgumentParser
import DashboardUI
import NCursesFrontEnd
import TradeConfig
import TradeModel

/// `tradedash [--data FILE] [--theme color|mono|ascii] [--ascii] [--no-color] [--mouse|--no-mouse]
/// [--screen NAME] [--config FILE|--no-config]`: the interactive dashboard (the default command).
/// Flags beat the config file, the file beats the defaults.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the interactive dashboard (the default).",
        discussion: """
        Keys: \(Screen.numberKeys) screens, Tab/Shift-Tab next/previous, arrows or h j k l, PgUp/PgDn, g/G, Enter details, \
        Esc back, / filter, ? help, r reload the data, y/Y copy the row/table (OSC 52), Ctrl-L redraw, Ctrl-Z suspend, q or Ctrl-C quit.

        Settings come from the config file (`tradedash config --path`; --config FILE, --no-config); \
        flags beat it. A broken config file is reported and the dashboard starts with the defaults.

        Colour is off with --no-color or when NO_COLOR is set to anything, whatever the config file says. Outside a UTF-8 locale \
        (LANG=C) the dashboard draws with ASCII only. It needs a terminal: when the output is piped \
        or TERM cannot move the cursor, use `tradedash render` instead. Exit status: 0 after q, \
        1 when the data file is invalid, 2 when there is no usable terminal.
        """
    )

    enum ThemeChoice: String, ExpressibleByArgument, CaseIterable {
        case color, mono, ascii

        var name: Theme.Name {
            switch self {
            case .color: return .color
            case .mono: return .mono
            case .ascii: return .ascii
            }
        }
    }

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: "Colours and characters: mono has no colour, ascii has 7-bit characters and no colour (default: color, or the config file's).")
    var theme: ThemeChoice?

    @Flag(name: .long, help: "Draw with 7-bit ASCII characters, in colour unless --no-color or NO_COLOR (LANG=C does the same).")
    var ascii = false

    @Flag(name: .long, help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Report mouse clicks (tabs, rows) and the wheel; hold Shift to select text (default: off, or the config file's).")
    var mouse: Bool?

    @Option(name: .long, help: ArgumentHelp("The screen to start on: \(Screen.allCases.map(\.name).joined(separator: ", ")), or its number.", valueName: "name"))
    var screen: String?

    @OptionGroup var configOptions: ConfigOptions

    func validate() throws {
        if let screen, Screen.named(screen) == nil {
            throw ValidationError("unknown screen \"\(screen)\"; expected one of \(Screen.allCases.map(\.name).joined(separator: ", ")) or 1–\(Screen.allCases.count)")
        }
    }

    /// The variables the start-up checks read.
    static func environment() -> [String: String] {
        var env = [String: String]()
        for name in ["TERM", "LANG", "LC_ALL", "LC_CTYPE", "NO_COLOR"] {
            if let value = SystemIO.environment(name) { env[name] = value }
        }
        return env
    }

    func run() throws {
        // The config file, then the data: what is broken is reported before anything touches the terminal.
        let config = try configOptions.read(byDefault: true)
        if !config.problems.isEmpty { StandardError.print("tradedash: the config file is ignored: starting with the defaults") }
        let flags = Settings.Flags(theme: theme?.name, mouse: mouse, screen: screen.flatMap(Screen.named), data: data.data)
        let settings = Settings.resolve(flags: flags, file: config.file, configPath: config.path, home: SystemIO.environment("HOME"))
        var data = self.data
        data.data = settings.dataPath
        let dataset = try data.load()
        let path = data.path
        let environment = Self.environment()

        let terminal: TerminalInfo
        switch TerminalPreflight.check(environment: environment) {
        case .success(let info):
            terminal = info
        case .failure(let failure):
            StandardError.print("tradedash: " + failure.message)
            throw ExitCode(2)
        }

        let theme = TerminalTheme.resolve(requested: settings.theme, noColor: noColor,
                                          environment: environment, utf8: terminal.utf8, asciiCharacters: ascii)
        var state = AppState(dataset: dataset, dataPath: path, theme: theme)
        state.keyOverrides = settings.keys
        Dashboard.show(settings.screen, in: &state)
        if let configPath = config.path, !config.problems.isEmpty {
            state.status = StatusLine(text: Settings.brokenStatus(path: configPath, problems: config.problems), isError: true)
        }
        // The reload runs on the front end's loading thread; what it returns is applied on the main one.
        let source = data.source
        let outcome = FrontEnd.run(state, terminal: terminal, options: FrontEndOptions(mouse: settings.mouse)) { () -> StateUpdate in
            // The embedded copy is part of the binary: it cannot have changed, and the status line says so.
            if source == .embedded {
                return { $0.status = StatusLine(text: DataSource.embeddedReloadStatus, isError: false) }
            }
            do throws(LoadError) {
                let fresh = try source.load()
                return { $0.reloaded(with: fresh) }
            } catch {
                let problems = error.lines
                return { $0.reloadFailed(problems: problems) }
            }
        }
        if case .failedToStart(let why) = outcome {
            StandardError.print("tradedash: \(why) (TERM=\(terminal.termName)); use `tradedash render` to print the dashboard as text")
        }
        // After the terminal is given back, so that the line stays on the screen.
        if let notice = TerminalPreflight.fallbackNotice(terminal) { StandardError.print("tradedash: " + notice) }
        FrontEnd.exitProcess(after: outcome)
    }
}
