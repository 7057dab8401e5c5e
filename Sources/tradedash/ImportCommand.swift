import ArgumentParser
import TradeImport
import TradeModel

/// `tradedash import ...`: the importers of official statistics.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import official trade statistics into a dataset.",
        subcommands: [ImportComtradeCommand.self]
    )
}

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

    @Option(name: .long, help: ArgumentHelp("Merge into this dataset file, in place.", valueName: "dataset"))
    var into: String?

    @Option(name: .long, help: ArgumentHelp("Write the dataset plus the import to this new file.", valueName: "new"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("With --output: the dataset to start from (default: the bundled one).", valueName: "file"))
    var data: String?

    @Flag(name: .long, help: "With --output: replace the file if it exists.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print only warnings and errors.")
    var quiet = false

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Move the dataset's as-of date forward to this day (YYYY-MM-DD), so that years not over on the old date can be imported.", valueName: "date"))
    var asOf: String?

    func validate() throws {
        switch (into, output) {
        case (nil, nil): throw ValidationError("say where the import goes: --into DATASET (merge in place) or --output NEW (a new file)")
        case (.some, .some): throw ValidationError("--into and --output cannot be used together")
        default: break
        }
        if into != nil && data != nil { throw ValidationError("--data goes with --output; --into names the dataset itself") }
        if into != nil && force { throw ValidationError("--force goes with --output (--into always updates the dataset in place)") }
        if let asOf {
            guard case .success(let d) = DateValue.parse(asOf), d.day != nil else {
                throw ValidationError("--as-of takes a full date YYYY-MM-DD (got \"\(TerminalSafe.excerpt(asOf, limit: 40))\")")
            }
        }
    }

    func run() throws {
        let target: ImportJob.Target
        if let into {
            target = .into(into)
        } else {
            target = .output(base: DataSource.resolve(data).name, path: output!, force: force)
        }
        var job = ImportJob(csvPath: file, target: target, options: ComtradeImportOptions(reporter: reporter, partner: partner,
                                                                                       asOf: asOf.flatMap { try? DateValue.parse($0).get() }))
        if into == nil { job.baseBytes = DataSource.resolve(data).embeddedBytes }
        let report: ImportJob.Report
        do {
            report = try job.run()
        } catch {
            // By line, whole-file messages last (ImportFailure keeps them so); each made safe to print.
            for d in error.ordered { printError(d.description) }
            throw ExitCode(1)
        }
        for w in ImportDiagnostic.ordered(report.imported.warnings) { printError(w.description) }
        guard !quiet else { return }
        print(Self.summary(report, file: file))
    }

    static func summary(_ report: ImportJob.Report, file: String) -> String {
        let s = report.imported.summary
        let years = s.years.isEmpty ? "" : (s.years.count == 1 ? " for \(s.years[0])" : " for \(s.years.first!)–\(s.years.last!)")
        let derived = report.imported.observations.filter { $0.kind == .derived }.count
        let figures = derived == 0
            ? "\(s.statedObservations) stated figure\(s.statedObservations == 1 ? "" : "s")"
            : "\(s.statedObservations) figure\(s.statedObservations == 1 ? "" : "s"), \(s.statedObservations - derived) stated and \(derived) derived (sums of monthly rows)"
        var lines = ["\(file): \(s.usedRows) of \(s.dataRows) rows used\(years): \(figures)."]
        // Each reported value once: the imports that stand for a silent side's exports are named, not added again.
        lines += report.mirrors
        let left = s.leftOutReasons()
        if !left.isEmpty { lines.append("Rows left out: " + left.joined(separator: ", ") + ".") }
        // Partial periods from monthly rows, the goods detail kept and folded, net weights.
        lines += s.detailLines()
        let m = report.merged
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        if let written = report.written {
            var added = [count(m.addedObservations.count, "observation", "observations")]
            if !m.addedComposition.isEmpty { added.append(count(m.addedComposition.count, "composition entry", "composition entries")) }
            added.append(count(m.addedSources.count, "source", "sources"))
            let present = m.alreadyPresent + m.compositionAlreadyPresent
            lines.append("Wrote \(written): " + added.dropLast().joined(separator: ", ") + " and \(added.last!) added"
                + (present > 0 ? " (\(present) already there)." : "."))
        } else {
            let goods = m.compositionAlreadyPresent > 0 ? " and \(count(m.compositionAlreadyPresent, "composition entry", "composition entries"))" : ""
            lines.append("Nothing to do: the dataset already holds all \(m.alreadyPresent) observations\(goods) of this import; the file was not touched.")
        }
        for src in report.imported.sources { lines.append("Source: \(src.id) — \(src.title ?? src.publisher)") }
        // The file names and source titles are the user's text: no control character reaches the terminal.
        return lines.map(TerminalSafe.terminalSafe).joined(separator: "\n")
    }

    private func printError(_ line: String) {
        SystemIO.writeStandardError(TerminalSafe.terminalSafe(line) + "\n")
    }
}
