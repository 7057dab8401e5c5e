import TradeModel

/// Making a classifier for one file: the options, the header and how the file names the countries.
/// Each step's errors come before the next step is tried, so that the first thing to fix is said first.
extension ComtradeRowClassifier {
    /// Reads the header of `reader` and prepares for its rows, checking in this order: `--reporter` and
    /// `--partner`, the header line, the columns, how to tell the two countries apart.
    static func prepare(reader: CSVReader, fileName: String, pair: CountryPair,
                        options: ComtradeImportOptions) throws(ImportFailure) -> ComtradeRowClassifier {
        let filter = try reporterFilter(options, pair: pair, fileName: fileName)

        let hasHeader: Bool
        do {
            hasHeader = try reader.next()
        } catch {
            throw ImportFailure(file: fileName, line: error.line, error.message)
        }
        guard hasHeader else { throw ImportFailure(file: fileName, "the file is empty") }
        let headerLine = reader.recordLine
        // A file with CR line endings (old Mac programs) reads as one long header line: say so, rather
        // than "no data rows" or a list of missing columns.
        if hasBareCR(reader.record) {
            throw ImportFailure(file: fileName, line: headerLine, CSVReader.crLineEndingsMessage)
        }
        let columns = try ComtradeColumns.map(header: reader.strings(), file: fileName, line: headerLine)

        let iso = pair.countries.compactMap { $0.iso3?.uppercased() }
        return ComtradeRowClassifier(
            columns: columns,
            reporterMatching: try matching(columns.reporterCode, columns.reporterISO, "reporter", pair: pair, fileName: fileName),
            partnerMatching: try matching(columns.partnerCode, columns.partnerISO, "partner", pair: pair, fileName: fileName),
            iso3: iso.map { Array($0.utf8) },
            reporterFilter: filter)
    }

    /// The reporter that `--reporter`, or the other side of `--partner`, keeps; nil for both.
    static func reporterFilter(_ options: ComtradeImportOptions, pair: CountryPair, fileName: String) throws(ImportFailure) -> PairSide? {
        func notInPair(_ option: String, _ code: String) -> ImportFailure {
            ImportFailure(file: fileName, "\(option) \(TerminalSafe.excerpt(code)): not a country of the dataset; expected one of " + pair.optionCodes)
        }
        var filter: PairSide? = nil
        if let r = options.reporter {
            guard let s = pair.side(of: r) else { throw notInPair("--reporter", r) }
            filter = s
        }
        if let p = options.partner {
            guard let s = pair.side(of: p) else { throw notInPair("--partner", p) }
            if let f = filter, f != s.other {
                throw ImportFailure(file: fileName, "--reporter \(TerminalSafe.excerpt(options.reporter!)) and --partner \(TerminalSafe.excerpt(p)) name the same country")
            }
            filter = s.other
        }
        return filter
    }

    /// On the numeric codes when the file has the code column and the dataset both `isoNumeric`; else
    /// on the alpha-3 codes when the file has the ISO column and the dataset both `iso3`.
    static func matching(_ codeColumn: Int, _ isoColumn: Int, _ what: String, pair: CountryPair,
                         fileName: String) throws(ImportFailure) -> CountryMatching {
        let numeric = pair.countries.compactMap(\.isoNumeric)
        if codeColumn >= 0 && numeric.count == 2 { return .numeric(column: codeColumn, first: numeric[0], second: numeric[1]) }
        if isoColumn >= 0 && pair.countries.allSatisfy({ $0.iso3 != nil }) { return .iso3(column: isoColumn) }
        let missing = pair.countries.enumerated().filter { $0.element.isoNumeric == nil }.map { "countries[\($0.offset)] (\($0.element.code))" }
        throw ImportFailure(file: fileName, "cannot tell the \(what)s apart: the file has "
            + (codeColumn >= 0 ? "\(what)Code" : "\(what)ISO") + " but the dataset gives no "
            + (codeColumn >= 0 ? "isoNumeric for " + missing.joined(separator: " and ") + " (Kazakhstan is 398, Turkmenistan 795)" : "iso3 for both countries"))
    }

    /// Whether an unquoted field of `rec` holds a carriage return: one that ended a line would have
    /// been taken off with its line feed, so this one stands alone as a line break.
    static func hasBareCR(_ rec: CSVReader.Record) -> Bool {
        (0..<rec.count).contains { !rec.span($0).quoted && rec.bytes($0).contains(0x0D) }
    }
}
