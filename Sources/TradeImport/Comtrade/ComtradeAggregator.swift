import TradeModel

/// The pass over a Comtrade file: reads each record, has the classifier say what it is, and keeps
/// the exact sums of the rows used, per series (reporter, year, flow) and commodity code. It also
/// finds what depends on more than one row: duplicates, and a series given in two classifications.
/// Memory is bounded by the number of distinct series and codes of the pair, not by the size of the file.
struct ComtradeAggregator {
    let pair: CountryPair
    let classifier: ComtradeRowClassifier
    /// How much goods detail to keep per period series.
    let caps: CompositionCaps
    var diagnostics: DiagnosticsCollector<ComtradeWarning>

    /// The TOTAL row of each series, and its commodity rows by code: filled from `series` at the end
    /// of the pass (`readAll`), for `finish`.
    var totals = [ReportedSeries: LineValue]()
    var commodities = [ReportedSeries: CodeTable]()
    /// What else `finish` needs of each series met (also of one whose rows all went into no figure).
    var seriesInfo = [ReportedSeries: SeriesInfo]()

    struct SeriesInfo {
        /// Rows used (counted in `summary.usedRows`).
        var rows = 0
        var firstLine = 0
        /// The classification of its first row, as text ("H5"); nil when the file has no such column.
        var classification: String?
        /// Its classification's index in `descriptions`; -1 until a heading with a description is met.
        var descriptionClass = -1
    }
    /// The `cmdDesc` of the headings, once per classification and heading.
    var descriptions = HeadingDescriptions()

    /// What the pass keeps of one series.
    struct SeriesState {
        var id: ReportedSeries
        var total: LineValue?
        var codes: CodeTable
        /// The classification of the series' first row (its bytes, and as text for messages), and its line.
        var classification: (bytes: [UInt8], code: String, line: Int)?
        var info = SeriesInfo()
    }
    /// The series in the order first met, and where each is. The rows of a file come series by
    /// series, so the last one used is remembered and most rows find theirs without a lookup.
    var series = [SeriesState]()
    var slots = [ReportedSeries: Int]()
    var lastSeries: ReportedSeries?
    var lastSlot = 0
    /// The seed of the code tables (`CodeTable`): random, so that no file can make its codes collide.
    let codeSeed = UInt64.random(in: .min ... .max)
    var reporting = ReportingYears()
    var summary = ComtradeSummary()
    /// Reporter codes of rows outside the pair, for the message when nothing matches.
    var reporterCounts = [Int](repeating: 0, count: 1000)

    /// Checks the dataset and the options, and reads the header of `reader`.
    init(reader: CSVReader, fileName: String, dataset: Dataset, options: ComtradeImportOptions) throws(ImportFailure) {
        guard let pair = CountryPair(dataset) else {
            throw ImportFailure(file: fileName, "the dataset must have exactly two countries (the pair)")
        }
        self.pair = pair
        caps = options.caps
        classifier = try ComtradeRowClassifier.prepare(reader: reader, fileName: fileName, pair: pair, options: options)
        diagnostics = DiagnosticsCollector(file: fileName)
    }

    var file: String { diagnostics.file }

    /// Reads the data rows; throws the errors found (the pass stops after 1000).
    mutating func readAll(_ reader: CSVReader) throws(ImportFailure) {
        // A local copy: the calls below borrow it rather than copy it out of `self` at every row.
        let classifier = self.classifier
        let expected = classifier.columns.count
        do {
            while try reader.next() {
                summary.dataRows += 1
                let rec = reader.record
                let line = reader.recordLine
                if rec.count != expected && !(rec.count == expected + 1 && FieldParsing.isBlank(rec.bytes(expected))) {
                    // (One field more, and empty, is a trailing comma: tolerated.)
                    wrongFieldCount(rec, line, expected: expected, classifier)
                } else {
                    switch classifier.classify(rec) {
                    case .use(let row): use(row, rec, line, classifier)
                    case .skip(let reason): skip(reason, rec, line, classifier)
                    case .error(let message): diagnostics.error(line, message)
                    }
                }
                if diagnostics.errorCount > 1000 { break }
            }
        } catch {
            diagnostics.error(error.line, error.message)
        }
        for state in series {
            if let t = state.total { totals[state.id] = t }
            if state.codes.count > 0 { commodities[state.id] = state.codes }
            var info = state.info
            info.classification = state.classification?.code
            seriesInfo[state.id] = info
        }
        series = []
        summary.bytes = reader.bytesConsumed
        if reader.invalidUTF8Count > 0 {
            let n = reader.invalidUTF8Count
            diagnostics.warn(.invalidUTF8, reader.firstInvalidUTF8Line, "invalid UTF-8 (\(n) bad byte sequence\(n == 1 ? "" : "s") in the file, the first on this line): the file is probably not UTF-8; only codes and numbers are imported, so the figures are not affected")
        }
        if diagnostics.hasErrors { throw diagnostics.failure() }
    }

    mutating func wrongFieldCount(_ rec: CSVReader.Record, _ line: Int, expected: Int, _ classifier: ComtradeRowClassifier) {
        if ComtradeRowClassifier.isHeaderRepeated(rec) {
            skip(.repeatedHeader, rec, line, classifier)
            return
        }
        diagnostics.error(line, "\(rec.count) field\(rec.count == 1 ? "" : "s"), but the header has \(expected) "
            + (ComtradeRowClassifier.hasBareCR(rec) ? "(from here on \(CSVReader.crLineEndingsMessage))" : "(a truncated or malformed line)"))
    }

    mutating func skip(_ reason: ComtradeSkipReason, _ rec: CSVReader.Record, _ line: Int, _ classifier: ComtradeRowClassifier) {
        summary.count(reason)
        if reason == .otherReporter, let v = classifier.reporterNumber(rec), v < 1000 { reporterCounts[v] += 1 }
        if let w = classifier.warning(for: reason, rec), !diagnostics.countIfSeen(.row(w)) {
            diagnostics.warn(.row(w), line, classifier.message(w, rec))
        }
    }

    /// Where series `id` is kept (added when first met, on `line`).
    @inline(__always)
    mutating func slot(_ id: ReportedSeries, line: Int) -> Int {
        if id == lastSeries { return lastSlot }
        let k: Int
        if let known = slots[id] {
            k = known
        } else {
            k = series.count
            var state = SeriesState(id: id, codes: CodeTable(seed: codeSeed))
            state.info.firstLine = line
            series.append(state)
            slots[id] = k
        }
        lastSeries = id
        lastSlot = k
        return k
    }

    mutating func use(_ row: ComtradeRow, _ rec: CSVReader.Record, _ line: Int, _ classifier: ComtradeRowClassifier) {
        let id = row.series
        let pair = self.pair // read by the message closures below, while `self` is being modified
        let k = slot(id, line: line)
        summary.usedRows += 1
        series[k].info.rows += 1

        // Classification: one per reporter, year and flow (two would count the same goods twice).
        if let cls = row.classification {
            if let first = series[k].classification {
                if !Self.same(first.bytes, cls) {
                    diagnostics.error(line, "\(pair.describe(id)) are given in two classifications, \(TerminalSafe.excerpt(first.code, limit: 40)) (line \(first.line)) and \(FieldParsing.excerpt(cls)): import one classification at a time")
                    return
                }
            } else {
                series[k].classification = (Array(cls), String(decoding: cls, as: UTF8.self), line)
            }
        }

        if row.aggrLevelDiffers {
            diagnostics.warn(.row(.aggrLevelMismatch), line, classifier.message(.aggrLevelMismatch, rec))
        }
        switch row.commodity {
        case .leftOut(let problem):
            // Still a row of the reporter (it reported that year), but summed nowhere.
            summary.nonHSCommodityRows += 1
            let w = ComtradeRowWarning(problem)
            diagnostics.warn(.row(w), line, classifier.message(w, rec))
        case .code(let code):
            let value = LineValue(milli: row.milli, line: line, weightMilli: row.weightMilli)
            if let first = series[k].codes.insertFirst(code, value) { // the first row is the one kept
                series[k].info.rows -= 1
                duplicate(first, row.milli, line) { "\(pair.describe(id)) of HS \(code.text)" }
                return
            }
            if let d = row.description, !d.isEmpty {
                var c = series[k].info.descriptionClass
                if c < 0 {
                    c = descriptions.classIndex(row.classification)
                    series[k].info.descriptionClass = c
                }
                if !descriptions.has(c, code.value) { descriptions.add(c, code.value, d, escaped: row.descriptionEscaped) }
            }
        case .total:
            if let first = series[k].total {
                series[k].info.rows -= 1
                duplicate(first, row.milli, line) { "\(pair.describe(id)) (TOTAL)" }
                return
            }
            series[k].total = LineValue(milli: row.milli, line: line)
        }
    }

    @inline(__always)
    static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<b.count where a[i] != b[i] { return false }
        return true
    }

    /// A second row of the same series and commodity: counted once if it repeats the value, an error if not.
    /// `what` names the series and commodity; it is called only for a message that is kept (the first
    /// repeat: the warning is one per kind).
    mutating func duplicate(_ first: LineValue, _ milli: Int64, _ line: Int, _ what: () -> String) {
        summary.usedRows -= 1
        if first.milli == milli {
            summary.duplicateRows += 1
            diagnostics.warn(.duplicate, line, "repeats line \(first.line) (\(what())); counted once")
        } else {
            diagnostics.error(line, "a second row for \(what()), with another value than line \(first.line) "
                + "(\(Money.decimalText(milli: milli)) against \(Money.decimalText(milli: first.milli))): "
                + "a breakdown the file has no column for, or two downloads joined together?")
        }
    }
}
