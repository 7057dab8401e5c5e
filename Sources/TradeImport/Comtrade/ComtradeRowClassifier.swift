import TradeModel

/// What the classifier makes of one data row of a Comtrade file.
enum ComtradeVerdict {
    /// A row of the pair, to be summed.
    case use(ComtradeRow)
    /// A row left out, for this reason.
    case skip(ComtradeSkipReason)
    /// A row that cannot be read: the message of its error.
    case error(String)
}

/// A row to be summed, as its fields give it.
struct ComtradeRow {
    enum Commodity: Equatable {
        /// The TOTAL row (or any row of a file without `cmdCode`).
        case total
        case code(HSCode)
        /// A commodity row of the pair that goes into no figure.
        case leftOut(ComtradeCommodityProblem)
    }

    var series: ReportedSeries
    var milli: Int64
    /// The trimmed `classificationCode` when the file has the column; valid until the next record.
    var classification: UnsafeBufferPointer<UInt8>?
    var commodity: Commodity
    /// `aggrLevel` gave the code another level than its digits do (the level is taken from it).
    var aggrLevelDiffers = false
    /// `netWgt` in thousandths of a kilogram; `LineValue.noWeight` when the file has no such column
    /// or the field is empty.
    var weightMilli: Int64 = LineValue.noWeight
    /// The trimmed `cmdDesc` of a heading (a code of four digits), when the file has the column; valid
    /// until the next record. Only headings need their description (the chapters' names are the
    /// nomenclature's, `HSChapter`).
    var description: UnsafeBufferPointer<UInt8>?
    /// The description is quoted with doubled quotes inside (to be collapsed).
    var descriptionEscaped = false
}

/// Why the classifier stopped looking at a row before it was found to be used.
enum ComtradeRowStop: Error {
    case skip(ComtradeSkipReason)
    case error(String)
}

/// Tells what one row of a Comtrade file is: a row of the pair to sum, a row left out and why, or an
/// error. It looks at one record at a time and keeps no state; what depends on other rows (duplicates,
/// a series in two classifications) is the aggregator's. `prepare` (ComtradeSetup.swift) makes one
/// from the file's header and the options.
///
/// A row is used when it is between the pair (either direction), of the reporter the options keep,
/// goods (`typeCode` C), of flow X (exports, FOB) or M (imports, CIF), and not a breakdown (`customsCode` C00, `motCode` 0,
/// `mosCode` 0, `partner2Code` 0 when those columns exist). RX and RM are already included in X and
/// M, so they are left out; other flow codes likewise. A row is annual (`refMonth` 52; else `freqCode`
/// A; else a four-digit `period`) or of one month (`refMonth` 1–12; else the month of a six-digit
/// `period`): its series says which (`ReportedSeries.month`); which months make a figure is decided
/// once the whole file is read (`ComtradePeriods`).
struct ComtradeRowClassifier: Sendable {
    /// How a country column is matched to the pair.
    enum CountryMatching: Equatable, Sendable {
        /// On the ISO numeric code in this column (`reporterCode`, `partnerCode`).
        case numeric(column: Int, first: Int, second: Int)
        /// On the alpha-3 code in this column (`reporterISO`, `partnerISO`), in any case.
        case iso3(column: Int)
    }

    /// What a country field names.
    enum CountryField: Equatable {
        case side(PairSide)
        case other
        case unreadable
    }

    let columns: ComtradeColumns
    let reporterMatching: CountryMatching
    let partnerMatching: CountryMatching
    /// The pair's alpha-3 codes in upper case (both of them when matching on them).
    let iso3: [[UInt8]]
    /// Only rows of this reporter (`--reporter`, or the other side of `--partner`).
    let reporterFilter: PairSide?

    func classify(_ rec: CSVReader.Record) -> ComtradeVerdict {
        // Reporter and partner first: most rows of a bulk file are of other countries.
        let reporter: PairSide
        switch country(rec, reporterMatching) {
        case .side(let s): reporter = s
        case .other: return .skip(.otherReporter)
        case .unreadable:
            if Self.isHeaderRepeated(rec) { return .skip(.repeatedHeader) }
            return .error("reporterCode \"\(FieldParsing.excerpt(rec.bytes(columns.reporterCode)))\" is not a number")
        }
        switch country(rec, partnerMatching) {
        case .side(let s) where s == reporter.other: break
        case .side, .other: return .skip(.otherPartner)
        case .unreadable: return .error("partnerCode \"\(FieldParsing.excerpt(rec.bytes(columns.partnerCode)))\" is not a number")
        }
        if let f = reporterFilter, f != reporter { return .skip(.excludedByOption) }
        do {
            return .use(try row(rec, reporter: reporter))
        } catch {
            switch error {
            case .skip(let reason): return .skip(reason)
            case .error(let message): return .error(message)
            }
        }
    }

    /// The checks of a row between the pair, in the order their messages take precedence.
    func row(_ rec: CSVReader.Record, reporter: PairSide) throws(ComtradeRowStop) -> ComtradeRow {
        if columns.typeCode >= 0 {
            let t = rec.bytes(columns.typeCode)
            if !FieldParsing.isBlank(t) && !FieldParsing.equals(t, "C") { throw .skip(.services) }
        }
        let month = try self.month(rec)
        let flow = try self.flow(rec)
        // Breakdowns by customs procedure, mode of transport or supply, second partner.
        if !Self.isTotal(rec, columns.customsCode, "C00") || !Self.isTotal(rec, columns.motCode, "0")
            || !Self.isTotal(rec, columns.mosCode, "0") || !Self.isTotal(rec, columns.partner2Code, "0") {
            throw .skip(.breakdown)
        }
        let year = try self.year(rec)
        let milli = try value(rec)
        var row = ComtradeRow(series: ReportedSeries(year: year, reporter: reporter, flow: flow, month: month), milli: milli,
                              classification: nil, commodity: .total)
        if columns.netWgt >= 0 { row.weightMilli = try weight(rec) }
        // Classification: H0…H6 are HS; SITC (S…) and BEC are not.
        var isHS = true
        if columns.classificationCode >= 0 {
            let cls = FieldParsing.trimmed(rec.bytes(columns.classificationCode))
            row.classification = cls
            isHS = cls.isEmpty || cls[0] == 0x48 /* H */
        }
        if columns.cmdCode >= 0 {
            let cmd = FieldParsing.trimmed(rec.bytes(columns.cmdCode))
            if !FieldParsing.equals(cmd, "TOTAL") {
                if isHS {
                    (row.commodity, row.aggrLevelDiffers) = hsCode(cmd, rec)
                    if columns.cmdDesc >= 0, case .code(let code) = row.commodity, code.level == 4 {
                        row.description = FieldParsing.trimmed(rec.bytes(columns.cmdDesc))
                        row.descriptionEscaped = rec.span(columns.cmdDesc).escaped
                    }
                } else {
                    row.commodity = .leftOut(.otherClassification)
                }
            }
        }
        return row
    }

    // MARK: - Fields

    /// Which side of the pair a country field names.
    @inline(__always)
    func country(_ rec: CSVReader.Record, _ matching: CountryMatching) -> CountryField {
        switch matching {
        case .numeric(let column, let first, let second):
            guard let v = FieldParsing.int(rec.bytes(column)) else { return .unreadable }
            return v == first ? .side(.first) : v == second ? .side(.second) : .other
        case .iso3(let column):
            let b = FieldParsing.trimmed(rec.bytes(column))
            for (k, code) in iso3.enumerated() where b.count == code.count {
                var same = true
                for i in 0..<b.count where b[i] & 0xDF != code[i] { same = false; break }
                if same { return .side(k == 0 ? .first : .second) }
            }
            return .other
        }
    }

    /// The reporter's ISO numeric code, when the pair is matched on it (for the message that names
    /// the reporters of a file with no row of the pair).
    func reporterNumber(_ rec: CSVReader.Record) -> Int? {
        guard case .numeric(let column, _, _) = reporterMatching else { return nil }
        return FieldParsing.int(rec.bytes(column))
    }

    /// Whether a record holds the header's names (files joined together).
    static func isHeaderRepeated(_ rec: CSVReader.Record) -> Bool {
        rec.count > 0 && (0..<rec.count).contains { rec.string($0).trimmingSpaces == "primaryValue" }
    }

    /// Whether an optional breakdown column holds its "all" value (or is absent or empty).
    @inline(__always)
    static func isTotal(_ rec: CSVReader.Record, _ column: Int, _ all: StaticString) -> Bool {
        guard column >= 0 else { return true }
        let b = FieldParsing.trimmed(rec.bytes(column))
        if b.isEmpty { return true }
        guard b.count == all.utf8CodeUnitCount else { return false }
        let t = all.utf8Start
        for k in 0..<b.count where b[k] != t[k] { return false }
        return true
    }

    /// 0 for an annual row, else its month (1–12); throws the error when the columns cannot tell.
    func month(_ rec: CSVReader.Record) throws(ComtradeRowStop) -> Int {
        if columns.refMonth >= 0 {
            let b = rec.bytes(columns.refMonth)
            if !FieldParsing.isBlank(b) {
                guard let m = FieldParsing.int(b) else { throw .error("refMonth \"\(FieldParsing.excerpt(b))\" is not a number") }
                if m == 52 { return 0 }
                if (1...12).contains(m) { return m }
                throw .error("refMonth \(m) is neither a month (1–12) nor 52 (the whole year)")
            }
        }
        if columns.freqCode >= 0 {
            let b = rec.bytes(columns.freqCode)
            if FieldParsing.equals(b, "A") { return 0 }
            if FieldParsing.equals(b, "M") {
                if let m = try periodMonth(rec), m > 0 { return m }
                throw .error("freqCode M (monthly), but neither refMonth nor period says which month")
            }
            if !FieldParsing.isBlank(b) {
                throw .error("freqCode \"\(FieldParsing.excerpt(b))\" is neither A (annual) nor M (monthly)")
            }
        }
        if let m = try periodMonth(rec) { return m }
        throw .error("cannot tell whether the row is annual or monthly: refMonth, freqCode and period are empty")
    }

    /// What `period` says: 0 for a year (YYYY), the month of YYYYMM, nil when empty or absent.
    func periodMonth(_ rec: CSVReader.Record) throws(ComtradeRowStop) -> Int? {
        guard columns.period >= 0 else { return nil }
        let b = FieldParsing.trimmed(rec.bytes(columns.period))
        if b.isEmpty { return nil }
        if b.count == 4, FieldParsing.int(b) != nil { return 0 }
        if b.count == 6, let v = FieldParsing.int(b) {
            let m = v % 100
            if (1...12).contains(m) { return m }
            throw .error("period \"\(FieldParsing.excerpt(b))\": month \(m) is not a month (01–12)")
        }
        throw .error("period \"\(FieldParsing.excerpt(b))\" is neither a year (YYYY) nor a month (YYYYMM)")
    }

    /// X exports, M imports; RX, RM and other codes are left out.
    func flow(_ rec: CSVReader.Record) throws(ComtradeRowStop) -> ReportedFlow {
        let b = FieldParsing.trimmed(rec.bytes(columns.flowCode))
        switch b.count {
        case 0: throw .error("flowCode is empty")
        case 1:
            if b[0] == 0x58 /* X */ { return .exports }
            if b[0] == 0x4D /* M */ { return .imports }
        case 2:
            if b[0] == 0x52 /* R */ && (b[1] == 0x58 || b[1] == 0x4D) { throw .skip(.reExportImport) }
        default: break
        }
        throw .skip(.otherFlow)
    }

    /// `refYear`, else the first four digits of `period`, within `DatasetLoader.plausibleYears`.
    /// The field's text for a message is made only when there is an error to report.
    func year(_ rec: CSVReader.Record) throws(ComtradeRowStop) -> Int {
        if columns.refYear >= 0 {
            let b = rec.bytes(columns.refYear)
            if !FieldParsing.isBlank(b) {
                return try Self.plausibleYear(FieldParsing.int(b)) { "refYear \"\(FieldParsing.excerpt(b))\"" }
            }
        }
        if columns.period >= 0 {
            let b = FieldParsing.trimmed(rec.bytes(columns.period))
            let y = b.count >= 4 ? FieldParsing.int(UnsafeBufferPointer(rebasing: b[0..<4])) : nil
            return try Self.plausibleYear(y) { "period \"\(FieldParsing.excerpt(b))\"" }
        }
        throw .error("refYear is empty")
    }

    /// `y` when it is a plausible year; else the error, naming the field as `text()` gives it.
    @inline(__always)
    static func plausibleYear(_ y: Int?, _ text: () -> String) throws(ComtradeRowStop) -> Int {
        let years = DatasetLoader.plausibleYears
        if let y, years.contains(y) { return y }
        guard let y else { throw .error("\(text()) is not a year") }
        throw .error("\(text()): year \(y) is implausible (expected \(years.lowerBound)–\(years.upperBound))")
    }

    /// `primaryValue` in thousandths of a dollar.
    func value(_ rec: CSVReader.Record) throws(ComtradeRowStop) -> Int64 {
        let b = rec.bytes(columns.primaryValue)
        switch FieldParsing.milli(b) {
        case .success(let v): return v
        case .failure(.empty): throw .error("primaryValue is empty")
        case .failure(.notANumber): throw .error("primaryValue \"\(FieldParsing.excerpt(b))\" is not a number")
        case .failure(.negative): throw .error("primaryValue \(FieldParsing.excerpt(b)) is negative")
        case .failure(.tooLarge): throw .error("primaryValue \(FieldParsing.excerpt(b)) is implausibly large")
        }
    }

    /// `netWgt` in thousandths of a kilogram, `LineValue.noWeight` when the field is empty.
    func weight(_ rec: CSVReader.Record) throws(ComtradeRowStop) -> Int64 {
        let b = rec.bytes(columns.netWgt)
        switch FieldParsing.milli(b) {
        case .success(let v): return v
        case .failure(.empty): return LineValue.noWeight
        case .failure(.notANumber): throw .error("netWgt \"\(FieldParsing.excerpt(b))\" is not a number")
        case .failure(.negative): throw .error("netWgt \(FieldParsing.excerpt(b)) is negative")
        case .failure(.tooLarge): throw .error("netWgt \(FieldParsing.excerpt(b)) is implausibly large")
        }
    }

    /// An HS code of 2 to 12 digits. Its level is `aggrLevel` when the file has it (spreadsheets drop
    /// the leading zero of "0101"; the level restores it), else its digit count made even.
    func hsCode(_ cmd: UnsafeBufferPointer<UInt8>, _ rec: CSVReader.Record) -> (ComtradeRow.Commodity, aggrLevelDiffers: Bool) {
        // One pass: the digits' value (wrapping: it is used only for codes of at most 12 digits) and
        // whether every byte is a digit.
        var value = 0
        var digits = true
        for c in cmd {
            let d = Int(c) &- 0x30
            if d < 0 || d > 9 { digits = false; break }
            value = value &* 10 &+ d
        }
        if !digits { return (.leftOut(.notAnHSCode), false) }
        // A code of 19 or more digits would not even fit an Int.
        guard cmd.count <= 12 else { return (.leftOut(.tooManyDigits), false) }
        var level = cmd.count + (cmd.count % 2)
        var differs = false
        if let a = aggrLevel(rec, cmd) {
            differs = a != level && a != cmd.count
            level = a
        }
        guard cmd.count >= 1, level >= 2, level <= 12 else { return (.leftOut(.notAnHSCode), differs) }
        return (.code(HSCode(level: level, value: value)), differs)
    }

    /// The row's `aggrLevel` when it can be the level of `cmd` (2 to 12, and no fewer than its digits).
    func aggrLevel(_ rec: CSVReader.Record, _ cmd: UnsafeBufferPointer<UInt8>) -> Int? {
        guard columns.aggrLevel >= 0, let a = FieldParsing.int(rec.bytes(columns.aggrLevel)), a >= cmd.count, a <= 12, a >= 2 else { return nil }
        return a
    }

    // MARK: - Warnings

    /// The warning a row left out for `reason` gives, if any.
    func warning(for reason: ComtradeSkipReason, _ rec: CSVReader.Record) -> ComtradeRowWarning? {
        switch reason {
        case .otherReporter, .otherPartner, .excludedByOption, .breakdown: return nil
        case .services: return .services
        case .reExportImport: return .reExportImport
        case .otherFlow: return .otherFlow(FieldParsing.excerpt(rec.bytes(columns.flowCode)))
        case .repeatedHeader: return .repeatedHeader
        }
    }

    /// The message of a warning about the row `rec`.
    func message(_ warning: ComtradeRowWarning, _ rec: CSVReader.Record) -> String {
        func field(_ column: Int) -> String { FieldParsing.excerpt(rec.bytes(column)) }
        let cmd = columns.cmdCode >= 0 ? FieldParsing.trimmed(rec.bytes(columns.cmdCode)) : UnsafeBufferPointer(start: nil, count: 0)
        switch warning {
        case .repeatedHeader: return "the header is repeated here (files joined together?); line skipped"
        case .services: return "typeCode \"\(field(columns.typeCode))\" is not goods (C): row left out"
        case .reExportImport:
            return "re-export/re-import row (flowCode \(field(columns.flowCode))) left out: Comtrade's X and M already include re-exports and re-imports"
        case .otherFlow(let code): return "flowCode \"\(code)\" left out: only X (exports) and M (imports) are imported"
        case .otherClassification: return "commodity rows of a classification other than HS are left out (only their TOTAL rows are imported)"
        case .notAnHSCode: return "cmdCode \"\(FieldParsing.excerpt(cmd))\" is neither TOTAL nor an HS code: row left out"
        case .tooManyDigits:
            return "cmdCode \"\(FieldParsing.excerpt(cmd))\" has \(cmd.count) digits, more than the 12 of the longest HS code: row left out"
        case .aggrLevelMismatch:
            let a = aggrLevel(rec, cmd).map(String.init) ?? "?"
            return "aggrLevel \(a) does not match cmdCode \(FieldParsing.excerpt(cmd)); the level is taken from aggrLevel"
        }
    }
}
