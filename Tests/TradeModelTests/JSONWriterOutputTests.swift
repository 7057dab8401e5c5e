import Foundation
import Testing
import TradeModel

/// The writer as it was before it wrote into a byte array (issue 9): strings concatenated, every
/// container's one-line form built and its characters counted at every level. Kept here as the
/// reference the faster writer must agree with, byte for byte.
private enum ReferenceJSONWriter {
    static func write(_ node: JSONNode, lineWidth: Int = 110) -> String {
        var out = ""
        emit(node.value, indent: 0, into: &out, lineWidth: lineWidth)
        out += "\n"
        return out
    }

    static func emit(_ v: JSONValue, indent: Int, into out: inout String, lineWidth: Int) {
        switch v {
        case .array(let items) where !items.isEmpty:
            if let flat = inline(v), flat.count + indent <= lineWidth, !containsLargeContainer(v) {
                out += flat
                return
            }
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                emit(item.value, indent: indent + 2, into: &out, lineWidth: lineWidth)
                out += k == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members) where !members.isEmpty:
            if let flat = inline(v), flat.count + indent <= lineWidth, !containsLargeContainer(v) {
                out += flat
                return
            }
            out += "{\n"
            for (k, m) in members.enumerated() {
                out += String(repeating: " ", count: indent + 2) + quote(m.key) + ": "
                emit(m.node.value, indent: indent + 2, into: &out, lineWidth: lineWidth)
                out += k == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        default:
            out += inline(v) ?? ""
        }
    }

    static func containsLargeContainer(_ v: JSONValue) -> Bool {
        switch v {
        case .object(let ms): return ms.contains { if case .object(let inner) = $0.node.value { return !inner.isEmpty } else { return false } }
                || ms.contains { if case .array(let a) = $0.node.value { return a.contains { if case .object = $0.value { return true } else { return false } } } else { return false } }
        case .array(let items): return items.contains { if case .object(let inner) = $0.value { return inner.count > 0 && containsLargeContainer($0.value) } else { return false } }
        default: return false
        }
    }

    static func inline(_ v: JSONValue) -> String? {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d, let text): return text ?? JSONWriter.format(d)
        case .string(let s): return quote(s)
        case .array(let items): return "[" + items.map { inline($0.value) ?? "" }.joined(separator: ", ") + "]"
        case .object(let ms): return "{" + ms.map { quote($0.key) + ": " + (inline($0.node.value) ?? "") }.joined(separator: ", ") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let h = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}

/// A deterministic pseudo-random generator (SplitMix64).
private struct Mix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// The writer's output is the same, byte for byte, as the reference's (the writer before issue 9).
@Suite struct JSONWriterOutputTests {
    private func o(_ members: [(String, JSONValue)]) -> JSONValue { .object(members.map { JSONMember($0.0, JSONNode($0.1)) }) }
    private func a(_ items: [JSONValue]) -> JSONValue { .array(items.map { JSONNode($0) }) }

    /// Texts that test the escapes and the counting of characters: every control character, quotes
    /// and backslashes, multi-byte letters, wide characters, emoji sequences (one character of
    /// several scalars), combining marks at the start (they cluster with the opening quote) and a
    /// prepended concatenation mark at the end (it clusters with the closing quote).
    static let texts: [String] = [
        "", "plain", "quote \" and backslash \\ and slash /", "tab\there\nnew line\r\ncarriage",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F} delete is not escaped",
        "Қазақстан — Түркменистан", "Türkmenbaşy", "中国与哈萨克斯坦的贸易", "👨‍👩‍👧 family", "🇰🇿🇹🇲 flags",
        "\u{301}combining first", "e\u{301}\u{302} stacked", "ends with a prepend \u{600}", "\u{600}", "\u{1}\u{301} control then mark",
        "\n\u{301}", "keycap 1\u{FE0F}\u{20E3}", "한국어 \u{1100}\u{1161}\u{11A8}", String(repeating: "long text, ", count: 30),
        String(repeating: "ж", count: 120), String(repeating: "\u{65}\u{301}", count: 60),
    ]

    /// A document with all of the above in strings and keys, nested arrays and objects of many sizes
    /// (some just under, at and over the line width), numbers with and without their text.
    func variedDocument() -> JSONNode {
        var items = [(String, JSONValue)]()
        items.append(("schema", .number(1, text: "1")))
        items.append(("texts", a(Self.texts.map { .string($0) })))
        items.append(("keys", o(Self.texts.enumerated().map { ("\($0.element)\($0.offset)", .number(Double($0.offset))) })))
        items.append(("numbers", a([.number(0.1 + 0.2), .number(1e20), .number(-3), .number(254.3e6, text: "254.3e6"),
                                    .number(1.5, text: "1.50"), .number(1e15), .number(123_456_789_012)])))
        items.append(("literals", a([.null, .bool(true), .bool(false), a([]), o([])])))
        items.append(("nested", a([a([a([.number(1), .number(2)]), a([])]), a([a([a([.string("deep")])])]),
                                   a([o([("k", a([o([("x", .null)])]))])])])))
        items.append(("empty", o([("a", a([])), ("o", o([])), ("s", .string(""))])))
        items.append(("objects", a((0..<5).map { k in
            o([("year", .number(Double(2020 + k))), ("flow", .string("exports")), ("note", .string(Self.texts[k * 4 % Self.texts.count])),
               ("inner", k % 2 == 0 ? o([("a", .number(1))]) : a([o([("b", .number(2))])]))])
        })))
        // Arrays of strings whose one-line form is 108 to 112 characters wide.
        for extra in 0..<5 {
            let s = String(repeating: "x", count: 100 + extra)
            items.append(("width\(extra)", a([.string(s)])))
            items.append(("wide\(extra)", a([.string(String(repeating: "中", count: 50 + extra)), .string("\u{301}")])))
        }
        return JSONNode(o(items))
    }

    @Test func variedDocumentIsWrittenAsBefore() throws {
        let doc = variedDocument()
        for width in [0, 1, 10, 40, 80, 108, 109, 110, 111, 112, 200, 10_000] {
            let written = JSONWriter.write(doc, lineWidth: width)
            let reference = ReferenceJSONWriter.write(doc, lineWidth: width)
            #expect(written == reference, "line width \(width)")
            #expect(JSONWriter.writeBytes(doc, lineWidth: width) == Array(reference.utf8), "line width \(width)")
        }
        // What it writes parses back to the same values.
        let again = try JSONParser.parse(JSONWriter.write(doc))
        #expect(JSONWriter.write(again) == JSONWriter.write(doc))
    }

    @Test func wrapsAtTheLineWidth() {
        // {"k": ["abcd", "efgh"]} has 23 characters; the array's one-line form 16, indented by 2 it needs 18.
        let doc = JSONNode(o([("k", a([.string("abcd"), .string("efgh")]))]))
        #expect(JSONWriter.write(doc, lineWidth: 23) == "{\"k\": [\"abcd\", \"efgh\"]}\n")
        #expect(JSONWriter.write(doc, lineWidth: 22) == "{\n  \"k\": [\"abcd\", \"efgh\"]\n}\n")
        #expect(JSONWriter.write(doc, lineWidth: 18) == "{\n  \"k\": [\"abcd\", \"efgh\"]\n}\n")
        #expect(JSONWriter.write(doc, lineWidth: 17) == "{\n  \"k\": [\n    \"abcd\",\n    \"efgh\"\n  ]\n}\n")
        // Characters, not bytes: "ж" is two bytes but one character; a combining mark after the
        // opening quote adds no character.
        let cyr = JSONNode(a([.string("жжжж")]))
        #expect(JSONWriter.write(cyr, lineWidth: 8) == "[\"жжжж\"]\n")
        #expect(JSONWriter.write(cyr, lineWidth: 7) == "[\n  \"жжжж\"\n]\n")
        let mark = JSONNode(a([.string("\u{301}ab")]))
        #expect(JSONWriter.write(mark, lineWidth: 6) == "[\"\u{301}ab\"]\n")
        #expect(JSONWriter.write(mark, lineWidth: 5) == "[\n  \"\u{301}ab\"\n]\n")
    }

    @Test func escapes() {
        #expect(JSONWriter.quote("a\"b\\c\n\r\t\u{0}\u{1F}\u{7F}é") == "\"a\\\"b\\\\c\\n\\r\\t\\u0000\\u001f\u{7F}é\"")
        for t in Self.texts { #expect(JSONWriter.quote(t) == ReferenceJSONWriter.quote(t)) }
        for t in Self.texts { #expect(JSONWriter.inline(.string(t)) == ReferenceJSONWriter.inline(.string(t))) }
    }

    /// Random documents: strings drawn from the texts above and cut anywhere, containers of random sizes.
    @Test func randomDocumentsAreWrittenAsBefore() {
        var rng = Mix(state: 9)
        func text() -> String {
            let t = Self.texts[rng.int(Self.texts.count)]
            let cut = rng.int(t.count + 1)
            return String(t.prefix(cut)) + (rng.int(4) == 0 ? Self.texts[rng.int(Self.texts.count)] : "")
        }
        func value(_ depth: Int) -> JSONValue {
            switch rng.int(depth > 4 ? 4 : 7) {
            case 0: return .null
            case 1: return .bool(rng.int(2) == 0)
            case 2: return rng.int(2) == 0 ? .number(Double(rng.int(100_000)) / 8) : .number(1, text: "1.0e0")
            case 3: return .string(text())
            case 4, 5: return .array((0..<rng.int(rng.int(3) == 0 ? 30 : 5)).map { _ in JSONNode(value(depth + 1)) })
            default: return .object((0..<rng.int(rng.int(3) == 0 ? 20 : 5)).map { _ in JSONMember(text(), JSONNode(value(depth + 1))) })
            }
        }
        for round in 0..<300 {
            let doc = JSONNode(value(0))
            let width = [20, 40, 80, 110][round % 4]
            let written = JSONWriter.write(doc, lineWidth: width)
            let reference = ReferenceJSONWriter.write(doc, lineWidth: width)
            #expect(written == reference, "round \(round)")
            if written != reference { break }
        }
    }

    @Test func bundledDatasetIsWrittenAsBefore() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds/kazakhstan-turkmenistan.json")
        let node = try JSONParser.parse(Array(try Data(contentsOf: url)))
        #expect(JSONWriter.write(node) == ReferenceJSONWriter.write(node))
    }
}
