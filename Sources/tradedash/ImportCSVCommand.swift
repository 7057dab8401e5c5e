import ArgumentParser
import TradeImport
import TradeModel

/// `tradedash import csv FILE.csv (--into DATASET | --output NEW)`: a table of trade observations in
/// the columns of `tradedash export trade --format csv` (docs/import-csv.md).
struct ImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import a CSV table of trade observations (the columns of `export trade --format csv`) into a dataset.",
        discussion: """
        Reads one trade observation per row, with the columns of `tradedash export trade --format csv` \
        in any order (docs/import-csv.md): year, flow, value, unit, kind and source_id are required; \
        month_first and month_last, from and to, qualifier, growth, growth_qualifier, hs_section, \
        valuation, note and the source_* columns are optional. Other columns are named in a warning and \
        not read. A row cites a source of the dataset by its source_id, or creates a new one from its \
        source_* cells (source_publisher at least); a source_* cell that disagrees with the source is an \
        error. Every bad cell is an error with its line and column, and nothing is imported.

        The exported trade CSV imports to the same observations. Observations the dataset already holds \
        (the same figure, whatever its note) are not added again, so importing the export of a dataset \
        into that dataset changes nothing.

        --into DATASET merges into that file in place; the same import run twice changes nothing. \
        --output NEW writes a new file: the dataset given by --data (default: the bundled one) plus the \
        import; an existing NEW is replaced only with --force. The file is written atomically and only \
        after the result passed validation: a failed import writes nothing.

        Exit status: 0 when the import succeeded (or the dataset already held it), 1 when nothing \
        could be imported or written.
        """
    )

    @Argument(help: ArgumentHelp("The CSV file of trade observations.", valueName: "file.csv"))
    var file: String

    @OptionGroup var target: ImportTargetOptions

    func run() throws {
        var job = ImportJob(tradeCSVPath: file, target: target.target, asOf: target.asOfDate)
        job.baseBytes = target.baseBytes
        try ImportRun.run(job, quiet: target.quiet) { Self.summary($0, file: file) }
    }

    static func summary(_ report: ImportJob.Report, file: String) -> String {
        let observations = report.imported.observations
        let derived = observations.filter { $0.kind == .derived }.count
        let n = observations.count
        let figures = derived == 0
            ? "\(n) stated figure\(n == 1 ? "" : "s")"
            : "\(n) figure\(n == 1 ? "" : "s"), \(n - derived) stated and \(derived) derived"
        let s = report.imported.summary
        // Rows of periods not over on the as-of date were left out by the job (its warning says so).
        let late = s.usedRows - n
        let years = Set(observations.map(\.period.year)).sorted()
        var lines = ["\(file): \(n) of \(s.dataRows) rows used\(ImportRun.years(years)): \(figures)."]
        var left = s.leftOutReasons()
        if late > 0 { left.append("\(late) of a period not over on the as-of date") }
        if !left.isEmpty { lines.append("Rows left out: " + left.joined(separator: ", ") + ".") }
        lines.append(ImportRun.writtenLine(report))
        if let csv = s as? GenericCSVSummary, !csv.citedSources.isEmpty {
            lines.append("Sources of the dataset cited: " + ImportRun.count(csv.citedSources.count, "source", "sources")
                + " (" + csv.citedSources.prefix(5).joined(separator: ", ") + (csv.citedSources.count > 5 ? ", …" : "") + ").")
        }
        for src in report.imported.sources { lines.append("Source: \(src.id) — \(src.title ?? src.publisher)") }
        // The file names and source titles are the user's text: no control character reaches the terminal.
        return lines.map(TerminalSafe.terminalSafe).joined(separator: "\n")
    }
}
