import Foundation
import Testing
import TradeModel
@testable import TradeImport

/// Monthly rows (refMonth 1–12): a year without an annual row becomes a partial period of its months
/// from January; a year with one ignores them; months with a gap are refused with a message.
private func run(_ bytes: [UInt8], caps: CompositionCaps = CompositionCaps(chapters: 1000, headingChapters: 1000, headings: 1000)) throws -> ComtradeImport {
    try ComtradeImporter.run(bytes: bytes, fileName: "Monthly.csv", dataset: ComtradeFixture.dataset(),
                             options: ComtradeImportOptions(caps: caps))
}

private func key(_ year: Int, _ month: Int, _ reporter: Int = 398, _ flow: String = "X") -> GoodsFixture.Key {
    GoodsFixture.Key(year: year, month: month, reporter: reporter, flow: flow)
}

/// The figures of several months added up as the import must: a code's months summed, its weight only
/// when every month of it has one; a code of some months only keeps those. Values and weights only:
/// every figure of a sum of months is derived.
private func summed(_ months: [[String: ExpectedGood]]) -> [String: ExpectedGood] {
    var out = [String: ExpectedGood]()
    for m in months {
        for (code, g) in m { if out[code] == nil { out[code] = g } else { out[code]!.addMonth(g) } }
    }
    return out.mapValues { ExpectedGood(milli: $0.milli, weight: $0.weight, stated: false) }
}

private func milli(_ usd: Double?) -> Int64 { Int64(((usd ?? -1) * 1000).rounded()) }

@Suite struct ComtradeMonthlyTests {
    @Test func monthsFromJanuaryWithoutAnAnnualRowMakeAPartialPeriod() throws {
        var f = GoodsFixture(seed: 21)
        let months = (1...4).map { key(2024, $0) }
        for k in months { f.series(k, chapters: 6) }
        f.series(key(2023, 0), chapters: 4)          // another year, annual
        let rowsOf2024 = f.rows.filter { $0.hasPrefix("2024,") }.count
        let r = try run(f.csv())

        let period = Period(year: 2024, months: 1...4)
        let total = try #require(r.observations.first { $0.period == period && $0.hsSection == nil })
        #expect(milli(total.usd) == months.map { f.totals[$0]! }.reduce(0, +))
        #expect(total.kind == .derived && total.flow == .exports && total.from == "KZ")
        #expect(total.note == "January–April 2024: the sum of Comtrade's monthly rows (refMonth 1–4); the file has no annual row for the year")
        // Its sections are the months' chapters added up.
        var bySection = [Int: Int64]()
        for (code, g) in summed(months.map { f.chapters[$0]! }) { bySection[ComtradeFixture.section(ofChapter: Int(code)!)!, default: 0] += g.milli }
        let sections = r.observations.filter { $0.period == period && $0.hsSection != nil }
        #expect(Dictionary(uniqueKeysWithValues: sections.map { ($0.hsSection!, milli($0.usd)) }) == bySection)
        #expect(sections.allSatisfy { $0.kind == .derived })

        let c = try #require(r.composition.first { $0.period == period })
        #expect(c.kind == .derived && c.id == "comtrade-monthly-kz-2024-01-04-exports")
        #expect(c.periodNote == total.note)
        #expect(goodsByCode(c, level: 2) == summed(months.map { f.chapters[$0]! }))
        #expect(goodsByCode(c, level: 4) == summed(months.map { f.headings[$0]! }))
        // The annual year is untouched: stated.
        #expect(r.observations.filter { $0.period == Period(year: 2023) }.allSatisfy { $0.kind == .stated && $0.note == nil })

        #expect(r.summary.monthlyRowsUsed == rowsOf2024 && r.summary.monthlyRows == 0)
        #expect(r.summary.partialPeriods == ["Kazakhstan's 2024 Jan–Apr exports to Turkmenistan"])
        #expect(r.summary.usedRows == f.rows.count)
        #expect(r.summary.detailLines().first == "Partial periods from monthly rows (the file has no annual row for them; sums of the months are marked derived): Kazakhstan's 2024 Jan–Apr exports to Turkmenistan.")
    }

    @Test func twelveMonthsMakeTheYearAndOneMonthIsStated() throws {
        var f = GoodsFixture(seed: 22)
        for m in 1...12 { f.series(key(2022, m), chapters: 2) }
        f.series(key(2023, 1, 795, "M"), chapters: 2)
        let r = try run(f.csv())
        let year = try #require(r.observations.first { $0.period == Period(year: 2022) && $0.hsSection == nil })
        #expect(milli(year.usd) == (1...12).map { f.totals[key(2022, $0)]! }.reduce(0, +))
        #expect(year.kind == .derived && year.note?.hasPrefix("January–December 2022: the sum of Comtrade's monthly rows (refMonth 1–12)") == true)
        #expect(r.composition.contains { $0.id == "comtrade-monthly-kz-2022-01-12-exports" && $0.period == Period(year: 2022) })
        // January alone: the row's own figure, stated, for the months [1, 1].
        let jan = try #require(r.observations.first { $0.period == Period(year: 2023, months: 1...1) && $0.hsSection == nil })
        #expect(jan.kind == .stated && milli(jan.usd) == f.totals[key(2023, 1, 795, "M")]!)
        // Kazakhstan reports nothing for 2023: the imports also stand for its exports (the mirror note follows).
        #expect(jan.note == "January 2023: Comtrade's monthly row (refMonth 1); the file has no annual row for the year; "
            + "mirror: also Kazakhstan's exports to Turkmenistan: none of Kazakhstan's own for 2023 were imported (CIF, as Turkmenistan values its imports; not FOB)")
        let c = try #require(r.composition.first { $0.period == Period(year: 2023, months: 1...1) })
        #expect(c.kind == .stated)
        #expect(r.summary.partialPeriods == ["Kazakhstan's 2022 Jan–Dec exports to Turkmenistan", "Turkmenistan's 2023 Jan imports from Kazakhstan"])
    }

    @Test func monthsWithAGapAreRefusedWithTheMissingMonthsNamed() throws {
        var f = GoodsFixture(seed: 23)
        for m in [1, 2, 4] { f.series(key(2024, m), chapters: 2) }
        for m in [2, 3] { f.series(key(2024, m, 398, "M"), chapters: 2) }
        f.series(key(2023, 0), chapters: 2)
        let refused = f.rows.filter { $0.hasPrefix("2024,") }.count
        let r = try run(f.csv(shuffled: false))
        #expect(!r.observations.contains { $0.period.year == 2024 })
        #expect(!r.composition.contains { $0.period.year == 2024 })
        let messages = r.warnings.map(\.message)
        #expect(messages.contains("Kazakhstan's 2024 exports to Turkmenistan: monthly rows for January, February and April and no annual row, but March is missing: a partial period is made only of months that run from January without a gap, so its \(f.rows.filter { $0.hasPrefix("2024,") && $0.contains(",X,") }.count) rows are left out"))
        #expect(messages.contains { $0.hasPrefix("Kazakhstan's 2024 imports from Turkmenistan: monthly rows for February and March and no annual row, but January is missing") })
        // The warning is at the first line of the months' rows (line 2 is the first row of the file: 2024 January).
        #expect(r.warnings.first { $0.message.hasPrefix("Kazakhstan's 2024 exports") }?.line == 2)
        #expect(r.summary.monthlyRowsRefused == refused && r.summary.monthlyRowsUsed == 0)
        #expect(r.summary.leftOutReasons().contains("\(refused) monthly whose months do not run from January without a gap"))
        #expect(r.summary.usedRows == f.rows.count - refused)
    }

    @Test func aYearWithAnAnnualRowIgnoresItsMonthlyRows() throws {
        var f = GoodsFixture(seed: 24)
        f.series(key(2022, 0), chapters: 5)
        let annualRows = f.rows.count
        for m in 1...3 { f.series(key(2022, m), chapters: 5) }
        let r = try run(f.csv())
        #expect(r.observations.allSatisfy { $0.period == Period(year: 2022) && $0.kind == .stated })
        #expect(milli(r.observations.first { $0.hsSection == nil }?.usd) == f.totals[key(2022, 0)]!)
        #expect(r.composition.count == 1)
        #expect(goodsByCode(r.composition.first, level: 2) == f.chapters[key(2022, 0)]!)
        #expect(r.summary.monthlyRowsIgnored == f.rows.count - annualRows)
        #expect(r.summary.usedRows == annualRows)
        #expect(r.summary.leftOutReasons().contains("\(f.rows.count - annualRows) monthly of years with annual rows"))
        #expect(r.summary.partialPeriods.isEmpty)
    }

    @Test func aMonthWithoutATotalRowMakesNoTotalButItsGoodsStillCount() throws {
        let h = "refYear,refMonth,reporterCode,partnerCode,flowCode,cmdCode,aggrLevel,netWgt,primaryValue"
        let rows = ["2024,1,398,795,X,TOTAL,0,,100", "2024,1,398,795,X,10,2,5,60",
                    "2024,2,398,795,X,10,2,7,70", "2024,2,398,795,X,27,2,,20"]
        let r = try run(Array(([h] + rows).joined(separator: "\n").utf8) + [0x0A])
        #expect(!r.observations.contains { $0.hsSection == nil })
        #expect(r.observations.map { milli($0.usd) } == [130_000, 20_000])   // sections II (chapter 10: 60 + 70) and V (27)
        let w = r.warnings.first { $0.message.contains("no TOTAL row") }
        #expect(w?.message == "Kazakhstan's 2024 Jan–Feb exports to Turkmenistan: February has no TOTAL row, while January has one: no total is made for the months")
        #expect(w?.line == 2)
        let c = try #require(r.composition.first)
        #expect(c.goods.map(\.hs) == ["10", "27"] && c.goods.map(\.quantity) == [12, nil])
    }
}
