import ArgumentParser
import TradeImport
import TradeModel

/// `tradedash import comtrade FILE.csv [--reporter CODE] [--partner CODE] (--into DATASET | --output NEW)`.
struct ImportComtradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comtrade",
        abstract: "Import a UN Comtrade CSV export (Comtrade Plus format) into a dataset.",
        discussion: """
        Reads the goods trade between the dataset's two countries, in either direction, and adds \
        exports and imports per year (and per HS section when the file has commodity codes), each citing \
        a source entry named after the file and the reporter. Commodity codes also give the goods of each \
        year, reporter and flow: the 25 largest HS chapters with value and net weight, the 10 largest \
        headings of the 5 largest chapters, the rest summed in "other" items. Monthly rows of a year \
        without annual rows make a partial period when their months run from January without a gap. A side that does not report in a year has \
        its exports from the other side's reported imports (mirror statistics): those imports say so in \
        their note (CIF, the importer's basis) and are not written a second time as exports.

        --into DATASET merges into that file in place; the same import run twice changes nothing. \
        --output NEW writes a new file: the dataset given by --data (default: the bundled one) plus the \
        import; an existing NEW is replaced only with --force. The file is written atomically and only \
        after the result passed validation: a failed import writes nothing.

        Exit status: 0 when the import succeeded (or the dataset already held it), 1 when nothing \
        could be imported or written.
        """
    )

    @Argument(help: ArgumentHelp("The CSV file exported from UN Comtrade.", valueName: "file.csv"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Only rows reported by this country of the pair (KZ, KAZ or 398).", valueName: "code"))
    var reporter: String?

    @Option(name: .long, help: ArgumentHelp("Only rows whose partner is this country of the pair.", valueName: "code"))
    var partner: String?

    @OptionGroup var target: ImportTargetOptions

    func run() throws {
        var job = ImportJob(csvPath: file, target: target.target,
                            options: ComtradeImportOptions(reporter: reporter, partner: partner, asOf: target.asOfDate))
        job.baseBytes = target.baseBytes
        try ImportRun.run(job, quiet: target.quiet) { Self.summary($0, file: file) }
    }

    static func summary(_ report: ImportJob.Report, file: String) -> String {
        let s = report.imported.summary
        let derived = report.imported.observations.filter { $0.kind == .derived }.count
        let figures = derived == 0
            ? "\(s.statedObservations) stated figure\(s.statedObservations == 1 ? "" : "s")"
            : "\(s.statedObservations) figure\(s.statedObservations == 1 ? "" : "s"), \(s.statedObservations - derived) stated and \(derived) derived (sums of monthly rows)"
        var lines = ["\(file): \(s.usedRows) of \(s.dataRows) rows used\(ImportRun.years(s.years)): \(figures)."]
        // Each reported value once: the imports that stand for a silent side's exports are named, not added again.
        lines += report.mirrors
        let left = s.leftOutReasons()
        if !left.isEmpty { lines.append("Rows left out: " + left.joined(separator: ", ") + ".") }
        // Partial periods from monthly rows, the goods detail kept and folded, net weights.
        lines += s.detailLines()
        lines.append(ImportRun.writtenLine(report))
        for src in report.imported.sources { lines.append("Source: \(src.id) — \(src.title ?? src.publisher)") }
        // The file names and source titles are the user's text: no control character reaches the terminal.
        return lines.map(TerminalSafe.terminalSafe).joined(separator: "\n")
    }
}
