import Foundation
import Testing
@testable import TradeModel

/// The corpus of broken dataset files in `Corpus/` next to this file.
///
/// Each `NN-name.json` has a sibling `NN-name.expected`, one line per problem the loader must report:
/// - a plain line is text that must appear in one reported problem (`path: message (line N)` or
///   `line L, column C: message`); every plain line must match a different problem, and the file
///   must produce no problem that no line accounts for;
/// - `# …` is a comment (what the file tests);
/// - `known-issue: …` is a problem the loader should report but does not yet (a loader bug). Those
///   checks run inside `withKnownIssue`, so the suite passes today and fails as soon as the bug is
///   fixed, as a reminder to turn the line into a plain one.
///
/// The files are read through `#filePath`, not as bundle resources.
@Suite struct CorpusTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    /// Case names (file names without `.json`), sorted.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    struct Expectation {
        var comments: [String] = []
        var required: [String] = []
        var known: [String] = []
    }

    static func expectation(_ name: String) throws -> Expectation {
        let text = try String(contentsOf: directory.appendingPathComponent(name + ".expected"), encoding: .utf8)
        var e = Expectation()
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if line.hasPrefix("#") {
                e.comments.append(line)
            } else if line.hasPrefix("known-issue: ") {
                e.known.append(String(line.dropFirst("known-issue: ".count)))
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                e.required.append(line)
            }
        }
        return e
    }

    /// Loads a corpus file from disk; nil when it loads (it should not), else the problems as printed
    /// (`FILE: …`) and without the file prefix.
    static func problems(_ name: String) -> (lines: [String], descriptions: [String])? {
        let path = directory.appendingPathComponent(name + ".json").path
        do {
            _ = try DatasetLoader.load(path: path)
            return nil
        } catch {
            return (error.lines, error.problems.map(\.description))
        }
    }

    /// Pairs each expected fragment with a different problem containing it; returns the fragments left unmatched.
    static func unmatched(_ fragments: [String], in problems: [String]) -> [String] {
        var free = problems
        var missing = [String]()
        for f in fragments {
            if let i = free.firstIndex(where: { $0.contains(f) }) {
                free.remove(at: i)
            } else {
                missing.append(f)
            }
        }
        return missing
    }

    @Test func corpusIsComplete() throws {
        #expect(Self.cases.count >= 28, "only \(Self.cases.count) corpus files")
        let all = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
        for name in Self.cases {
            let e = try Self.expectation(name)
            #expect(!(e.required + e.known).isEmpty, "\(name).expected lists no problem")
        }
        for file in all where file.hasSuffix(".expected") {
            #expect(Self.cases.contains(String(file.dropLast(".expected".count))), "\(file) has no .json beside it")
        }
        for file in all {
            #expect(file.hasSuffix(".json") || file.hasSuffix(".expected"), "stray file \(file) in the corpus")
        }
        // Numbers are unique, so the order of the corpus is stable.
        let numbers = Self.cases.map { $0.prefix { $0.isNumber } }
        #expect(Set(numbers).count == numbers.count)
    }

    @Test(arguments: CorpusTests.cases) func brokenFileIsRejected(_ name: String) throws {
        let e = try Self.expectation(name)
        let result = Self.problems(name)
        let path = Self.directory.appendingPathComponent(name + ".json").path
        if e.known.isEmpty {
            let (lines, descriptions) = try #require(result, "\(name).json loaded without a problem")
            let missing = Self.unmatched(e.required, in: descriptions)
            #expect(missing.isEmpty, "\(name): not reported: \(missing)\nreported:\n\(lines.joined(separator: "\n"))")
            #expect(descriptions.count == e.required.count, "\(name): \(descriptions.count) problems, expected \(e.required.count):\n\(lines.joined(separator: "\n"))")
            // Every line names the file first, as `tradedash validate` prints it.
            for line in lines { #expect(line.hasPrefix(path + ": ")) }
        } else {
            // The required lines hold today; the known ones are loader bugs.
            let descriptions = result?.descriptions ?? []
            let missingRequired = Self.unmatched(e.required, in: descriptions)
            #expect(missingRequired.isEmpty, "\(name): not reported: \(missingRequired)")
            withKnownIssue("loader bug in \(name): \(e.comments.joined(separator: " "))") {
                #expect(result != nil, "\(name).json loaded without a problem")
                let missing = Self.unmatched(e.required + e.known, in: descriptions)
                #expect(missing.isEmpty, "\(name): not reported: \(missing); reported: \(descriptions)")
                #expect(descriptions.count == e.required.count + e.known.count, "\(name): reported \(descriptions)")
            }
        }
    }

    /// One file with nine different mistakes: the loader reports all nine, each at its line, in file order.
    @Test func severalProblemsAreAllReported() throws {
        let name = "34-several-problems"
        let e = try Self.expectation(name)
        let (_, descriptions) = try #require(Self.problems(name))
        #expect(e.required.count == 9)
        #expect(descriptions.count == 9, "\(descriptions)")
        #expect(Self.unmatched(e.required, in: descriptions).isEmpty)
        // In the order of the file: the n-th expected line matches the n-th problem.
        for (fragment, problem) in zip(e.required, descriptions) {
            #expect(problem.contains(fragment), "out of order: \(problem) vs \(fragment)")
        }
        let lines = descriptions.compactMap { d -> Int? in
            guard let r = d.range(of: "(line ", options: .backwards) else { return nil }
            return Int(d[r.upperBound...].dropLast())
        }
        #expect(lines == lines.sorted())
        #expect(lines.count == 9)
    }

    /// Deep nesting, generated rather than stored: neither a stack overflow nor a hang.
    @Test(arguments: [("[", "]"), ("{\"a\": ", "}")]) func deepNestingIsRefused(_ open: String, _ close: String) {
        let depth = 100_000
        let text = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
        do {
            _ = try DatasetLoader.load(bytes: Array(text.utf8), file: "deep.json")
            Issue.record("a document nested \(depth) levels deep loaded")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.lines.first?.hasPrefix("deep.json: line 1, column ") == true)
            #expect(error.lines.first?.hasSuffix("nesting deeper than 200 levels") == true, "\(error.lines)")
        }
    }

    /// A file over the size limit is refused before it is read (a sparse file: no disk space used).
    @Test func hugeFileIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tradedash-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("huge.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(DatasetLoader.maximumFileSize + 1024 * 1024))
        try handle.close()
        do {
            _ = try DatasetLoader.load(path: path)
            Issue.record("a file over the size limit loaded")
        } catch {
            #expect(error.lines == ["\(path): the file is 65 MB; a dataset may be at most 64 MB"])
        }
    }

    /// Every prefix of the bundled dataset (sampled) fails with exactly one syntax error and never crashes.
    @Test func truncatedBundledDatasetNeverLoads() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: BundledDataset.sourceTreePath)))
        let last = try #require(bytes.lastIndex(of: UInt8(ascii: "}")))
        var checked = 0
        for cut in stride(from: 0, to: last, by: 97) {
            do {
                _ = try DatasetLoader.load(bytes: Array(bytes[..<cut]), file: "cut.json")
                Issue.record("the first \(cut) bytes loaded")
            } catch {
                #expect(error.problems.count == 1, "cut at \(cut): \(error.lines)")
                #expect(error.problems.first?.path == "", "cut at \(cut): \(error.lines)")
            }
            checked += 1
        }
        #expect(checked > 100)
    }

    /// Loading from memory and from a file report the same problems.
    @Test func bytesAndFileAgree() throws {
        let name = "34-several-problems"
        let url = Self.directory.appendingPathComponent(name + ".json")
        let bytes = [UInt8](try Data(contentsOf: url))
        var fromBytes = [String]()
        do { _ = try DatasetLoader.load(bytes: bytes, file: url.path) } catch { fromBytes = error.lines }
        #expect(!fromBytes.isEmpty)
        #expect(fromBytes == Self.problems(name)?.lines)
    }
}
