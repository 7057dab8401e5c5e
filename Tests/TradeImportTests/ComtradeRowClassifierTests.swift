import Testing
import TradeModel
@testable import TradeImport

/// The classifier on its own: one verdict per row, with no pass over a file behind it.
private let header = "typeCode,refYear,refMonth,freqCode,reporterCode,partnerCode,flowCode,classificationCode,cmdCode,aggrLevel,motCode,primaryValue"

/// A verdict in a form tests can compare (a used row's classification bytes are only valid until
/// the next record).
private enum Seen: Equatable {
    case use(ReportedSeries, Int64, ComtradeRow.Commodity, aggrLevelDiffers: Bool)
    case skip(ComtradeSkipReason)
    case error(String)
}

/// Classifies each row after `header`, with the options given.
private func verdicts(_ rows: [String], header: String = header, options: ComtradeImportOptions = ComtradeImportOptions()) throws -> [Seen] {
    let reader = CSVReader(bytes: Array(([header] + rows).joined(separator: "\n").utf8) + [0x0A])
    let pair = try #require(CountryPair(ComtradeFixture.dataset()))
    let classifier = try ComtradeRowClassifier.prepare(reader: reader, fileName: "t.csv", pair: pair, options: options)
    var out = [Seen]()
    while try reader.next() {
        switch classifier.classify(reader.record) {
        case .use(let r): out.append(.use(r.series, r.milli, r.commodity, aggrLevelDiffers: r.aggrLevelDiffers))
        case .skip(let reason): out.append(.skip(reason))
        case .error(let message): out.append(.error(message))
        }
    }
    return out
}

private func series(_ year: Int, _ reporter: PairSide, _ flow: ReportedFlow, month: Int = 0) -> ReportedSeries {
    ReportedSeries(year: year, reporter: reporter, flow: flow, month: month)
}

@Suite struct ComtradeRowClassifierTests {
    @Test func rowsOfThePairAreUsedWithTheirSeriesAndValue() throws {
        let v = try verdicts(["C,2022,52,A,398,795,X,H4,TOTAL,0,0,1000",
                              "C,2022,52,A,795,398,M,H4,TOTAL,0,0,12.5",
                              "C,2021,,A,398,795,M,H4,27,2,0,600"])
        #expect(v == [.use(series(2022, .first, .exports), 1_000_000, .total, aggrLevelDiffers: false),
                      .use(series(2022, .second, .imports), 12_500, .total, aggrLevelDiffers: false),
                      .use(series(2021, .first, .imports), 600_000, .code(HSCode(level: 2, value: 27)), aggrLevelDiffers: false)])
    }

    @Test func eachReasonToLeaveARowOutIsTyped() throws {
        let v = try verdicts(["C,2022,52,A,860,795,X,H4,TOTAL,0,0,1",     // reporter of no side
                              "C,2022,52,A,398,0,X,H4,TOTAL,0,0,1",       // partner World
                              "C,2022,52,A,398,398,X,H4,TOTAL,0,0,1",     // partner is the reporter
                              "S,2022,52,A,398,795,X,H4,TOTAL,0,0,1",
                              "C,2022,52,A,398,795,RX,H4,TOTAL,0,0,1",
                              "C,2022,52,A,398,795,DX,H4,TOTAL,0,0,1",
                              "C,2022,52,A,398,795,X,H4,TOTAL,0,2100,1",
                              header])
        #expect(v == [.skip(.otherReporter), .skip(.otherPartner), .skip(.otherPartner), .skip(.services),
                      .skip(.reExportImport), .skip(.otherFlow), .skip(.breakdown), .skip(.repeatedHeader)])
    }

    @Test func theReporterOptionLeavesTheOtherSideOut() throws {
        let rows = ["C,2022,52,A,398,795,X,H4,TOTAL,0,0,1", "C,2022,52,A,795,398,X,H4,TOTAL,0,0,1"]
        let byReporter = try verdicts(rows, options: ComtradeImportOptions(reporter: "TKM"))
        #expect(byReporter.first == .skip(.excludedByOption))
        #expect(byReporter.last == .use(series(2022, .second, .exports), 1000, .total, aggrLevelDiffers: false))
        #expect(try verdicts(rows, options: ComtradeImportOptions(partner: "KZ")) == byReporter)
    }

    @Test func unreadableFieldsAreErrorsWithTheMessagesOfTheImport() throws {
        let v = try verdicts(["C,2022,52,A,39B,795,X,H4,TOTAL,0,0,1",
                              "C,2022,52,A,398,x,X,H4,TOTAL,0,0,1",
                              "C,2022,13,A,398,795,X,H4,TOTAL,0,0,1",
                              "C,2022,52,A,398,795,,H4,TOTAL,0,0,1",
                              "C,20x2,52,A,398,795,X,H4,TOTAL,0,0,1",
                              "C,1800,52,A,398,795,X,H4,TOTAL,0,0,1",
                              "C,2022,52,A,398,795,X,H4,TOTAL,0,0,12O0",
                              "C,2022,52,A,398,795,X,H4,TOTAL,0,0,-5"])
        #expect(v == [.error("reporterCode \"39B\" is not a number"),
                      .error("partnerCode \"x\" is not a number"),
                      .error("refMonth 13 is neither a month (1–12) nor 52 (the whole year)"),
                      .error("flowCode is empty"),
                      .error("refYear \"20x2\" is not a year"),
                      .error("refYear \"1800\": year 1800 is implausible (expected 1900–2100)"),
                      .error("primaryValue \"12O0\" is not a number"),
                      .error("primaryValue -5 is negative")])
    }

    @Test func commodityCodesTakeTheirLevelFromAggrLevel() throws {
        let v = try verdicts(["C,2022,52,A,398,795,X,H4,101,4,0,1",            // heading 0101, its zero dropped
                              "C,2022,52,A,398,795,X,H4,2710,6,0,1",           // aggrLevel disagrees: taken
                              "C,2022,52,A,398,795,X,H4,AG2,2,0,1",
                              "C,2022,52,A,398,795,X,H4,9999999999999,6,0,1",
                              "C,2022,52,A,398,795,X,S3,27,2,0,1",             // SITC: its commodities summed nowhere
                              "C,2022,52,A,398,795,X,S3,TOTAL,0,0,1"])         // but its TOTAL counts
        let id = series(2022, .first, .exports)
        #expect(v == [.use(id, 1000, .code(HSCode(level: 4, value: 101)), aggrLevelDiffers: false),
                      .use(id, 1000, .code(HSCode(level: 6, value: 2710)), aggrLevelDiffers: true),
                      .use(id, 1000, .leftOut(.notAnHSCode), aggrLevelDiffers: false),
                      .use(id, 1000, .leftOut(.tooManyDigits), aggrLevelDiffers: false),
                      .use(id, 1000, .leftOut(.otherClassification), aggrLevelDiffers: false),
                      .use(id, 1000, .total, aggrLevelDiffers: false)])
    }

    @Test func annualRowsAreToldByFreqCodeOrPeriodWhenRefMonthIsEmpty() throws {
        let h = "period,freqCode,reporterISO,partnerISO,flowCode,primaryValue"
        let v = try verdicts(["2021,A,KAZ,tkm,X,1", "202103,,KAZ,TKM,X,1", "2021,,kaz,TKM,M,2", ",,KAZ,TKM,X,1",
                              "202111,M,KAZ,TKM,X,1", ",M,KAZ,TKM,X,1", "202113,,KAZ,TKM,X,1"], header: h)
        #expect(v == [.use(series(2021, .first, .exports), 1000, .total, aggrLevelDiffers: false),
                      .use(series(2021, .first, .exports, month: 3), 1000, .total, aggrLevelDiffers: false),
                      .use(series(2021, .first, .imports), 2000, .total, aggrLevelDiffers: false),
                      .error("cannot tell whether the row is annual or monthly: refMonth, freqCode and period are empty"),
                      .use(series(2021, .first, .exports, month: 11), 1000, .total, aggrLevelDiffers: false),
                      .error("freqCode M (monthly), but neither refMonth nor period says which month"),
                      .error("period \"202113\": month 13 is not a month (01–12)")])
    }

    /// Before, monthly rows were left out; now each is a row of its month's series (which months make a
    /// figure is decided after the pass, `ComtradePeriods`).
    @Test func monthlyRowsAreUsedInTheSeriesOfTheirMonth() throws {
        let v = try verdicts(["C,2022,3,M,398,795,X,H4,TOTAL,0,0,1", "C,2022,12,M,795,398,M,H4,27,2,0,2", "C,2022,52,A,398,795,X,H4,TOTAL,0,0,3"])
        #expect(v == [.use(series(2022, .first, .exports, month: 3), 1000, .total, aggrLevelDiffers: false),
                      .use(series(2022, .second, .imports, month: 12), 2000, .code(HSCode(level: 2, value: 27)), aggrLevelDiffers: false),
                      .use(series(2022, .first, .exports), 3000, .total, aggrLevelDiffers: false)])
    }

    @Test func netWeightAndHeadingDescriptionsAreRead() throws {
        let h = "refYear,refMonth,reporterCode,partnerCode,flowCode,cmdCode,cmdDesc,aggrLevel,netWgt,primaryValue"
        let reader = CSVReader(bytes: Array(([h, "2022,52,398,795,X,1001,\"Wheat, and meslin\",4,1234.5,10",
                                              "2022,52,398,795,X,10,Cereals,2,,10",
                                              "2022,52,398,795,X,100199,Other,6,1.5E+3,10",
                                              "2022,52,398,795,X,TOTAL,All,0,x,10",
                                              "2022,52,398,795,X,TOTAL,All,0,-3,10"].joined(separator: "\n") + "\n").utf8))
        let pair = try #require(CountryPair(ComtradeFixture.dataset()))
        let c = try ComtradeRowClassifier.prepare(reader: reader, fileName: "t.csv", pair: pair, options: ComtradeImportOptions())
        var seen = [String]()
        while try reader.next() {
            switch c.classify(reader.record) {
            case .use(let r): seen.append("\(r.weightMilli) \(r.description.map { String(decoding: $0, as: UTF8.self) } ?? "-")")
            case .skip(let reason): seen.append("skip \(reason)")
            case .error(let m): seen.append(m)
            }
        }
        // Only headings keep their description (chapters take the nomenclature's names); an empty netWgt is none.
        #expect(seen == ["1234500 Wheat, and meslin", "-1 -", "1500000 -", "netWgt \"x\" is not a number", "netWgt -3 is negative"])
    }

    @Test func warningsOfLeftOutRowsAreOnePerKindAndFlowCode() throws {
        let reader = CSVReader(bytes: Array((header + "\nC,2022,52,A,398,795,DX,H4,TOTAL,0,0,1\n").utf8))
        let pair = try #require(CountryPair(ComtradeFixture.dataset()))
        let c = try ComtradeRowClassifier.prepare(reader: reader, fileName: "t.csv", pair: pair, options: ComtradeImportOptions())
        #expect(try reader.next())
        let rec = reader.record
        #expect(c.warning(for: .otherFlow, rec) == .otherFlow("DX"))
        #expect(c.warning(for: .otherReporter, rec) == nil && c.warning(for: .breakdown, rec) == nil)
        #expect(c.message(.otherFlow("DX"), rec) == "flowCode \"DX\" left out: only X (exports) and M (imports) are imported")
        #expect(c.reporterNumber(rec) == 398)
    }
}
