import Foundation
import Testing
import TradeModel
@testable import TradeImport

/// Mirror statistics write each reported value once (issue 10, item 8): in a year in which Turkmenistan
/// did not report, Kazakhstan's stated imports from it stand for its exports and say so in their note,
/// instead of being written a second time as derived exports of the same direction and value.
@Suite struct MirrorOnceTests {
    /// Kazakhstan reports 2023 both ways; Turkmenistan reports nothing.
    static let csv = """
    refYear,refMonth,reporterCode,partnerCode,flowCode,cmdCode,aggrLevel,primaryValue
    2023,52,398,795,X,TOTAL,0,412345678.5
    2023,52,398,795,X,10,2,300000000
    2023,52,398,795,X,27,2,100000000
    2023,52,398,795,M,TOTAL,0,180000000
    2023,52,398,795,M,27,2,150000000

    """
    static let sourceID = "comtrade-mirror-2023-kz"

    /// The dataset file after importing `csv` into the fixture's dataset.
    func imported(into dir: URL) throws -> (path: String, report: ImportJob.Report) {
        let csvPath = dir.appendingPathComponent("Mirror_2023.csv").path
        let dataset = dir.appendingPathComponent("dataset.json").path
        try Data(Self.csv.utf8).write(to: URL(fileURLWithPath: csvPath))
        try Data(ComtradeFixture.datasetJSON.utf8).write(to: URL(fileURLWithPath: dataset))
        return (dataset, try ImportJob(csvPath: csvPath, target: .into(dataset)).run())
    }

    /// The two derived exports an import wrote before this change, for the same figures.
    static let earlierMirrors = [nil, 5].map { section in
        TradeObservation(period: Period(year: 2023), flow: .exports, from: "TM", to: "KZ", usd: section == nil ? 180_000_000 : 150_000_000,
                         kind: .derived, source: sourceID, hsSection: section, valuation: "cif",
                         note: "mirror: from Kazakhstan's reported imports (CIF)")
    }

    @Test func eachReportedValueIsListedOnceAndTheTotalsAreUnchanged() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, report) = try imported(into: dir)
        #expect(report.merged.addedObservations.count == 5)   // 3 exports (total, II, V) + 2 imports (total, V)
        #expect(report.mirrors == ["Mirror: Kazakhstan's reported imports (2 figures, CIF) stand for Turkmenistan's exports to it in 2023; their note says so (not written twice)."])
        let d = try DatasetLoader.load(path: path)
        let tmkz = Direction.goods(from: "TM", to: "KZ"), kztm = Direction.goods(from: "KZ", to: "TM")
        let y2023 = Period(year: 2023)

        // What the Trade detail lists for 2023 (whole goods of TM→KZ, then its HS sections): one figure each.
        let whole = d.observations(tmkz, period: y2023)
        #expect(whole.count == 1)
        #expect(whole.first?.flow == .imports && whole.first?.kind == .stated && whole.first?.usd == 180_000_000)
        // Basis, source and the mirror's meaning are all on that one figure.
        #expect(whole.first?.valuation == "cif" && whole.first?.source == Self.sourceID)
        #expect(whole.first?.note == "mirror: also Turkmenistan's exports to Kazakhstan: none of Turkmenistan's own for 2023 were imported (CIF, as Kazakhstan values its imports; not FOB)")
        let sections = d.observations(in: y2023).filter { $0.hsSection != nil && tmkz.matches($0) }
        #expect(sections.map(\.usd) == [150_000_000])
        // The source's citations: 3 KZ→TM exports + 2 TM→KZ imports = 5 (7 before, the 2 mirror copies),
        // and the goods of each direction (2 composition entries).
        #expect(d.composition.filter { $0.source == Self.sourceID }.count == 2)
        #expect(d.citationCount(of: Self.sourceID) == 5 + 2)
        // No disagreement with itself: the detail's list of pairs that cannot both be true is empty.
        #expect(d.disagreeingPairs(tmkz, period: y2023) == 0)

        // Totals, hand-computed from the file: KZ→TM 412,345,678.5; TM→KZ 180,000,000; sections KZ→TM
        // II 300 M (chapter 10), V 100 M (chapter 27); TM→KZ V 150 M (chapter 27).
        #expect(d.value(kztm, year: 2023) == 412_345_678.5)
        #expect(d.value(tmkz, year: 2023) == 180_000_000)
        #expect(d.sections(kztm, year: 2023).map(\.usd) == [300_000_000, 100_000_000])
        #expect(d.sections(tmkz, year: 2023).map(\.usd) == [150_000_000])

        // The same dataset with the derived copies the import used to write: every value the dashboard
        // computes with is the same (the stated figure was always preferred to its copy), and only the
        // lists grow, by the duplicates this change removes.
        let root = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let before = try DatasetMerge.merge(root: root, dataset: d, sources: [], observations: Self.earlierMirrors, file: path)
        let old = try DatasetLoader.load(bytes: before.bytes, file: "old.json")
        for dir in [Direction.turnover, kztm, tmkz] {
            #expect(old.value(dir, year: 2023) == d.value(dir, year: 2023), "\(dir)")
            #expect(old.sections(dir, year: 2023) == d.sections(dir, year: 2023), "\(dir)")
        }
        #expect(old.observations(tmkz, period: y2023).map(\.usd) == [180_000_000, 180_000_000])
        #expect(old.citationCount(of: Self.sourceID) == 7 + 2)
    }

    @Test func aDatasetWithAnEarlierImportsMirrorCopiesKeepsThemWithAWarning() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The dataset as the import left it before: the stated figures without a note, then the 2 copies.
        let csvPath = dir.appendingPathComponent("Mirror_2023.csv").path
        try Data(Self.csv.utf8).write(to: URL(fileURLWithPath: csvPath))
        let base = try ComtradeFixture.dataset()
        let now = try ComtradeImporter.run(path: csvPath, dataset: base, options: ComtradeImportOptions(displayName: "Mirror_2023.csv"))
        let stated = now.observations.map { o -> TradeObservation in
            var plain = o
            plain.note = nil
            return plain
        }
        let merged = try DatasetMerge.merge(root: try JSONParser.parse(Array(ComtradeFixture.datasetJSON.utf8)), dataset: base,
                                            sources: now.sources, observations: stated + Self.earlierMirrors,
                                            composition: now.composition, file: "dataset.json")
        let dataset = dir.appendingPathComponent("dataset.json").path
        try Data(merged.bytes).write(to: URL(fileURLWithPath: dataset))
        // The fixture holds 2 figures, then 5 stated: the first copy is trade[7].
        guard case .array(let items)? = try JSONParser.parse(merged.bytes)["trade"]?.value else { Issue.record("no trade"); return }
        let line = items[7].line

        let report = try ImportJob(csvPath: csvPath, target: .into(dataset)).run()
        // The stated figures are there (their note aside): nothing to add, the file untouched.
        #expect(report.written == nil)
        #expect(report.merged.alreadyPresent == 5)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == Data(merged.bytes))
        let warning = report.imported.warnings.first { $0.message.contains("mirror figures written by an earlier version") }
        #expect(warning?.description.hasPrefix("\(dataset):\(line): warning: trade[7] (2023 TM→KZ exports, derived) and 1 more like it: ") == true,
                "\(warning?.description ?? "no warning")")
        #expect(warning?.message.hasSuffix("delete them to have each reported value listed once") == true)
    }

    @Test func aFigureThatDiffersOnlyInItsNoteIsAlreadyPresent() throws {
        let base = try ComtradeFixture.dataset()
        let root = try JSONParser.parse(Array(ComtradeFixture.datasetJSON.utf8))
        // The fixture's 2022 exports carry the note "rounded"; the same figure without it, or with another note, adds nothing.
        var same = base.trade[1]
        same.note = nil
        var other = same
        other.note = "another note"
        let merged = try DatasetMerge.merge(root: root, dataset: base, sources: [], observations: [same, other], file: "d.json")
        #expect(merged.changesNothing && merged.alreadyPresent == 2)
        // Another value is still a change of the file (the conflict error), as before.
        var changed = same
        changed.usd = 1.6e8
        #expect(throws: ImportFailure.self) { try DatasetMerge.merge(root: root, dataset: base, sources: [], observations: [changed], file: "d.json") }
    }
}
