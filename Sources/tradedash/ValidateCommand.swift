import ArgumentParser
import TradeModel

/// `tradedash validate [FILE...]`: checks dataset files; a summary on success, every problem on failure.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dataset files and summarise them.",
        discussion: """
        With no FILE it checks the bundled dataset. On success it prints a summary of each file and \
        exits 0; otherwise it prints every problem, one per line, as `FILE: path: message`, and exits 1.
        """
    )

    @Argument(help: ArgumentHelp("Dataset files to check (default: the bundled dataset).", valueName: "file"))
    var files: [String] = []

    @Flag(name: .shortAndLong, help: "Print only problems, no summary.")
    var quiet = false

    func run() throws {
        let paths = files.isEmpty ? [BundledDataset.path] : files
        var failed = false
        for path in paths {
            do {
                let d = try DatasetLoader.load(path: path)
                if !quiet { print(Self.summary(d, path: path)) }
            } catch {
                failed = true
                // Problems quote the file's text (unknown ids, values): shown, never sent to the terminal.
                for line in error.lines { print(TerminalSafe.terminalSafe(line)) }
            }
        }
        if failed { throw ExitCode(1) }
    }

    static func summary(_ d: Dataset, path: String) -> String {
        let years = d.trade.map(\.period.year)
        let span = years.isEmpty ? "none" : "\(years.min()!)–\(years.max()!)"
        let partial = d.trade.filter { !$0.period.isFullYear }.count
        let derived = d.trade.filter { $0.kind == .derived }.count
        var lines = ["\(path): OK: \(d.title) (schema \(d.schema), as of \(d.asOf.iso))"]
        lines.append("  \(d.trade.count) trade observations (\(partial) partial-year, \(derived) derived), \(d.targets.count) targets, "
                     + "\(d.deals.count) deals, \(d.projects.count) projects, \(d.events.count) events, \(d.places.count) places, \(d.sources.count) sources")
        lines.append("  years covered: \(span)")
        if let y = d.latestFullYear, let o = d.preferred(.turnover, year: y), let v = o.usd {
            lines.append("  latest full-year turnover: \(y): \(o.qualifier.word.isEmpty ? "" : o.qualifier.word + " ")USD \(Money.millions(v)) (\(o.kind.rawValue), \(o.source))")
        } else {
            lines.append("  latest full-year turnover: unknown")
        }
        let conflicts = d.conflicts
        lines.append("  conflicts between sources: \(conflicts.count)")
        for c in conflicts {
            let what = c.kind == .value
                ? "\(Money.millions(c.first.usd ?? 0)) (\(c.first.source)) vs \(Money.millions(c.second.usd ?? 0)) (\(c.second.source))"
                : "growth \(Money.percent(c.first.growth ?? 0)) (\(c.first.source)) vs \(Money.percent(c.second.growth ?? 0)) (\(c.second.source))"
            lines.append("    \(c.key.period.label) \(c.key.flow.rawValue): \(what)")
        }
        // The title, source ids and the path are the data's text: control characters are shown, not sent.
        return lines.map(TerminalSafe.terminalSafe).joined(separator: "\n")
    }
}
