import Foundation
import Testing
import TradeModel
@testable import TradeImport

/// Merging into a dataset file: idempotency, atomic writes, nothing written on failure.
@Suite struct ImportJobTests {
    struct Files {
        let dir: URL
        var dataset: String { dir.appendingPathComponent("dataset.json").path }
        var csv: String { dir.appendingPathComponent("TradeData_2024.csv").path }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    }

    func setUp(_ fixture: (inout ComtradeFixture) -> Void = { _ in }) throws -> (Files, ComtradeFixture) {
        let files = Files(dir: try temporaryDirectory())
        try Data(ComtradeFixture.datasetJSON.utf8).write(to: URL(fileURLWithPath: files.dataset))
        var f = ComtradeFixture()
        fixture(&f)
        f.generate()
        try Data(f.csv()).write(to: URL(fileURLWithPath: files.csv))
        return (files, f)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func entries(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    @Test func intoMergesKeepsWhatWasThereAndValidates() throws {
        let (files, fixture) = try setUp()
        defer { try? FileManager.default.removeItem(at: files.dir) }
        let before = try DatasetLoader.load(path: files.dataset)
        let report = try ImportJob(csvPath: files.csv, target: .into(files.dataset)).run()
        #expect(report.written == files.dataset)
        let after = try DatasetLoader.load(path: files.dataset)
        // Everything it had, in order, then the import.
        #expect(Array(after.trade.prefix(before.trade.count)) == before.trade)
        #expect(Array(after.sources.prefix(before.sources.count)) == before.sources)
        #expect(after.countries == before.countries && after.title == before.title)
        let added = Array(after.trade.dropFirst(before.trade.count))
        #expect(keyed(added, kind: .stated) == fixture.expected)
        #expect(mirrored(added) == fixture.expectedMirror)
        #expect(keyed(added, kind: .derived).isEmpty)
        #expect(after.sources.dropFirst(before.sources.count).map(\.id) == ["comtrade-tradedata-2024-kz", "comtrade-tradedata-2024-tm"])
        // Every imported figure cites a source entry of the file.
        for o in added { #expect(after.source(o.source)?.publisher == "UN Comtrade") }
        // No temporary file is left behind.
        #expect(try entries(files.dir) == ["TradeData_2024.csv", "dataset.json"])
    }

    @Test func theSameImportTwiceChangesNothing() throws {
        let (files, _) = try setUp()
        defer { try? FileManager.default.removeItem(at: files.dir) }
        _ = try ImportJob(csvPath: files.csv, target: .into(files.dataset)).run()
        let first = try bytes(files.dataset)
        let again = try ImportJob(csvPath: files.csv, target: .into(files.dataset)).run()
        #expect(again.written == nil)
        #expect(again.merged.changesNothing)
        #expect(again.merged.alreadyPresent == again.imported.observations.count)
        #expect(try bytes(files.dataset) == first)
        // And a third time through --output of the merged file: the copy is byte-identical too.
        let copy = files.path("copy.json")
        _ = try ImportJob(csvPath: files.csv, target: .output(base: files.dataset, path: copy, force: false)).run()
        #expect(try bytes(copy) == first)
    }

    @Test func aFailedImportLeavesTheDatasetByteIdentical() throws {
        let (files, _) = try setUp()
        defer { try? FileManager.default.removeItem(at: files.dir) }
        let original = try bytes(files.dataset)
        let bad = files.path("bad.csv")
        let cases: [(String, [UInt8])] = [
            ("empty", []),
            ("missing columns", Array("refYear,reporterCode\n2021,398\n".utf8)),
            ("non-numeric", Array("refYear,refMonth,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n2021,52,398,795,X,TOTAL,lots\n".utf8)),
            ("truncated", Array("refYear,refMonth,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n2021,52,398,795,X,\"TOTAL".utf8)),
            ("other countries", Array("refYear,refMonth,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n2021,52,860,643,X,TOTAL,5\n".utf8)),
        ]
        for (name, content) in cases {
            try Data(content).write(to: URL(fileURLWithPath: bad))
            #expect(throws: ImportFailure.self, "\(name)") {
                _ = try ImportJob(csvPath: bad, target: .into(files.dataset)).run()
            }
            #expect(try bytes(files.dataset) == original, "\(name)")
        }
        // Unknown --reporter, and a missing CSV.
        #expect(throws: ImportFailure.self) {
            _ = try ImportJob(csvPath: files.csv, target: .into(files.dataset), options: ComtradeImportOptions(reporter: "CN")).run()
        }
        #expect(throws: ImportFailure.self) {
            _ = try ImportJob(csvPath: files.path("nope.csv"), target: .into(files.dataset)).run()
        }
        #expect(try bytes(files.dataset) == original)
        #expect(try entries(files.dir) == ["TradeData_2024.csv", "bad.csv", "dataset.json"])
    }

    @Test func aChangedFileOfTheSameNameIsAConflictNotASilentOverwrite() throws {
        let (files, _) = try setUp()
        defer { try? FileManager.default.removeItem(at: files.dir) }
        _ = try ImportJob(csvPath: files.csv, target: .into(files.dataset)).run()
        let merged = try bytes(files.dataset)
        var changed = ComtradeFixture()
        changed.seed = 99
        changed.generate()
        try Data(changed.csv()).write(to: URL(fileURLWithPath: files.csv))
        let error = #expect(throws: ImportFailure.self) {
            _ = try ImportJob(csvPath: files.csv, target: .into(files.dataset)).run()
        }
        #expect(error?.errors.first?.message.contains("The file has changed since it was imported") == true)
        #expect(error?.errors.first?.line ?? 0 > 0)
        #expect(try bytes(files.dataset) == merged)
    }

    @Test func outputRefusesToReplaceAFileWithoutForce() throws {
        let (files, _) = try setUp()
        defer { try? FileManager.default.removeItem(at: files.dir) }
        let out = files.path("new.json")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: out))
        let error = #expect(throws: ImportFailure.self) {
            _ = try ImportJob(csvPath: files.csv, target: .output(base: files.dataset, path: out, force: false)).run()
        }
        #expect(error?.errors.first?.message.contains("already exists; use --force") == true)
        #expect(try bytes(out) == Data("keep me".utf8))
        _ = try ImportJob(csvPath: files.csv, target: .output(base: files.dataset, path: out, force: true)).run()
        let written = try DatasetLoader.load(path: out)
        #expect(written.trade.count > 2)
        // The base dataset itself is not touched by --output.
        #expect(try bytes(files.dataset) == Data(ComtradeFixture.datasetJSON.utf8))
    }

    @Test func anInvalidDatasetIsRefusedBeforeImporting() throws {
        let (files, _) = try setUp()
        defer { try? FileManager.default.removeItem(at: files.dir) }
        let broken = ComtradeFixture.datasetJSON.replacingOccurrences(of: "\"source\": \"press\", \"note\"", with: "\"source\": \"presss\", \"note\"")
        try Data(broken.utf8).write(to: URL(fileURLWithPath: files.dataset))
        let error = #expect(throws: ImportFailure.self) {
            _ = try ImportJob(csvPath: files.csv, target: .into(files.dataset)).run()
        }
        #expect(error?.errors.contains { $0.message.contains("fix it first") } == true)
        #expect(try bytes(files.dataset) == Data(broken.utf8))
    }

    @Test func theBundledDatasetTakesAnImport() throws {
        let (files, fixture) = try setUp()
        defer { try? FileManager.default.removeItem(at: files.dir) }
        let out = files.path("kz-tm.json")
        let report = try ImportJob(csvPath: files.csv, target: .output(base: BundledDataset.sourceTreePath, path: out, force: false)).run()
        let bundled = try DatasetLoader.load(path: BundledDataset.sourceTreePath)
        let merged = try DatasetLoader.load(path: out)
        #expect(merged.trade.count == bundled.trade.count + report.merged.addedObservations.count)
        #expect(keyed(Array(merged.trade.dropFirst(bundled.trade.count)), kind: .stated) == fixture.expected)
    }

    @Test func atomicWriteKeepsPermissionsAndFollowsSymlinks() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.json").path
        let link = dir.appendingPathComponent("link.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        chmod(real, 0o640)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try AtomicFile.write(Array("new".utf8), to: link, mode: .replace)
        #expect(try Data(contentsOf: URL(fileURLWithPath: real)) == Data("new".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        let attributes = try FileManager.default.attributesOfItem(atPath: real)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Array("x".utf8), to: real, mode: .createNew) }
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Array("x".utf8), to: dir.path + "/missing/dir/f.json", mode: .replace) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: real)) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.json", "real.json"])
    }
}
