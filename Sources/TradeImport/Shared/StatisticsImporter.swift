import TradeModel

/// A format of official trade statistics that can be imported into a dataset. UN Comtrade's CSV is
/// one (`ComtradeImporter`, in Comtrade/); another format is a new conformance in a folder beside it.
/// `ImportJob` (read the dataset, import, merge, check, write) takes any of them, and the parts that do
/// not depend on the format are shared: `MirrorStatistics`, `TopmostHSSum`, `DiagnosticsCollector`.
public protocol StatisticsImporter: Sendable {
    /// Reads the file at `path` and turns its figures for the pair of `dataset` (its two countries)
    /// into source entries and observations. Throws every error found, with the warnings met on the way.
    func importFile(atPath path: String, for dataset: Dataset) throws(ImportFailure) -> StatisticsImport
}

/// What the import of one file produced, whatever its format.
public struct StatisticsImport: Sendable {
    /// The name that sources and messages give the file.
    public var file: String
    /// One per reporter whose figures were imported.
    public var sources: [Source]
    /// Sorted by year. A figure is written once: mirror statistics mark stated imports in their note
    /// (`MirrorStatistics`) rather than add the same value again as the partner's exports.
    public var observations: [TradeObservation]
    /// Goods by period and direction (`Dataset.composition`), when the format has commodity detail.
    public var composition: [Composition]
    public var warnings: [ImportDiagnostic]
    public var summary: any ImportSummary
    /// What to do when an imported figure contradicts one the dataset holds, said after the
    /// conflict (the format knows: a re-downloaded Comtrade file, an edited CSV row).
    public var conflictAdvice = DatasetMerge.defaultConflictAdvice

    public init(file: String, sources: [Source], observations: [TradeObservation], composition: [Composition] = [],
                warnings: [ImportDiagnostic], summary: any ImportSummary) {
        self.file = file
        self.sources = sources
        self.observations = observations
        self.composition = composition
        self.warnings = warnings
        self.summary = summary
    }
}

/// Counts of what an import read, as the command reports them.
public protocol ImportSummary: Sendable {
    var dataRows: Int { get }
    /// Rows that went into a figure.
    var usedRows: Int { get }
    /// The years of the figures made.
    var years: [Int] { get }
    var statedObservations: Int { get }
    /// Stated imports marked as the exports of a side that did not report (counted among the stated).
    var mirroredImports: Int { get }
    /// Why rows were left out, one phrase per reason that applies ("12 monthly", "3 services"…).
    func leftOutReasons() -> [String]
    /// What else the import made, one sentence a line (partial periods, goods detail); may be empty.
    func detailLines() -> [String]
}

extension ImportSummary {
    public func detailLines() -> [String] { [] }
}
