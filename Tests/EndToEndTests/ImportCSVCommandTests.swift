import Foundation
import Testing
import TradeModel

/// `tradedash import csv` run as a user runs it: the exported trade series imported back, the
/// examples of docs/import-csv.md, bad input, exit codes and files written or not.
@Suite("Import CSV command")
struct ImportCSVCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    typealias Run = ImportCommandTests.ImportRun

    static func tradedash(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        try ImportCommandTests.tradedash(arguments, in: directory)
    }

    func withDirectory(_ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradedash-import-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir)
    }

    /// The bundled dataset with an empty trade array, everything else as it is.
    static func writeSeedWithoutTrade(to path: String) throws {
        let root = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: BundledDataset.sourceTreePath))))
        guard case .object(var members) = root.value, let k = members.firstIndex(where: { $0.key == "trade" }) else {
            throw TerminalSkip("the bundled dataset has no trade array")
        }
        members[k].node.value = .array([])
        try Data(JSONWriter.writeBytes(JSONNode(.object(members)))).write(to: URL(fileURLWithPath: path))
    }

    static func entries(_ dir: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    @Test("the exported trade CSV, imported into the seed without trade, gives the seed's observations field by field")
    func roundTrip() throws {
        try withDirectory { dir in
            let seed = try DatasetLoader.load(path: BundledDataset.sourceTreePath)
            let csv = dir.appendingPathComponent("trade.csv").path
            let base = dir.appendingPathComponent("without-trade.json").path
            let out = dir.appendingPathComponent("again.json").path
            let export = try Self.tradedash(["export", "trade", "--format", "csv", "--output", csv])
            #expect(export.status == 0, "\(export.stderr)")
            try Self.writeSeedWithoutTrade(to: base)

            let r = try Self.tradedash(["import", "csv", csv, "--data", base, "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.isEmpty)
            let derived = seed.trade.filter { $0.kind == .derived }.count
            let years = seed.trade.map(\.period.year)
            #expect(r.stdout.hasPrefix("\(csv): 39 of 39 rows used for \(years.min()!)–\(years.max()!): 39 figures, \(39 - derived) stated and \(derived) derived.\n"
                + "Wrote \(out): 39 observations and 0 sources added.\n"
                + "Sources of the dataset cited: \(Set(seed.trade.map(\.source)).count) sources ("))
            let back = try DatasetLoader.load(path: out)
            #expect(back.trade.count == seed.trade.count)
            for (k, (a, b)) in zip(back.trade, seed.trade).enumerated() {
                #expect(a == b, "trade[\(k)]")
                #expect(a.period == b.period && a.flow == b.flow && a.from == b.from && a.to == b.to && a.usd == b.usd)
                #expect(a.growth == b.growth && a.qualifier == b.qualifier && a.growthQualifier == b.growthQualifier && a.kind == b.kind)
                #expect(a.source == b.source && a.hsSection == b.hsSection && a.valuation == b.valuation && a.note == b.note)
            }
            #expect(back == seed)
            let validate = try Self.tradedash(["validate", out])
            #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
            // And exported again, the same bytes.
            let again = try Self.tradedash(["export", "trade", "--format", "csv", "--data", out])
            #expect(again.stdout == (try String(contentsOfFile: csv, encoding: .utf8)))
        }
    }

    @Test("the exported trade CSV imported into the full seed: nothing to do (--into), the same dataset (--output)")
    func intoTheFullSeed() throws {
        try withDirectory { dir in
            let csv = dir.appendingPathComponent("trade.csv").path
            let dataset = dir.appendingPathComponent("kz-tm.json").path
            _ = try Self.tradedash(["export", "trade", "--format", "csv", "--output", csv])
            try FileManager.default.copyItem(atPath: BundledDataset.sourceTreePath, toPath: dataset)
            let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
            let into = try Self.tradedash(["import", "csv", csv, "--into", dataset])
            #expect(into.status == 0, "\(into.stderr)")
            #expect(into.stdout.contains("Nothing to do: the dataset already holds all 39 observations of this import; the file was not touched."))
            #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)

            let out = dir.appendingPathComponent("copy.json").path
            let copy = try Self.tradedash(["import", "csv", csv, "--data", dataset, "--output", out])
            #expect(copy.status == 0, "\(copy.stderr)")
            #expect(copy.stdout.contains("Wrote \(out): 0 observations and 0 sources added (39 already there)."))
            #expect(try DatasetLoader.load(path: out) == DatasetLoader.load(path: BundledDataset.sourceTreePath))
        }
    }

    /// The fenced block after `<!-- example: NAME -->` in docs/import-csv.md, and the block after it.
    static func docExample(_ name: String) throws -> (code: String, next: String) {
        let doc = try String(contentsOf: root.appendingPathComponent("docs/import-csv.md"), encoding: .utf8)
        guard let marker = doc.range(of: "<!-- example: \(name) -->") else { throw TerminalSkip("docs/import-csv.md has no example \(name)") }
        let blocks = doc[marker.upperBound...].components(separatedBy: "```")
        // blocks[0] is between the marker and the first fence; [1] the first block (after its language), [3] the next.
        func body(_ s: String) -> String { String(s.drop { $0 != "\n" }.dropFirst()) }
        return (body(blocks[1]), body(blocks[3]))
    }

    @Test("the hand-written table of docs/import-csv.md imports, with the report the document shows")
    func handWrittenExampleOfTheDocs() throws {
        try withDirectory { dir in
            let (csv, report) = try Self.docExample("hand-written")
            try Data(csv.utf8).write(to: dir.appendingPathComponent("my-sums.csv"))
            try FileManager.default.copyItem(atPath: BundledDataset.sourceTreePath, toPath: dir.appendingPathComponent("my.json").path)
            let lines = report.split(separator: "\n").map(String.init)
            #expect(lines.first == "tradedash import csv my-sums.csv --into my.json")
            let r = try Self.tradedash(["import", "csv", "my-sums.csv", "--into", "my.json"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.split(separator: "\n").map(String.init) == Array(lines.dropFirst()))
            let d = try DatasetLoader.load(path: dir.appendingPathComponent("my.json").path)
            let added = d.trade.filter { $0.source == "my-customs-sums" }
            #expect(added.map(\.usd) == [412_345_678.5, 180_000_000, 398_000_000])
            #expect(added.map(\.flow) == [.exports, .imports, .exports] && added.allSatisfy { $0.kind == .derived })
            #expect(d.source("my-customs-sums") == Source(id: "my-customs-sums", publisher: "My customs extract (annual sums)"))
        }
    }

    /// A python3 (on PATH, or in the usual places) that has the duckdb module.
    static func pythonWithDuckDB() -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
        return (path + ["/usr/bin/python3", "/usr/local/bin/python3"]).first {
            FileManager.default.isExecutableFile(atPath: $0) && TerminalProcess.run([$0, "-c", "import duckdb"]).status == 0
        }
    }

    @Test("the DuckDB query of docs/import-csv.md, run on a generated Parquet file, writes a table that imports to its sums")
    func duckDBExampleOfTheDocs() throws {
        guard let python = Self.pythonWithDuckDB() else {
            print("skipped: Python's duckdb module is not installed (pip install duckdb); the DuckDB example of docs/import-csv.md was not run")
            return
        }
        try withDirectory { dir in
            // Shipments: (year, exporter, importer, value); the UZ ones are not of the pair.
            var shipments = [(Int, String, String, Double)]()
            for k in 0..<60 {
                let pairs = [("KZ", "TM"), ("TM", "KZ"), ("KZ", "UZ")]
                let (e, i) = pairs[k % 3]
                shipments.append((2019 + k % 4, e, i, Double(1000 + 37 * k) + 0.25))
            }
            let values = shipments.map { "(\($0.0), '\($0.1)', '\($0.2)', \($0.3))" }.joined(separator: ", ")
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("shipments"), withIntermediateDirectories: true)
            let make = """
            import duckdb
            duckdb.sql("COPY (SELECT * FROM (VALUES \(values)) t(year, exporter, importer, value_usd)) TO 'shipments/part-0.parquet' (FORMAT parquet)")
            duckdb.sql(open('sums.sql').read())
            """
            try Data(Self.docExample("duckdb").code.utf8).write(to: dir.appendingPathComponent("sums.sql"))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: python)
            p.arguments = ["-c", make]
            p.currentDirectoryURL = dir
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            let out = dir.appendingPathComponent("out.json").path
            let r = try Self.tradedash(["import", "csv", "my-sums.csv", "--output", out], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            let d = try DatasetLoader.load(path: out)
            let added = d.trade.filter { $0.source == "my-customs-sums" }
            // The sums, computed here from the shipments.
            var expected = [String: Double]()
            for (y, e, i, v) in shipments where i != "UZ" { expected["\(y) \(e)→\(i)", default: 0] += v }
            #expect(added.count == expected.count)
            for o in added {
                #expect(o.usd == expected["\(o.period.year) \(o.from!)→\(o.to!)"], "\(o.period.year) \(o.from!)→\(o.to!)")
                #expect(o.flow == (o.from == "KZ" ? .exports : .imports) && o.kind == .derived && o.note == "Sum of 5 shipments")
            }
        }
    }

    @Test("a period not over on the as-of date is left out with a warning; --as-of moves the date")
    func asOf() throws {
        try withDirectory { dir in
            let csv = dir.appendingPathComponent("t.csv").path
            try Data("year,flow,from,to,value,unit,kind,source_id,source_publisher\n2026,exports,KZ,TM,7,usd,derived,mine,Me\n2019,exports,KZ,TM,5,usd,derived,mine,Me\n".utf8)
                .write(to: URL(fileURLWithPath: csv))
            let a = dir.appendingPathComponent("a.json").path
            let r = try Self.tradedash(["import", "csv", csv, "--output", a])
            #expect(r.status == 0, "\(r.stderr)")
            // The bundled dataset is as of 2026-02-22.
            #expect(r.stderr == "\(csv): warning: figures for 2026 left out: the year is not over on the dataset's as-of date 2026-02-22; "
                + "pass --as-of YYYY-MM-DD (a date after the year's end) to move the as-of date and import them\n")
            #expect(r.stdout.hasPrefix("\(csv): 1 of 2 rows used for 2019: 1 figure, 0 stated and 1 derived.\n"
                + "Rows left out: 1 of a period not over on the as-of date.\nWrote \(a): 1 observation and 1 source added.\n"))
            #expect(try DatasetLoader.load(path: a).trade.filter { $0.source == "mine" }.map(\.period.year) == [2019])
            let b = dir.appendingPathComponent("b.json").path
            let r2 = try Self.tradedash(["import", "csv", csv, "--output", b, "--as-of", "2027-01-31", "--quiet"])
            #expect(r2.status == 0 && r2.stdout.isEmpty && r2.stderr.isEmpty, "\(r2.stderr)")
            let d = try DatasetLoader.load(path: b)
            #expect(d.trade.filter { $0.source == "mine" }.map(\.period.year) == [2026, 2019])
            #expect(d.asOf == DateValue(year: 2027, month: 1, day: 31))
        }
    }

    @Test("bad input: FILE:LINE: error naming the column, exit 1, nothing written")
    func badInputFailsCleanly() throws {
        try withDirectory { dir in
            let dataset = dir.appendingPathComponent("kz-tm.json").path
            try FileManager.default.copyItem(atPath: BundledDataset.sourceTreePath, toPath: dataset)
            let original = try Data(contentsOf: URL(fileURLWithPath: dataset))
            let bad = dir.appendingPathComponent("bad.csv").path
            try Data("year,flow,from,to,value,unit,kind,source_id\r\n2019,exports,KZ,TM,12abc,usd,stated,np-kz-13200\r\n2019,exports,KZ,KZ,5,usd,stated,np-kz-13200\r\n".utf8)
                .write(to: URL(fileURLWithPath: bad))
            let r = try Self.tradedash(["import", "csv", bad, "--into", dataset])
            #expect(r.status == 1)
            #expect(r.stderr == "\(bad):2: error: value (column 5): \"12abc\" is not a number; expected a plain decimal such as 254300000 or 0.28\n"
                + "\(bad):3: error: to (column 4): from and to are the same country \"KZ\"\n")
            #expect(r.stdout.isEmpty)
            #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == original)

            let out = dir.appendingPathComponent("new.json").path
            let r2 = try Self.tradedash(["import", "csv", bad, "--output", out])
            #expect(r2.status == 1)
            #expect(!FileManager.default.fileExists(atPath: out))

            let missing = try Self.tradedash(["import", "csv", dir.appendingPathComponent("nope.csv").path, "--into", dataset])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("nope.csv: error: "))

            let nowhere = try Self.tradedash(["import", "csv", bad])
            #expect(nowhere.status != 0)
            #expect(nowhere.stderr.contains("--into DATASET (merge in place) or --output NEW"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == original)
            // No temporary file left behind.
            #expect(try Self.entries(dir) == ["bad.csv", "kz-tm.json"])
        }
    }

    @Test("a disagreeing source cell and a derived figure contradicting the dataset are errors; unknown columns a warning")
    func sourcesConflictsAndWarnings() throws {
        try withDirectory { dir in
            let dataset = dir.appendingPathComponent("kz-tm.json").path
            try FileManager.default.copyItem(atPath: BundledDataset.sourceTreePath, toPath: dataset)
            let original = try Data(contentsOf: URL(fileURLWithPath: dataset))
            let seed = try DatasetLoader.load(path: dataset)
            let first = seed.trade[0]
            let csv = dir.appendingPathComponent("t.csv").path
            // The dataset's first figure with another value: a contradiction the merge refuses.
            try Data("year,flow,value,unit,kind,source_id,source_publisher,comment\n\(first.period.year),\(first.flow.rawValue),1,usd,\(first.kind.rawValue),\(first.source),,x\n".utf8)
                .write(to: URL(fileURLWithPath: csv))
            let r = try Self.tradedash(["import", "csv", csv, "--into", dataset])
            #expect(r.status == 1)
            #expect(r.stderr.contains("\(csv):1: warning: 1 column not read (not among the documented columns, docs/import-csv.md): \"comment\""))
            #expect(r.stderr.contains("\(dataset):"), "the merge names the dataset's entry: \(r.stderr)")
            #expect(r.stderr.contains("already holds"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == original)

            try Data("year,flow,value,unit,kind,source_id,source_publisher\n2010,turnover,1,usd,stated,\(first.source),Someone else\n".utf8)
                .write(to: URL(fileURLWithPath: csv))
            let s = try Self.tradedash(["import", "csv", csv, "--into", dataset])
            #expect(s.status == 1)
            #expect(s.stderr.contains("\(csv):2: error: source_publisher (column 7): \"Someone else\" disagrees with the dataset's source \"\(first.source)\""))
            #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == original)
        }
    }
}
