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
    /// over on the old date can be imported.
    public var asOf: DateValue?

    public init(reporter: String? = nil, partner: String? = nil, chunkSize: Int = CSVReader.defaultChunkSize, displayName: String? = nil,
                asOf: DateValue? = nil) {
        self.asOf = asOf
        self.reporter = reporter
        self.partner = partner
        self.chunkSize = chunkSize
        self.displayName = displayName
    }
}

/// What an import of one file produced: source entries and observations to add to the dataset.
public struct ComtradeImport: Sendable {
    public var sources: [Source]
    /// Sorted by year; within a year stated figures first, then mirror figures.
    public var observations: [TradeObservation]
    public var warnings: [ImportDiagnostic]
    public var summary: ComtradeSummary
}

/// Counts of what the import read and why rows were left out.
public struct ComtradeSummary: Sendable, Equatable {
    public var dataRows = 0
    /// Annual rows between the two countries that were summed.
    public var usedRows = 0
    public var otherCountryRows = 0
    public var excludedByOptionRows = 0
    public var monthlyRows = 0
    public var reExportImportRows = 0
    public var otherFlowRows = 0
    public var breakdownRows = 0
    public var servicesRows = 0
    public var duplicateRows = 0
    public var nonHSCommodityRows = 0
    public var years: [Int] = []
    public var statedObservations = 0
    public var mirrorObservations = 0
    public var bytes = 0

    /// Why rows were left out, one phrase per reason that applies ("12 monthly", "3 services"...).
    public func leftOutReasons(includingOtherCountries: Bool = true, includingDuplicates: Bool = true) -> [String] {
        let reasons: [(Int, String, Bool)] = [
            (otherCountryRows, "of other countries", includingOtherCountries),
            (excludedByOptionRows, "left out by --reporter/--partner", true),
            (monthlyRows, "monthly", true),
            (reExportImportRows, "re-exports/re-imports", true),
            (otherFlowRows, "of other flows", true),
            (breakdownRows, "breakdowns by customs procedure or transport", true),
            (servicesRows, "services", true),
            (duplicateRows, "duplicates", includingDuplicates),
            (nonHSCommodityRows, "commodity rows not in HS", true),
        ]
        return reasons.filter { $0.0 > 0 && $0.2 }.map { "\($0.0) \($0.1)" }
    }
}

/// Imports UN Comtrade CSV exports (the comtradeplus format) into trade observations of a dataset's pair.
///
/// Rules (see docs/import-notes.md for the reasons):
/// - Rows: annual (`refMonth` 52; else `freqCode` A; else a four-digit `period`), goods (`typeCode` C),
///   between the two countries in either direction, and not a breakdown (`customsCode` C00, `motCode` 0,
///   `mosCode` 0, `partner2Code` 0 when those columns exist).
/// - Flows: X → exports from the reporter (FOB), M → imports into the reporter (CIF). RX and RM are
///   already included in X and M, so they are left out (and counted); other flow codes likewise.
/// - Totals come from `cmdCode` TOTAL rows only. Per HS section, the commodity rows of a reporter,
///   year and flow are summed over the codes that have no ancestor in the file (a chapter, or else its
///   headings, or else their subheadings), so aggregate and leaf rows are never both counted.
/// - Mirror: in a year where one side has no rows as reporter, its exports to the other side are
///   derived from the other side's reported imports (kind derived, valuation cif).
public enum ComtradeImporter {
    /// Imports the file at `path` for the pair of `dataset`.
    public static func run(path: String, dataset: Dataset, options: ComtradeImportOptions = ComtradeImportOptions()) throws(ImportFailure) -> ComtradeImport {
        let name = options.displayName ?? path
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, chunkSize: options.chunkSize)
        } catch {
            throw ImportFailure(file: name, line: error.line, error.message)
        }
        return try run(reader: reader, fileName: name, dataset: dataset, options: options)
    }

    /// Imports CSV text held in memory; `fileName` names it in sources and messages.
    public static func run(bytes: [UInt8], fileName: String, dataset: Dataset, options: ComtradeImportOptions = ComtradeImportOptions()) throws(ImportFailure) -> ComtradeImport {
        try run(reader: CSVReader(bytes: bytes, chunkSize: options.chunkSize), fileName: fileName, dataset: dataset, options: options)
    }

    static func run(reader: CSVReader, fileName: String, dataset: Dataset, options: ComtradeImportOptions) throws(ImportFailure) -> ComtradeImport {
        var aggregator = try ComtradeAggregator(reader: reader, fileName: fileName, dataset: dataset, options: options)
        try aggregator.readAll()
        return try aggregator.finish()
    }

    /// The side (0 or 1) of the dataset's pair that `code` names: alpha-2, alpha-3 or ISO numeric.
    public static func side(of code: String, in dataset: Dataset) -> Int? {
        let c = code.trimmingSpaces.uppercased()
        for (k, country) in dataset.countries.prefix(2).enumerated() {
            if country.code.uppercased() == c { return k }
            if let iso3 = country.iso3, iso3.uppercased() == c { return k }
            if let n = country.isoNumeric, let v = Int(c), v == n { return k }
        }
        return nil
    }
}

/// The pass over the file: filters rows and keeps exact sums. Memory is bounded by the number of
/// distinct (reporter, year, flow, commodity code) of the pair, not by the size of the file.
struct ComtradeAggregator {
    struct SeriesID: Hashable, Comparable {
        var year: Int
        var side: Int
        var imports: Bool

        static func < (a: SeriesID, b: SeriesID) -> Bool {
            (a.year, a.side, a.imports ? 1 : 0) < (b.year, b.side, b.imports ? 1 : 0)
        }
    }

    /// A commodity code as level (number of digits) and value: "0101" is (4, 101).
    struct HSCode: Hashable {
        var level: Int
        var value: Int
        var chapter: Int {
            var v = value
            for _ in 0..<(level - 2) { v /= 10 }
            return v
        }
        func ancestor(level l: Int) -> HSCode {
            var v = value
            for _ in 0..<(level - l) { v /= 10 }
            return HSCode(level: l, value: v)
        }
        var text: String {
            let s = String(value)
            return String(repeating: "0", count: max(0, level - s.count)) + s
        }
    }

    struct Cell {
        var milli: Int64
        var line: Int
    }

    let reader: CSVReader
    let file: String
    let dataset: Dataset
    let countries: [Country]
    let columns: ComtradeColumns
    /// Numeric codes of the pair when matching on reporterCode/partnerCode; else nil and iso3 is used.
    let reporterNumeric: [Int]?
    let partnerNumeric: [Int]?
    let iso3: [[UInt8]]
    let reporterFilter: Int?

    /// The record being looked at.
    var rec = CSVReader.Record.empty

    var totals = [SeriesID: Cell]()
    var commodities = [SeriesID: [HSCode: Cell]]()
    var classification = [SeriesID: (code: String, line: Int)]()
    var reported = Set<[Int]>()           // [side, year] with at least one row used
    var summary = ComtradeSummary()
    /// Reporter codes of rows outside the pair, for the message when nothing matches.
    var reporterCounts = [Int](repeating: 0, count: 1000)

    var errors = [ImportDiagnostic]()
    var errorCount = 0
    static let maximumErrors = 20
    /// Warnings by kind: the first line, how many rows, and the message.
    var warnings = [String: (line: Int, count: Int, message: String)]()
    var warningOrder = [String]()

    init(reader: CSVReader, fileName: String, dataset: Dataset, options: ComtradeImportOptions) throws(ImportFailure) {
        self.reader = reader
        self.file = fileName
        self.dataset = dataset
        guard dataset.countries.count == 2 else {
            throw ImportFailure(file: fileName, "the dataset must have exactly two countries (the pair)")
        }
        countries = dataset.countries

        // --reporter / --partner
        var filter: Int? = nil
        if let r = options.reporter {
            guard let s = ComtradeImporter.side(of: r, in: dataset) else {
                throw ImportFailure(file: fileName, "--reporter \(TerminalSafe.excerpt(r)): not a country of the dataset; expected one of " + Self.describePair(countries))
            }
            filter = s
        }
        if let p = options.partner {
            guard let s = ComtradeImporter.side(of: p, in: dataset) else {
                throw ImportFailure(file: fileName, "--partner \(TerminalSafe.excerpt(p)): not a country of the dataset; expected one of " + Self.describePair(countries))
            }
            if let f = filter, f != 1 - s {
                throw ImportFailure(file: fileName, "--reporter \(TerminalSafe.excerpt(options.reporter!)) and --partner \(TerminalSafe.excerpt(p)) name the same country")
            }
            filter = 1 - s
        }
        reporterFilter = filter

        // The header.
        let headerFields: [String]
        do {
            guard try reader.next() else { throw ImportFailure(file: fileName, "the file is empty") }
            headerFields = reader.strings()
        } catch let e as CSVError {
            throw ImportFailure(file: fileName, line: e.line, e.message)
        } catch let e as ImportFailure {
            throw e
        } catch {
            throw ImportFailure(file: fileName, "\(error)")
        }
        let headerLine = reader.recordLine
        // A file with CR line endings (old Mac programs) reads as one long header line: say so, rather
        // than "no data rows" or a list of missing columns.
        if Self.hasBareCR(reader) {
            throw ImportFailure(file: fileName, line: headerLine, Self.crLineEndings)
        }
        columns = try ComtradeColumns.map(header: headerFields, file: fileName, line: headerLine)

        // How to recognise the two countries.
        let numeric = countries.compactMap(\.isoNumeric)
        let iso = countries.compactMap { $0.iso3?.uppercased() }
        iso3 = iso.map { Array($0.utf8) }
        let pair = countries
        func mode(_ codeColumn: Int, _ isoColumn: Int, _ what: String) throws(ImportFailure) -> [Int]? {
            if codeColumn >= 0 && numeric.count == 2 { return numeric }
            if isoColumn >= 0 && iso.count == 2 { return nil }
            let missing = pair.enumerated().filter { $0.element.isoNumeric == nil }.map { "countries[\($0.offset)] (\($0.element.code))" }
            throw ImportFailure(file: fileName, "cannot tell the \(what)s apart: the file has "
                + (codeColumn >= 0 ? "\(what)Code" : "\(what)ISO") + " but the dataset gives no "
                + (codeColumn >= 0 ? "isoNumeric for " + missing.joined(separator: " and ") + " (Kazakhstan is 398, Turkmenistan 795)" : "iso3 for both countries"))
        }
        reporterNumeric = try mode(columns.reporterCode, columns.reporterISO, "reporter")
        partnerNumeric = try mode(columns.partnerCode, columns.partnerISO, "partner")
    }

    static let crLineEndings = CSVReader.crLineEndingsMessage

    /// Whether an unquoted field of the current record holds a carriage return: one that ended a line
    /// would have been taken off with its line feed, so this one stands alone as a line break.
    static func hasBareCR(_ reader: CSVReader) -> Bool {
        (0..<reader.fieldCount).contains { !reader.span($0).quoted && reader.bytes($0).contains(0x0D) }
    }

    static func describePair(_ countries: [Country]) -> String {
        countries.map { c in
            ([c.code] + [c.iso3, c.isoNumeric.map(String.init)].compactMap { $0 }).joined(separator: "/") + " (\(c.name))"
        }.joined(separator: " or ")
    }

    // MARK: - Messages

    mutating func error(_ line: Int, _ message: String) {
        errorCount += 1
        if errors.count < Self.maximumErrors { errors.append(ImportDiagnostic(.error, file: file, line: line, message)) }
    }

    mutating func warn(_ kind: String, _ line: Int, _ message: @autoclosure () -> String) {
        if let w = warnings[kind] {
            warnings[kind] = (w.line, w.count + 1, w.message)
        } else {
            warnings[kind] = (line, 1, message())
            warningOrder.append(kind)
        }
    }

    /// One per kind, by line (whole-file ones last).
    var warningDiagnostics: [ImportDiagnostic] {
        ImportDiagnostic.ordered(warningOrder.map { k in
            let w = warnings[k]!
            let more = w.count > 1 ? " (and \(w.count - 1) more like it)" : ""
            return ImportDiagnostic(.warning, file: file, line: w.line, w.message + more)
        })
    }

    func failure() -> ImportFailure {
        var all = errors
        if errorCount > errors.count {
            all.append(ImportDiagnostic(.error, file: file, "\(errorCount - errors.count) more errors not shown"))
        }
        return ImportFailure(all + warningDiagnostics)
    }

    func name(_ side: Int) -> String { countries[side].name }

    func describe(_ id: SeriesID) -> String {
        id.imports ? "\(name(id.side))'s \(id.year) imports from \(name(1 - id.side))" : "\(name(id.side))'s \(id.year) exports to \(name(1 - id.side))"
    }

    // MARK: - The pass

    mutating func readAll() throws(ImportFailure) {
        let expected = columns.count
        do {
            while try reader.next() {
                summary.dataRows += 1
                rec = reader.record
                let line = reader.recordLine
                if reader.fieldCount != expected {
                    if reader.fieldCount == expected + 1 && FieldParsing.isBlank(rec.bytes(expected)) {
                        // A trailing comma: tolerated.
                    } else if isHeaderRepeated() {
                        warn("header", line, "the header is repeated here (files joined together?); line skipped")
                        summary.dataRows -= 1
                        continue
                    } else {
                        error(line, "\(reader.fieldCount) field\(reader.fieldCount == 1 ? "" : "s"), but the header has \(expected) "
                              + (Self.hasBareCR(reader) ? "(from here on \(Self.crLineEndings))" : "(a truncated or malformed line)"))
                        if errorCount > 1000 { break }
                        continue
                    }
                }
                row(line)
                if errorCount > 1000 { break }
            }
        } catch {
            self.error(error.line, error.message)
        }
        summary.bytes = reader.bytesConsumed
        if reader.invalidUTF8Count > 0 {
            warnings["utf8"] = (reader.firstInvalidUTF8Line, 1, "invalid UTF-8 (\(reader.invalidUTF8Count) bad byte sequence\(reader.invalidUTF8Count == 1 ? "" : "s") in the file, the first on this line): the file is probably not UTF-8; only codes and numbers are imported, so the figures are not affected")
            warningOrder.append("utf8")
        }
        if errorCount > 0 { throw failure() }
    }

    func isHeaderRepeated() -> Bool {
        reader.fieldCount > 0 && (0..<reader.fieldCount).contains { reader.string($0).trimmingSpaces == "primaryValue" }
    }

    /// Which side of the pair a country field names: 0, 1, -1 for another country, nil when unreadable.
    /// (Static, like `isTotal`: a non-mutating method called from the mutating `row` would copy the
    /// whole aggregator at every call.)
    @inline(__always)
    static func side(_ rec: CSVReader.Record, _ column: Int, numeric: [Int]?, isoColumn: Int, iso3: [[UInt8]]) -> Int? {
        if let numeric {
            guard let v = FieldParsing.int(rec.bytes(column)) else { return nil }
            return v == numeric[0] ? 0 : v == numeric[1] ? 1 : -1
        }
        let b = FieldParsing.trimmed(rec.bytes(isoColumn))
        for (k, code) in iso3.enumerated() where b.count == code.count {
            var same = true
            for i in 0..<b.count where b[i] & 0xDF != code[i] { same = false; break }
            if same { return k }
        }
        return -1
    }

    mutating func row(_ line: Int) {
        // Reporter and partner first: most rows of a bulk file are of other countries.
        guard let reporter = Self.side(rec, columns.reporterCode, numeric: reporterNumeric, isoColumn: columns.reporterISO, iso3: iso3) else {
            if isHeaderRepeated() {
                warn("header", line, "the header is repeated here (files joined together?); line skipped")
                summary.dataRows -= 1
                return
            }
            error(line, "reporterCode \"\(FieldParsing.excerpt(rec.bytes(columns.reporterCode)))\" is not a number")
            return
        }
        if reporter < 0 {
            summary.otherCountryRows += 1
            if reporterNumeric != nil, let v = FieldParsing.int(rec.bytes(columns.reporterCode)), v < 1000 { reporterCounts[v] += 1 }
            return
        }
        guard let partner = Self.side(rec, columns.partnerCode, numeric: partnerNumeric, isoColumn: columns.partnerISO, iso3: iso3) else {
            error(line, "partnerCode \"\(FieldParsing.excerpt(rec.bytes(columns.partnerCode)))\" is not a number")
            return
        }
        if partner != 1 - reporter {
            summary.otherCountryRows += 1
            return
        }
        if let f = reporterFilter, f != reporter {
            summary.excludedByOptionRows += 1
            return
        }
        if columns.typeCode >= 0 {
            let t = rec.bytes(columns.typeCode)
            if !FieldParsing.isBlank(t) && !FieldParsing.equals(t, "C") {
                summary.servicesRows += 1
                warn("services", line, "typeCode \"\(FieldParsing.excerpt(t))\" is not goods (C): row left out")
                return
            }
        }
        // Annual?
        switch annual(line) {
        case .some(true): break
        case .some(false):
            summary.monthlyRows += 1
            warn("monthly", line, "monthly row left out: only annual figures (refMonth 52, freqCode A) are imported")
            return
        case .none:
            return
        }
        // Flow.
        let flowBytes = rec.bytes(columns.flowCode)
        let imports: Bool
        if FieldParsing.equals(flowBytes, "X") {
            imports = false
        } else if FieldParsing.equals(flowBytes, "M") {
            imports = true
        } else if FieldParsing.equals(flowBytes, "RX") || FieldParsing.equals(flowBytes, "RM") {
            summary.reExportImportRows += 1
            warn("reexport", line, "re-export/re-import row (flowCode \(FieldParsing.excerpt(flowBytes))) left out: Comtrade's X and M already include re-exports and re-imports")
            return
        } else if FieldParsing.isBlank(flowBytes) {
            error(line, "flowCode is empty")
            return
        } else {
            summary.otherFlowRows += 1
            warn("flow-\(FieldParsing.excerpt(flowBytes))", line, "flowCode \"\(FieldParsing.excerpt(flowBytes))\" left out: only X (exports) and M (imports) are imported")
            return
        }
        // Breakdowns by customs procedure, mode of transport or supply, second partner.
        if !Self.isTotal(rec, columns.customsCode, "C00") || !Self.isTotal(rec, columns.motCode, "0")
            || !Self.isTotal(rec, columns.mosCode, "0") || !Self.isTotal(rec, columns.partner2Code, "0") {
            summary.breakdownRows += 1
            return
        }
        // Year.
        guard let year = self.year(line) else { return }
        // Value.
        let valueBytes = rec.bytes(columns.primaryValue)
        let milli: Int64
        switch FieldParsing.milli(valueBytes) {
        case .success(let v): milli = v
        case .failure(let e):
            let text = FieldParsing.excerpt(valueBytes)
            switch e {
            case .empty: error(line, "primaryValue is empty")
            case .notANumber: error(line, "primaryValue \"\(text)\" is not a number")
            case .negative: error(line, "primaryValue \(text) is negative")
            case .tooLarge: error(line, "primaryValue \(text) is implausibly large")
            }
            return
        }
        let id = SeriesID(year: year, side: reporter, imports: imports)
        reported.insert([reporter, year])
        summary.usedRows += 1

        // Classification: one per reporter, year and flow (two would count the same goods twice).
        var isHS = true
        if columns.classificationCode >= 0 {
            let cls = FieldParsing.trimmed(rec.bytes(columns.classificationCode))
            isHS = cls.isEmpty || cls[0] == 0x48 /* H */
            if let first = classification[id] {
                if !first.code.utf8.elementsEqual(cls) {
                    error(line, "\(describe(id)) are given in two classifications, \(TerminalSafe.excerpt(first.code, limit: 40)) (line \(first.line)) and \(FieldParsing.excerpt(cls)): import one classification at a time")
                    return
                }
            } else {
                classification[id] = (String(decoding: cls, as: UTF8.self), line)
            }
        }

        // Commodity.
        var code: HSCode? = nil
        if columns.cmdCode >= 0 {
            let cmd = FieldParsing.trimmed(rec.bytes(columns.cmdCode))
            if !FieldParsing.equals(cmd, "TOTAL") {
                if !isHS {
                    summary.nonHSCommodityRows += 1
                    warn("nonhs", line, "commodity rows of a classification other than HS are left out (only their TOTAL rows are imported)")
                    return
                }
                guard let c = hsCode(cmd, line: line) else { return }
                code = c
            }
        }
        if let code {
            if let first = commodities[id]?[code] {
                duplicate(first, milli, line, "\(describe(id)) of HS \(code.text)")
                return
            }
            commodities[id, default: [:]][code] = Cell(milli: milli, line: line)
        } else {
            if let first = totals[id] {
                duplicate(first, milli, line, "\(describe(id)) (TOTAL)")
                return
            }
            totals[id] = Cell(milli: milli, line: line)
        }
    }

    mutating func duplicate(_ first: Cell, _ milli: Int64, _ line: Int, _ what: String) {
        summary.usedRows -= 1
        if first.milli == milli {
            summary.duplicateRows += 1
            warn("duplicate", line, "repeats line \(first.line) (\(what)); counted once")
        } else {
            error(line, "a second row for \(what), with another value than line \(first.line) "
                + "(\(FieldParsing.decimalText(milli: milli)) against \(FieldParsing.decimalText(milli: first.milli))): "
                + "a breakdown the file has no column for, or two downloads joined together?")
        }
    }

    /// true annual, false monthly, nil after reporting an error.
    mutating func annual(_ line: Int) -> Bool? {
        if columns.refMonth >= 0 {
            let b = rec.bytes(columns.refMonth)
            if !FieldParsing.isBlank(b) {
                guard let m = FieldParsing.int(b) else {
                    error(line, "refMonth \"\(FieldParsing.excerpt(b))\" is not a number")
                    return nil
                }
                if m == 52 { return true }
                if (1...12).contains(m) { return false }
                error(line, "refMonth \(m) is neither a month (1–12) nor 52 (the whole year)")
                return nil
            }
        }
        if columns.freqCode >= 0 {
            let b = rec.bytes(columns.freqCode)
            if FieldParsing.equals(b, "A") { return true }
            if FieldParsing.equals(b, "M") { return false }
            if !FieldParsing.isBlank(b) {
                error(line, "freqCode \"\(FieldParsing.excerpt(b))\" is neither A (annual) nor M (monthly)")
                return nil
            }
        }
        if columns.period >= 0 {
            let b = FieldParsing.trimmed(rec.bytes(columns.period))
            if b.count == 4, FieldParsing.int(b) != nil { return true }
            if b.count == 6, FieldParsing.int(b) != nil { return false }
            if !b.isEmpty {
                error(line, "period \"\(FieldParsing.excerpt(b))\" is neither a year (YYYY) nor a month (YYYYMM)")
                return nil
            }
        }
        error(line, "cannot tell whether the row is annual or monthly: refMonth, freqCode and period are empty")
        return nil
    }

    mutating func year(_ line: Int) -> Int? {
        var y: Int? = nil
        var text = ""
        if columns.refYear >= 0 && !FieldParsing.isBlank(rec.bytes(columns.refYear)) {
            y = FieldParsing.int(rec.bytes(columns.refYear))
            text = "refYear \"\(FieldParsing.excerpt(rec.bytes(columns.refYear)))\""
        } else if columns.period >= 0 {
            let b = FieldParsing.trimmed(rec.bytes(columns.period))
            if b.count >= 4 { y = FieldParsing.int(UnsafeBufferPointer(rebasing: b[0..<4])) }
            text = "period \"\(FieldParsing.excerpt(b))\""
        } else {
            error(line, "refYear is empty")
            return nil
        }
        guard let y else {
            error(line, "\(text) is not a year")
            return nil
        }
        guard DatasetLoader.plausibleYears.contains(y) else {
            error(line, "\(text): year \(y) is implausible (expected \(DatasetLoader.plausibleYears.lowerBound)–\(DatasetLoader.plausibleYears.upperBound))")
            return nil
        }
        return y
    }

    /// Whether an optional breakdown column holds its "all" value (or is absent or empty).
    @inline(__always)
    static func isTotal(_ rec: CSVReader.Record, _ column: Int, _ all: StaticString) -> Bool {
        guard column >= 0 else { return true }
        let b = rec.bytes(column)
        return FieldParsing.equals(b, all) || FieldParsing.isBlank(b)
    }

    /// An HS code of 2 to 12 digits. Its level is `aggrLevel` when the file has it (spreadsheets drop
    /// the leading zero of "0101"; the level restores it), else its digit count made even.
    mutating func hsCode(_ cmd: UnsafeBufferPointer<UInt8>, line: Int) -> HSCode? {
        for c in cmd where !(c >= 0x30 && c <= 0x39) {
            summary.nonHSCommodityRows += 1
            warn("cmd", line, "cmdCode \"\(FieldParsing.excerpt(cmd))\" is neither TOTAL nor an HS code: row left out")
            return nil
        }
        // The length first: a code of 19 or more digits would not even fit an Int.
        guard cmd.count <= 12 else {
            summary.nonHSCommodityRows += 1
            warn("cmdlong", line, "cmdCode \"\(FieldParsing.excerpt(cmd))\" has \(cmd.count) digits, more than the 12 of the longest HS code: row left out")
            return nil
        }
        var value = 0
        for c in cmd { value = value * 10 + Int(c - 0x30) }
        var level = cmd.count + (cmd.count % 2)
        if columns.aggrLevel >= 0, let a = FieldParsing.int(rec.bytes(columns.aggrLevel)), a >= cmd.count, a <= 12, a >= 2 {
            if a != level && a != cmd.count {
                warn("aggr", line, "aggrLevel \(a) does not match cmdCode \(FieldParsing.excerpt(cmd)); the level is taken from aggrLevel")
            }
            level = a
        }
        guard cmd.count >= 1, level >= 2, level <= 12 else {
            summary.nonHSCommodityRows += 1
            warn("cmd", line, "cmdCode \"\(FieldParsing.excerpt(cmd))\" is neither TOTAL nor an HS code: row left out")
            return nil
        }
        return HSCode(level: level, value: value)
    }

    // MARK: - Results

    mutating func finish() throws(ImportFailure) -> ComtradeImport {
        var observations = [(key: [Int], obs: TradeObservation)]()
        var sectionsOf = [SeriesID: [(section: Int, milli: Int64)]]()
        var usedSides = Set<Int>()

        let ids = Set(totals.keys).union(commodities.keys).sorted()
        for id in ids {
            if let codes = commodities[id] {
                sectionsOf[id] = sections(id, codes)
            }
            if totals[id] == nil, let codes = commodities[id] {
                let message = "no TOTAL row for \(describe(id)): only its HS sections are imported (a file of selected commodities cannot give the total)"
                warn("nototal", codes.values.map(\.line).min() ?? 0, message)
            }
        }

        func text(_ milli: Int64) -> (String, Double) {
            let t = FieldParsing.decimalText(milli: milli)
            return (t, Double(t)!)
        }

        func add(_ id: SeriesID, from: Int, to: Int, section: Int?, milli: Int64, derived: Bool, sourceSide: Int) {
            let usd = text(milli).1
            let obs = TradeObservation(
                period: Period(year: id.year), flow: derived ? .exports : (id.imports ? .imports : .exports),
                from: countries[from].code, to: countries[to].code, usd: usd, kind: derived ? .derived : .stated,
                source: ComtradeSourceNaming.id(fileName: file, reporter: countries[sourceSide]), hsSection: section,
                valuation: (id.imports || derived) ? "cif" : "fob",
                note: derived ? "mirror: from \(name(sourceSide))'s reported imports (CIF)" : nil)
            observations.append(([id.year, derived ? 1 : 0, from, derived ? 0 : (id.imports ? 1 : 0), section ?? 0], obs))
            usedSides.insert(sourceSide)
        }

        for id in ids {
            let from = id.imports ? 1 - id.side : id.side
            let to = 1 - from
            if let t = totals[id] {
                try checkPlausible(t.milli, id, t.line)
                add(id, from: from, to: to, section: nil, milli: t.milli, derived: false, sourceSide: id.side)
            }
            for s in sectionsOf[id] ?? [] {
                try checkPlausible(s.milli, id, commodities[id]?.values.map(\.line).min() ?? 0, section: s.section)
                add(id, from: from, to: to, section: s.section, milli: s.milli, derived: false, sourceSide: id.side)
            }
        }
        summary.statedObservations = observations.count

        // Mirror statistics: a side without rows as reporter in a year gets its exports from the other
        // side's reported imports.
        let years = Set(ids.map(\.year)).sorted()
        for year in years {
            for side in 0...1 where !reported.contains([side, year]) {
                let other = 1 - side
                let id = SeriesID(year: year, side: other, imports: true)
                if let t = totals[id] {
                    add(id, from: side, to: other, section: nil, milli: t.milli, derived: true, sourceSide: other)
                }
                for s in sectionsOf[id] ?? [] {
                    add(id, from: side, to: other, section: s.section, milli: s.milli, derived: true, sourceSide: other)
                }
            }
        }
        summary.mirrorObservations = observations.count - summary.statedObservations
        summary.years = years

        if observations.isEmpty {
            throw nothingToImport()
        }
        observations.sort { $0.key.lexicographicallyPrecedes($1.key) }
        let sources = usedSides.sorted().map { ComtradeSourceNaming.source(fileName: file, reporter: countries[$0], partner: countries[1 - $0]) }
        return ComtradeImport(sources: sources, observations: observations.map(\.obs), warnings: warningDiagnostics, summary: summary)
    }

    func checkPlausible(_ milli: Int64, _ id: SeriesID, _ line: Int, section: Int? = nil) throws(ImportFailure) {
        if Double(milli) / 1000 > DatasetLoader.maximumUSD {
            let what = section.map { "\(describe(id)) in HS section \($0)" } ?? describe(id)
            let amount = milli == Int64.max ? "more than \(FieldParsing.decimalText(milli: milli))" : FieldParsing.decimalText(milli: milli)
            throw ImportFailure([ImportDiagnostic(.error, file: file, line: line, "\(what) come to \(amount) USD, over the 10 trillion a dataset accepts")] + warningDiagnostics)
        }
    }

    /// Sums per HS section over the codes that have no ancestor in the file.
    mutating func sections(_ id: SeriesID, _ codes: [HSCode: Cell]) -> [(section: Int, milli: Int64)] {
        var sums = [Int: Int64]()
        var unassigned: Int64 = 0
        var unassignedLine = 0
        var all: Int64 = 0
        for (code, cell) in codes {
            var covered = false
            var l = 2
            while l < code.level {
                if codes[code.ancestor(level: l)] != nil { covered = true; break }
                l += 2
            }
            if covered { continue }
            all = Self.saturatingSum(all, cell.milli)
            if let s = HSSection.ofChapter(code.chapter) {
                sums[s.number] = Self.saturatingSum(sums[s.number] ?? 0, cell.milli)
            } else {
                unassigned = Self.saturatingSum(unassigned, cell.milli)
                unassignedLine = unassignedLine == 0 ? cell.line : min(unassignedLine, cell.line)
            }
        }
        if unassigned > 0 {
            let message = "\(describe(id)): \(FieldParsing.decimalText(milli: unassigned)) USD under HS chapters of no section (77, 98, 99) count in the total but in no section"
            warn("unassigned", unassignedLine, message)
        }
        if let t = totals[id], all > t.milli + 1000 {
            let message = "\(describe(id)): the commodity rows add up to \(FieldParsing.decimalText(milli: all)) USD, more than the TOTAL row (\(FieldParsing.decimalText(milli: t.milli)))"
            warn("exceeds", t.line, message)
        }
        return sums.keys.sorted().map { ($0, sums[$0]!) }
    }

    /// Sums of values each below 2^62 cannot wrap a second time, but many of them can pass Int64.max:
    /// stay there (the plausibility check then refuses the figure) rather than wrap to a negative.
    static func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
        let (s, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int64.max : Int64.min) : s
    }

    func nothingToImport() -> ImportFailure {
        let s = summary
        let pair = "\(countries[0].name) (\(codeLabel(0))) and \(countries[1].name) (\(codeLabel(1)))"
        var message: String
        if s.dataRows == 0 {
            message = "no data rows after the header"
        } else {
            message = "nothing to import: no annual goods rows between \(pair) in either direction among \(s.dataRows) data row\(s.dataRows == 1 ? "" : "s")"
            let why = s.leftOutReasons(includingOtherCountries: false, includingDuplicates: false)
            if !why.isEmpty { message += "; of the pair's rows: " + why.joined(separator: ", ") }
            if s.otherCountryRows == s.dataRows {
                let top = reporterCounts.enumerated().filter { $0.element > 0 }.sorted { $0.element > $1.element }.prefix(5)
                if !top.isEmpty {
                    message += "; the file's rows are of reporters " + top.map { "\($0.offset) (\($0.element) rows)" }.joined(separator: ", ")
                }
            }
        }
        return ImportFailure([ImportDiagnostic(.error, file: file, message)] + warningDiagnostics)
    }

    func codeLabel(_ side: Int) -> String {
        let c = countries[side]
        if reporterNumeric != nil, let n = c.isoNumeric { return String(n) }
        return c.iso3 ?? c.code
    }
}
