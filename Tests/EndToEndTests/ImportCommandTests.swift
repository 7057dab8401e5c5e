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

    static func tradedash(_ arguments: [String]) throws -> ImportRun {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try binary())
        p.arguments = arguments
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

    @Test("--output writes the bundled dataset plus the import, which validates")
    func outputWritesANewValidDataset() throws {
        try withFiles { dir in
            let out = dir.appendingPathComponent("new.json").path
            let r = try Self.tradedash(["import", "comtrade", dir.appendingPathComponent("TradeData_2023.csv").path,
                                        "--data", dir.appendingPathComponent("kz-tm.json").path, "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("5 of 7 rows used for 2023: 5 stated and 2 mirror figures."))
            #expect(r.stdout.contains("Wrote \(out): 7 observations and 1 source added."))
            #expect(r.stderr.contains("TradeData_2023.csv:7: warning: re-export/re-import row (flowCode RX) left out"))
            let dataset = try DatasetLoader.load(path: out)
            let imported = dataset.trade.filter { $0.source == "comtrade-tradedata-2023-kz" }
            #expect(imported.count == 7)
            #expect(imported.first { $0.flow == .exports && $0.hsSection == nil }?.usd == 412_345_678.5)
            #expect(imported.contains { $0.hsSection == 2 && $0.usd == 300_000_000 })
            #expect(imported.contains { $0.kind == .derived && $0.from == "TM" && $0.usd == 180_000_000 && $0.note == "mirror: from Kazakhstan's reported imports (CIF)" })
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
            #expect(second.stdout.contains("Nothing to do: the dataset already holds all 7 observations of this import"))
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
}
