import ArgumentParser
import DashboardUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TradeConfig
import TradeModel

/// `tradedash render`: any screen as text on stdout, for scripts, cron mail and CI.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print a screen of the dashboard as text.",
        discussion: """
        Prints exactly what the interactive dashboard shows, as plain text or with ANSI colours. \
        Width and height default to the terminal's size when stdout is a terminal, else 100×30.

        So that its output is reproducible, render reads no config file unless --config FILE names \
        one; then the file's theme, screen, data and keys apply (flags beat them), and a broken file \
        is an error (exit 1).
        """
    )

    enum ColorMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Option(name: .long, help: ArgumentHelp("The screen: \(Screen.allCases.map(\.name).joined(separator: ", ")), or its number.", valueName: "name"))
    var screen: String?

    @Option(name: .long, help: "Width in columns.")
    var width: Int?

    @Option(name: .long, help: "Height in rows.")
    var height: Int?

    @Option(name: .long, help: ArgumentHelp("color, mono or ascii (default: color).", valueName: "theme"))
    var theme: String?

    @Flag(name: .long, help: "Use 7-bit ASCII characters only, in the theme's colours (--theme ascii: without colour).")
    var ascii = false

    @Option(name: .long, help: "ANSI colours: auto (when stdout is a terminal and NO_COLOR is unset), always or never.")
    var color: ColorMode = .auto

    @Option(name: .long, help: ArgumentHelp("Keys to press before rendering, e.g. \"jj\" or \"<enter>\" (as in the dashboard).", valueName: "keys"))
    var keys: String?

    @OptionGroup var data: DataOptions

    @OptionGroup var configOptions: ConfigOptions

    func validate() throws {
        if let screen, Screen.named(screen) == nil {
            throw ValidationError("unknown screen \"\(screen)\"; expected one of \(Screen.allCases.map(\.name).joined(separator: ", ")) or 1–\(Screen.allCases.count)")
        }
        if let theme, Theme.Name(rawValue: theme) == nil { throw ValidationError("unknown theme \"\(theme)\"; expected color, mono or ascii") }
        if let width, !(1...1000).contains(width) { throw ValidationError("--width must be between 1 and 1000 (got \(width))") }
        if let height, !(1...1000).contains(height) { throw ValidationError("--height must be between 1 and 1000 (got \(height))") }
        if let keys { _ = try KeySequence.parse(keys) }
    }

    func run() throws {
        let config = try configOptions.read(byDefault: false)
        if !config.problems.isEmpty {
            StandardError.print("tradedash: the config file has \(config.problems.count == 1 ? "a problem" : "\(config.problems.count) problems"); nothing rendered")
            throw ExitCode(1)
        }
        let flags = Settings.Flags(theme: theme.flatMap(Theme.Name.init(rawValue:)),
                                   screen: screen.flatMap(Screen.named), data: data.data)
        let settings = Settings.resolve(flags: flags, file: config.file, configPath: config.path, home: SystemIO.environment("HOME"))
        var data = self.data
        data.data = settings.dataPath
        let dataset = try data.load()
        let stdoutIsTTY = SystemIO.isTerminal(1)
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = stdoutIsTTY && (SystemIO.environment("NO_COLOR") ?? "").isEmpty
        }
        var t = Theme.named(settings.theme)
        if ascii { t = t.withASCIICharacters }
        if !useColor && t.name == .color { t = t.withoutColor }
        let size = TerminalSize.current(stdoutIsTTY: stdoutIsTTY)
        let w = width ?? size?.width ?? 100
        let h = height ?? size?.height ?? 30
        var state = AppState(dataset: dataset, dataPath: data.path, theme: t)
        state.keyOverrides = settings.keys
        _ = Dashboard.update(&state, .resize(width: w, height: h))
        Dashboard.show(settings.screen, in: &state)
        for key in try KeySequence.parse(keys ?? "") {
            let effects = Dashboard.update(&state, key)
            if effects.contains(.quit) { break }
            // render sends nothing to a clipboard: the status line says what y would copy.
            if effects.contains(where: { if case .copy = $0 { return true } else { return false } }), let st = state.status {
                state.status = StatusLine(text: st.text.replacingFirst("copied ", with: "would copy ") + " (render copies nothing)", isError: st.isError)
            }
        }
        let canvas = Dashboard.render(state, width: w, height: h)
        let text = useColor ? canvas.ansiText() : canvas.text
        SystemIO.writeStandardOutput(text)
        // What the dashboard shows at that size, printed as it is, but a script must not take the
        // notice for a screen: it is said on stderr and the status is 1.
        if w < Dashboard.minimumWidth || h < Dashboard.minimumHeight {
            StandardError.print("tradedash: at \(w)×\(h) the dashboard shows only that the terminal is too small; render needs at least \(Dashboard.minimumWidth)×\(Dashboard.minimumHeight) for a screen")
            throw ExitCode(1)
        }
    }
}

/// The size of the terminal on stdout, via TIOCGWINSZ; nil when not a terminal.
enum TerminalSize {
    static func current(stdoutIsTTY: Bool) -> (width: Int, height: Int)? {
        guard stdoutIsTTY else { return nil }
        var ws = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }
}

/// Keys written as text for `render --keys`: plain characters, and names in angle brackets such as
/// `<enter>`, `<esc>`, `<tab>`, `<down>`, `<pgdn>`.
enum KeySequence {
    static let names: [String: Key] = [
        "enter": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "backtab": .backTab, "up": .up, "down": .down,
        "left": .left, "right": .right, "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end, "bs": .backspace,
        "backspace": .backspace, "space": .char(" "), "lt": .char("<"),
    ]

    static func parse(_ text: String) throws -> [Key] {
        var keys = [Key]()
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch == "<" {
                guard let close = text[i...].firstIndex(of: ">") else {
                    throw ValidationError("unclosed < in --keys: write a key name as <enter>, and a literal < as <lt>")
                }
                let name = text[text.index(after: i)..<close].lowercased()
                guard let k = names[name] else {
                    throw ValidationError("unknown key <\(name)> in --keys; known: \(names.keys.sorted().map { "<\($0)>" }.joined(separator: " "))")
                }
                keys.append(k)
                i = text.index(after: close)
            } else {
                keys.append(.char(ch))
                i = text.index(after: i)
            }
        }
        return keys
    }
}

extension String {
    /// The string with `target` at its start replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard hasPrefix(target) else { return self }
        return replacement + String(dropFirst(target.count))
    }
}
