import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What `validate`, `render --data` and `import` print comes partly from the data (a title, an
/// unknown id, a CSV header, a file name). None of it may reach the terminal as a control sequence:
/// a file could otherwise retitle the window, recolour or clear the screen, or hide text.
@Suite("SafeOutput")
struct SafeOutputTests {
    static let escape = "\u{1B}]0;owned\u{07}\u{1B}[31m\u{9B}2J"

    func run(_ args: [String]) throws -> TerminalProcess.Result {
        let bin = try TerminalBinary.path.get()
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        return TerminalProcess.run([bin] + args, environment: env, timeout: 60)
    }

    /// Neither ESC nor BEL nor a C1 control in stdout or stderr.
    func expectClean(_ r: TerminalProcess.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let all = r.stdout + r.stderr
        #expect(!r.stdoutBytes.contains(0x1B) && !r.stdoutBytes.contains(0x07), "\(what): stdout holds ESC or BEL", sourceLocation: sourceLocation)
        #expect(!all.utf8.contains(0x1B) && !all.utf8.contains(0x07), "\(what): output holds ESC or BEL: \(all.debugDescription)", sourceLocation: sourceLocation)
        #expect(!all.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "\(what): output holds a C1 control", sourceLocation: sourceLocation)
    }

    /// A JSON string literal for `s` with every control character escaped as \uXXXX.
    static func json(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            if u.value < 0x20 || (0x7F...0x9F).contains(u.value) {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else if u == "\"" || u == "\\" {
                out += "\\" + String(u)
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    static func dataset(title: String, tradeSource: String) -> String {
        """
        {
          "schema": 1,
          "title": \(json(title)),
          "asOf": "2025-11-26",
          "countries": [
            {"code": "KZ", "name": "Kazakhstan", "isoNumeric": 398, "iso3": "KAZ"},
            {"code": "TM", "name": "Turkmenistan", "isoNumeric": 795, "iso3": "TKM"}
          ],
          "sources": [{"id": "press", "publisher": "A newspaper", "title": "Trade grew"}],
          "trade": [
            {"year": 2021, "flow": "turnover", "usd": 254300000, "kind": "stated", "source": \(json(tradeSource))}
          ]
        }
        """
    }

    func withDirectory(_ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradedash-safe-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    @Test func validateShowsAHostileTitleWithoutSendingIt() throws {
        try withDirectory { dir in
            let path = dir + "/title.json"
            try Data(Self.dataset(title: "Trade " + Self.escape, tradeSource: "press").utf8).write(to: URL(fileURLWithPath: path))
            let r = try run(["validate", path])
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
            expectClean(r, "validate (summary)")
            #expect(r.stdout.contains("OK: Trade \\u{1B}]0;owned\\u{7}\\u{1B}[31m\\u{9B}2J"))
        }
    }

    @Test func validateAndRenderShowAHostileSourceIdWithoutSendingIt() throws {
        try withDirectory { dir in
            let path = dir + "/source.json"
            try Data(Self.dataset(title: "Hostile " + Self.escape, tradeSource: "press" + Self.escape).utf8)
                .write(to: URL(fileURLWithPath: path))
            let v = try run(["validate", path])
            #expect(v.status == 1)
            expectClean(v, "validate (problems)")
            #expect(v.stdout.contains("trade[0].source: unknown source \"press\\u{1B}]0;owned\\u{7}"))
            // render --data prints the problems on stderr (DataLoading).
            let r = try run(["render", "--data", path, "--width", "80", "--height", "24", "--color", "never"])
            #expect(r.status == 1)
            expectClean(r, "render --data (problems)")
            #expect(r.stderr.contains("unknown source \"press\\u{1B}]0;owned"))
        }
    }

    @Test func importShowsAHostileHeaderAndFileNameWithoutSendingThem() throws {
        try withDirectory { dir in
            let csv = dir + "/evil\u{1B}[2J.csv"
            let header = "refYear,refMonth,reporterCode,partnerCode,flowCode\u{1B}]0;owned\u{07},primaryValue\u{9B}"
            try Data((header + "\n2022,52,398,795,X,1000\n").utf8).write(to: URL(fileURLWithPath: csv))
            let r = try run(["import", "comtrade", csv, "--output", dir + "/out.json"])
            #expect(r.status == 1)
            expectClean(r, "import (missing columns)")
            #expect(r.stderr.contains("evil\\u{1B}[2J.csv:1: error: missing required columns"))
            #expect(r.stderr.contains("\"flowCode\\u{1B}]0;owned\\u{7}\""))
            #expect(!FileManager.default.fileExists(atPath: dir + "/out.json"))
        }
    }

    @Test func importShowsHostileFieldsWithoutSendingThem() throws {
        try withDirectory { dir in
            let csv = dir + "/fields.csv"
            let text = "refYear,refMonth,reporterCode,partnerCode,flowCode,primaryValue\n"
                + "2022,52,398,795,X\u{1B}[31m,1000\n"
                + "2022,52,398,795,M,1\u{07}000\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
            let r = try run(["import", "comtrade", csv, "--output", dir + "/out.json"])
            #expect(r.status == 1)
            expectClean(r, "import (bad fields)")
            #expect(r.stderr.contains("primaryValue \"1\\u{7}000\" is not a number"))
        }
    }

    /// `validate FIFO` used to block forever; the run's timeout turns a regression into a failure.
    @Test func validateRefusesAFIFO() throws {
        try withDirectory { dir in
            let fifo = dir + "/data.json"
            #expect(mkfifo(fifo, 0o600) == 0)
            let r = try run(["validate", fifo])
            #expect(r.status == 1)
            #expect(r.stdout.contains("\(fifo): cannot read the file: it is not a regular file (a FIFO)"))
        }
    }
}
