import Foundation
import Testing
import TradeModel
@testable import TradeImport

/// The messages of the import are made only when a problem is reported (issue 9): the year's
/// field text only for a bad year, a duplicate's description only for the first repeat kept, an
/// error's text only for the first 20. These tests pin the messages to the exact text the import
/// printed before that change (taken from the build before it, on the same files).
private let header = "refYear,refMonth,freqCode,reporterCode,reporterISO,partnerCode,partnerISO,flowCode,cmdCode,aggrLevel,isLeaf,customsCode,motCode,partner2Code,primaryValue"

private func file(_ rows: [String], header: String = header) -> [UInt8] { Array(([header] + rows).joined(separator: "\n").utf8) + [0x0A] }

private func outcome(_ bytes: [UInt8], name: String) throws -> Result<ComtradeImport, ImportFailure> {
    let dataset = try ComtradeFixture.dataset()
    do {
        return .success(try ComtradeImporter.run(bytes: bytes, fileName: name, dataset: dataset))
    } catch {
        return .failure(error)
    }
}

/// The diagnostics as the command prints them, one a line.
private func printed(_ r: Result<ComtradeImport, ImportFailure>) -> [String] {
    switch r {
    case .success(let i): return i.warnings.map(\.description)
    case .failure(let f): return f.ordered.map(\.description)
    }
}

@Suite struct LazyMessageTests {
    @Test func badAndImplausibleYearsOfRefYear() throws {
        let r = try outcome(file([
            "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000",
            " 20x2 ,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000",
            "1800,52,A,398,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,1000",
            "2101,52,A,795,TKM,398,KAZ,X,TOTAL,0,0,C00,0,0,1000",
            "\"year two thousand and twenty-two, in words and far too long\",52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000",
            "2022.0,52,A,398,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,5",
        ]), name: "years.csv")
        #expect(printed(r) == [
            "years.csv:3: error: refYear \"20x2\" is not a year",
            "years.csv:4: error: refYear \"1800\": year 1800 is implausible (expected 1900–2100)",
            "years.csv:5: error: refYear \"2101\": year 2101 is implausible (expected 1900–2100)",
            "years.csv:6: error: refYear \"year two thousand and twenty-two, in wor…\" is not a year",
        ])
    }

    @Test func yearsFromPeriodWhenThereIsNoRefYear() throws {
        let r = try outcome(file(["52,A,2022,398,795,X,TOTAL,1000", "52,A,20x2,398,795,X,TOTAL,1000", "52,A,1800,398,795,M,TOTAL,1000",
                                  "52,A,20,795,398,X,TOTAL,1000", ",A,2150,795,398,M,TOTAL,1000"],
                                 header: "refMonth,freqCode,period,reporterCode,partnerCode,flowCode,cmdCode,primaryValue"), name: "period.csv")
        #expect(printed(r) == [
            "period.csv:3: error: period \"20x2\" is not a year",
            "period.csv:4: error: period \"1800\": year 1800 is implausible (expected 1900–2100)",
            "period.csv:5: error: period \"20\" is not a year",
            "period.csv:6: error: period \"2150\": year 2150 is implausible (expected 1900–2100)",
        ])
    }

    @Test func theYearCheckAloneGivesTheSameVerdictsAsBefore() throws {
        // Straight from the classifier: a good year, a blank refYear that falls back on period, and
        // the errors, with the control character of a field shown escaped.
        let head = "typeCode,refYear,refMonth,freqCode,period,reporterCode,partnerCode,flowCode,cmdCode,primaryValue"
        let reader = CSVReader(bytes: file(["C,2022,52,A,2022,398,795,X,TOTAL,1", "C,,52,A,2019,398,795,X,TOTAL,1",
                                            "C,19\u{1B}99,52,A,1999,398,795,X,TOTAL,1", "C,,52,A,,398,795,X,TOTAL,1"], header: head))
        let dataset = try ComtradeFixture.dataset()
        let classifier = try ComtradeRowClassifier.prepare(reader: reader, fileName: "f.csv", pair: CountryPair(dataset)!,
                                                           options: ComtradeImportOptions())
        var years = [String]()
        while try reader.next() {
            do { years.append(String(try classifier.year(reader.record))) } catch {
                if case .error(let m) = error { years.append(m) }
            }
        }
        #expect(years == ["2022", "2019", "refYear \"19\\u{1B}99\" is not a year", "period \"\" is not a year"])
    }

    @Test func onlyTheFirstDuplicateIsDescribedAndTheOthersCounted() throws {
        let r = try outcome(file([
            "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000", "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000",
            "2022,52,A,398,KAZ,795,TKM,X,0101,4,0,C00,0,0,40", "2022,52,A,398,KAZ,795,TKM,X,0101,4,0,C00,0,0,40",
            "2022,52,A,398,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,7", "2022,52,A,398,KAZ,795,TKM,X,0101,4,0,C00,0,0,40",
            "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000", "2022,52,A,398,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,7",
        ]), name: "dups.csv")
        #expect(printed(r) == ["dups.csv:3: warning: repeats line 2 (Kazakhstan's 2022 exports to Turkmenistan (TOTAL)); counted once (and 4 more like it)"])
        guard case .success(let i) = r else { Issue.record("the import failed"); return }
        #expect(i.summary.duplicateRows == 5)
        #expect(i.summary.usedRows == 3)
        // The first row's values are the ones kept: the exports' total, its HS section 1 (0101), the imports.
        #expect(i.observations.filter { $0.kind == .stated }.map(\.usd) == [1000, 40, 7])
        #expect(i.observations.filter { $0.kind == .stated }.map(\.hsSection) == [nil, 1, nil])
    }

    @Test func aDuplicateWithAnotherValueIsAnErrorNamingTheFirstLine() throws {
        let r = try outcome(file([
            "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000", "2022,52,A,398,KAZ,795,TKM,X,0101,4,0,C00,0,0,40",
            "2022,52,A,795,TKM,398,KAZ,M,TOTAL,0,0,C00,0,0,9", "2022,52,A,398,KAZ,795,TKM,X,0101,4,0,C00,0,0,41.5",
            "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,999.999", "2022,52,A,795,TKM,398,KAZ,M,TOTAL,0,0,C00,0,0,9",
        ]), name: "dupconflict.csv")
        #expect(printed(r) == [
            "dupconflict.csv:5: error: a second row for Kazakhstan's 2022 exports to Turkmenistan of HS 0101, with another value than line 3 (41.5 against 40): a breakdown the file has no column for, or two downloads joined together?",
            "dupconflict.csv:6: error: a second row for Kazakhstan's 2022 exports to Turkmenistan (TOTAL), with another value than line 2 (999.999 against 1000): a breakdown the file has no column for, or two downloads joined together?",
            "dupconflict.csv:7: warning: repeats line 4 (Turkmenistan's 2022 imports from Kazakhstan (TOTAL)); counted once",
        ])
    }

    @Test func onlyTheFirstTwentyErrorsAreWrittenOut() throws {
        let rows = (1...25).map { "18\(10 + $0),52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000" }
        let lines = printed(try outcome(file(rows), name: "many.csv"))
        #expect(lines.count == 21)
        #expect(lines.first == "many.csv:2: error: refYear \"1811\": year 1811 is implausible (expected 1900–2100)")
        #expect(lines[19] == "many.csv:21: error: refYear \"1830\": year 1830 is implausible (expected 1900–2100)")
        #expect(lines.last == "many.csv: error: 5 more errors not shown")
    }

    /// Rows of several series interleaved (the pass remembers the last series used): the same sums,
    /// duplicates found across the interleaving, as when each series' rows come together.
    @Test func interleavedSeriesGiveTheSameResultAsGroupedOnes() throws {
        var rows = [String]()
        for year in [2020, 2021] {
            for (rep, par) in [("398,KAZ", "795,TKM"), ("795,TKM", "398,KAZ")] {
                for flow in ["X", "M"] {
                    rows.append("\(year),52,A,\(rep),\(par),\(flow),TOTAL,0,0,C00,0,0,\(year - 2000)\(flow == "X" ? 1 : 2)000")
                    for code in ["01", "0101", "27", "2709", "270900", "84"] {
                        rows.append("\(year),52,A,\(rep),\(par),\(flow),\(code),\(code.count),0,C00,0,0,\(code.count * 10 + year - 2019)")
                    }
                }
            }
        }
        rows += rows.prefix(5) // repeats
        var interleaved = [String]()
        let perSeries = 7
        for k in 0..<perSeries { for s in 0..<8 { interleaved.append(rows[s * perSeries + k]) } }
        interleaved += rows.suffix(5)
        guard case .success(let grouped) = try outcome(file(rows), name: "g.csv"),
              case .success(let mixed) = try outcome(file(interleaved), name: "g.csv") else {
            Issue.record("an import failed")
            return
        }
        #expect(grouped.observations == mixed.observations)
        #expect(grouped.summary.duplicateRows == 5)
        #expect(mixed.summary.duplicateRows == 5)
        #expect(grouped.observations.count == mixed.observations.count && grouped.observations.count > 16)
    }
}
