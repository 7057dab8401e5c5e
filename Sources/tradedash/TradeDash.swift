import ArgumentParser

/// The command line: the dashboard by default, and the scripting commands beside it.
@main
struct TradeDash: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "tradedash",
        abstract: "A terminal dashboard of bilateral trade relations.",
        discussion: """
        With no subcommand it opens the interactive dashboard on the bundled \
        Kazakhstan–Turkmenistan dataset (or --data FILE). `render` prints any screen as text, \
        `validate` checks dataset files, `import comtrade` imports UN Comtrade CSV exports, \
        `export` writes figures with their sources as CSV, JSON or Markdown, `config` shows or checks the config file, `serve` runs the dashboard as an SSH service (tradedash-serve).

        The manual, with every key, mark, file, variable and exit status: `man tradedash` \
        (installed by scripts/install), or `man -l docs/tradedash.1` in the source tree.
        """,
        version: version,
        subcommands: [DashboardCommand.self, RenderCommand.self, ValidateCommand.self, ImportCommand.self, ExportCommand.self, ConfigCommand.self, ServeCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// `tradedash --version` says which data is inside the binary as well; everything else is parsed
    /// by the argument parser.
    static func main() {
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            for line in VersionText.lines() { print(line) }
            return
        }
        main(nil)
    }
}
