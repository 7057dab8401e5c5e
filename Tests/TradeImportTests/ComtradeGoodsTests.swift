import Foundation
import Testing
import TradeModel
@testable import TradeImport

/// The goods detail of a Comtrade import (issue 11): chapters and headings with values and net weight,
/// against the generator's own sums; the caps and their remainders.
private func run(_ bytes: [UInt8], caps: CompositionCaps = CompositionCaps(), chunk: Int = CSVReader.defaultChunkSize) throws -> ComtradeImport {
    try ComtradeImporter.run(bytes: bytes, fileName: "Goods_test.csv", dataset: ComtradeFixture.dataset(),
                             options: ComtradeImportOptions(chunkSize: chunk, caps: caps))
}

/// Caps that keep everything.
private let keepAll = CompositionCaps(chapters: 1000, headingChapters: 1000, headings: 1000)

private func entry(_ r: ComtradeImport, _ k: GoodsFixture.Key) -> Composition? {
    let from = k.flow == "X" ? (k.reporter == 398 ? "KZ" : "TM") : (k.reporter == 398 ? "TM" : "KZ")
    return r.composition.first { $0.period.year == k.year && $0.from == from && $0.flow == (k.flow == "X" ? .exports : .imports) }
}

private func milli(_ usd: Double?) -> Int64 { Int64(((usd ?? -1) * 1000).rounded()) }

@Suite struct ComtradeGoodsTests {
    static let keys = [GoodsFixture.Key(year: 2022, month: 0, reporter: 398, flow: "X"), GoodsFixture.Key(year: 2022, month: 0, reporter: 398, flow: "M"),
                       GoodsFixture.Key(year: 2023, month: 0, reporter: 795, flow: "X"), GoodsFixture.Key(year: 2021, month: 0, reporter: 795, flow: "M")]

    @Test(arguments: [(UInt64(1), 1 << 20), (2, 1 << 20), (3, 13)])
    func chaptersAndHeadingsEqualTheGeneratorsSums(seed: UInt64, chunk: Int) throws {
        var f = GoodsFixture(seed: seed)
        for k in Self.keys { f.series(k, chapters: 12) }
        let r = try run(f.csv(), caps: keepAll, chunk: chunk)
        #expect(r.composition.count == Self.keys.count)
        for k in Self.keys {
            let c = try #require(entry(r, k))
            #expect(goodsByCode(c, level: 2) == f.chapters[k]!, "\(k)")
            #expect(goodsByCode(c, level: 4) == f.headings[k]!, "\(k)")
            #expect(!c.goods.contains { $0.remainder })
            // Chapters in value order; no item has a rank (a rank is the source's, and Comtrade gives
            // none: the screens rank by value).
            let chapters = c.goods.filter { $0.hs?.count == 2 }
            #expect(c.goods.allSatisfy { $0.rank == nil })
            #expect(chapters.map(\.usd!) == chapters.map(\.usd!).sorted(by: >))
            #expect(c.goods.filter { $0.hs?.count == 4 }.allSatisfy { $0.rank == nil })
            // Names: the nomenclature's for chapters; for a heading, the file's description where some
            // series of the file (of the same classification) has a row for it.
            let described = Set(f.headings.values.flatMap { $0.filter { $0.value.stated }.keys })
            for g in chapters { #expect(g.name == HSChapter.name(Int(g.hs!)!)) }
            for g in c.goods where g.hs?.count == 4 {
                #expect(g.name == (described.contains(g.hs!) ? "Heading \(g.hs!), of a kind" : "heading \(g.hs!)"))
            }
        }
        // Sections still sum the topmost codes: the chapters, section by section.
        for k in Self.keys {
            var bySection = [Int: Int64]()
            for (code, g) in f.chapters[k]! { bySection[ComtradeFixture.section(ofChapter: Int(code)!)!, default: 0] += g.milli }
            let from = entry(r, k)!.from
            let sections = r.observations.filter { $0.period.year == k.year && $0.from == from && $0.hsSection != nil
                && $0.flow == (k.flow == "X" ? .exports : .imports) }
            #expect(Dictionary(uniqueKeysWithValues: sections.map { ($0.hsSection!, milli($0.usd)) }) == bySection)
        }
    }

    @Test func derivedFiguresSayHowTheyWereMade() throws {
        var f = GoodsFixture(seed: 9)
        let k = Self.keys[0]
        f.series(k, chapters: 30)
        let c = try #require(entry(try run(f.csv(), caps: keepAll), k))
        #expect(c.kind == .stated)
        for g in c.goods where g.hs != nil && !g.remainder {
            let expected = (g.hs!.count == 2 ? f.chapters : f.headings)[k]![g.hs!]!
            #expect((g.kind ?? c.kind) == (expected.stated ? .stated : .derived))
            if !expected.stated {
                #expect(g.note?.hasPrefix("the sum of its ") == true)
                #expect(g.note?.contains(": the file has no row for \(g.hs!.count == 2 ? "chapter" : "heading") \(g.hs!)") == true, "\(g.note ?? "")")
            } else {
                #expect(g.note == nil)
            }
        }
    }

    @Test func theCapKeepsTheLargestAndTheRemaindersHoldTheRest() throws {
        var f = GoodsFixture(seed: 4)
        let k = Self.keys[0]
        // 40 chapters; chapter 27 with 30 headings, chapter 84 with 14.
        f.series(k, chapters: 40, headingsIn: [27: 30, 84: 14])
        let r = try run(f.csv())
        let c = try #require(entry(r, k))
        let all = f.chapters[k]!
        // The expected ranking, made here from the generator's figures: by value, then by code.
        let ranked = all.sorted { $0.value.milli != $1.value.milli ? $0.value.milli > $1.value.milli : $0.key < $1.key }
        let chapters = c.goods.filter { $0.hs?.count == 2 && !$0.remainder }
        #expect(chapters.map(\.hs!) == ranked.prefix(25).map(\.key))
        #expect(chapters.allSatisfy { $0.rank == nil })
        let other = try #require(c.goods.first { $0.remainder && $0.hs == nil })
        #expect(other.name == "other chapters" && other.rank == nil && other.kind == .derived)
        #expect(milli(other.usd) == ranked.dropFirst(25).map(\.value.milli).reduce(0, +))
        // Kept and remainder add up to all the chapters.
        #expect(chapters.map { milli($0.usd) }.reduce(0, +) + milli(other.usd) == all.values.map(\.milli).reduce(0, +))
        #expect(c.goods.last == other)

        // Headings: for the 5 largest chapters only, at most 10 each, the rest in "other headings of chapter NN".
        let top5 = Set(ranked.prefix(5).map(\.key))
        for g in c.goods where g.hs?.count == 4 { #expect(top5.contains(String(g.hs!.prefix(2)))) }
        for ch in top5 {
            let expected = f.headings[k]!.filter { $0.key.hasPrefix(ch) }
                .sorted { $0.value.milli != $1.value.milli ? $0.value.milli > $1.value.milli : $0.key < $1.key }
            let listed = c.goods.filter { $0.hs?.count == 4 && $0.hs!.hasPrefix(ch) }
            #expect(listed.map(\.hs!) == expected.prefix(10).map(\.key))
            let rest = c.goods.first { $0.remainder && $0.hs == ch }
            if expected.count > 10 {
                #expect(rest?.name == "other headings of chapter \(ch)")
                #expect(milli(rest?.usd) == expected.dropFirst(10).map(\.value.milli).reduce(0, +))
                #expect(listed.map { milli($0.usd) }.reduce(0, +) + milli(rest?.usd) == expected.map(\.value.milli).reduce(0, +))
                #expect(rest?.note?.hasPrefix("the \(expected.count - 10) headings of the chapter after its 10 largest, summed") == true)
            } else {
                #expect(rest == nil)
            }
            // Each chapter's headings come right after it.
            let at = c.goods.firstIndex { $0.hs == ch && !$0.remainder }!
            #expect(c.goods[(at + 1)...].prefix(listed.count).map(\.hs!) == listed.map(\.hs!))
        }
        let s = r.summary.composition
        #expect(all.count > 25)
        #expect(s.entries == 1 && s.chaptersKept == 25 && s.chaptersFolded == all.count - 25)
        #expect(s.headingsKept == c.goods.filter { $0.hs?.count == 4 }.count)
        #expect(s.headingsFolded == top5.map { ch in max(0, f.headings[k]!.keys.filter { $0.hasPrefix(ch) }.count - 10) }.reduce(0, +))
        #expect(s.itemsWithWeight + s.itemsWithoutWeight == c.goods.count)
        let lines = r.summary.detailLines()
        #expect(lines.contains("Goods: 1 composition entry (per period, reporter and flow): 25 HS chapters and \(s.headingsKept) headings kept, "
            + "\(all.count - 25) chapters and \(s.headingsFolded) heading\(s.headingsFolded == 1 ? "" : "s") folded into \"other\" items "
            + "(the caps: the 25 largest chapters of each entry, and the 10 largest headings of its 5 largest chapters)."))
    }

    @Test func theCapsCanBeChosen() throws {
        var f = GoodsFixture(seed: 5)
        let k = Self.keys[1]
        f.series(k, chapters: 8, headingsIn: [10: 6])
        let c = try #require(entry(try run(f.csv(), caps: CompositionCaps(chapters: 3, headingChapters: 1, headings: 2)), k))
        #expect(c.goods.filter { $0.hs?.count == 2 && !$0.remainder }.count == 3)
        let headingChapters = Set(c.goods.filter { $0.hs?.count == 4 }.map { String($0.hs!.prefix(2)) })
        #expect(headingChapters.count <= 1)
        #expect(c.goods.filter { $0.hs?.count == 4 }.count <= 2)
        let n = f.chapters[k]!.count
        #expect(c.note?.contains("The 3 largest of its \(n) chapters are listed, ranked by value; the other \(n - 3) are summed in \"other chapters\".") == true)
    }

    @Test func netWeightIsCarriedAndSummedOnlyWhereEveryRowHasIt() throws {
        var f = GoodsFixture(seed: 6)
        f.missingWeight = 0.3
        let k = Self.keys[0]
        f.series(k, chapters: 20)
        let c = try #require(entry(try run(f.csv(), caps: keepAll), k))
        let items = c.goods.filter { !$0.remainder }
        #expect(items.contains { $0.quantity != nil } && items.contains { $0.quantity == nil })
        for g in items {
            let expected = (g.hs!.count == 2 ? f.chapters : f.headings)[k]![g.hs!]!
            #expect(g.quantity.map { Int64(($0 * 1000).rounded()) } == expected.weight)
            #expect(g.unit == (expected.weight == nil ? nil : .kg))
        }
        // A sum without the weight of one of its rows says so.
        #expect(items.contains { $0.quantity == nil && $0.note?.contains("no net weight: a row summed into it reports none") == true })
    }

    @Test func withoutANetWeightColumnTheGoodsHaveValuesOnly() throws {
        var f = GoodsFixture(seed: 7)
        f.withWeightColumn = false
        f.series(Self.keys[0], chapters: 5)
        let text = String(decoding: f.csv(), as: UTF8.self).replacingOccurrences(of: ",netWgt,", with: ",otherColumn,")
        let r = try run(Array(text.utf8))
        #expect(!r.composition.isEmpty && r.composition.allSatisfy { $0.goods.allSatisfy { $0.quantity == nil && $0.unit == nil } })
        #expect(r.summary.detailLines().contains("Net weight: the file has no netWgt column, so the goods have values only."))
    }

    @Test func codesOfNoChapterAreLeftOutAndTheirAmountIsNoted() throws {
        var f = GoodsFixture(seed: 8)
        let k = Self.keys[0]
        f.series(k, chapters: 3, chapter99: true)
        let c = try #require(entry(try run(f.csv()), k))
        #expect(!c.goods.contains { $0.hs == "99" })
        #expect(c.note?.contains("Codes of no HS chapter (77, 98, 99) are not listed: \(GoodsFixture.text(f.unlisted[k]!)) USD.") == true)
    }

    @Test func entriesCiteTheReporterAndStateTheirDirectionAndSource() throws {
        var f = GoodsFixture(seed: 10)
        for k in Self.keys { f.series(k, chapters: 3) }
        let r = try run(f.csv())
        let sources = Dictionary(uniqueKeysWithValues: r.sources.map { ($0.id, $0) })
        for c in r.composition {
            let s = try #require(sources[c.source])
            // Exports cite the exporter's source; imports the importer's.
            #expect(s.basisCountry == (c.flow == .exports ? c.from : c.to))
            #expect(s.language == "en" && s.basis == .nationalStatistics)
            #expect(c.id == "\(c.source)-\(c.period.year)-\(c.flow!.rawValue)")
            #expect(c.note?.contains("(classification H5)") == true)
        }
        #expect(Set(r.composition.map(\.id)).count == r.composition.count)
    }

    @Test func headingNamesComeFromTheFileInTheSeriesClassification() throws {
        let h = "refYear,refMonth,reporterCode,partnerCode,flowCode,classificationCode,cmdCode,cmdDesc,aggrLevel,primaryValue"
        let rows = ["2001,52,398,795,X,H0,8517,\"Electrical apparatus for line telephony, \"\"wired\"\"\",4,10",
                    "2023,52,398,795,X,H6,8517,\"Telephone sets, incl. smartphones\",4,20",
                    "2024,52,398,795,X,H6,8517,Another text for the same code,4,30",
                    "2024,52,398,795,X,H6,8471,,4,5"]
        let r = try run(Array(([h] + rows).joined(separator: "\n").utf8) + [0x0A])
        func name(_ year: Int, _ hs: String) -> String? {
            r.composition.first { $0.period.year == year }?.goods.first { $0.hs == hs }?.name
        }
        // Doubled quotes collapsed; each classification its own text; within one, the first met.
        #expect(name(2001, "8517") == "Electrical apparatus for line telephony, \"wired\"")
        #expect(name(2023, "8517") == "Telephone sets, incl. smartphones")
        #expect(name(2024, "8517") == "Telephone sets, incl. smartphones")
        #expect(name(2024, "8471") == "heading 8471")
    }

    @Test func headingNamesAreCleanedAndShortened() {
        #expect(CompositionBuilder.headingName(Array("  Wheat\tand\nmeslin ".utf8)) == "Wheat and meslin")
        // Bidi controls are dropped (they would reorder the text in any viewer of the dataset).
        #expect(CompositionBuilder.headingName(Array("Wheat \u{202E}nilsem\u{202C} and \u{2067}x\u{2069}".utf8)) == "Wheat nilsem and x")
        #expect(CompositionBuilder.headingName(Array("   ".utf8)) == nil)
        let long = String(repeating: "word ", count: 40)
        let name = CompositionBuilder.headingName(Array(long.utf8))!
        #expect(name.count <= 120 && name.hasSuffix("word…"))
    }

    @Test func theChapterTableHasTheNinetySixChapters() {
        let named = (0...100).filter { HSChapter.name($0) != nil }
        #expect(named == (1...97).filter { $0 != 77 })
        #expect(HSChapter.name(27) == "Mineral fuels and oils" && HSChapter.name(10) == "Cereals" && HSChapter.name(77) == nil)
        #expect(Set(named.map { HSChapter.name($0)! }).count == 96)
        // Every chapter's section exists (the table and the sections agree on which numbers are chapters).
        #expect(named.allSatisfy { HSSection.ofChapter($0) != nil })
    }
}

/// Composition entries in the dataset file: appended where the format puts them, the same import
/// twice adding nothing, a changed entry of the same id a conflict.
@Suite struct CompositionMergeTests {
    static func imported() throws -> (Dataset, JSONNode, ComtradeImport) {
        var f = GoodsFixture(seed: 31)
        f.series(GoodsFixture.Key(year: 2022, month: 0, reporter: 398, flow: "X"), chapters: 4)
        let base = try ComtradeFixture.dataset()
        let root = try JSONParser.parse(Array(ComtradeFixture.datasetJSON.utf8))
        return (base, root, try ComtradeImporter.run(bytes: f.csv(), fileName: "Merge.csv", dataset: base))
    }

    @Test func entriesAreAppendedAndTheSameImportTwiceAddsNothing() throws {
        let (base, root, r) = try Self.imported()
        let once = try DatasetMerge.merge(root: root, dataset: base, sources: r.sources, observations: r.observations,
                                          composition: r.composition, file: "d.json")
        #expect(once.addedComposition == r.composition && !r.composition.isEmpty)
        let written = try DatasetLoader.load(bytes: once.bytes, file: "d.json")
        #expect(written.composition == r.composition)
        // The fixture has no exportPotential or indicators: "composition" comes after "trade".
        guard case .object(let members) = try JSONParser.parse(once.bytes).value else { Issue.record("not an object"); return }
        let keys = members.map(\.key)
        #expect(keys.firstIndex(of: "composition") == keys.firstIndex(of: "trade")! + 1)
        let twice = try DatasetMerge.merge(root: try JSONParser.parse(once.bytes), dataset: written, sources: r.sources,
                                           observations: r.observations, composition: r.composition, file: "d.json")
        #expect(twice.changesNothing && twice.compositionAlreadyPresent == r.composition.count)
    }

    @Test func aChangedEntryOfTheSameIDIsAConflictAndNothingIsMerged() throws {
        let (base, root, r) = try Self.imported()
        let once = try DatasetMerge.merge(root: root, dataset: base, sources: r.sources, observations: r.observations,
                                          composition: r.composition, file: "d.json")
        let written = try DatasetLoader.load(bytes: once.bytes, file: "d.json")
        var changed = r.composition
        changed[0].goods[0].usd! += 1
        let again = try JSONParser.parse(once.bytes)
        do throws(ImportFailure) {
            _ = try DatasetMerge.merge(root: again, dataset: written, sources: r.sources,
                                       observations: r.observations, composition: changed, file: "d.json")
            Issue.record("merged")
        } catch {
            let m = error.errors.first?.message ?? ""
            #expect(m.hasPrefix("composition[0] already holds goods with id \"\(r.composition[0].id)\" (2022, source \"comtrade-merge-kz\") that differ from this import's"), "\(m)")
            #expect(error.errors.first?.line ?? 0 > 0)
        }
    }
}
