import TradeModel

/// What to import from a trade CSV.
public struct GenericCSVImportOptions: Sendable {
    /// Bytes read at a time (tests make it tiny so that records straddle reads).
    public var chunkSize: Int
    /// The name that messages give the file; by default the path as given.
    public var displayName: String?

    public init(chunkSize: Int = CSVReader.defaultChunkSize, displayName: String? = nil) {
        self.chunkSize = chunkSize
        self.displayName = displayName
    }
}

/// The warnings of a trade CSV, one of each kind (`DiagnosticsCollector`).
enum GenericCSVWarning: Hashable {
    case unknownColumns
    case repeatedRow
}

/// Imports a CSV of trade observations in the columns of `tradedash export trade --format csv`
/// (docs/import-csv.md): the export read back, or a table a user made (DuckDB, Spark, by hand).
///
/// - Columns (`GenericCSVColumns`): by header name, any order; year, flow, value, unit, kind and
///   source_id required; unknown columns named in one warning and not read.
/// - Rows (`GenericCSVRow`): one observation each, checked as the dataset's loader checks a `trade`
///   entry; every bad cell is an error naming its line and column, and nothing is imported.
/// - Sources (`GenericCSVSources`): a row cites a source of the dataset, or creates one from its
///   `source_*` cells; those cells must agree with the source.
/// - Observations keep the file's order. A row equal to an earlier one is imported once, with a warning.
///
/// The file is read as a stream (`CSVReader`); memory grows with the observations, not the bytes.
public struct GenericCSVImporter: StatisticsImporter {
    public var options: GenericCSVImportOptions

    public init(options: GenericCSVImportOptions = GenericCSVImportOptions()) {
        self.options = options
    }

    public func importFile(atPath path: String, for dataset: Dataset) throws(ImportFailure) -> StatisticsImport {
        let name = options.displayName ?? path
        let reader = try CSVReader.forImport(path: path, chunkSize: options.chunkSize, name: name)
        return try Self.run(reader: reader, fileName: name, dataset: dataset)
    }

    /// Imports CSV text held in memory; `fileName` names it in messages.
    public static func run(bytes: [UInt8], fileName: String, dataset: Dataset,
                           options: GenericCSVImportOptions = GenericCSVImportOptions()) throws(ImportFailure) -> StatisticsImport {
        try run(reader: CSVReader(bytes: bytes, chunkSize: options.chunkSize), fileName: fileName, dataset: dataset)
    }

    static func run(reader: CSVReader, fileName: String, dataset: Dataset) throws(ImportFailure) -> StatisticsImport {
        var diagnostics = DiagnosticsCollector<GenericCSVWarning>(file: fileName)
        let hasHeader: Bool
        do {
            hasHeader = try reader.next()
        } catch {
            throw ImportFailure(file: fileName, line: error.line, error.message)
        }
        guard hasHeader else {
            throw ImportFailure(file: fileName, "the file is empty; expected a header row (year,flow,value,unit,kind,source_id,…) and data rows")
        }
        let headerLine = reader.recordLine
        if GenericCSVCells.hasBareCR(reader.record) {
            throw ImportFailure(file: fileName, line: headerLine, CSVReader.crLineEndingsMessage)
        }
        if reader.invalidUTF8Count > 0 {
            throw ImportFailure(file: fileName, line: headerLine, "the header is not UTF-8 text; save the file as UTF-8 CSV")
        }
        let columns = try GenericCSVColumns.map(header: reader.strings(), file: fileName, line: headerLine)
        if let m = columns.unknownColumnsMessage() { diagnostics.warn(.unknownColumns, headerLine, m) }

        let countries = dataset.countries.map(\.code)
        var sources = GenericCSVSources(dataset: dataset)
        var summary = GenericCSVSummary()
        summary.unknownColumns = columns.unknown
        var observations = [TradeObservation]()
        var firstLine = [TradeObservation: Int]()
        var years = Set<Int>()
        var errors = [String]()
        let expected = columns.count
        do {
            var invalidBefore = reader.invalidUTF8Count
            while try reader.next() {
                summary.dataRows += 1
                let rec = reader.record
                let line = reader.recordLine
                if reader.invalidUTF8Count != invalidBefore {
                    invalidBefore = reader.invalidUTF8Count
                    let bad = GenericCSVCells.invalidUTF8Fields(rec).map { columnName(columns, $0) }
                    diagnostics.error(line, "\(bad.isEmpty ? "a field" : bad.joined(separator: ", ")): bytes that are not UTF-8; "
                        + "the file is probably in another encoding: save it as UTF-8 CSV (text would otherwise be changed)")
                    continue
                }
                if rec.count != expected && !(rec.count == expected + 1 && FieldParsing.isBlank(rec.bytes(expected))) {
                    // (One field more, and empty, is a trailing comma: tolerated.)
                    diagnostics.error(line, "\(rec.count) field\(rec.count == 1 ? "" : "s"), but the header has \(expected) "
                        + (GenericCSVCells.hasBareCR(rec) ? "(from here on \(CSVReader.crLineEndingsMessage))" : "(a truncated or malformed line, or a comma in an unquoted field)"))
                    continue
                }
                let cells = GenericCSVCells(record: rec, columns: columns)
                errors.removeAll(keepingCapacity: true)
                let source = sources.source(of: cells, line: line, errors: &errors)
                let o = GenericCSVRow.observation(cells, countries: countries, source: source, errors: &errors)
                for e in errors { diagnostics.error(line, e) }
                if let o, errors.isEmpty {
                    if let earlier = firstLine[o] {
                        summary.repeatedRows += 1
                        diagnostics.warn(.repeatedRow, line, "the same observation as line \(earlier), field by field: imported once")
                        continue
                    }
                    firstLine[o] = line
                    observations.append(o)
                    years.insert(o.period.year)
                    if o.kind == .derived { summary.derivedObservations += 1 }
                }
                if diagnostics.errorCount > 1000 { break }
            }
        } catch {
            diagnostics.error(error.line, error.message)
        }
        if !diagnostics.hasErrors && summary.dataRows == 0 {
            throw diagnostics.failure(line: headerLine, "no data rows: the file has only its header")
        }
        if diagnostics.hasErrors { throw diagnostics.failure() }
        summary.usedRows = observations.count
        summary.statedObservations = observations.count
        summary.years = years.sorted()
        summary.citedSources = sources.cited
        var result = StatisticsImport(file: fileName, sources: sources.created, observations: observations,
                                      warnings: diagnostics.warningDiagnostics, summary: summary)
        // A CSV row that contradicts the dataset: its source and period already hold another figure.
        result.conflictAdvice = "A row of \(fileName) gives another figure for a source, period and flow the dataset already has: "
            + "correct the row, cite another source_id (the figure becomes that source's), or change the dataset's entry by hand"
        return result
    }

    /// "note (column 22)", or "column 23" for a field the header does not name.
    static func columnName(_ columns: GenericCSVColumns, _ field: Int) -> String {
        if let c = GenericCSVColumns.Column.allCases.first(where: { columns[$0] == field }) { return "\(c.name) (column \(field + 1))" }
        return "column \(field + 1)"
    }
}

extension ImportJob {
    /// A job importing the trade CSV file at `csvPath`.
    public init(tradeCSVPath csvPath: String, target: Target, asOf: DateValue? = nil,
                options: GenericCSVImportOptions = GenericCSVImportOptions()) {
        self.init(path: csvPath, format: GenericCSVImporter(options: options), target: target, asOf: asOf)
    }
}
