import Foundation
import Testing
@testable import TradeModel

/// The loader gives exactly what it gave before it was rebuilt for memory and speed (issue 9): the same
/// `Dataset` and the same problems, with the same paths, lines, columns and messages.
///
/// The expected outputs in `LoadFixtures/` were recorded with the loader as it was before (the JSONNode
/// tree decoder, commit 5e1fc75), by running this suite with `TRADEDASH_RECORD_LOAD_FIXTURES=1`; they are
/// not produced by the code under test. Each case is also loaded by both roads into the decoder (the file's
/// bytes, and a `JSONNode` tree as the importers pass it) and the two must agree.
@Suite struct LoadEquivalenceTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("LoadFixtures")
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    static var recording: Bool { ProcessInfo.processInfo.environment["TRADEDASH_RECORD_LOAD_FIXTURES"] == "1" }

    // MARK: - A canonical text of what a load gives

    /// One line per problem: line, column, path and message, tab-separated.
    static func lines(_ problems: [Problem]) -> [String] {
        problems.map { "\($0.line)\t\($0.column)\t\($0.path)\t\($0.message)" }
    }

    /// One line per entry of the dataset, every field printed by `String(reflecting:)`.
    static func lines(_ d: Dataset?) -> [String] {
        guard let d else { return ["no dataset"] }
        var out = ["schema \(d.schema)", "title \(String(reflecting: d.title))", "asOf \(String(reflecting: d.asOf))",
                   "note \(String(reflecting: d.note))", "relationship \(String(reflecting: d.relationship))"]
        func add<T>(_ name: String, _ items: [T]) {
            out.append("\(name) \(items.count)")
            for (i, x) in items.enumerated() { out.append("\(name)[\(i)] \(String(reflecting: x))") }
        }
        add("countries", d.countries)
        add("sources", d.sources)
        add("trade", d.trade)
        add("targets", d.targets)
        add("deals", d.deals)
        add("projects", d.projects)
        add("events", d.events)
        add("places", d.places)
        add("exportPotential", d.exportPotential)
        add("composition", d.composition)
        add("indicators", d.indicators)
        return out
    }

    /// What loading `bytes` gives, as text: by the tree (`JSONParser.parse` then `decode`), as the
    /// importers do. A syntax error is reported as the one problem.
    static func viaTree(_ bytes: [UInt8]) -> [String] {
        do {
            let (d, problems) = DatasetLoader.decode(try JSONParser.parse(bytes))
            return ["problems \(problems.count)"] + lines(problems) + lines(d)
        } catch {
            return ["problems 1"] + lines([Problem(path: "", line: error.line, column: error.column, message: error.message)]) + lines(nil)
        }
    }

    /// What `DatasetLoader.load(bytes:)` gives, as text (the dataset only when there is no problem).
    static func viaLoad(_ bytes: [UInt8]) -> [String] {
        do {
            let d = try DatasetLoader.load(bytes: bytes, file: "f.json")
            return ["problems 0"] + lines(d)
        } catch {
            return ["problems \(error.problems.count)"] + lines(error.problems)
        }
    }

    /// Compares with the recorded fixture (or records it), line by line so that a failure shows the first difference.
    static func check(_ actual: [String], fixture name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = fixtures.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
            try (actual.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(actual.count == expected.count, "\(name): \(actual.count) lines, recorded \(expected.count)", sourceLocation: sourceLocation)
        if let k = (0..<min(actual.count, expected.count)).first(where: { actual[$0] != expected[$0] }) {
            Issue.record("\(name): line \(k + 1) differs:\n  now:      \(actual[k])\n  recorded: \(expected[k])", sourceLocation: sourceLocation)
        }
    }

    /// Loads `bytes` by both roads; both must match the recorded fixture (the tree road gives the dataset
    /// even when there are problems, so it is the fuller record).
    static func checkBothRoads(_ bytes: [UInt8], fixture name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let tree = viaTree(bytes)
        try check(tree, fixture: name, sourceLocation: sourceLocation)
        // load(bytes:) gives the same problems; the dataset only when there is none.
        let load = viaLoad(bytes)
        let problemCount = Int(tree[0].dropFirst("problems ".count)) ?? -1
        let expectedLoad = problemCount == 0 ? tree : Array(tree.prefix(1 + problemCount))
        #expect(load == expectedLoad, "\(name): load(bytes:) and decode(parse(bytes)) disagree", sourceLocation: sourceLocation)
    }

    // MARK: - Cases

    @Test func bundledDatasetIsDecodedAsBefore() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: BundledDataset.sourceTreePath)))
        try Self.checkBothRoads(bytes, fixture: "bundled.txt")
    }

    @Test func generatedValidDocumentIsDecodedAsBefore() throws {
        let bytes = Array(Self.generated(seed: 1, rows: 160, broken: false).utf8)
        let out = Self.viaTree(bytes)
        #expect(out.first == "problems 0", "the generated document should be valid: \(out.prefix(5))")
        try Self.checkBothRoads(bytes, fixture: "generated-valid.txt")
    }

    @Test func generatedBrokenDocumentIsReportedAsBefore() throws {
        let bytes = Array(Self.generated(seed: 2, rows: 160, broken: true).utf8)
        let out = Self.viaTree(bytes)
        #expect((Int(out[0].dropFirst("problems ".count)) ?? 0) > 100, "the broken document should have many problems: \(out.prefix(3))")
        try Self.checkBothRoads(bytes, fixture: "generated-broken.txt")
    }

    /// The same document with a byte order mark and CRLF line ends: positions shift as before.
    @Test func byteOrderMarkAndCRLFAreCountedAsBefore() throws {
        let text = Self.generated(seed: 3, rows: 40, broken: true).replacingOccurrences(of: "\n", with: "\r\n")
        try Self.checkBothRoads([0xEF, 0xBB, 0xBF] + Array(text.utf8), fixture: "generated-bom-crlf.txt")
    }

    /// Every corpus file, loaded from its path: the same problems, each with its line and column.
    @Test func corpusProblemsAreUnchanged() throws {
        var out = [String]()
        for name in CorpusTests.cases {
            let path = Self.corpus.appendingPathComponent(name + ".json").path
            out.append("== \(name)")
            do {
                let d = try DatasetLoader.load(path: path)
                out.append("loaded \(d.trade.count) trade observations")
            } catch {
                out += Self.lines(error.problems)
            }
            let bytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
            let tree = Self.viaTree(bytes), load = Self.viaLoad(bytes)
            let n = Int(tree[0].dropFirst("problems ".count)) ?? -1
            #expect(load == (n == 0 ? tree : Array(tree.prefix(1 + n))), "\(name): the two roads disagree")
        }
        try Self.check(out, fixture: "corpus.txt")
    }

    /// Syntax errors at every kind of place, in a generated document cut short and spoilt byte by byte.
    @Test func syntaxErrorsAreReportedAsBefore() throws {
        let good = Array(Self.generated(seed: 4, rows: 12, broken: false).utf8)
        var out = [String]()
        var rng = Generator(seed: 99)
        let spoilers = Array("{}[],:\"\\ x0-e.".utf8), inserts = Array("\u{1}\"\\,}0".utf8)
        for k in 0..<400 {
            var bytes = good
            let at = rng.next(bytes.count)
            switch k % 4 {
            case 0: bytes = Array(bytes[..<at])
            case 1: bytes[at] = spoilers[rng.next(spoilers.count)]
            case 2: bytes.insert(inserts[rng.next(inserts.count)], at: at)
            default: bytes.insert(contentsOf: [0xC3, 0x28, 0xE2, 0x82][..<(1 + rng.next(3))], at: at)
            }
            let tree = Self.viaTree(bytes)
            out.append("\(k) \(tree.count > 1 ? tree[1] : "")")
            let load = Self.viaLoad(bytes)
            #expect(load.prefix(2) == tree.prefix(2), "case \(k): the two roads disagree")
        }
        try Self.check(out, fixture: "syntax.txt")
    }

    // MARK: - A generated document

    /// A small deterministic random generator (the same numbers on every platform).
    struct Generator {
        var state: UInt64
        init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
        mutating func pick<T>(_ xs: [T]) -> T { xs[next(xs.count)] }
    }

    /// A dataset in the format of docs/data-format.md with many kinds of entry and of spelling (escapes,
    /// non-ASCII text, exponents, nulls, members in any order, several layouts); with `broken`, about one
    /// entry in three carries a mistake of some kind (wrong type, unknown field or value, typo in a
    /// reference, duplicate id, out-of-range number...).
    static func generated(seed: UInt64, rows: Int, broken: Bool) -> String {
        var g = Generator(seed: seed)
        func q(_ s: String) -> String { "\"" + s + "\"" }
        let texts = ["plain words", "T\\u00fcrkmenba\\u015fy port", "quote \\\" and backslash \\\\", "Türkmenbaşy – Aktau",
                     "tab\\tand\\nnewline", "emoji \\ud83d\\ude00 ok", "Қазақстан", "e\u{301}t\u{e9}", "slash \\/ x"]
        func text() -> String { q(g.pick(texts) + " \(g.next(1000))") }
        var sources = [String]()
        for i in 0..<30 { sources.append("src-\(i)-\(["stat", "news", "gov"][i % 3])") }
        var places = [String]()
        for i in 0..<12 { places.append("place-\(i)") }
        var out = "{\n  \"schema\": 1, \"title\": \(text()), \"asOf\": \"2025-12-01\",\n"
        out += "  \"note\": \(broken ? "17" : text()),\n"
        out += "  \"countries\": [\n    {\"code\": \"KZ\", \"name\": \"Kazakhstan\", \"isoNumeric\": 398, \"iso3\": \"KAZ\"},\n"
        out += "    {\"code\": \"TM\", \"name\": \"Turkmenistan\", \"isoNumeric\": 795\(broken ? ", \"leeder\": \"x\"" : "")}\n  ],\n"
        func sourceRef() -> String {
            let s = g.pick(sources)
            if broken && g.chance(8) { return q(s + "x") }
            if broken && g.chance(3) { return q("nowhere-\(g.next(5))") }
            return q(s)
        }
        func mistake() -> String? {
            guard broken && g.chance(30) else { return nil }
            return g.pick(["\"usd\": \"12\"", "\"colour\": 3", "\"qualifier\": \"roughly\"", "\"hsSection\": 22", "\"year\": 1850",
                           "\"growth\": 11", "\"from\": \"KZ\", \"to\": \"KZ\"", "\"months\": [9, 3]", "\"months\": [1, 12]",
                           "\"valuation\": \"xyz\"", "\"note\": \"   \"", "\"kind\": null", "\"source\": 5", "\"usd\": -1",
                           "\"months\": [1]", "\"usd\": 2e13", "\"year\": 2025.5", "\"year\": 2025", "\"flow\": \"barter\""])
        }
        out += "  \"relationship\": {\"diplomaticRelationsSince\": {\"year\": 1992, \"kind\": \"derived\", \"source\": \(sourceRef())},\n"
        out += "    \"notes\": [{\"text\": \(text()), \"source\": \(sourceRef())}]},\n"
        out += "  \"sources\": [\n"
        for (i, s) in sources.enumerated() {
            var m = ["\"id\": \(q(broken && i == 7 ? sources[3] : s))", "\"publisher\": \(text())"]
            if g.chance(50) { m.append("\"title\": \(text())") }
            if g.chance(50) { m.append("\"date\": \(q(g.pick(["2020", "2021-03", "2022-10-15", broken ? "2021-02-30" : "2019"])))") }
            if g.chance(30) { m.append("\"url\": \"example.org/\(i)\"") }
            if g.chance(20) { m.append("\"note\": null") }
            out += "    {" + m.joined(separator: ", ") + "}" + (i + 1 < sources.count ? "," : "") + "\n"
        }
        out += "  ],\n  \"places\": [\n"
        for (i, p) in places.enumerated() {
            let lat = broken && i == 5 ? "91" : "\(36 + g.next(9)).\(g.next(1000))"
            out += "    {\"id\": \(q(p)), \"name\": \(text()), \"country\": \(q(broken && i == 2 ? "XX" : g.pick(["KZ", "TM"]))), \"lat\": \(lat), \"lon\": \(50 + g.next(10))\(g.chance(30) ? ", \"approximate\": true" : "")}"
            out += (i + 1 < places.count ? "," : "") + "\n"
        }
        out += "  ],\n  \"trade\": [\n"
        let flows = [("turnover", nil, nil), ("exports", "KZ", "TM"), ("imports", "TM", "KZ"), ("exports", "TM", "KZ")]
        for i in 0..<rows {
            let (flow, from, to) = g.pick(flows)
            var m = ["\"year\": \(1990 + g.next(35))"]
            if g.chance(40) { let a = 1 + g.next(6); m.append("\"months\": [\(a), \(a + g.next(6))]") }
            m.append("\"flow\": \(q(flow))")
            if let from, let to { m.append("\"from\": \(q(from)), \"to\": \(q(to))") }
            let usd = g.pick(["\(g.next(900))e6", "\(g.next(100000)).\(g.next(100))", "1.5E+8", "0", "\(g.next(99))000000.25", "1234567.123456789012345"])
            let hasUSD = g.chance(85)
            if hasUSD { m.append("\"usd\": \(usd)") }
            if g.chance(30) || !hasUSD { m.append("\"growth\": \(g.pick(["0.28", "-0.5", "1e-1", "-0.0", "2"]))") }
            if g.chance(20) { m.append("\"qualifier\": \(q(g.pick(["about", "over", "under", "up-to", "exact"])))") }
            m.append("\"kind\": \(q(g.pick(["stated", "derived"])))")
            m.append("\"source\": \(sourceRef())")
            if g.chance(30) { m.append("\"hsSection\": \(1 + g.next(21))") }
            if g.chance(20) { m.append("\"valuation\": \(q(g.pick(["fob", "cif"])))") }
            if g.chance(30) { m.append("\"note\": \(text())") }
            if let bad = mistake() {
                // The mistake replaces the members it names (a duplicate member would be a syntax error).
                let names = bad.split(separator: ",").map { $0.split(separator: ":")[0].trimmingCharacters(in: .whitespaces) }
                m.removeAll { entry in names.contains { entry.hasPrefix($0 + ":") } }
                m.insert(bad, at: g.next(m.count + 1))
            }
            if g.chance(15) { m.swapAt(0, m.count - 1) }
            let layout = g.next(3)
            let sep = layout == 0 ? ", " : layout == 1 ? ",\n      " : ",\t"
            out += "    {" + m.joined(separator: sep) + "}" + (i + 1 < rows ? "," : "") + "\n"
        }
        out += "  ],\n"
        out += """
          "targets": [{"id": "target-1", "title": \(text()), "usd": 1e9, "set": "2022", "deadline": 2025, "deadlineKind": "stated", "sources": [\(sourceRef())]}\(broken ? ", {\"id\": \"target-2\", \"title\": \"t\", \"usd\": 0, \"deadline\": 2020, \"set\": \"2022\", \"sources\": []}" : "")],
          "deals": [
            {"id": "deal-1", "title": \(text()), "sector": "gas", "parties": ["A", "B"], "status": "signed",
             "milestones": [{"date": "2023-05", "title": \(text()), "status": "signed", "source": \(sourceRef())}],
             "volumes": [{"value": 5, "max": \(broken ? "4" : "6"), "unit": "bcm/yr", "qualifier": "about", "source": \(sourceRef())}],
             "sources": [\(sourceRef()), \(sourceRef())]}
          ],
          "projects": [
            {"id": "project-1", "title": \(text()), "kind": "road", "status": "operational", "places": [\(q(places[0])), \(q(broken ? "place-99" : places[1]))],
             "length": {"value": 225, "unit": "km", "source": \(sourceRef())}, "capacity": [{"value": 3, "unit": "Mt/yr", "source": \(sourceRef())}],
             "sources": [\(sourceRef())]}
          ],
          "events": [

        """
        for i in 0..<25 {
            let y = 2000 + g.next(25)
            var m = ["\"id\": \"event-\(broken && i == 9 ? 3 : i)\"", "\"date\": \"\(y)-0\(1 + g.next(9))-1\(g.next(9))\"", "\"title\": \(text())",
                     "\"kind\": \(q(g.pick(["visit", "agreement", "opening", broken ? "party" : "construction"])))"]
            if g.chance(50) { m.append("\"places\": [\(q(g.pick(places)))\(broken && g.chance(20) ? ", \"plaice-1\"" : "")]") }
            if g.chance(40) { m.append("\"related\": [\(q(g.pick(["deal-1", "project-1", "target-1", broken ? "deal-2" : "deal-1"])))]") }
            m.append("\"sources\": [\(sourceRef())]")
            if broken && g.chance(10) { m.append("\"endDate\": \"1999-01-01\"") }
            out += "    {" + m.joined(separator: ", ") + "}" + (i + 1 < 25 ? "," : "") + "\n"
        }
        out += """
          ],
          "exportPotential": [{"id": "ep-1", "from": "KZ", "to": \(broken ? "\"KZ\"" : "\"TM\""), "description": \(text()), "categories": 12, "commodities": ["wheat", "flour"], "source": \(sourceRef())}]
        }

        """
        return out
    }
}

/// The pieces the loader's speed rests on, against the simplest way of doing the same.
@Suite struct JSONDocumentTests {
    /// Every offset's line and line start, from the checkpoints, equal a count from the beginning;
    /// text made of runs of ASCII (the 8-byte fast path), line breaks on and around block boundaries,
    /// and multi-byte characters straddling them.
    @Test func lineIndexAgreesWithCountingEveryByte() throws {
        var g = LoadEquivalenceTests.Generator(seed: 7)
        for round in 0..<12 {
            // An array of strings: long ASCII runs and multi-byte characters inside them, line breaks
            // (single and in runs, some just before a 256-byte boundary) between them.
            var text = round % 3 == 0 ? [0xEF, 0xBB, 0xBF] : [UInt8]()
            text += Array("[".utf8)
            var first = true
            while text.count < 2500 {
                if !first { text.append(UInt8(ascii: ",")) }
                first = false
                for _ in 0..<g.next(4) { text.append(g.chance(60) ? 0x0A : 0x20) }
                if g.chance(30) {
                    // Spaces (read 8 at a time), then a line break exactly at, or just around, a 256-byte boundary.
                    let target = (text.count / 256 + 1) * 256 + (round % 5) - 2
                    while text.count < target { text.append(0x20) }
                    text.append(0x0A)
                }
                text.append(UInt8(ascii: "\""))
                for _ in 0..<g.next(8) {
                    switch g.next(4) {
                    case 0: text += Array("ş".utf8)
                    case 1: text += Array("–".utf8)
                    case 2: text += Array("😀".utf8)
                    default: text += Array(repeating: UInt8(ascii: "a"), count: g.next(200))
                    }
                }
                text.append(UInt8(ascii: "\""))
            }
            text += Array("]".utf8)
            try JSONParser.withDocument(text) { doc in
                guard let lines = doc.lines else { Issue.record("a document from text has a line index"); return }
                var line = 1, start = round % 3 == 0 ? 3 : 0
                for offset in 0...text.count {
                    let (l, s) = lines.lineAndStart(offset, in: doc.bytes)
                    if l != line || s != start {
                        Issue.record("round \(round), offset \(offset): line \(l) start \(s), counted line \(line) start \(start)")
                        return
                    }
                    if offset < text.count && text[offset] == 0x0A { line += 1; start = offset + 1 }
                }
                // And every value's position is the tree's (the tree is built by a forward scan).
                let tree = doc.tree()
                guard case .array(let items) = tree.value else { Issue.record("not an array"); return }
                for (k, n) in doc.children(0).enumerated() where doc.position(n) != (items[k].line, items[k].column) {
                    Issue.record("round \(round), element \(k): \(doc.position(n)) vs \(items[k].line), \(items[k].column)")
                    return
                }
            }
        }
    }

    /// Two line breaks in white space, the second at and around the first 256-byte boundary, after
    /// every alignment of the first (the 8-byte scan must stop at the boundary, whatever its phase).
    @Test func lineIndexAtEveryPhaseOfTheBoundary() throws {
        for first in 200..<256 {
            for second in (first + 1)...(first + 64) {
                var text = [UInt8](repeating: 0x20, count: 700)
                text[0] = UInt8(ascii: "[")
                text[first] = 0x0A
                text[second] = 0x0A
                text[698] = UInt8(ascii: "1")
                text[699] = UInt8(ascii: "]")
                try JSONParser.withDocument(text) { doc in
                    guard let lines = doc.lines else { return }
                    for offset in [255, 256, 257, second, second + 1, 400, 699] {
                        let expected = offset > second ? (3, second + 1) : offset > first ? (2, first + 1) : (1, 0)
                        let got = lines.lineAndStart(offset, in: doc.bytes)
                        if got != expected {
                            Issue.record("breaks at \(first) and \(second), offset \(offset): \(got), expected \(expected)")
                            return
                        }
                    }
                }
            }
        }
    }

    /// A path kept in parts writes out as the path built a step at a time (`key` at the top, `a.key`, `a[i]`).
    @Test func fieldPathWritesOutAsBuiltStepByStep() {
        var g = LoadEquivalenceTests.Generator(seed: 5)
        for _ in 0..<3000 {
            var path = g.chance(20) ? FieldPath("trade") : FieldPath.root
            var text = path.text
            for _ in 0..<(1 + g.next(8)) {
                switch g.next(3) {
                case 0:
                    let f = Field.allCases[g.next(Field.allCases.count)]
                    path = path.sub(f)
                    text = text.isEmpty ? f.name : text + "." + f.name
                case 1:
                    let name = g.pick(["colour", "x.y", "ü"])
                    path = path.sub(name)
                    text = text.isEmpty ? name : text + "." + name
                default:
                    let i = g.next(100_000)
                    path = path.element(i)
                    text += "[\(i)]"
                }
                if path.text != text { Issue.record("\(path.text) vs \(text)"); return }
            }
        }
    }

    /// The names of the schema's fields are those of the cases, in order (the parser's ids depend on it).
    @Test func fieldNamesMatchTheCases() {
        #expect(Field.names.count == Field.allCases.count)
        for f in Field.allCases { #expect(f.name == String(describing: f)) }
    }

    /// Numbers read by the exact fast path equal the standard library's reading of the same text.
    @Test func fastNumberPathAgreesWithTheStandardLibrary() throws {
        var g = LoadEquivalenceTests.Generator(seed: 11)
        var texts = ["0", "-0", "0.0", "-0.0", "1", "9007199254740992", "9007199254740993", "4.35", "0.1", "0.3", "1e22", "1e23",
                     "123456789012345678", "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308", "0.000001", "1E+2", "1e-22"]
        for _ in 0..<2000 {
            var t = g.chance(20) ? "-" : ""
            t += String(1 + g.next(9)) + String(repeating: "7", count: g.next(18))
            if g.chance(60) { t += "." + String(g.next(1_000_000)) }
            if g.chance(40) { t += "e" + (g.chance(50) ? "-" : "") + String(g.next(30)) }
            texts.append(t)
        }
        let doc = "[" + texts.joined(separator: ",") + "]"
        try JSONParser.withDocument(Array(doc.utf8)) { d in
            for (k, n) in d.children(0).enumerated() {
                let expected = Double(texts[k])!
                #expect(d.number(n).bitPattern == expected.bitPattern, "\(texts[k]): \(d.number(n)) vs \(expected)")
                #expect(d.numberText(n) == texts[k])
            }
        }
    }
}
