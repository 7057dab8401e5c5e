import Foundation
import Testing
import TradeModel
@testable import TradeImport

// The format-neutral parts of an import, each on its own: HS summing, mirror statistics, the
// diagnostics collector, and the seam through which ImportJob takes any format.

private func code(_ text: String) -> HSCode {
    HSCode(level: text.count, value: Int(text)!)
}

@Suite struct TopmostHSSumTests {
    @Test func eachCodeCountsOnceUnderItsTopmostCodePresent() {
        // Chapter 27 with its heading and subheading; chapter 10 only as subheadings and a heading;
        // chapter 99 (no section).
        let codes: [HSCode: LineValue] = [
            code("27"): LineValue(milli: 600_000, line: 3), code("2710"): LineValue(milli: 500_000, line: 4),
            code("271019"): LineValue(milli: 450_000, line: 5), code("100199"): LineValue(milli: 70_000, line: 6),
            code("100590"): LineValue(milli: 30_000, line: 7), code("1006"): LineValue(milli: 40_500, line: 8),
            code("100610"): LineValue(milli: 40_000, line: 9), code("99"): LineValue(milli: 9_000, line: 10),
        ]
        let sums = TopmostHSSum.sum(codes)
        #expect(sums.sections == [HSSectionSums.Section(section: 2, milli: 140_500), HSSectionSums.Section(section: 5, milli: 600_000)])
        #expect(sums.counted == 749_500)
        #expect(sums.unassigned == 9_000 && sums.unassignedLine == 10)
        #expect(TopmostHSSum.hasAncestor(code("100610"), in: codes))
        #expect(!TopmostHSSum.hasAncestor(code("100199"), in: codes))
    }

    @Test func codesKnowTheirChapterAncestorsAndText() {
        let heading = HSCode(level: 4, value: 101)
        #expect(heading.text == "0101" && heading.chapter == 1)
        #expect(HSCode(level: 6, value: 271019).ancestor(level: 4) == HSCode(level: 4, value: 2710))
        #expect(TopmostHSSum.sum([:]) == HSSectionSums())
    }

    @Test func sumsStopAtInt64MaxRatherThanWrap() {
        #expect(TopmostHSSum.saturatingSum(Int64.max - 1, 5) == Int64.max)
        #expect(TopmostHSSum.saturatingSum(2, 3) == 5)
        let huge: [HSCode: LineValue] = [code("01"): LineValue(milli: Int64.max / 2 + 1, line: 2),
                                         code("02"): LineValue(milli: Int64.max / 2 + 1, line: 3)]
        #expect(TopmostHSSum.sum(huge).sections == [HSSectionSums.Section(section: 1, milli: Int64.max)])
    }
}

@Suite struct MirrorStatisticsTests {
    let pair = CountryPair(try! ComtradeFixture.dataset())!

    func stated(_ year: Int, _ flow: Flow, from: String, to: String, _ usd: Double, section: Int? = nil, valuation: String? = "cif") -> TradeObservation {
        TradeObservation(period: Period(year: year), flow: flow, from: from, to: to, usd: usd, kind: .stated,
                         source: "src-" + (flow == .imports ? to : from).lowercased(), hsSection: section, valuation: valuation)
    }

    func noted(_ o: TradeObservation, _ note: String) -> TradeObservation {
        var n = o
        n.note = note
        return n
    }

    static let note2021 = "mirror: also Turkmenistan's exports to Kazakhstan: none of Turkmenistan's own for 2021 were imported (CIF, as Kazakhstan values its imports; not FOB)"

    @Test func aSideThatDidNotReportHasThePartnersImportsMarkedAsItsExports() {
        let figures = [stated(2020, .imports, from: "TM", to: "KZ", 100), stated(2020, .exports, from: "TM", to: "KZ", 95, valuation: "fob"),
                       stated(2021, .imports, from: "TM", to: "KZ", 120), stated(2021, .imports, from: "TM", to: "KZ", 80, section: 5),
                       stated(2021, .exports, from: "KZ", to: "TM", 7, valuation: "fob")]
        // Turkmenistan reported in 2020 only; Kazakhstan in both years.
        let result = MirrorStatistics.mark(figures, pair: pair) { side, year in side == .first || year == 2020 }
        // The same five figures in the same order, none added: the two 2021 imports from Turkmenistan carry
        // the note; value, valuation, kind and source are theirs.
        #expect(result.marked == 2)
        #expect(result.observations == [figures[0], figures[1], noted(figures[2], Self.note2021), noted(figures[3], Self.note2021), figures[4]])
        #expect(MirrorStatistics.describe(result.observations, pair: pair)
                == ["Mirror: Kazakhstan's reported imports (2 figures, CIF) stand for Turkmenistan's exports to it in 2021; their note says so (not written twice)."])
    }

    @Test func onlyStatedImportsAreMarkedAndAReportingSideNever() {
        var derived = stated(2021, .imports, from: "TM", to: "KZ", 1)
        derived.kind = .derived
        let figures = [derived, stated(2021, .exports, from: "KZ", to: "TM", 2)]
        #expect(MirrorStatistics.mark(figures, pair: pair) { _, _ in false }.observations == figures)
        #expect(MirrorStatistics.mark(figures, pair: pair) { _, _ in false }.marked == 0)
        let reported = [stated(2021, .imports, from: "TM", to: "KZ", 1)]
        #expect(MirrorStatistics.mark(reported, pair: pair) { _, _ in true }.observations == reported)
        // A figure without a valuation says nothing of one; a note it had is kept before the mirror's.
        let plain = noted(stated(2021, .imports, from: "KZ", to: "TM", 3, valuation: nil), "as published")
        let marked = MirrorStatistics.mark([plain], pair: pair) { _, _ in false }.observations
        #expect(marked.map(\.note) == ["as published; mirror: also Kazakhstan's exports to Turkmenistan: none of Kazakhstan's own for 2021 were imported"])
        #expect(marked.map(\.from) == ["KZ"] && marked.map(\.valuation) == [nil] && marked.map(\.kind) == [.stated])
        #expect(MirrorStatistics.describe(marked, pair: pair)
                == ["Mirror: Turkmenistan's reported imports (1 figure) stand for Kazakhstan's exports to it in 2021; their note says so (not written twice)."])
    }

    @Test func yearsAreGivenAsRuns() {
        #expect(MirrorStatistics.yearRanges([2021, 2016, 2019, 2020, 2019]) == "2016, 2019–2021")
        #expect(MirrorStatistics.yearRanges([2023]) == "2023")
    }

    @Test func earlierMirrorFiguresThatRepeatAStatedImportAreFound() {
        let imports = stated(2021, .imports, from: "TM", to: "KZ", 120)
        // What imports wrote before: derived exports with the same source, year, direction and value.
        var old = stated(2021, .exports, from: "TM", to: "KZ", 120)
        old.kind = .derived
        old.source = "src-kz"
        old.note = "mirror: from Kazakhstan's reported imports (CIF)"
        var otherValue = old
        otherValue.usd = 121
        var otherSource = old
        otherSource.source = "src-other"
        var handMade = old
        handMade.note = "Turnover − Kazakh exports."
        let trade = [imports, otherValue, old, otherSource, handMade]
        #expect(MirrorStatistics.earlierMirrors(in: trade, repeating: [noted(imports, Self.note2021)]) == [2])
        #expect(MirrorStatistics.earlierMirrors(in: trade, repeating: []) == [])
    }
}

@Suite struct DiagnosticsCollectorTests {
    enum Kind: Hashable { case a, b, c }

    @Test func oneWarningPerKindAtItsFirstLineInLineOrder() {
        var d = DiagnosticsCollector<Kind>(file: "f.csv")
        var made = 0
        func message(_ text: String) -> String { made += 1; return text }
        d.warn(.a, 9, message("nine"))
        d.warn(.b, 4, message("four"))
        d.warn(.a, 2, message("not made"))
        d.warn(.a, 12, message("not made either"))
        d.warn(.c, 0, message("whole file"))
        d.warn(.c, 1, message("no"))
        #expect(made == 3)
        #expect(d.warningDiagnostics.map(\.description) == ["f.csv:4: warning: four", "f.csv:9: warning: nine (and 2 more like it)",
                                                            "f.csv: warning: whole file (and 1 more like it)"])
        #expect(!d.hasErrors)
    }

    @Test func errorsAreCappedAndComeWithTheWarningsByLine() {
        var d = DiagnosticsCollector<Kind>(file: "f.csv")
        d.warn(.a, 5, "w5")
        for line in 2...30 { d.error(line, "e\(line)") }
        let f = d.failure()
        #expect(d.errorCount == 29)
        #expect(f.errors.count == DiagnosticsCollector<Kind>.maximumErrors + 1)
        #expect(f.diagnostics.prefix(5).map(\.message) == ["e2", "e3", "e4", "e5", "w5"])
        #expect(f.diagnostics.last?.description == "f.csv: error: 9 more errors not shown")
        let one = d.failure(line: 7, "the end")
        #expect(one.diagnostics.map(\.message) == ["w5", "the end"])
        #expect(d.failure("whole").diagnostics.map(\.line) == [5, 0])
    }

    @Test func quotedInputIsEscapedWhenPrinted() {
        var d = DiagnosticsCollector<Kind>(file: "f\u{1B}.csv")
        d.warn(.a, 3, "flowCode \"X\u{1B}[31m\"")
        #expect(d.warningDiagnostics.first?.description == "f\\u{1B}.csv:3: warning: flowCode \"X\\u{1B}[31m\"")
    }
}

/// A second format, as a test would add one: figures from no file at all.
private struct FixedFormat: StatisticsImporter {
    func importFile(atPath path: String, for dataset: Dataset) throws(ImportFailure) -> StatisticsImport {
        let source = Source(id: "fixed-kz", publisher: "A statistics office")
        let o = TradeObservation(period: Period(year: 2023), flow: .exports, from: "KZ", to: "TM", usd: 1234.5, kind: .stated,
                                 source: source.id, valuation: Valuation.fob.rawValue)
        return StatisticsImport(file: "fixed", sources: [source], observations: [o], warnings: [], summary: ComtradeSummary())
    }
}

@Suite struct ImportSeamTests {
    @Test func importJobTakesAnyFormat() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("base.json").path, out = dir.appendingPathComponent("out.json").path
        try Data(ComtradeFixture.datasetJSON.utf8).write(to: URL(fileURLWithPath: base))
        let report = try ImportJob(path: "unused", format: FixedFormat(), target: .output(base: base, path: out, force: false)).run()
        #expect(report.written == out)
        let written = try DatasetLoader.load(path: out)
        #expect(written.trade.last == TradeObservation(period: Period(year: 2023), flow: .exports, from: "KZ", to: "TM", usd: 1234.5,
                                                       kind: .stated, source: "fixed-kz", valuation: "fob"))
        #expect(written.sources.last?.id == "fixed-kz")
    }

    @Test func theComtradeJobGoesThroughTheSeam() {
        let job = ImportJob(csvPath: "x.csv", target: .into("d.json"), options: ComtradeImportOptions(reporter: "KZ", asOf: DateValue(year: 2026, month: 1, day: 1)))
        #expect(job.path == "x.csv" && job.asOf == DateValue(year: 2026, month: 1, day: 1))
        #expect((job.format as? ComtradeImporter)?.options.reporter == "KZ")
    }
}
