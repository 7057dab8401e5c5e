import ArgumentParser
import TradeModel

/// `--data FILE`, shared by the dashboard and `render`.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The dataset to show (default: the bundled Kazakhstan–Turkmenistan data).", valueName: "file"))
    var data: String?

    /// `--data`, else `$TRADEDASH_SEEDS/<file>`, else the copy embedded in the binary.
    var source: DataSource { DataSource.resolve(data) }
    /// What messages call it: the path, or "the bundled dataset (embedded)".
    var path: String { source.name }

    /// Loads the dataset, or prints its problems as `FILE: path: message` on stderr (the first
    /// `ValidateCommand.problemsShown`, then a count: `validate --all` lists every one) and exits 1.
    func load() throws -> Dataset {
        do {
            return try source.load()
        } catch {
            let lines = error.lines
            for line in lines.prefix(ValidateCommand.problemsShown) { StandardError.print(line) }
            if lines.count > ValidateCommand.problemsShown {
                StandardError.print("\(path): and \(lines.count - ValidateCommand.problemsShown) more problems (tradedash validate --all lists every one)")
            }
            throw ExitCode(1)
        }
    }
}

enum StandardError {
    static func print(_ s: String) {
        // Messages quote the data (titles, ids, file names): no control character reaches the terminal.
        SystemIO.writeStandardError(TerminalSafe.terminalSafe(s) + "\n")
    }
}
