/// Counts of what the import of a trade CSV read, as `tradedash import csv` reports them.
public struct GenericCSVSummary: ImportSummary, Equatable {
    public var dataRows = 0
    /// Rows that became an observation (a row repeating an earlier one is not counted).
    public var usedRows = 0
    /// Rows equal, field by field, to an earlier row of the file: imported once.
    public var repeatedRows = 0
    public var years: [Int] = []
    /// Every observation of the file, stated and derived (as `ComtradeSummary` counts them).
    public var statedObservations = 0
    public var derivedObservations = 0
    /// The file's figures are whatever it says: none is marked as mirror statistics by the import.
    public var mirroredImports: Int { 0 }
    /// Ids of the dataset's sources that the rows cite, in the order first cited.
    public var citedSources: [String] = []
    /// Header names of the columns not read.
    public var unknownColumns: [String] = []

    public init() {}

    public func leftOutReasons() -> [String] {
        repeatedRows == 0 ? [] : ["\(repeatedRows) repeating an earlier row"]
    }
}
