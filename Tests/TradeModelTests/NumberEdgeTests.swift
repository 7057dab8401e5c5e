import Testing
@testable import TradeModel

/// Numbers at the edges of what a Double holds: never silently changed.
@Suite struct NumberEdgeTests {
    func syntaxError(_ text: String) -> JSONSyntaxError? {
        do { _ = try JSONParser.parse(text); return nil } catch { return error }
    }

    func number(_ text: String) throws -> Double? {
        let n = try JSONParser.parse("[\(text)]")
        guard case .array(let items) = n.value, case .number(let d, _) = items[0].value else { return nil }
        return d
    }

    @Test(arguments: ["183e-400", "1e-400", "-2.5E-999", "0.000001e-330", "1e-99999999999999999999"])
    func underflowToZeroIsAnError(_ text: String) {
        let e = syntaxError("{\"usd\": \(text)}")
        #expect(e?.message == "number \(text) is too small to represent")
        #expect(e?.line == 1 && e?.column == 9)
    }

    @Test(arguments: ["0", "-0", "0.0", "0e5", "0E-400", "-0.000e-999"])
    func zeroWrittenAsZeroIsZero(_ text: String) throws {
        #expect(try number(text) == 0)
    }

    @Test func subnormalsAndOrdinaryNumbersAreKept() throws {
        #expect(try number("5e-324") == 5e-324)
        #expect(try number("2.2250738585072014e-308") == 2.2250738585072014e-308)
        #expect(try number("183e-40") == 183e-40)
        #expect(try number("412345678.5") == 412_345_678.5)
    }

    @Test func overflowIsStillOutOfRange() {
        #expect(syntaxError("[1e400]")?.message == "number 1e400 is out of range")
    }

    @Test func theDatasetLoaderReportsTheUnderflowWithItsPlace() {
        do {
            _ = try DatasetLoader.load(bytes: Array("{\n  \"schema\": 1,\n  \"x\": 183e-400\n}".utf8), file: "u.json")
            Issue.record("decoded")
        } catch {
            #expect(error.lines == ["u.json: line 3, column 8: number 183e-400 is too small to represent"])
        }
    }
}
