import TradeModel

/// From the sums of the pass to observations and goods: the series grouped into periods
/// (`ComtradePeriods.swift`), the total of each from its TOTAL row, its HS sections from the topmost
/// codes present (`TopmostHSSum`), its chapters and headings (`HSDetail`, `CompositionBuilder`), the
/// mirror marks (`MirrorStatistics`), and the warnings and errors that only the whole file can tell.
extension ComtradeAggregator {
    mutating func finish() throws(ImportFailure) -> ComtradeImport {
        let periods = periodSeries()
        let sourceIDs = PairSide.allCases.map { ComtradeSourceNaming.id(fileName: file, reporter: pair[$0]) }
        var stated = [TradeObservation]()
        var composition = [Composition]()
        var reporters = Set<PairSide>()
        summary.composition.caps = caps
        summary.composition.hasWeightColumn = classifier.columns.netWgt >= 0
        for p in periods {
            let codes = self.codes(p)
            let total = self.total(p)
            if total == nil, let codes {
                let message = "no TOTAL row for \(pair.describe(p.id, when: p.label)): only its HS sections are imported (a file of selected commodities cannot give the total)"
                if p.parts.allSatisfy({ totals[$0] == nil }) { diagnostics.warn(.noTotal, codes.map { firstLine($0.1) }.min()!, message) }
            }
            if let t = total {
                try checkPlausible(t.milli, p, t.line)
                stated.append(observation(p, section: nil, milli: t.milli, sources: sourceIDs))
                reporters.insert(p.id.reporter)
            }
            guard let codes else { continue }
            // Sections: those of each month added up (each month's topmost codes; a chapter given as a
            // chapter one month and as headings another is counted once a month).
            var bySection = [Int: Int64]()
            for (id, table) in codes {
                for s in sections(id, table) { bySection[s.section] = TopmostHSSum.saturatingSum(bySection[s.section] ?? 0, s.milli) }
            }
            let first = codes.map { firstLine($0.1) }.min() ?? 0
            for section in bySection.keys.sorted() {
                try checkPlausible(bySection[section]!, p, first, section: section)
                stated.append(observation(p, section: section, milli: bySection[section]!, sources: sourceIDs))
                reporters.insert(p.id.reporter)
            }
            if let entry = compositionEntry(p, codes, source: sourceIDs[p.id.reporter.index]) {
                composition.append(entry)
                reporters.insert(p.id.reporter)
            }
        }
        // A side that did not report in a year: the partner's imports stand for its exports, and say so
        // in their note (they are not written a second time as exports).
        let reporting = self.reporting
        let mirror = MirrorStatistics.mark(stated, pair: pair, reported: reporting.contains)
        summary.statedObservations = stated.count
        summary.mirroredImports = mirror.marked
        summary.years = Set(periods.map(\.id.year)).sorted()

        if stated.isEmpty {
            throw nothingToImport()
        }
        // Each figure cites its reporter's source.
        let sources = reporters.sorted().map { ComtradeSourceNaming.source(fileName: file, reporter: pair[$0], partner: pair[$0.other]) }
        return ComtradeImport(sources: sources, observations: ordered(mirror.observations), composition: composition,
                              warnings: diagnostics.warningDiagnostics, summary: summary)
    }

    /// A figure of period series `p`: its total (`section` nil) or one HS section. `sources` holds
    /// the source id of each side as reporter (made once, not per figure).
    func observation(_ p: PeriodSeries, section: Int?, milli: Int64, sources: [String]) -> TradeObservation {
        let id = p.id
        return TradeObservation(period: p.period, flow: id.flow.flow, from: pair[id.exporter].code, to: pair[id.importer].code,
                                usd: Double(Money.decimalText(milli: milli))!, kind: p.kind,
                                source: sources[id.reporter.index], hsSection: section,
                                valuation: id.flow.valuation.rawValue, note: p.note)
    }

    /// By year, then by exporter, flow (exports first) and section (the total first).
    func ordered(_ observations: [TradeObservation]) -> [TradeObservation] {
        func key(_ o: TradeObservation) -> [Int] {
            [o.period.year, o.period.months?.upperBound ?? 12, pair.side(ofCountry: o.from)?.index ?? 0, o.flow == .imports ? 1 : 0, o.hsSection ?? 0]
        }
        return observations.map { (key($0), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    func firstLine(_ codes: CodeTable) -> Int {
        var first = Int.max
        codes.forEach { _, v in first = min(first, v.line) }
        return first == Int.max ? 0 : first
    }

    func checkPlausible(_ milli: Int64, _ p: PeriodSeries, _ line: Int, section: Int? = nil) throws(ImportFailure) {
        if Double(milli) / 1000 > DatasetLoader.maximumUSD {
            let series = pair.describe(p.id, when: p.label)
            let what = section.map { "\(series) in HS section \($0)" } ?? series
            let amount = milli == Int64.max ? "more than \(Money.decimalText(milli: milli))" : Money.decimalText(milli: milli)
            throw diagnostics.failure(line: line, "\(what) come to \(amount) USD, over the 10 trillion a dataset accepts")
        }
    }

    /// The HS sections of series `id`, with the warnings its commodity rows call for.
    mutating func sections(_ id: ReportedSeries, _ codes: CodeTable) -> [HSSectionSums.Section] {
        let sums = TopmostHSSum.sum(codes)
        if sums.unassigned > 0 {
            let message = "\(pair.describe(id)): \(Money.decimalText(milli: sums.unassigned)) USD under HS chapters of no section (77, 98, 99) count in the total but in no section"
            diagnostics.warn(.unassignedChapters, sums.unassignedLine, message)
        }
        if let t = totals[id], sums.counted > t.milli + 1000 {
            let message = "\(pair.describe(id)): the commodity rows add up to \(Money.decimalText(milli: sums.counted)) USD, more than the TOTAL row (\(Money.decimalText(milli: t.milli)))"
            diagnostics.warn(.exceedsTotal, t.line, message)
        }
        return sums.sections
    }

    func nothingToImport() -> ImportFailure {
        let s = summary
        let pairText = "\(pair[.first].name) (\(codeLabel(.first))) and \(pair[.second].name) (\(codeLabel(.second)))"
        var message: String
        if s.dataRows == 0 {
            message = "no data rows after the header"
        } else {
            message = "nothing to import: no annual goods rows between \(pairText) in either direction among \(s.dataRows) data row\(s.dataRows == 1 ? "" : "s")"
            let why = s.leftOutReasons(includingOtherCountries: false, includingDuplicates: false)
            if !why.isEmpty { message += "; of the pair's rows: " + why.joined(separator: ", ") }
            if s.otherCountryRows == s.dataRows {
                let top = reporterCounts.enumerated().filter { $0.element > 0 }.sorted { $0.element > $1.element }.prefix(5)
                if !top.isEmpty {
                    message += "; the file's rows are of reporters " + top.map { "\($0.offset) (\($0.element) rows)" }.joined(separator: ", ")
                }
            }
        }
        return diagnostics.failure(message)
    }

    /// How the file names a country: its numeric code when the reporters are matched on it, else alpha-3.
    func codeLabel(_ side: PairSide) -> String {
        let c = pair[side]
        if case .numeric = classifier.reporterMatching, let n = c.isoNumeric { return String(n) }
        return c.iso3 ?? c.code
    }
}
