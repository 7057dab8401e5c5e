import ArgumentParser
import TradeImport
import TradeModel

/// `tradedash import ...`: the importers of official statistics, and of trade CSV tables.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import official trade statistics, or a trade CSV table, into a dataset.",
        subcommands: [ImportComtradeCommand.self, ImportCSVCommand.self]
    )
}

/// Where an import goes and how it reports: the options every `tradedash import FORMAT` has.
struct ImportTargetOptions: ParsableArguments {
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

    var target: ImportJob.Target {
        if let into { return .into(into) }
        return .output(base: DataSource.resolve(data).name, path: output!, force: force)
    }

    /// With --output and no --data: the embedded dataset's bytes, which the job starts from.
    var baseBytes: [UInt8]? { into == nil ? DataSource.resolve(data).embeddedBytes : nil }

    var asOfDate: DateValue? { asOf.flatMap { try? DateValue.parse($0).get() } }
}

/// Running an import job and reporting it, the same for every format.
enum ImportRun {
    /// Runs `job`; on failure prints its errors and warnings (by line, whole-file messages last) and
    /// exits 1. On success prints the warnings, then `summary` unless `quiet`.
    static func run(_ job: ImportJob, quiet: Bool, summary: (ImportJob.Report) -> String) throws {
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
        print(summary(report))
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// "Wrote FILE: 5 observations, 2 composition entries and 1 source added (3 already there).", or
    /// "Nothing to do: …" when the dataset already held the whole import.
    static func writtenLine(_ report: ImportJob.Report) -> String {
        let m = report.merged
        if let written = report.written {
            var added = [count(m.addedObservations.count, "observation", "observations")]
            if !m.addedComposition.isEmpty { added.append(count(m.addedComposition.count, "composition entry", "composition entries")) }
            added.append(count(m.addedSources.count, "source", "sources"))
            let present = m.alreadyPresent + m.compositionAlreadyPresent
            return "Wrote \(written): " + added.dropLast().joined(separator: ", ") + " and \(added.last!) added"
                + (present > 0 ? " (\(present) already there)." : ".")
        }
        let goods = m.compositionAlreadyPresent > 0 ? " and \(count(m.compositionAlreadyPresent, "composition entry", "composition entries"))" : ""
        return "Nothing to do: the dataset already holds all \(m.alreadyPresent) observations\(goods) of this import; the file was not touched."
    }

    /// " for 2023" or " for 2011–2025"; empty without years.
    static func years(_ years: [Int]) -> String {
        years.isEmpty ? "" : (years.count == 1 ? " for \(years[0])" : " for \(years.first!)–\(years.last!)")
    }

    static func printError(_ line: String) {
        SystemIO.writeStandardError(TerminalSafe.terminalSafe(line) + "\n")
    }
}
