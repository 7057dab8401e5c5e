import Testing
@testable import TradeConfig

/// The TOML subset: what it reads, and every error at its line and column.
@Suite struct TOMLSubsetTests {
    @Test func readsTheSubset() throws {
        let text = """
        \u{FEFF}# a comment
        theme = "mono"   # after a value
        mouse = true
        n = -1_000
        'quoted key' = 'C:\\no\\escapes'
        "k" = "tab\\there \\"q\\" \\\\ \\u00e9 \\U0001F600"

        [keys]
        quit = ["q", "x",]
        down = [
          "j",   # a comment in an array
          "ctrl-n"
        ]
        empty = []
        """
        let e = try TOMLSubset.parse(text)
        #expect(e.map(\.key) == ["theme", "mouse", "n", "quoted key", "k", "quit", "down", "empty"])
        #expect(e.map(\.table) == ["", "", "", "", "", "keys", "keys", "keys"])
        #expect(e[0].value == .string("mono"))
        #expect(e[0].keyAt == TOMLPosition(line: 2, column: 1) && e[0].valueAt == TOMLPosition(line: 2, column: 9))
        #expect(e[1].value == .bool(true))
        #expect(e[2].value == .integer(-1000))
        #expect(e[3].value == .string("C:\\no\\escapes"))
        #expect(e[4].value == .string("tab\there \"q\" \\ é 😀"))
        guard case .strings(let quit) = e[5].value, case .strings(let down) = e[6].value, case .strings(let empty) = e[7].value else {
            Issue.record("arrays"); return
        }
        #expect(quit.map(\.value) == ["q", "x"])
        #expect(quit.map(\.at) == [TOMLPosition(line: 9, column: 9), TOMLPosition(line: 9, column: 14)])
        #expect(down.map(\.value) == ["j", "ctrl-n"])
        #expect(down.map(\.at) == [TOMLPosition(line: 11, column: 3), TOMLPosition(line: 12, column: 3)])
        #expect(empty.isEmpty)
    }

    @Test func windowsLineEndingsCountAsOneLine() throws {
        let e = try TOMLSubset.parse("a = 1\r\nb = 2\r\n")
        #expect(e.map(\.keyAt) == [TOMLPosition(line: 1, column: 1), TOMLPosition(line: 2, column: 1)])
    }

    /// Each bad text, the line:column of its error and a part of the message.
    static let errors: [(String, String, String)] = [
        ("theme = \"mono", "1:9", "not closed on its line"),
        ("a = 1.5", "1:5", "floats (1.5) are not supported in tradedash's TOML subset"),
        ("a = 1e3", "1:5", "floats"),
        ("a = inf", "1:5", "floats"),
        ("a = 1979-05-27", "1:5", "dates and times"),
        ("a = 07:32:00", "1:5", "dates and times"),
        ("a = 0x1F", "1:5", "hexadecimal"),
        ("a = 012", "1:5", "cannot start with 0"),
        ("a = 1__0", "1:5", "underscore"),
        ("a = 99999999999999999999", "1:5", "too large"),
        ("a = { b = 1 }", "1:5", "inline tables"),
        ("[[keys]]", "1:2", "arrays of tables"),
        ("[keys.more]", "1:6", "dotted table names"),
        ("a.b = 1", "1:2", "dotted keys"),
        ("a = \"\"\"x\"\"\"", "1:5", "multi-line strings"),
        ("a = '''x'''", "1:5", "multi-line strings"),
        ("a = \"\\q\"", "1:6", "unknown escape \\q"),
        ("a = \"\\u12\"", "1:6", "4 hexadecimal digits"),
        ("a = \"\\uD800\"", "1:6", "Unicode scalar"),
        ("a = \"x\u{01}\"", "1:7", "a control character (U+0001)"),
        ("a = yes", "1:5", "expected a value"),
        ("a =", "1:4", "expected a value after ="),
        ("a = # nothing", "1:5", "expected a value after ="),
        ("a 1", "1:3", "expected = after the key \"a\""),
        ("= 1", "1:1", "expected a key"),
        ("a = 1 2", "1:7", "expected the end of the line after the value"),
        ("[keys] x", "1:8", "expected the end of the line after the table header"),
        ("[keys", "1:6", "expected ] to close"),
        ("a = [\"x\", 1]", "1:11", "arrays hold only strings in tradedash's TOML subset, not an integer"),
        ("a = [[\"x\"]]", "1:6", "arrays hold only strings"),
        ("a = [\"x\" \"y\"]", "1:10", "expected , or ]"),
        ("a = [\"x\",\n", "1:5", "the array opened at 1:5 is not closed"),
        ("a = 1\na = 2", "2:1", "key \"a\" is defined twice (first at 1:1)"),
        ("[keys]\n[keys]", "2:1", "table [keys] is defined twice"),
        ("a = 1\rb = 2", "1:6", "carriage return"),
        ("\n\n  quit = [\"q\", true]", "3:16", "not a boolean"),
    ]

    @Test(arguments: 0..<errors.count)
    func everyErrorHasItsLineAndColumn(_ index: Int) {
        let (text, position, message) = Self.errors[index]
        do {
            let e = try TOMLSubset.parse(text)
            Issue.record("\(text.debugDescription) parsed: \(e)")
        } catch {
            #expect(error.at.description == position, "\(text.debugDescription): \(error)")
            #expect(error.message.contains(message), "\(text.debugDescription): \(error)")
        }
    }
}
