import Foundation
import Testing
import TradeModel
@testable import TradeImport

/// The trade CSV importer (`tradedash import csv`): the export of the bundled data read back to the
/// same observations, merged into the dataset it came from, new sources, and tables made by hand.
@Suite struct GenericCSVImporterTests {
    static func seed() throws -> Dataset { try DatasetLoader.load(path: BundledDataset.sourceTreePath) }

    static func exportedCSV(_ d: Dataset) -> [UInt8] { Array(ExportWriter.csv(ExportRows.trade(d)).utf8) }

    /// The bundled dataset's JSON text with its trade array emptied (everything else as it is).
    static func seedWithoutTrade() throws -> [UInt8] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: BundledDataset.sourceTreePath)))
        let root = try JSONParser.parse(bytes)
        guard case .object(var members) = root.value, let k = members.firstIndex(where: { $0.key == "trade" }) else {
            Issue.record("the seed has no trade array")
            return bytes
        }
        members[k].node.value = .array([])
        return JSONWriter.writeBytes(JSONNode(.object(members)))
    }

    static func emptied(_ d: Dataset) -> Dataset {
        var e = d
        e.trade = []
        return e
    }

    @Test func theExportReadsBackToTheSameObservations() throws {
        let seed = try Self.seed()
        #expect(seed.trade.count == 39)
        let csv = Self.exportedCSV(seed)
        // Whole, and in chunks of 7 bytes so that records and CRLFs straddle reads.
        for chunk in [CSVReader.defaultChunkSize, 7] {
            let imported = try GenericCSVImporter.run(bytes: csv, fileName: "trade.csv", dataset: Self.emptied(seed),
                                                      options: GenericCSVImportOptions(chunkSize: chunk))
            #expect(imported.observations.count == seed.trade.count)
            for (k, (a, b)) in zip(imported.observations, seed.trade).enumerated() {
                #expect(a == b, "trade[\(k)]: \(a) != \(b)")
                #expect(a.usd == b.usd && a.growth == b.growth && a.period == b.period && a.note == b.note && a.source == b.source)
            }
            #expect(imported.observations == seed.trade)
            #expect(imported.sources.isEmpty) // every source is the dataset's own
            #expect(imported.warnings.isEmpty)
            let s = try #require(imported.summary as? GenericCSVSummary)
            #expect(s.dataRows == 39 && s.usedRows == 39 && s.repeatedRows == 0)
            #expect(s.derivedObservations == seed.trade.filter { $0.kind == .derived }.count)
            #expect(Set(s.citedSources) == Set(seed.trade.map(\.source)))
        }
    }

    @Test func roundTripThroughImportJobIntoTheSeedWithoutTrade() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try Self.seed()
        let csv = dir.appendingPathComponent("trade.csv").path
        let base = dir.appendingPathComponent("empty.json").path
        let out = dir.appendingPathComponent("out.json").path
        try Data(Self.exportedCSV(seed)).write(to: URL(fileURLWithPath: csv))
        try Data(try Self.seedWithoutTrade()).write(to: URL(fileURLWithPath: base))
        #expect(try DatasetLoader.load(path: base).trade.isEmpty)

        let report = try ImportJob(tradeCSVPath: csv, target: .output(base: base, path: out, force: false)).run()
        #expect(report.written == out)
        #expect(report.merged.addedObservations.count == 39 && report.merged.addedSources.isEmpty && report.merged.alreadyPresent == 0)
        let back = try DatasetLoader.load(path: out)
        #expect(back.trade == seed.trade)
        #expect(back.sources == seed.sources)
        // The whole dataset is the seed again: nothing else moved.
        #expect(back == seed)
    }

    @Test func importingTheExportIntoTheFullSeedChangesNothing() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try Self.seed()
        let csv = dir.appendingPathComponent("trade.csv").path
        let dataset = dir.appendingPathComponent("seed.json").path
        try Data(Self.exportedCSV(seed)).write(to: URL(fileURLWithPath: csv))
        try FileManager.default.copyItem(atPath: BundledDataset.sourceTreePath, toPath: dataset)
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))

        let into = try ImportJob(tradeCSVPath: csv, target: .into(dataset)).run()
        #expect(into.written == nil)
        #expect(into.merged.changesNothing && into.merged.alreadyPresent == 39)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)

        // --output: a new file with the same dataset, every observation already there.
        let out = dir.appendingPathComponent("copy.json").path
        let copy = try ImportJob(tradeCSVPath: csv, target: .output(base: dataset, path: out, force: false)).run()
        #expect(copy.written == out && copy.merged.addedObservations.isEmpty && copy.merged.alreadyPresent == 39)
        #expect(try DatasetLoader.load(path: out) == seed)
    }

    /// A merged dataset larger than the loader reads (`DatasetLoader.maximumFileSize`, 64 MB) could not
    /// be opened again: the merge refuses it (here with a limit of 20,000 bytes, under the seed's size).
    @Test func aMergedDatasetTooLargeToLoadIsNotWritten() throws {
        let seed = try Self.seed()
        let root = try JSONParser.parse(try Self.seedWithoutTrade())
        let imported = try GenericCSVImporter.run(bytes: Self.exportedCSV(seed), fileName: "trade.csv", dataset: Self.emptied(seed))
        do {
            _ = try DatasetMerge.merge(root: root, dataset: Self.emptied(seed), sources: imported.sources, observations: imported.observations,
                                       file: "small.json", maximumBytes: 20_000)
            Issue.record("a merged dataset over the limit was accepted")
        } catch {
            #expect(error.diagnostics.count == 1)
            let m = try #require(error.diagnostics.first?.description)
            #expect(m.hasPrefix("small.json: error: the merged dataset would be "))
            #expect(m.hasSuffix(" bytes; a dataset may be at most 20000 bytes (the loader reads no larger file), so nothing was written; import fewer observations"))
        }
        let merged = try DatasetMerge.merge(root: root, dataset: Self.emptied(seed), sources: imported.sources, observations: imported.observations,
                                            file: "small.json")
        #expect(merged.bytes.count > 20_000 && merged.addedObservations.count == 39)
    }

    /// A table as a user writes it from DuckDB or by hand: only the required columns, in another order,
    /// a header in capitals, LF line ends, a new source cited by id (created from source_publisher).
    @Test func aTableWithOnlyTheRequiredColumns() throws {
        let seed = try Self.seed()
        let csv = """
        SOURCE_ID,Year,flow,value,unit,kind,from,to,source_publisher
        my-duckdb-cut,2019,exports,1250000.5,usd,derived,KZ,TM,My own sums
        my-duckdb-cut,2019,imports,830000,USD,derived,TM,KZ,
        np-kz-13200,2010,turnover,99000000,usd,stated,,,

        """
        let imported = try GenericCSVImporter.run(bytes: Array(csv.utf8), fileName: "cut.csv", dataset: seed)
        #expect(imported.observations == [
            TradeObservation(period: Period(year: 2019), flow: .exports, from: "KZ", to: "TM", usd: 1_250_000.5, kind: .derived, source: "my-duckdb-cut"),
            TradeObservation(period: Period(year: 2019), flow: .imports, from: "TM", to: "KZ", usd: 830_000, kind: .derived, source: "my-duckdb-cut"),
            TradeObservation(period: Period(year: 2010), flow: .turnover, usd: 99_000_000, kind: .stated, source: "np-kz-13200"),
        ])
        #expect(imported.sources == [Source(id: "my-duckdb-cut", publisher: "My own sums")])
        #expect(imported.warnings.isEmpty)
    }

    @Test func aNewSourceTakesItsFieldsFromTheFirstRowCitingIt() throws {
        let seed = try Self.seed()
        let csv = [
            "year,month_first,month_last,flow,from,to,value,unit,kind,source_id,source_publisher,source_title,source_url,source_date,source_language,source_basis,source_basis_country,note",
            #"2024,1,6,exports,KZ,TM,100,usd,stated,kz-stat-2024,Bureau of National Statistics,"Foreign trade, January–June",https://stat.gov.kz/x,2024-08,ru,national-statistics,KZ,"A note, with ""quotes""""#,
            "2024,1,6,imports,TM,KZ,50,usd,stated,kz-stat-2024,,,,,,,,",
        ].joined(separator: "\r\n") + "\r\n"
        let imported = try GenericCSVImporter.run(bytes: Array(csv.utf8), fileName: "stat.csv", dataset: seed)
        #expect(imported.sources == [Source(id: "kz-stat-2024", publisher: "Bureau of National Statistics", title: "Foreign trade, January–June",
                                            url: "https://stat.gov.kz/x", date: DateValue(year: 2024, month: 8), language: "ru",
                                            basis: .nationalStatistics, basisCountry: "KZ")])
        #expect(imported.observations.map(\.period) == [Period(year: 2024, months: 1...6), Period(year: 2024, months: 1...6)])
        #expect(imported.observations[0].note == "A note, with \"quotes\"")
        #expect(imported.observations[1].note == nil)
        let s = try #require(imported.summary as? GenericCSVSummary)
        #expect(s.citedSources.isEmpty)
    }

    @Test func unknownColumnsAreNamedInOneWarningAndNotRead() throws {
        let seed = try Self.seed()
        let csv = "year,flow,value,unit,kind,source_id,partner_desc,row_number\n"
            + (1...3).map { "20\(10 + $0),turnover,\($0)000000,usd,stated,np-kz-13200,Turkmenistan,\($0)\n" }.joined()
        let imported = try GenericCSVImporter.run(bytes: Array(csv.utf8), fileName: "extra.csv", dataset: seed)
        #expect(imported.observations.count == 3)
        #expect(imported.warnings.map(\.description) == [
            "extra.csv:1: warning: 2 columns not read (not among the documented columns, docs/import-csv.md): \"partner_desc\", \"row_number\"",
        ])
        let s = try #require(imported.summary as? GenericCSVSummary)
        #expect(s.unknownColumns == ["partner_desc", "row_number"])
    }

    @Test func aRepeatedRowIsImportedOnceWithAWarning() throws {
        let seed = try Self.seed()
        let row = "2019,turnover,5,usd,stated,np-kz-13200\n"
        let csv = "year,flow,value,unit,kind,source_id\n" + row + "2018,turnover,5,usd,stated,np-kz-13200\n" + row + row
        let imported = try GenericCSVImporter.run(bytes: Array(csv.utf8), fileName: "dup.csv", dataset: seed)
        #expect(imported.observations.map(\.period.year) == [2019, 2018])
        #expect(imported.warnings.map(\.description) == ["dup.csv:4: warning: the same observation as line 2, field by field: imported once (and 1 more like it)"])
        #expect((imported.summary as? GenericCSVSummary)?.repeatedRows == 2)
    }

    /// The values as the dataset writes them read back to the same doubles, however many digits.
    @Test func valuesReadBackExactly() throws {
        let seed = try Self.seed()
        let values: [Double] = [0.001, 0.1, 254_300_000, 412_345_678.5, 1.0 / 3.0, 123_456_789.123_456_7, 9.999e12, 7e-7]
        var d = Self.emptied(seed)
        d.trade = values.enumerated().map { k, v in
            TradeObservation(period: Period(year: 1990 + k), flow: .turnover, usd: v, growth: k % 2 == 0 ? 0.0123456789 : nil, source: "np-kz-13200")
        }
        let imported = try GenericCSVImporter.run(bytes: Self.exportedCSV(d), fileName: "v.csv", dataset: Self.emptied(seed))
        #expect(imported.observations == d.trade)
    }
}
