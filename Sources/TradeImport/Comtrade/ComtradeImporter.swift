import TradeModel

/// What to import from a Comtrade file.
public struct ComtradeImportOptions: Sendable {
    /// Only rows reported by this country of the pair (alpha-2 "KZ", alpha-3 "KAZ" or numeric "398").
    public var reporter: String?
    /// Only rows whose partner is this country of the pair.
    public var partner: String?
    /// Bytes read at a time (tests make it tiny so that records straddle reads).
    public var chunkSize: Int
    /// The name that sources and messages give the file; by default the path as given.
    public var displayName: String?
    /// Moves the dataset's as-of date forward to this day (`--as-of`), so that years which were not
    /// over on the old date can be imported. Read by `ImportJob(csvPath:target:options:)`; the
    /// importer itself does not use it.
    public var asOf: DateValue?
    /// How much goods detail (chapters and headings) to keep per year, reporter and flow.
    public var caps: CompositionCaps

    public init(reporter: String? = nil, partner: String? = nil, chunkSize: Int = CSVReader.defaultChunkSize, displayName: String? = nil,
                asOf: DateValue? = nil, caps: CompositionCaps = CompositionCaps()) {
        self.asOf = asOf
        self.caps = caps
        self.reporter = reporter
        self.partner = partner
        self.chunkSize = chunkSize
        self.displayName = displayName
    }
}

/// What an import of one Comtrade file produced: source entries and observations to add to the
/// dataset, with Comtrade's own counts of the rows (`StatisticsImport` is the same for any format).
public struct ComtradeImport: Sendable {
    public var sources: [Source]
    /// Sorted by year, then exporter, flow and section; each figure once (mirror statistics mark imports).
    public var observations: [TradeObservation]
    /// The goods of each period, reporter and flow with commodity rows: chapters and headings, capped.
    public var composition: [Composition]
    public var warnings: [ImportDiagnostic]
    public var summary: ComtradeSummary
}

/// Imports UN Comtrade CSV exports (the comtradeplus format) into trade observations of a dataset's pair.
///
/// The rules, and the reasons for them, are in docs/import.md:
/// - Rows (`ComtradeRowClassifier`): goods, between the two countries in either direction, flows X
///   (exports, FOB) and M (imports, CIF), and not a breakdown; annual, or the monthly rows of a year
///   without annual ones when their months run from January (`ComtradePeriods`).
/// - Totals come from `cmdCode` TOTAL rows only. Per HS section, the commodity rows of a reporter,
///   year and flow are summed over the topmost codes present (`TopmostHSSum`), so aggregate and leaf
///   rows are never both counted.
/// - Goods (`CompositionBuilder`): per period, reporter and flow, the HS chapters and the headings of
///   the largest ones, with values and net weights, capped, the rest in remainders.
/// - Mirror (`MirrorStatistics`): in a year where one side has no rows as reporter, the other side's
///   reported imports stand for its exports: their note says so (the value is not written twice).
///
/// The pass over the file is `ComtradeAggregator`; its results, `ComtradeAggregator.finish`.
public struct ComtradeImporter: StatisticsImporter {
    public var options: ComtradeImportOptions

    public init(options: ComtradeImportOptions = ComtradeImportOptions()) {
        self.options = options
    }

    public func importFile(atPath path: String, for dataset: Dataset) throws(ImportFailure) -> StatisticsImport {
        let imported = try Self.run(path: path, dataset: dataset, options: options)
        return StatisticsImport(file: options.displayName ?? path, sources: imported.sources, observations: imported.observations,
                                composition: imported.composition, warnings: imported.warnings, summary: imported.summary)
    }

    /// Imports the file at `path` for the pair of `dataset`.
    public static func run(path: String, dataset: Dataset, options: ComtradeImportOptions = ComtradeImportOptions()) throws(ImportFailure) -> ComtradeImport {
        let name = options.displayName ?? path
        let reader = try CSVReader.forImport(path: path, chunkSize: options.chunkSize, name: name)
        return try run(reader: reader, fileName: name, dataset: dataset, options: options)
    }

    /// Imports CSV text held in memory; `fileName` names it in sources and messages.
    public static func run(bytes: [UInt8], fileName: String, dataset: Dataset, options: ComtradeImportOptions = ComtradeImportOptions()) throws(ImportFailure) -> ComtradeImport {
        try run(reader: CSVReader(bytes: bytes, chunkSize: options.chunkSize), fileName: fileName, dataset: dataset, options: options)
    }

    static func run(reader: CSVReader, fileName: String, dataset: Dataset, options: ComtradeImportOptions) throws(ImportFailure) -> ComtradeImport {
        var aggregator = try ComtradeAggregator(reader: reader, fileName: fileName, dataset: dataset, options: options)
        try aggregator.readAll(reader)
        return try aggregator.finish()
    }
}

extension ImportJob {
    /// A job importing the Comtrade CSV file at `csvPath`, with `options.asOf` as the job's `asOf`.
    public init(csvPath: String, target: Target, options: ComtradeImportOptions = ComtradeImportOptions()) {
        self.init(path: csvPath, format: ComtradeImporter(options: options), target: target, asOf: options.asOf)
    }
}
