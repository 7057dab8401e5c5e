import ArgumentParser
import TradeImport
import TradeModel

/// `tradedash export KIND [--format csv|json|markdown] [--data FILE] [--output FILE] [--force]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the dataset's figures with their sources as CSV, JSON or Markdown.",
        discussion: """
        KIND is one of \(ExportKind.allRawValues.joined(separator: ", ")). Every row carries its period, \
        direction, value and unit, qualifier, kind and source (id, publisher, title, url, date, language, \
        basis) and its note; numbers are plain decimals. CSV is RFC 4180 with CRLF line ends. Output goes \
        to stdout (control characters escaped when stdout is a terminal), or with --output to a file \
        written atomically; an existing file is replaced only with --force.
        """
    )

    @Argument(help: ArgumentHelp("What to export: \(ExportKind.allRawValues.joined(separator: ", ")).", valueName: "kind"))
    var kind: String

    @Option(name: .long, help: ArgumentHelp("csv, json or markdown.", valueName: "format"))
    var format: String = "csv"

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "With --output: replace the file if it exists.")
    var force = false

    func validate() throws {
        if ExportKind(rawValue: kind) == nil {
            throw ValidationError("unknown kind \"\(kind)\"; expected one of \(ExportKind.allRawValues.joined(separator: ", "))")
        }
        if ExportFormat(rawValue: format) == nil {
            throw ValidationError("unknown format \"\(format)\"; expected one of \(ExportFormat.allRawValues.joined(separator: ", "))")
        }
        if force && output == nil { throw ValidationError("--force goes with --output") }
        if let output, output.isEmpty { throw ValidationError("--output needs a file name") }
    }

    func run() throws {
        let dataset = try data.load()
        let table = ExportRows.table(ExportKind(rawValue: kind)!, of: dataset)
        let fmt = ExportFormat(rawValue: format)!
        guard let output else {
            // Files keep the data's text; a terminal never receives its control characters.
            let shown = SystemIO.isTerminal(1) ? table.mapCells(TerminalSafe.terminalSafe) : table
            SystemIO.writeStandardOutput(ExportWriter.write(shown, as: fmt))
            return
        }
        do {
            try AtomicFile.write(Array(ExportWriter.write(table, as: fmt).utf8), to: output, mode: force ? .replace : .createNew)
        } catch {
            let message = error.message.hasPrefix(output) ? error.message : "cannot write \(output): \(error.message)"
            StandardError.print("tradedash export: \(message)")
            throw ExitCode(1)
        }
    }
}
