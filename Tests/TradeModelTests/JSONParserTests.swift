import Testing
@testable import TradeModel

@Suite struct JSONParserTests {
    func syntaxError(_ text: String) -> JSONSyntaxError? {
        do { _ = try JSONParser.parse(text); return nil } catch { return error }
    }

    @Test func parsesNestedValuesWithPositions() throws {
        let n = try JSONParser.parse("{\n  \"a\": [1, 2.5e3, \"x\"],\n  \"b\": null\n}")
        #expect(n["a"]?.line == 2)
        #expect(n["a"]?.column == 8)
        #expect(n["b"]?.value == .null)
        guard case .array(let items) = n["a"]!.value else { Issue.record("not an array"); return }
        #expect(items[1].value == .number(2500, text: "2.5e3"))
        #expect(items[2].value == .string("x"))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let n = try JSONParser.parse(#"["a\"b\\c\n", "\u00fc\ud83d\ude00", "Türkmenbaşy"]"#)
        guard case .array(let items) = n.value else { Issue.record("not an array"); return }
        #expect(items[0].value == .string("a\"b\\c\n"))
        #expect(items[1].value == .string("ü😀"))
        #expect(items[2].value == .string("Türkmenbaşy"))
    }

    @Test(arguments: [
        ("", 1, 1, "the file is empty"),
        ("   \n  ", 2, 3, "only white space"),
        ("{\"a\": 1,}", 1, 9, "trailing comma"),
        ("{'a': 1}", 1, 2, "double quotes"),
        ("[1, 2", 1, 6, "expected ',' or ']'"),
        ("{\"a\": NaN}", 1, 7, "NaN"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate member \"a\""),
        ("[01]", 1, 3, "leading zeros"),
        ("[1e999]", 1, 2, "out of range"),
        ("{\"a\": tru}", 1, 7, "misspelt"),
        ("[\"abc]", 1, 7, "unterminated string"),
        ("{\"a\": 1} x", 1, 10, "after the end of the document"),
        ("[\"\\x\"]", 1, 3, "invalid escape"),
        ("[\"\\ud800\"]", 1, 9, "lone UTF-16 surrogate"),
        ("{\n  \"a\": [1,\n  2,,]\n}", 3, 5, "expected a value"),
    ])
    func reportsSyntaxErrorsWithLineAndColumn(text: String, line: Int, column: Int, message: String) {
        let e = syntaxError(text)
        #expect(e != nil)
        #expect(e?.line == line)
        #expect(e?.column == column)
        #expect(e?.message.contains(message) == true, "got: \(e?.message ?? "no error")")
    }

    @Test func rejectsInvalidUTF8AtItsByte() {
        let bytes: [UInt8] = Array("{\n \"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("invalid UTF-8 byte 0xC3"))
        }
    }

    @Test func limitsNestingWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(syntaxError(deep)?.message.contains("nesting deeper than") == true)
        let ok = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        #expect(syntaxError(ok) == nil)
    }

    @Test func acceptsAByteOrderMark() throws {
        let n = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        #expect(n["a"]?.value == .number(1, text: "1"))
    }

    @Test func binaryJunkIsASyntaxErrorNotACrash() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 1...64, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }
            _ = try? JSONParser.parse(bytes)
        }
        #expect(syntaxError("\u{01}\u{02}")?.message.contains("expected a value") == true)
    }
}

@Suite struct JSONWriterTests {
    @Test func roundTripsKeepingOrderAndNumberText() throws {
        let text = """
        {
          "zeta": 1,
          "alpha": [1.50, 2e3, "x"],
          "nested": {"b": true, "a": null},
          "list": [
            {"year": 2021, "usd": 254.3e6, "note": "quote \\" and \\\\ and \\n"}
          ]
        }
        """
        let node = try JSONParser.parse(text)
        let written = JSONWriter.write(node)
        let again = try JSONParser.parse(written)
        #expect(JSONWriter.write(again) == written)
        #expect(written.contains("\"zeta\": 1,\n  \"alpha\": [1.50, 2e3, \"x\"]"))
        #expect(written.contains("254.3e6"))
        // Member order is kept.
        guard case .object(let ms) = again.value else { Issue.record("not an object"); return }
        #expect(ms.map(\.key) == ["zeta", "alpha", "nested", "list"])
    }

    @Test func formatsNewNumbers() {
        #expect(JSONWriter.format(254_300_000) == "254300000")
        #expect(JSONWriter.format(0.054) == "0.054")
        #expect(JSONWriter.quote("a\"b\u{01}") == "\"a\\\"b\\u0001\"")
    }
}
