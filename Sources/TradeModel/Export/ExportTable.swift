/// A table of exported figures: a header and rows of plain text, one column per field. Built by
/// `ExportRows` from a dataset, written by `ExportWriter` as CSV, JSON or Markdown. Plain Swift (no
/// Foundation), so the dashboard can copy the same rows.
public struct ExportTable: Hashable, Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns holding numbers (plain decimals, or empty when unknown): JSON writes them as numbers.
    public var numericColumns: Set<String>
    /// Columns holding `true` or `false`: JSON writes them as booleans (CSV and Markdown as the words).
    public var booleanColumns: Set<String>

    public init(header: [String], rows: [[String]], numericColumns: Set<String> = [], booleanColumns: Set<String> = []) {
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
        self.booleanColumns = booleanColumns
    }

    /// The table with every cell passed through `transform` (the header too).
    public func mapCells(_ transform: (String) -> String) -> ExportTable {
        ExportTable(header: header.map(transform), rows: rows.map { $0.map(transform) }, numericColumns: Set(numericColumns.map(transform)),
                    booleanColumns: Set(booleanColumns.map(transform)))
    }
}

/// What `tradedash export` can write.
public enum ExportKind: String, CaseIterable, Sendable {
    case trade, goods, targets, deals, projects, events, indicators, sources

    public static var allRawValues: [String] { allCases.map(\.rawValue) }
}

/// How the table is written.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json, markdown

    public static var allRawValues: [String] { allCases.map(\.rawValue) }
}
