import Foundation
import Testing
import TradeModel

/// `tradedash import comtrade` run as a user runs it: exit codes, messages, files written or not.
@Suite("Import command")
struct ImportCommandTests {
    struct ImportRun {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func binary() throws -> String {
        switch TerminalBinary.path {
        case .success(let p): return p
        case .failure(let why): throw why
        }
    }

    /// Runs the built binary with `arguments` (in `directory`, when given), stdin empty.
    static func tradedash(_ arguments: [String], in directory: URL? = nil) throws -> ImportRun {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try binary())
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        p.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return ImportRun(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static let csv = """
    typeCode,freqCode,refYear,refMonth,period,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,partner2Code,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,motCode,primaryValue\r
    C,A,2023,52,2023,398,KAZ,X,795,TKM,0,TOTAL,All Commodities,0,false,C00,0,412345678.5\r
    C,A,2023,52,2023,398,KAZ,X,795,TKM,0,10,Cereals,2,false,C00,0,300000000\r
    C,A,2023,52,2023,398,KAZ,X,795,TKM,0,27,"Mineral fuels, oils ""and"" products",2,false,C00,0,100000000\r
    C,A,2023,52,2023,398,KAZ,M,795,TKM,0,TOTAL,All Commodities,0,false,C00,0,180000000\r
    C,A,2023,52,2023,398,KAZ,M,795,TKM,0,27,Mineral fuels,2,false,C00,0,150000000\r
    C,A,2023,52,2023,398,KAZ,RX,795,TKM,0,TOTAL,All Commodities,0,false,C00,0,1000\r
    C,A,2023,52,2023,860,UZB,X,795,TKM,0,TOTAL,All Commodities,0,false,C00,0,999999\r

    """

    func withFiles(_ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradedash-import-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.csv.utf8).write(to: dir.appendingPathComponent("TradeData_2023.csv"))
        try FileManager.default.copyItem(atPath: BundledDataset.sourceTreePath, toPath: dir.appendingPathComponent("kz-tm.json").path)
        try body(dir)
    }

    @Test("years not over on the dataset's as-of date are left out with a warning; --as-of moves the date")
    func incompleteYearsAndAsOf() throws {
        try withFiles { dir in
            // "\r\n" is one Character in Swift: split on the string, not on "\n".
            let rows = Self.csv.replacingOccurrences(of: "2023", with: "2026") + Self.csv.components(separatedBy: "\r\n").dropFirst().joined(separator: "\r\n")
            try Data(rows.utf8).write(to: dir.appendingPathComponent("Mixed.csv"))
            let csv = dir.appendingPathComponent("Mixed.csv").path
            let base = dir.appendingPathComponent("kz-tm.json").path
            // The bundled dataset is as of 2026-02-22: 2026 is not over.
            let out = dir.appendingPathComponent("a.json").path
            let r = try Self.tradedash(["import", "comtrade", csv, "--data", base, "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("warning: figures for 2026 left out: the year is not over on the dataset's as-of date 2026-02-22"))
            let a = try DatasetLoader.load(path: out)
            #expect(a.trade.contains { $0.period.year == 2023 && $0.source.hasPrefix("comtrade-") })
            #expect(!a.trade.contains { $0.period.year == 2026 && $0.source.hasPrefix("comtrade-") })
            #expect(a.asOf == DateValue(year: 2026, month: 2, day: 22))
            // With --as-of after the year's end, 2026 comes in and the date moves.
            let out2 = dir.appendingPathComponent("b.json").path
            let r2 = try Self.tradedash(["import", "comtrade", csv, "--data", base, "--output", out2, "--as-of", "2027-03-01"])
            #expect(r2.status == 0, "\(r2.stderr)")
            let b = try DatasetLoader.load(path: out2)
            #expect(b.asOf == DateValue(year: 2027, month: 3, day: 1))
            #expect(b.trade.contains { $0.period.year == 2026 && $0.source.hasPrefix("comtrade-") })
            // Only an incomplete year: nothing to import, nothing written.
            try Data(Self.csv.replacingOccurrences(of: "2023", with: "2026").utf8).write(to: dir.appendingPathComponent("Only2026.csv"))
            let out3 = dir.appendingPathComponent("c.json").path
            let r3 = try Self.tradedash(["import", "comtrade", dir.appendingPathComponent("Only2026.csv").path, "--data", base, "--output", out3])
            #expect(r3.status == 1)
            #expect(r3.stderr.contains("nothing to import: figures for 2026 left out"))
            #expect(!FileManager.default.fileExists(atPath: out3))
            let bad = try Self.tradedash(["import", "comtrade", csv, "--output", out3, "--as-of", "2026"])
            #expect(bad.status == 64)
        }
    }

    @Test("--output writes the bundled dataset plus the import, which validates")
    func outputWritesANewValidDataset() throws {
        try withFiles { dir in
            let out = dir.appendingPathComponent("new.json").path
            let r = try Self.tradedash(["import", "comtrade", dir.appendingPathComponent("TradeData_2023.csv").path,
                                        "--data", dir.appendingPathComponent("kz-tm.json").path, "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            // Turkmenistan does not report 2023: Kazakhstan's two import figures (total, section V) stand for its
            // exports and say so; they are not added a second time as exports (before, "5 stated and 2 mirror
            // figures", 7 observations: the 2 mirror figures repeated the 2 imports).
            #expect(r.stdout.contains("5 of 7 rows used for 2023: 5 stated figures."))
            #expect(r.stdout.contains("Mirror: Kazakhstan's reported imports (2 figures, CIF) stand for Turkmenistan's exports to it in 2023; their note says so (not written twice)."))
            #expect(r.stdout.contains("Wrote \(out): 5 observations, 2 composition entries and 1 source added."))
            #expect(r.stdout.contains("Goods: 2 composition entries (per period, reporter and flow): 3 HS chapters and 0 headings kept, none folded"))
            #expect(r.stderr.contains("TradeData_2023.csv:7: warning: re-export/re-import row (flowCode RX) left out"))
            let dataset = try DatasetLoader.load(path: out)
            let imported = dataset.trade.filter { $0.source == "comtrade-tradedata-2023-kz" }
            #expect(imported.count == 5)
            #expect(imported.first { $0.flow == .exports && $0.hsSection == nil }?.usd == 412_345_678.5)
            #expect(imported.contains { $0.hsSection == 2 && $0.usd == 300_000_000 })
            // The mirror figure is Kazakhstan's stated imports, CIF, with the mirror note; no derived copy.
            #expect(imported.contains { $0.kind == .stated && $0.flow == .imports && $0.from == "TM" && $0.usd == 180_000_000 && $0.valuation == "cif"
                && $0.note == "mirror: also Turkmenistan's exports to Kazakhstan: none of Turkmenistan's own for 2023 were imported (CIF, as Kazakhstan values its imports; not FOB)" })
            #expect(!imported.contains { $0.kind == .derived })
            #expect(dataset.source("comtrade-tradedata-2023-kz")?.title == "UN Comtrade data file TradeData_2023.csv, as reported by Kazakhstan")
            let validate = try Self.tradedash(["validate", out])
            #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
            // The Trade screen shows the imported sections.
            let render = try Self.tradedash(["render", "--screen", "trade", "--data", out, "--width", "120", "--height", "45", "--color", "never"])
            #expect(render.status == 0)
            #expect(render.stdout.contains("Vegetable products"))
        }
    }

    @Test("--into twice: the second run changes nothing")
    func intoIsIdempotent() throws {
        try withFiles { dir in
            let dataset = dir.appendingPathComponent("kz-tm.json").path
            let csv = dir.appendingPathComponent("TradeData_2023.csv").path
            let first = try Self.tradedash(["import", "comtrade", csv, "--into", dataset])
            #expect(first.status == 0, "\(first.stderr)")
            let afterFirst = try Data(contentsOf: URL(fileURLWithPath: dataset))
            let second = try Self.tradedash(["import", "comtrade", csv, "--into", dataset])
            #expect(second.status == 0)
            #expect(second.stdout.contains("Nothing to do: the dataset already holds all 5 observations and 2 composition entries of this import"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == afterFirst)
        }
    }

    @Test("bad input: FILE:LINE: error, exit 1, the dataset untouched")
    func badInputFailsCleanly() throws {
        try withFiles { dir in
            let dataset = dir.appendingPathComponent("kz-tm.json").path
            let original = try Data(contentsOf: URL(fileURLWithPath: dataset))
            let bad = dir.appendingPathComponent("bad.csv").path
            try Data(Self.csv.replacingOccurrences(of: "300000000", with: "3OO").utf8).write(to: URL(fileURLWithPath: bad))
            let r = try Self.tradedash(["import", "comtrade", bad, "--into", dataset])
            #expect(r.status == 1)
            #expect(r.stderr.contains("\(bad):3: error: primaryValue \"3OO\" is not a number"))
            #expect(r.stdout.isEmpty)
            #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == original)

            let unknown = try Self.tradedash(["import", "comtrade", dir.appendingPathComponent("TradeData_2023.csv").path, "--reporter", "XX", "--into", dataset])
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("--reporter XX: not a country of the dataset"))

            let exists = try Self.tradedash(["import", "comtrade", dir.appendingPathComponent("TradeData_2023.csv").path, "--output", dataset])
            #expect(exists.status == 1)
            #expect(exists.stderr.contains("already exists; use --force"))

            let nowhere = try Self.tradedash(["import", "comtrade", dir.appendingPathComponent("TradeData_2023.csv").path])
            #expect(nowhere.status != 0)
            #expect(nowhere.stderr.contains("--into DATASET (merge in place) or --output NEW"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == original)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["TradeData_2023.csv", "bad.csv", "kz-tm.json"])
        }
    }

    /// A dataset with the pair and nothing else, so that the import's year is the Trade screen's only row.
    static let emptyDataset = """
    {"schema": 1, "title": "Kazakhstan and Turkmenistan (test)", "asOf": "2025-11-26",
     "countries": [{"code": "KZ", "name": "Kazakhstan", "isoNumeric": 398, "iso3": "KAZ"},
                   {"code": "TM", "name": "Turkmenistan", "isoNumeric": 795, "iso3": "TKM"}],
     "sources": [], "trade": []}
    """

    static func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("a mirror year lists each reported value once: the Trade table and detail, the source's citations")
    func mirrorValuesAreListedOnce() throws {
        try withFiles { dir in
            let base = dir.appendingPathComponent("empty.json").path
            try Data(Self.emptyDataset.utf8).write(to: URL(fileURLWithPath: base))
            let out = dir.appendingPathComponent("new.json").path
            let r = try Self.tradedash(["import", "comtrade", dir.appendingPathComponent("TradeData_2023.csv").path, "--data", base, "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            func render(_ screen: String, keys: String? = nil) throws -> String {
                let run = try Self.tradedash(["render", "--screen", screen, "--data", out, "--width", "100", "--height", "40", "--color", "never"]
                                             + (keys.map { ["--keys", $0] } ?? []))
                #expect(run.status == 0, "\(run.stderr)")
                return run.stdout
            }
            // The table: the totals are those of the stated figures, as before. KZ→TM 412,345,678.5 (shown 412.3 M);
            // TM→KZ 180,000,000 (Kazakhstan's imports); balance 412,345,678.5 − 180,000,000 = 232,345,678.5 (232.3 M);
            // turnover, with no turnover figure, exports + imports = 592,345,678.5 (592.3 M).
            let table = try render("trade")
            let row = table.split(separator: "\n").first { $0.hasPrefix("│2023") }.map(String.init) ?? ""
            for figure in ["592.3 M", "412.3 M", "180 M", "232.3 M"] { #expect(row.contains(figure), "\(row)") }
            // The detail of 2023: the 180 M once (it was listed as "Imports TM→KZ: 180 M" and again as
            // "Exports TM→KZ: 180 M* derived by us"), section V's 150 M once (twice before, once with *).
            let detail = try render("trade", keys: "<enter>")
            #expect(detail.contains("Trade in 2023"))
            #expect(Self.occurrences("180 M", in: detail) == 1, "\(detail)")
            #expect(detail.contains("Imports TM→KZ: 180 M  stated by the source (CIF)"))
            #expect(!detail.contains("Exports TM→KZ"))
            #expect(detail.contains("mirror: also Turkmenistan's exports to Kazakhstan"))
            #expect(Self.occurrences("TM→KZ Mineral products: 150 M", in: detail) == 1, "\(detail)")
            #expect(!detail.contains("*"), "nothing is derived in this detail: \(detail)")
            // The source's citations: 3 KZ→TM exports (total, sections II and V) + 2 TM→KZ imports (total, section V) = 5,
            // and the goods of each direction (2 composition entries).
            let source = try render("sources", keys: "<enter>")
            #expect(source.contains("Cited by (7)"), "\(source)")
            #expect(Self.occurrences("trade 2023 TM→KZ imports", in: source) == 2)
            #expect(!source.contains("TM→KZ exports"))
        }
    }

    /// A file with 30 chapters, 12 headings under the largest, net weights, and three months of a year
    /// without an annual row. Values are chosen so that the expected figures are plain arithmetic here.
    static func goodsCSV() -> String {
        var rows = ["refYear,refMonth,reporterCode,partnerCode,flowCode,classificationCode,cmdCode,cmdDesc,aggrLevel,netWgt,primaryValue",
                    "2023,52,398,795,X,H6,TOTAL,All Commodities,0,,500000000"]
        // Chapter c (1…30 but 77 is not among them) is worth (31 − c) million and weighs c tonnes: chapter 01 is the largest.
        for c in 1...30 { rows.append("2023,52,398,795,X,H6,\(c < 10 ? "0" : "")\(c),Chapter,2,\(c * 1000),\((31 - c) * 1_000_000)") }
        // Chapter 01's headings 0101…0112, worth h × 1000 USD each; 0105 reports no weight.
        for h in 1...12 {
            let code = "01" + (h < 10 ? "0\(h)" : "\(h)")
            rows.append("2023,52,398,795,X,H6,\(code),\"Heading \(code), live\",4,\(h == 5 ? "" : "\(h)"),\(h * 1000)")
        }
        // Kazakhstan's imports of 2024, January to March only: crude oil (2709) and gas (2711) each month.
        for m in 1...3 {
            rows.append("2024,\(m),398,795,M,H6,TOTAL,All Commodities,0,,\(m * 100)")
            rows.append("2024,\(m),398,795,M,H6,2709,Crude petroleum,4,\(m * 10),\(m * 60)")
            rows.append("2024,\(m),398,795,M,H6,2711,Petroleum gases,4,\(m * 5),\(m * 30)")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    @Test("goods detail: chapters, headings, the cap's remainders, net weight and a partial period, written and valid")
    func goodsDetailIsImportedCappedAndValid() throws {
        try withFiles { dir in
            let base = dir.appendingPathComponent("empty.json").path
            try Data(Self.emptyDataset.utf8).write(to: URL(fileURLWithPath: base))
            let csv = dir.appendingPathComponent("Goods_2023.csv")
            try Data(Self.goodsCSV().utf8).write(to: csv)
            let out = dir.appendingPathComponent("goods.json").path
            let r = try Self.tradedash(["import", "comtrade", csv.path, "--data", base, "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("Partial periods from monthly rows (the file has no annual row for them; sums of the months are marked derived): "
                + "Kazakhstan's 2024 Jan–Mar imports from Turkmenistan."), "\(r.stdout)")
            // 30 chapters: 25 kept, 5 folded; chapter 01 (the largest) lists 10 of its 12 headings; the 2024 entry
            // has chapter 27 with its 2 headings.
            #expect(r.stdout.contains("Goods: 2 composition entries (per period, reporter and flow): 26 HS chapters and 12 headings kept, "
                + "5 chapters and 2 headings folded into \"other\" items"), "\(r.stdout)")
            #expect(r.stdout.contains("Wrote \(out): "))
            let validate = try Self.tradedash(["validate", out])
            #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")

            let d = try DatasetLoader.load(path: out)
            let source = try #require(d.source("comtrade-goods-2023-kz"))
            #expect(source.language == "en" && source.basis == .nationalStatistics && source.basisCountry == "KZ")
            let x = try #require(d.composition.first { $0.id == "comtrade-goods-2023-kz-2023-exports" })
            #expect(x.period == Period(year: 2023) && x.from == "KZ" && x.to == "TM" && x.flow == .exports && x.kind == .stated)
            let chapters = x.goods.filter { $0.hs?.count == 2 && !$0.remainder }
            #expect(chapters.map(\.hs!) == (1...25).map { $0 < 10 ? "0\($0)" : "\($0)" })
            let values: [Double] = (1...25).map { Double((31 - $0) * 1_000_000) }
            #expect(chapters.map(\.usd!) == values)
            let weights: [Double] = (1...25).map { Double($0 * 1000) }
            #expect(chapters.map(\.quantity!) == weights)
            #expect(chapters.allSatisfy { $0.unit == .kg })
            #expect(chapters.first?.name == "Live animals" && chapters[9].name == "Cereals")
            // The other chapters, 26…30: 5 + 4 + 3 + 2 + 1 million, 26…30 tonnes.
            let other = try #require(x.goods.first { $0.remainder && $0.hs == nil })
            let otherWeight = Double((26...30).reduce(0, +) * 1000)
            #expect(other.name == "other chapters" && other.usd == 15_000_000)
            #expect(other.quantity == otherWeight)
            // Chapter 01's headings: 0112 down to 0103 listed (0105 without weight), 0101 + 0102 = 3000 USD the rest.
            let headings = x.goods.filter { $0.hs?.count == 4 }
            #expect(headings.map(\.hs!) == (3...12).reversed().map { $0 < 10 ? "010\($0)" : "01\($0)" })
            #expect(headings.first?.name == "Heading 0112, live" && headings.first?.usd == 12_000)
            #expect(headings.first { $0.hs == "0105" }?.quantity == nil && headings.first { $0.hs == "0106" }?.quantity == 6)
            let rest = try #require(x.goods.first { $0.remainder && $0.hs == "01" })
            #expect(rest.name == "other headings of chapter 01" && rest.usd == 3_000 && rest.quantity == 3)

            // The partial period: January–March 2024, sums of the months, derived.
            let period = Period(year: 2024, months: 1...3)
            let total = try #require(d.trade.first { $0.period == period && $0.hsSection == nil })
            #expect(total.usd == 600 && total.kind == .derived && total.from == "TM" && total.to == "KZ")
            let m = try #require(d.composition.first { $0.period == period })
            #expect(m.kind == .derived && m.flow == .imports && m.goods.map(\.hs) == ["27", "2709", "2711"])
            #expect(m.goods.map(\.usd) == [540, 360, 180] && m.goods.map(\.quantity) == [90, 60, 30])

            // The Goods screen ranks the imported chapters with their values: 2024 (the latest) first, then 2023.
            func goods(_ keys: [String]) throws -> String {
                let run = try Self.tradedash(["render", "--screen", "goods", "--data", out, "--width", "100", "--height", "40", "--color", "never"] + keys)
                #expect(run.status == 0, "\(run.stderr)")
                return run.stdout
            }
            let latest = try goods([])
            #expect(latest.contains("2024 Jan–Mar") && latest.contains("27 Mineral fuels and oils") && latest.contains("USD 540*"), "\(latest)")
            let earlier = try goods(["--keys", "-"])
            let lines = earlier.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.contains("  01 Live animals") && $0.contains("USD 30 M") && $0.contains("1 t") }, "\(earlier)")
            #expect(lines.contains { $0.contains("0112 Heading 0112, live") && $0.contains("USD 12,000") && $0.contains("12 kg") })
            #expect(lines.contains { $0.contains("01 other headings of chapter 01") && $0.contains("USD 3,000*") })
            #expect(lines.contains { $0.contains("  10 Cereals") && $0.contains("USD 21 M") })

            // The same import again changes nothing.
            let before = try Data(contentsOf: URL(fileURLWithPath: out))
            let again = try Self.tradedash(["import", "comtrade", csv.path, "--into", out])
            #expect(again.status == 0 && again.stdout.contains("Nothing to do"), "\(again.stdout)\(again.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
        }
    }
}
