#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TradeModel

/// `tradedash export` as a user runs it: the trade series read back by Python's csv module, and the
/// outputs it must refuse.
@Suite("Export command")
struct ExportCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(_ args: [String]) throws -> TerminalProcess.Result {
        let bin = try TerminalBinary.path.get()
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        return TerminalProcess.run([bin] + args, environment: env)
    }

    static func python() -> String? {
        for p in ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"] where FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        return nil
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradedash-export-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Every trade observation of the bundled dataset comes back from Python's csv module with its
    /// value, period, flow and source, in the dataset's order.
    @Test func pythonReadsTheTradeSeriesBack() throws {
        guard let python = Self.python() else {
            print("skipped: python3 not found; the CSV round trip through Python's csv module was not checked")
            return
        }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("trade.csv").path
        let r = try run(["export", "trade", "--format", "csv", "--output", csv])
        #expect(r.status == 0, "\(r.stderr)")
        // Python writes each row back as JSON: an independent reader of the CSV.
        let script = """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            print(json.dumps(list(csv.DictReader(f))))
        """
        let p = TerminalProcess.run([python, "-c", script, csv], environment: ProcessInfo.processInfo.environment)
        #expect(p.status == 0, "\(p.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(p.stdoutBytes)) as? [[String: String]])
        let dataset = try DatasetLoader.load(path: BundledDataset.sourceTreePath)
        #expect(rows.count == dataset.trade.count)
        #expect(rows.count == 39)
        for (row, o) in zip(rows, dataset.trade) {
            let usd = row["value"].flatMap { $0.isEmpty ? nil : Double($0) }
            #expect(usd == o.usd, "\(o.period) \(o.flow): \(row["value"] ?? "-")")
            #expect(row["year"] == String(o.period.year))
            #expect(row["month_first"] == String(o.period.months?.lowerBound ?? 1))
            #expect(row["month_last"] == String(o.period.months?.upperBound ?? 12))
            #expect(row["flow"] == o.flow.rawValue)
            #expect(row["from"] == (o.from ?? "") && row["to"] == (o.to ?? ""))
            #expect(row["kind"] == o.kind.rawValue && row["qualifier"] == o.qualifier.rawValue)
            #expect(row["unit"] == "usd")
            #expect(row["note"] == (o.note ?? ""))
            let source = try #require(dataset.source(o.source))
            #expect(row["source_id"] == source.id)
            #expect(row["source_publisher"] == source.publisher)
            #expect(row["source_url"] == (source.url ?? ""))
            #expect(row["source_date"] == (source.date?.iso ?? ""))
        }
    }

    @Test func stdoutIsTheSameAsTheFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["csv", "json", "markdown"] {
            let file = dir.appendingPathComponent("out.\(format)").path
            let a = try run(["export", "sources", "--format", format])
            let b = try run(["export", "sources", "--format", format, "--output", file])
            #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
            #expect(b.stdout.isEmpty)
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data(a.stdoutBytes), "\(format)")
        }
    }

    @Test func unknownKindOrFormatListsTheAllowedValues() throws {
        let k = try run(["export", "ships"])
        #expect(k.status == 64)
        #expect(k.stderr.contains("unknown kind \"ships\"; expected one of trade, goods, targets, deals, projects, events, indicators, sources"))
        let f = try run(["export", "trade", "--format", "xml"])
        #expect(f.status == 64)
        #expect(f.stderr.contains("unknown format \"xml\"; expected one of csv, json, markdown"))
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("trade.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: file))
        let r = try run(["export", "trade", "--output", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(file) already exists (use --force to replace it)"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "old\n")
        let forced = try run(["export", "trade", "--output", file, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("year,month_first,month_last,flow,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["trade.csv"])
    }

    static func canCreate(in dir: String) -> Bool {
        let probe = dir + "/.tradedash-probe-\(getpid())"
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return false }
        close(fd)
        unlink(probe)
        return true
    }

    /// The README's done-when check, as a pipe: Python counts the rows on stdout.
    @Test func pipeIntoPythonCountsTheObservations() throws {
        guard let python = Self.python() else {
            print("skipped: python3 not found; the pipe into Python's csv module was not checked")
            return
        }
        let bin = try TerminalBinary.path.get()
        let line = "'\(bin)' export trade --format csv | '\(python)' -c 'import csv,sys; print(len(list(csv.DictReader(sys.stdin))))'"
        let r = TerminalProcess.run(["/bin/sh", "-c", line], environment: ProcessInfo.processInfo.environment)
        let dataset = try DatasetLoader.load(path: BundledDataset.sourceTreePath)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(dataset.trade.count)\n")
        #expect(r.stdout == "39\n")
    }

    /// A missing directory, a directory, a FIFO, a read-only directory: exit 1, a message naming the
    /// path, and nothing written (no temporary file left behind).
    @Test func badOutputPathsFailCleanly() throws {
        let dir = try temporaryDirectory()
        defer {
            chmod(dir.appendingPathComponent("readonly").path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let sub = dir.appendingPathComponent("sub").path
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false)
        let readonly = dir.appendingPathComponent("readonly").path
        try FileManager.default.createDirectory(atPath: readonly, withIntermediateDirectories: false)
        #expect(chmod(readonly, 0o555) == 0)
        var cases: [(path: String, says: String)] = [
            (dir.appendingPathComponent("missing/trade.csv").path, "No such file or directory"),
            (sub, "is a directory"),
            (fifo, "is not a regular file (a FIFO)"),
        ]
        if !Self.canCreate(in: readonly) {
            cases.append((readonly + "/trade.csv", "cannot create a temporary file in \(readonly)"))
        } else if !Self.canCreate(in: "/sys") {
            // root writes into a 0555 directory; sysfs refuses new files even to root.
            cases.append(("/sys/tradedash-export.csv", "cannot create a temporary file in /sys"))
            print("note: running as root, the read-only case uses /sys instead of a 0555 directory")
        } else {
            print("skipped: running as root with a writable /sys, no read-only directory to test")
        }
        for force in [false, true] {
            for c in cases {
                let r = try run(["export", "trade", "--output", c.path] + (force ? ["--force"] : []))
                #expect(r.status == 1, "\(c.path): exit \(r.status)")
                #expect(r.stderr.hasPrefix("tradedash export: "), "\(c.path): \(r.stderr)")
                #expect(r.stderr.contains(c.path), "\(c.path): \(r.stderr)")
                #expect(r.stderr.contains(c.says), "\(c.path): \(r.stderr)")
                #expect(r.stdout.isEmpty)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["fifo", "readonly", "sub"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: sub).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: readonly).isEmpty)
    }

    /// Control characters in the data reach a file as they are, and a terminal only escaped.
    @Test func controlCharactersAreEscapedOnATerminalOnly() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try String(contentsOfFile: BundledDataset.sourceTreePath, encoding: .utf8)
        let note = "\"note\": \"The source says +90 %; 345 ÷ 183 is +88.5 %.\""
        #expect(original.contains(note))
        let data = dir.appendingPathComponent("data.json").path
        try original.replacingOccurrences(of: note, with: "\"note\": \"red \\u001b[31m here\"")
            .write(toFile: data, atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("trade.csv").path
        let r = try run(["export", "trade", "--data", data, "--output", file])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(String(decoding: bytes, as: UTF8.self).contains("red \u{1B}[31m here"))
        let piped = try run(["export", "trade", "--data", data])
        #expect(piped.stdoutBytes == bytes)
        let bin = try TerminalBinary.path.get()
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        let tty = try #require(TerminalPTY.run([bin, "export", "trade", "--data", data], environment: env, width: 200, height: 50))
        #expect(tty.status == 0)
        let shown = String(decoding: tty.output, as: UTF8.self)
        #expect(shown.contains("red \\u{1B}[31m here"))
        #expect(!tty.output.contains(0x1B))
    }

    /// A full disk (an 8 KB tmpfs, when this process may mount one): exit 1, the path named, no file
    /// and no temporary file left.
    @Test func aFullDiskWritesNothing() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mount = ["/bin/mount", "/usr/bin/mount"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let env = ProcessInfo.processInfo.environment
        guard geteuid() == 0, let mount,
              TerminalProcess.run([mount, "-t", "tmpfs", "-o", "size=8k", "tmpfs", dir.path], environment: env).status == 0 else {
            print("skipped: cannot mount a small tmpfs here (needs root); the full-disk case was not checked")
            return
        }
        defer { _ = TerminalProcess.run(["/bin/umount", dir.path], environment: env) }
        let file = dir.appendingPathComponent("sources.csv").path
        let r = try run(["export", "sources", "--output", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot write \(file)"), "\(r.stderr)")
        #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
