import ArgumentParser
import DashboardUI
import NCursesFrontEnd
import TradeModel

/// `tradedash [--data FILE] [--theme color|mono|ascii] [--ascii] [--no-color] [--mouse]`:
/// the interactive dashboard (the default command).
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the interactive dashboard (the default).",
        discussion: """
        Keys: \(Screen.numberKeys) screens, Tab/Shift-Tab next/previous, arrows or h j k l, PgUp/PgDn, g/G, Enter details, \
        Esc back, / filter, ? help, r reload the data, y/Y copy the row/table (OSC 52), Ctrl-L redraw, Ctrl-Z suspend, q or Ctrl-C quit.

        Colour is off with --no-color or when NO_COLOR is set to anything. Outside a UTF-8 locale \
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

    @Option(name: .long, help: "Colours and characters: mono has no colour, ascii has 7-bit characters only and no colour.")
    var theme: ThemeChoice = .color

    @Flag(name: .long, help: "Draw with 7-bit ASCII only (the same as --theme ascii).")
    var ascii = false

    @Flag(name: .long, help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, help: "Report mouse clicks (tabs, rows) and the wheel; hold Shift to select text.")
    var mouse = false

    /// The variables the start-up checks read.
    static func environment() -> [String: String] {
        var env = [String: String]()
        for name in ["TERM", "LANG", "LC_ALL", "LC_CTYPE", "NO_COLOR"] {
            if let value = SystemIO.environment(name) { env[name] = value }
        }
        return env
    }

    func run() throws {
        // The data first: a broken file is reported (exit 1) before anything touches the terminal.
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

        let theme = TerminalTheme.resolve(requested: ascii ? .ascii : theme.name, noColor: noColor,
                                          environment: environment, utf8: terminal.utf8)
        let state = AppState(dataset: dataset, dataPath: path, theme: theme)
        // The reload runs on the front end's loading thread; what it returns is applied on the main one.
        let outcome = FrontEnd.run(state, terminal: terminal, options: FrontEndOptions(mouse: mouse)) { () -> StateUpdate in
            do throws(LoadError) {
                let fresh = try DatasetLoader.load(path: path)
                return { $0.reloaded(with: fresh) }
            } catch {
                let problems = error.lines
                return { $0.reloadFailed(problems: problems) }
            }
        }
        if case .failedToStart(let why) = outcome {
            StandardError.print("tradedash: \(why) (TERM=\(terminal.termName)); use `tradedash render` to print the dashboard as text")
        }
        FrontEnd.exitProcess(after: outcome)
    }
}
