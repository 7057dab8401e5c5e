import Foundation
import Testing
import TradeModel
@testable import TradeImport
#if canImport(Glibc)
import Glibc
#endif

// Hostile or unusual input to `tradedash import comtrade`: over-long codes and sums that do not fit,
// special files, terminal controls in the file, message order, CR line endings.

private let header = "refYear,refMonth,freqCode,reporterCode,reporterISO,partnerCode,partnerISO,flowCode,cmdCode,aggrLevel,isLeaf,customsCode,motCode,partner2Code,primaryValue"

private func csv(_ rows: [String], header: String = header, eol: String = "\n") -> [UInt8] {
    Array(([header] + rows).joined(separator: eol).utf8) + Array(eol.utf8)
}

private func outcome(_ bytes: [UInt8], name: String = "hostile.csv") throws -> Result<ComtradeImport, ImportFailure> {
    let dataset = try ComtradeFixture.dataset()
    do {
        return .success(try ComtradeImporter.run(bytes: bytes, fileName: name, dataset: dataset))
    } catch {
        return .failure(error)
    }
}

private func diagnostics(_ r: Result<ComtradeImport, ImportFailure>) -> [ImportDiagnostic] {
    switch r {
    case .success(let i): return i.warnings
    case .failure(let f): return f.diagnostics
    }
}

/// Runs `body` on a background thread and waits at most `deadline` seconds: a safety net so that a
/// reader that blocks makes the test fail rather than hang. No assertion depends on the time taken.
private func finishes<T: Sendable>(within deadline: Double = 30, unblock: @escaping @Sendable () -> Void = {},
                                   _ body: @escaping @Sendable () -> T) -> T? {
    let box = FinishBox<T>()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        let v = body()
        box.lock.lock(); box.value = v; box.lock.unlock()
        done.signal()
    }
    if done.wait(timeout: .now() + deadline) == .timedOut {
        unblock()
        return nil
    }
    box.lock.lock(); defer { box.lock.unlock() }
    return box.value
}

private final class FinishBox<T>: @unchecked Sendable {
    let lock = NSLock()
    var value: T?
}

/// Opening a FIFO for writing (and closing it) wakes a reader blocked on it.
private func unblockReader(_ fifo: String) {
    let fd = open(fifo, O_WRONLY | O_NONBLOCK)
    if fd >= 0 { close(fd) }
}

@Suite struct ImportOverflowTests {
    /// `value = value * 10 + digit` over a 20-digit code trapped (exit 132) before the length was checked.
    @Test(arguments: [13, 19, 20, 25, 400])
    func anOverlongCommodityCodeIsAWarningWithItsLine(_ digits: Int) throws {
        let code = String(repeating: "9", count: digits)
        let r = try outcome(csv(["2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000",
                                 "2022,52,A,398,KAZ,795,TKM,X,\(code),6,0,C00,0,0,5"]))
        guard case .success(let imported) = r else { Issue.record("failed: \(r)"); return }
        #expect(imported.observations.filter { $0.kind == .stated }.map(\.usd) == [1000])
        let w = imported.warnings.first { $0.message.contains("cmdCode") }
        #expect(w?.line == 3)
        #expect(w?.message.contains("has \(digits) digits, more than the 12 of the longest HS code: row left out") == true)
        #expect(imported.summary.nonHSCommodityRows == 1)
    }

    @Test func twelveDigitCodesAreStillRead() throws {
        let r = try outcome(csv(["2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000",
                                 "2022,52,A,398,KAZ,795,TKM,X,270900000000,12,0,C00,0,0,400"]))
        guard case .success(let imported) = r else { Issue.record("failed: \(r)"); return }
        #expect(imported.observations.contains { $0.hsSection == 5 && $0.usd == 400 })
    }

    /// Commodity values each just accepted (below 4.6e15) add up past Int64.max thousandths: the sum
    /// wrapped to a negative and `decimalText` trapped on it. Now: an error naming the series.
    @Test func sectionSumsThatDoNotFitAreAnErrorNotACrash() throws {
        let v = "4000000000000000.001"
        let r = try outcome(csv(["2022,52,A,398,KAZ,795,TKM,X,01,2,0,C00,0,0,\(v)",
                                 "2022,52,A,398,KAZ,795,TKM,X,02,2,0,C00,0,0,\(v)",
                                 "2022,52,A,398,KAZ,795,TKM,X,03,2,0,C00,0,0,\(v)"]))
        guard case .failure(let f) = r else { Issue.record("imported sums that do not fit"); return }
        #expect(f.errors.first?.message.contains("in HS section 1 come to") == true)
        #expect(f.errors.first?.message.contains("over the 10 trillion a dataset accepts") == true)
    }

    @Test func aSectionOverTheDatasetMaximumIsAnError() throws {
        let r = try outcome(csv(["2022,52,A,398,KAZ,795,TKM,X,27,2,0,C00,0,0,20000000000000"]))
        guard case .failure(let f) = r else { Issue.record("imported an implausible section"); return }
        #expect(f.errors.first?.line == 2)
        #expect(f.errors.first?.message.contains("Kazakhstan's 2022 exports to Turkmenistan in HS section 5 come to 20000000000000 USD") == true)
    }

    @Test func decimalTextOfANegativeValueDoesNotTrap() {
        #expect(Money.decimalText(milli: -1500) == "-1.5")
        #expect(Money.decimalText(milli: -7) == "-0.007")
        #expect(Money.decimalText(milli: Int64.min) == "-9223372036854775.808")
        #expect(Money.decimalText(milli: Int64.max) == "9223372036854775.807")
    }

    @Test(arguments: ["1e99999999999999999999", "99999999999999999999999999999", "1" + String(repeating: "0", count: 5000),
                      "0." + String(repeating: "0", count: 5000) + "1", "1e-99999999999999999999", ".5e+", "9" + String(repeating: "9", count: 40) + "e-30"])
    func hugeOrOddNumbersAreRefusedOrRoundedNeverATrap(_ text: String) {
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBufferPointer { FieldParsing.milli($0) }
        switch result {
        case .success(let v): #expect(v >= 0)
        case .failure(let e): #expect([.tooLarge, .notANumber].contains(e))
        }
    }

    @Test func hugeCountryAndYearFieldsAreErrorsWithTheirLine() throws {
        let big = String(repeating: "9", count: 30)
        let r = try outcome(csv(["2022,52,A,\(big),KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000",
                                 "\(big),52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000",
                                 "2022,\(big),A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000",
                                 "2022,52,A,398,KAZ,795,TKM,X,TOTAL,\(big),0,C00,0,0,1000"]))
        guard case .failure(let f) = r else { Issue.record("imported"); return }
        #expect(f.errors.map(\.line) == [2, 3, 4])
    }
}

@Suite struct ImportSpecialFileTests {
    @Test func aFIFOAsTheCSVFileIsRefusedAtOnce() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("TradeData.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let dataset = try ComtradeFixture.dataset()
        let message = finishes(unblock: { unblockReader(fifo) }) { () -> String in
            do {
                _ = try ComtradeImporter.run(path: fifo, dataset: dataset)
                return "imported"
            } catch {
                return "\(error)"
            }
        }
        #expect(message != nil, "reading a FIFO did not return: it blocks")
        #expect(message == "\(fifo): error: cannot read the file: it is not a regular file (a FIFO)")
    }

    @Test(arguments: ["/dev/zero", "/dev/urandom"])
    func devicesAsTheCSVFileAreRefused(_ device: String) throws {
        let dataset = try ComtradeFixture.dataset()
        let message = finishes { () -> String in
            do {
                _ = try ComtradeImporter.run(path: device, dataset: dataset)
                return "imported"
            } catch {
                return "\(error)"
            }
        }
        #expect(message == "\(device): error: cannot read the file: it is not a regular file (a device)")
    }

    @Test func aFIFOAsTheDatasetIsRefusedAndNothingIsWritten() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("dataset.json").path
        let csvPath = dir.appendingPathComponent("TradeData_2024.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        var f = ComtradeFixture()
        f.generate()
        try Data(f.csv()).write(to: URL(fileURLWithPath: csvPath))
        let message = finishes(unblock: { unblockReader(fifo) }) { () -> String in
            do {
                _ = try ImportJob(csvPath: csvPath, target: .into(fifo)).run()
                return "imported"
            } catch {
                return "\(error)"
            }
        }
        #expect(message == "\(fifo): error: cannot read the file: it is not a regular file (a FIFO)")
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
    }

    /// `--output FIFO --force` (or a device, as root: /dev/null) must not rename a file over it.
    @Test func theWriterDoesNotReplaceAFIFO() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("out.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(Array("{}".utf8), to: fifo, mode: .replace)
        }
        do {
            try AtomicFile.write(Array("{}".utf8), to: fifo, mode: .replace)
        } catch {
            #expect(error.message == "\(fifo) is not a regular file (a FIFO)")
        }
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
    }
}

@Suite struct ImportMessageSafetyTests {
    @Test func controlCharactersInTheHeaderAreShownNotSent() throws {
        let evil = "refYear,\u{1B}]0;owned\u{07}\u{1B}[2J,\u{9B}31m,partnerCode"
        let r = try outcome(csv(["2022,1,2,795"], header: evil), name: "evil\u{1B}[31m.csv")
        let text = diagnostics(r).map(\.description).joined(separator: "\n")
        #expect(!text.isEmpty)
        #expect(!text.utf8.contains(0x1B) && !text.utf8.contains(0x07))
        #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        #expect(text.contains("\\u{1B}]0;owned\\u{7}\\u{1B}[2J"))
        #expect(text.hasPrefix("evil\\u{1B}[31m.csv:1: error: missing required columns"))
    }

    @Test func controlCharactersInFieldsAreShownNotSent() throws {
        let r = try outcome(csv(["2022,52,A,398,KAZ,795,TKM,X\u{1B}[31m,TOTAL,0,0,C00,0,0,1000",
                                 "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,12\u{07}0",
                                 "2022,52,A,398,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,\u{202E}100"]))
        let text = diagnostics(r).map(\.description).joined(separator: "\n")
        #expect(text.contains("primaryValue \"12\\u{7}0\" is not a number"))
        #expect(text.contains("\\u{202E}100"))
        #expect(text.contains("flowCode \"X\\u{1B}[31m\" left out"))
        #expect(!text.utf8.contains(0x1B) && !text.utf8.contains(0x07))
        #expect(!text.unicodeScalars.contains { $0.value == 0x202E })
    }

    /// A 1 MB header name must not make a 1 MB error line: excerpts stop at 200 characters.
    @Test func aHugeHeaderNameIsCutInTheMessage() throws {
        let huge = String(repeating: "H", count: 1 << 20)
        let r = try outcome(csv(["1,2"], header: "refYear,\(huge)"))
        let d = diagnostics(r)
        #expect(d.count == 1)
        let message = d.first?.description ?? ""
        #expect(message.contains("\"" + String(repeating: "H", count: 200) + "…\""))
        #expect(message.utf8.count < 2_000)
    }

    @Test func aHugeFieldIsCutInTheMessage() throws {
        let huge = String(repeating: "7", count: 100_000) + "x"
        let r = try outcome(csv(["2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,\(huge)"]))
        let message = diagnostics(r).first?.description ?? ""
        #expect(message.contains("is not a number"))
        #expect(message.utf8.count < 500)
    }
}

@Suite struct ImportMessageOrderTests {
    /// Errors used to come before warnings whatever their lines: now by line, whole-file ones last.
    @Test func diagnosticsAreInLineOrderWithWholeFileMessagesLast() throws {
        let r = try outcome(csv(["2022,52,A,398,KAZ,795,TKM,DX,TOTAL,0,0,C00,0,0,1000",    // 2: another flow, warning
                                 "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1O00",    // 3: error
                                 "2022,52,A,398,KAZ,795,TKM,RX,TOTAL,0,0,C00,0,0,5",      // 4: re-export, warning
                                 "2022,52,A,398,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,x"]))     // 5: error
        guard case .failure(let f) = r else { Issue.record("imported"); return }
        #expect(f.diagnostics.map(\.line) == [2, 3, 4, 5])
        #expect(f.diagnostics.map(\.severity) == [.warning, .error, .warning, .error])
        #expect(f.description.split(separator: "\n").map { $0.split(separator: ":")[1] } == ["2", "3", "4", "5"])
    }

    @Test func wholeFileMessagesComeLast() throws {
        // Only monthly rows: "nothing to import" (whole file) after the line's warning.
        let r = try outcome(csv(["2022,4,M,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000"]))
        guard case .failure(let f) = r else { Issue.record("imported"); return }
        #expect(f.diagnostics.map(\.line) == [2, 0])
        #expect(f.diagnostics.last?.message.hasPrefix("nothing to import") == true)
    }

    @Test func warningsOfASuccessfulImportAreInLineOrder() throws {
        // The "no TOTAL" warning is made at the end but is about line 2; the RX one is about line 3; the
        // one about April 2021 without January to March, made at the end too, about line 5.
        let r = try outcome(csv(["2022,52,A,398,KAZ,795,TKM,M,27,2,0,C00,0,0,1000",
                                 "2022,52,A,398,KAZ,795,TKM,RX,TOTAL,0,0,C00,0,0,5",
                                 "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,5000",
                                 "2021,4,M,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000"]))
        guard case .success(let imported) = r else { Issue.record("failed: \(r)"); return }
        let lines = imported.warnings.map(\.line)
        #expect(lines == lines.sorted())
        #expect(lines == [2, 3, 5])
    }

    @Test func theOrderIsStableGroupedByFileAndWholeFileMessagesLast() {
        let d = [ImportDiagnostic(.error, file: "a.csv", line: 9, "e9"),
                 ImportDiagnostic(.error, file: "a.csv", "whole"),
                 ImportDiagnostic(.warning, file: "a.csv", line: 2, "w2"),
                 ImportDiagnostic(.warning, file: "b.json", line: 1, "b1"),
                 ImportDiagnostic(.error, file: "a.csv", line: 2, "e2")]
        #expect(ImportFailure(d).diagnostics.map(\.message) == ["w2", "e2", "e9", "b1", "whole"])
    }
}

@Suite struct ImportLineEndingTests {
    @Test func aFileWithCROnlyLineEndingsSaysSo() throws {
        let rows = ["2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000", "2022,52,A,398,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,7"]
        let r = try outcome(csv(rows, eol: "\r"))
        guard case .failure(let f) = r else { Issue.record("imported"); return }
        #expect(f.errors.map(\.description) == ["hostile.csv:1: error: the file uses CR line endings; save it with LF or CRLF"])
    }

    @Test func theGeneratedFixtureWithCRLineEndingsToo() throws {
        var fixture = ComtradeFixture()
        fixture.generate()
        let cr = fixture.csv().map { $0 == 0x0A ? 0x0D : $0 }
        let r = try outcome(cr)
        guard case .failure(let f) = r else { Issue.record("imported"); return }
        #expect(f.errors.first?.message == "the file uses CR line endings; save it with LF or CRLF")
    }

    @Test func crlfAndLFStillImport() throws {
        let rows = ["2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000"]
        for eol in ["\n", "\r\n"] {
            guard case .success(let imported) = try outcome(csv(rows, eol: eol)) else { Issue.record("failed with \(eol.debugDescription)"); continue }
            #expect(imported.observations.filter { $0.kind == .stated }.map(\.usd) == [1000])
        }
    }

    @Test func crLineEndingsAfterAnLFHeaderAreNamedInTheFieldCountError() throws {
        let bytes = Array((header + "\n" + "2022,52,A,398,KAZ,795,TKM,X,TOTAL,0,0,C00,0,0,1000\r2022,52,A,398,KAZ,795,TKM,M,TOTAL,0,0,C00,0,0,7\r").utf8)
        let r = try outcome(bytes)
        guard case .failure(let f) = r else { Issue.record("imported"); return }
        #expect(f.errors.first?.message.contains("the file uses CR line endings; save it with LF or CRLF") == true)
    }
}
