import Foundation
import Testing
import TradeModel
@testable import TradeImport

private func run(_ bytes: [UInt8], name: String = "TradeData_test.csv", chunk: Int = CSVReader.defaultChunkSize,
                 reporter: String? = nil, partner: String? = nil) throws -> ComtradeImport {
    try ComtradeImporter.run(bytes: bytes, fileName: name, dataset: ComtradeFixture.dataset(),
                             options: ComtradeImportOptions(reporter: reporter, partner: partner, chunkSize: chunk))
}

private func failure(_ bytes: [UInt8], name: String = "bad.csv", reporter: String? = nil, partner: String? = nil) throws -> ImportFailure? {
    let dataset = try ComtradeFixture.dataset()
    do {
        _ = try ComtradeImporter.run(bytes: bytes, fileName: name, dataset: dataset,
                                     options: ComtradeImportOptions(reporter: reporter, partner: partner))
        return nil
    } catch {
        return error
    }
}

/// A small hand-written file: header plus rows, all columns the importer reads.
private let smallHeader = "refYear,refMonth,freqCode,reporterCode,reporterISO,partnerCode,partnerISO,flowCode,cmdCode,aggrLevel,isLeaf,customsCode,motCode,partner2Code,primaryValue"

private func small(_ rows: [String]) -> [UInt8] { Array(([smallHeader] + rows).joined(separator: "\n").utf8) + [0x0A] }

@Suite struct ComtradeImporterTests {
    @Test func totalsAndSectionsEqualAnIndependentComputation() throws {
        var f = ComtradeFixture()
        f.generate()
        #expect(f.expected.count > 20)
        let result = try run(f.csv())
        #expect(keyed(result.observations, kind: .stated) == f.expected)
        // Mirror years: Kazakhstan's imports are marked, and no figure is written twice (nothing derived).
        #expect(mirrored(result.observations) == f.expectedMirror)
        #expect(keyed(result.observations, kind: .derived).isEmpty)
        #expect(!f.expectedMirror.isEmpty)
    }

    @Test(arguments: [
        (false, false, false, false, 1 << 20),
        (true, false, false, false, 1 << 20),
        (false, true, false, false, 1 << 20),
        (false, false, true, false, 1 << 20),
        (false, false, false, true, 1 << 20),
        (true, true, true, true, 1 << 20),
        (true, true, true, true, 7),
        (false, false, false, false, 64),
    ])
    func crlfBomQuotingAndColumnOrderDoNotChangeTheFigures(crlf: Bool, bom: Bool, shuffle: Bool, newlines: Bool, chunk: Int) throws {
        var f = ComtradeFixture()
        f.crlf = crlf
        f.bom = bom
        f.shuffleColumns = shuffle
        f.newlinesInQuotes = newlines
        f.seed = 7
        f.generate()
        let result = try run(f.csv(), chunk: chunk)
        #expect(keyed(result.observations, kind: .stated) == f.expected)
        #expect(mirrored(result.observations) == f.expectedMirror)
    }

    @Test func observationsCarryProvenanceValuationAndSections() throws {
        var f = ComtradeFixture()
        f.generate()
        let result = try run(f.csv(), name: "/some/dir/TradeData_2024 (1).csv")
        #expect(result.sources.map(\.id) == ["comtrade-tradedata-2024-1-kz", "comtrade-tradedata-2024-1-tm"])
        #expect(result.sources.allSatisfy { $0.publisher == "UN Comtrade" })
        #expect(result.sources[0].title == "UN Comtrade data file TradeData_2024 (1).csv, as reported by Kazakhstan")
        #expect(result.sources[1].title == "UN Comtrade data file TradeData_2024 (1).csv, as reported by Turkmenistan")
        let ids = Set(result.sources.map(\.id))
        for o in result.observations {
            #expect(ids.contains(o.source))
            #expect(o.period.months == nil)
            // Every figure is stated: mirror years mark Kazakhstan's imports rather than add derived exports.
            #expect(o.kind == .stated)
            #expect(o.valuation == (o.flow == .exports ? "fob" : "cif"))
            // A stated figure cites its reporter: the exporter for exports, the importer for imports.
            let reporter = o.flow == .exports ? o.from! : o.to!
            #expect(o.source.hasSuffix("-" + reporter.lowercased()))
            if o.flow == .imports && o.to == "KZ" && !f.turkmenistanReports.contains(o.period.year) {
                #expect(o.note == "mirror: also Turkmenistan's exports to Kazakhstan: none of Turkmenistan's own for \(o.period.year) were imported (CIF, as Kazakhstan values its imports; not FOB)")
                #expect(o.source == "comtrade-tradedata-2024-1-kz")
            } else {
                #expect(o.note == nil)
            }
            if let s = o.hsSection { #expect((1...21).contains(s)) }
        }
        #expect(result.observations.contains { $0.hsSection == 16 })
        // Sorted by year.
        #expect(result.observations.map(\.period.year) == result.observations.map(\.period.year).sorted())
    }

    @Test func reporterOptionKeepsOneSideAndMirrorsTheOther() throws {
        var f = ComtradeFixture()
        f.generate()
        for option in ["KZ", "kaz", "398"] {
            let result = try run(f.csv(), reporter: option)
            let stated = keyed(result.observations, kind: .stated)
            #expect(stated == f.expected.filter { $0.key.reporter == 398 })
            // Turkmenistan's rows are left out, so in every year Kazakhstan's imports stand for its exports.
            #expect(mirrored(result.observations) == f.expected.filter { $0.key.reporter == 398 && $0.key.flow == "M" })
            #expect(result.observations.allSatisfy { $0.kind == .stated })
            #expect(result.sources.map(\.id) == ["comtrade-tradedata-test-kz"])
            #expect(result.summary.excludedByOptionRows > 0)
        }
        // --partner TM is the same as --reporter KZ.
        #expect(try run(f.csv(), partner: "TM").observations == run(f.csv(), reporter: "KZ").observations)
    }

    @Test func unknownReporterIsAnError() throws {
        var f = ComtradeFixture()
        f.generate()
        let e = try failure(f.csv(), reporter: "UZ")
        #expect(e?.errors.first?.message.contains("--reporter UZ: not a country of the dataset") == true)
        #expect(e?.errors.first?.message.contains("KZ/KAZ/398 (Kazakhstan)") == true)
        let same = try failure(f.csv(), reporter: "KZ", partner: "KZ")
        #expect(same?.errors.first?.message.contains("name the same country") == true)
    }

    @Test func aggregateAndLeafRowsAreNotDoubleCounted() throws {
        // Chapter 27 with its headings and subheadings; chapter 10 only as subheadings; chapter 99 (no section).
        let rows = [
            "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000",
            "2022,52,A,398,KAZ,795,TKM,X,27,2,0,C00,0,0,600",
            "2022,52,A,398,KAZ,795,TKM,X,2710,4,0,C00,0,0,500",
            "2022,52,A,398,KAZ,795,TKM,X,271019,6,1,C00,0,0,450",
            "2022,52,A,398,KAZ,795,TKM,X,100199,6,1,C00,0,0,70",
            "2022,52,A,398,KAZ,795,TKM,X,100590,6,1,C00,0,0,30",
            "2022,52,A,398,KAZ,795,TKM,X,1006,4,0,C00,0,0,40.5",
            "2022,52,A,398,KAZ,795,TKM,X,100610,6,1,C00,0,0,40",
            "2022,52,A,398,KAZ,795,TKM,X,99,2,0,C00,0,0,9",
            "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,2100,0,333",  // by sea: a breakdown
            "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C01,0,0,333",     // another customs procedure
            "2022,52,A,398,KAZ,795,TKM,RX,TOTAL,0,0,C00,0,0,5",
            "2022,3,M,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,77",
        ]
        let result = try run(small(rows), reporter: "KZ")
        let x = result.observations.filter { $0.kind == .stated }
        #expect(x.map(\.hsSection) == [nil, 2, 5])
        #expect(x.map(\.usd) == [1000, 140.5, 600])
        #expect(result.summary.breakdownRows == 2)
        #expect(result.summary.reExportImportRows == 1)
        #expect(result.summary.monthlyRows == 1)
        #expect(result.warnings.contains { $0.message.contains("no section") })
    }

    @Test func leadingZerosDroppedBySpreadsheetsAreRestoredFromAggrLevel() throws {
        let rows = ["2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,100",
                    "2022,52,A,398,KAZ,795,TKM,X,1,2,0,C00,0,0,60",        // chapter 01
                    "2022,52,A,398,KAZ,795,TKM,X,101,4,0,C00,0,0,50",      // heading 0101, inside chapter 01
                    "2022,52,A,398,KAZ,795,TKM,X,9,2,0,C00,0,0,40"]        // chapter 09 (vegetable products)
        let x = try run(small(rows), reporter: "KZ").observations.filter { $0.kind == .stated }
        #expect(x.map(\.hsSection) == [nil, 1, 2])
        #expect(x.map(\.usd) == [100, 60, 40])
    }

    @Test func refMonthOrFreqCodeOrPeriodTellAnnualRows() throws {
        let header = "period,freqCode,reporterISO,partnerISO,flowCode,cmdCode,primaryValue"
        let text = [header, "2021,A,KAZ,TKM,X,TOTAL,10", "202103,M,KAZ,TKM,X,TOTAL,99", "2021,A,tkm,kaz,M,TOTAL,20"].joined(separator: "\n")
        let result = try run(Array(text.utf8))
        // The monthly row is left out; ISO codes match in any case.
        #expect(result.observations.map(\.usd) == [10, 20])
        #expect(result.observations.map(\.flow) == [.exports, .imports])
        // Turkmenistan's imports from Kazakhstan: goods from KZ to TM, as the importer reports them.
        #expect(result.observations[1].from == "KZ" && result.observations[1].to == "TM" && result.observations[1].valuation == "cif")
        #expect(result.summary.monthlyRows == 1)
    }

    @Test func mirrorAppliesOnlyToYearsWithoutReports() throws {
        let rows = ["2020,52,A,398,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,100",
                    "2020,52,A,795,TKM,398,KAZ,X,TOTAL,0,0,C00,0,0,95",
                    "2021,52,A,398,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,120"]
        let result = try run(small(rows))
        // Turkmenistan reported 2020 (its 95 stays its own), not 2021: only Kazakhstan's 2021 imports (120) are
        // marked. Order: by year, then exporter, exports before imports (2020: TM's exports 95, KZ's imports 100).
        #expect(result.observations.map(\.usd) == [95, 100, 120])
        #expect(result.observations.map { $0.note?.hasPrefix("mirror: also ") ?? false } == [false, false, true])
        #expect(!result.observations.contains { $0.kind == .derived })
        #expect(result.summary.mirroredImports == 1)
    }

    // MARK: - Bad input

    @Test func emptyFileIsAnError() throws {
        let e = try failure([])
        #expect(e?.errors.map(\.description) == ["bad.csv: error: the file is empty"])
        let headerOnly = try failure(Array((smallHeader + "\n").utf8))
        #expect(headerOnly?.errors.first?.message == "no data rows after the header")
    }

    @Test func missingRequiredColumnsAreListed() throws {
        let e = try failure(Array("refYear,reporterCode,partnerCode,cmdCode\n2021,398,795,TOTAL\n".utf8))
        let message = e?.errors.first?.description ?? ""
        #expect(message.hasPrefix("bad.csv:1: error: missing required columns"))
        #expect(message.contains("flowCode") && message.contains("primaryValue") && message.contains("refMonth"))
    }

    @Test func nonNumericValuesAreErrorsWithLineNumbers() throws {
        let rows = ["2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000",
                    "2022,52,A,398,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,12O0",
                    "2022,52,A,39B,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,5",
                    "20x2,52,A,398,KAZ,795,TKM,M,01,0,0,C00,0,0,5",
                    "2022,52,A,398,KAZ,795,TKM,M,02,0,0,C00,0,0,",
                    "2022,52,A,860,UZB,0,W00,M,TOTAL,0,0,C00,0,0,not-read"]
        let e = try failure(small(rows))
        #expect(e?.errors.map(\.description) == [
            "bad.csv:3: error: primaryValue \"12O0\" is not a number",
            "bad.csv:4: error: reporterCode \"39B\" is not a number",
            "bad.csv:5: error: refYear \"20x2\" is not a year",
            "bad.csv:6: error: primaryValue is empty",
        ])
    }

    @Test func aTruncatedLastLineIsAnError() throws {
        var f = ComtradeFixture()
        f.generate()
        let whole = f.csv()
        // Cut inside a quoted description of the last row.
        let text = String(decoding: whole, as: UTF8.self)
        let lastQuote = text.range(of: "\"Subheading", options: .backwards)!
        let cut = Array(text[..<lastQuote.upperBound].utf8)
        let e = try failure(cut)
        let lines = text[..<lastQuote.upperBound].filter { $0 == "\n" }.count + 1
        #expect(e?.errors.first?.description == "bad.csv:\(lines): error: unterminated quoted field (opened on line \(lines)): the file may be truncated")
        // Cut in the middle of an unquoted field: too few fields.
        let short = Array(whole.prefix(whole.count - 30))
        let e2 = try failure(short)
        #expect(e2?.errors.first?.message.contains("but the header has 47 (a truncated or malformed line)") == true)
    }

    @Test func rowsOfOtherCountriesOnlyAreAnError() throws {
        let rows = ["2022,52,A,860,UZB,643,RUS,X,TOTAL,0,0,C00,0,0,1000",
                    "2022,52,A,860,UZB,398,KAZ,X,TOTAL,0,0,C00,0,0,1000",
                    "2022,52,A,398,KAZ,0,W00,X,TOTAL,0,0,C00,0,0,1000"]
        let e = try failure(small(rows))
        let message = e?.errors.first?.message ?? ""
        #expect(message.hasPrefix("nothing to import: no annual goods rows between Kazakhstan (398) and Turkmenistan (795) in either direction among 3 data rows"))
        let onlyMonthly = try failure(small(["2022,4,M,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000"]))
        #expect(onlyMonthly?.errors.first?.message.contains("of the pair's rows: 1 monthly") == true)
    }

    @Test func invalidUTF8IsAWarningAndTheFiguresStillImport() throws {
        let bytes = Array((smallHeader + "\n2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000\n").utf8)
            + Array("2022,52,A,860,\"Uzb".utf8) + [0xE9, 0xFF] + Array("\",0,W00,X,TOTAL,0,0,C00,0,0,5\n".utf8)
        let result = try run(bytes)
        #expect(result.observations.first?.usd == 1000)
        let w = result.warnings.first { $0.message.contains("invalid UTF-8") }
        #expect(w?.line == 3)
        #expect(w?.description.hasPrefix("TradeData_test.csv:3: warning: invalid UTF-8 (2 bad byte sequences") == true)
    }

    @Test func conflictingDuplicatesAreErrorsAndExactDuplicatesWarnings() throws {
        let same = ["2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000", "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000"]
        let r = try run(small(same))
        #expect(r.observations.filter { $0.kind == .stated }.map(\.usd) == [1000])
        #expect(r.warnings.contains { $0.line == 3 && $0.message.contains("repeats line 2") })
        let differ = ["2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000", "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,900"]
        let e = try failure(small(differ))
        #expect(e?.errors.first?.line == 3)
        #expect(e?.errors.first?.message.contains("with another value than line 2") == true)
    }

    @Test func aRepeatedHeaderIsSkippedWithAWarning() throws {
        let rows = ["2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000", smallHeader, "2023,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,7"]
        let r = try run(small(rows))
        #expect(r.observations.filter { $0.kind == .stated }.map(\.usd) == [1000, 7])
        #expect(r.warnings.contains { $0.line == 3 && $0.message.contains("header is repeated") })
    }

    @Test func aMissingFileIsAnError() throws {
        let dataset = try ComtradeFixture.dataset()
        #expect(throws: ImportFailure.self) {
            _ = try ComtradeImporter.run(path: "/nonexistent/file.csv", dataset: dataset)
        }
    }
}
