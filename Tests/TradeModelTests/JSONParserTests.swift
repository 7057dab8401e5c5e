import Testing
@testable import TradeModel

@Suite struct JSONParserTests {
    @Test func parsesNestedValuesWithPositions() throws {
        let n = try JSONParser.parse("{\n  \"a\": [1, 2.5e3, \"x\"],\n  \"b\": null\n}")
        #expect(n["a"]?.line == 2)
        #expect(n["b"]?.value == .null)
    }
}
