import TradeModel

/// The columns of a trade CSV (`tradedash import csv`): those of `tradedash export trade --format csv`,
/// found by header name in any order. Names are compared without regard to case or surrounding spaces.
/// -1 marks a column the file does not have.
///
/// Required: year, flow, value, unit, kind, source_id. Every other known column is optional; a column
/// of another name is not refused (a query may add its own) but named in one warning and not read.
struct GenericCSVColumns {
    /// A column the import reads; `name` is its header name. (Int raw values: a cell's column is
    /// looked up several times per row, by array index rather than by hashing a name.)
    enum Column: Int, CaseIterable {
        case year, monthFirst, monthLast, flow, from, to, value, unit, qualifier, growth
        case growthQualifier, kind, hsSection, valuation
        case sourceID, sourcePublisher, sourceTitle, sourceURL, sourceDate, sourceLanguage, sourceBasis
        /// Not in the trade export (the sources export has it): whose statistics a new source of
        /// national or mirror statistics rests on.
        case sourceBasisCountry
        case note

        private static let names = ["year", "month_first", "month_last", "flow", "from", "to", "value", "unit", "qualifier", "growth",
                                    "growth_qualifier", "kind", "hs_section", "valuation", "source_id", "source_publisher",
                                    "source_title", "source_url", "source_date", "source_language", "source_basis",
                                    "source_basis_country", "note"]

        var name: String { Self.names[rawValue] }

        static let required: [Column] = [.year, .flow, .value, .unit, .kind, .sourceID]
        /// The source entry's columns, in the order they are checked.
        static let source: [Column] = [.sourcePublisher, .sourceTitle, .sourceURL, .sourceDate, .sourceLanguage, .sourceBasis,
                                       .sourceBasisCountry]
    }

    /// Field index of each column, by `Column.allCases` position; -1 when absent.
    private(set) var index: [Int]
    /// Number of fields of the header.
    private(set) var count: Int
    /// Header names (as written) of the columns not read.
    private(set) var unknown: [String] = []

    @inline(__always)
    subscript(_ c: Column) -> Int { index[c.rawValue] }

    func has(_ c: Column) -> Bool { self[c] >= 0 }

    private static let byName: [String: Column] = Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0.name, $0) })

    /// Maps a header row; throws every problem of it (missing required columns, a column given twice).
    static func map(header: [String], file: String, line: Int) throws(ImportFailure) -> GenericCSVColumns {
        var c = GenericCSVColumns(index: Array(repeating: -1, count: Column.allCases.count), count: header.count)
        var problems = [String]()
        for (i, raw) in header.enumerated() {
            let name = raw.trimmingSpaces.lowercased()
            guard let column = byName[name] else {
                c.unknown.append(raw)
                continue
            }
            let k = column.rawValue
            if c.index[k] >= 0 {
                problems.append("column \"\(column.name)\" appears twice (columns \(c.index[k] + 1) and \(i + 1))")
                continue
            }
            c.index[k] = i
        }
        let missing = Column.required.filter { !c.has($0) }
        if !missing.isEmpty {
            var message = "missing required column" + (missing.count > 1 ? "s " : " ") + missing.map(\.name).joined(separator: ", ")
            if header.count == 1 && (header[0].contains(";") || header[0].contains("\t")) {
                message += " (the header has no commas: the file seems separated by semicolons or tabs; save it as comma-separated CSV)"
            } else {
                message += "; the header has \(header.count) column\(header.count == 1 ? "" : "s"): "
                    + header.prefix(12).map { "\"\(TerminalSafe.excerpt($0))\"" }.joined(separator: ", ") + (header.count > 12 ? ", …" : "")
                    + ". The columns are those of `tradedash export trade --format csv` (docs/import-csv.md)"
            }
            problems.append(message)
        }
        if c.has(.monthFirst) != c.has(.monthLast) {
            problems.append("month_first and month_last go together: the file has only \(c.has(.monthFirst) ? "month_first" : "month_last")")
        }
        if !problems.isEmpty {
            throw ImportFailure(problems.map { ImportDiagnostic(.error, file: file, line: line, $0) })
        }
        return c
    }

    /// The warning for the columns not read, or nil when every column is known.
    func unknownColumnsMessage() -> String? {
        guard !unknown.isEmpty else { return nil }
        let names = unknown.prefix(12).map { "\"\(TerminalSafe.excerpt($0))\"" }.joined(separator: ", ") + (unknown.count > 12 ? ", …" : "")
        return "\(unknown.count) column\(unknown.count == 1 ? "" : "s") not read (not among the documented columns, docs/import-csv.md): \(names)"
    }
}
