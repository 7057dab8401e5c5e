import Testing
import TradeModel

/// Writing entries of the dataset format: what `DatasetEncoding` writes, the loader reads back unchanged.
@Suite struct DatasetEncodingTests {
    static let base = """
    {"schema": 1, "title": "t", "asOf": "2025-11-26",
     "countries": [{"code": "KZ", "name": "Kazakhstan"}, {"code": "TM", "name": "Turkmenistan"}],
     "sources": [], "trade": []}
    """

    /// The base document with `sources` and `trade` set to the encoded entries, written and loaded again.
    func roundTrip(_ sources: [Source], _ trade: [TradeObservation]) throws -> Dataset {
        guard case .object(var members) = try JSONParser.parse(Self.base).value else { throw LoadFailure() }
        for k in members.indices where members[k].key == "sources" { members[k].node = JSONNode(.array(sources.map(DatasetEncoding.node))) }
        for k in members.indices where members[k].key == "trade" { members[k].node = JSONNode(.array(trade.map(DatasetEncoding.node))) }
        let text = JSONWriter.write(JSONNode(.object(members)))
        return try DatasetLoader.load(bytes: Array(text.utf8), file: "encoded.json")
    }

    struct LoadFailure: Error {}

    @Test func sourcesAndObservationsReadBackEqual() throws {
        let sources = [Source(id: "a", publisher: "P"),
                       Source(id: "b", publisher: "Q", title: "T \"quoted\"", url: "https://example.org/x", date: DateValue(year: 2024, month: 3, day: 1),
                              note: "line\nbreak")]
        let trade = [
            TradeObservation(period: Period(year: 2023), flow: .exports, from: "KZ", to: "TM", usd: 412_345_678.5, kind: .stated,
                             source: "a", hsSection: 5, valuation: Valuation.fob.rawValue),
            TradeObservation(period: Period(year: 2024, months: 1...9), flow: .turnover, usd: nil, growth: 0.28, qualifier: .about,
                             kind: .derived, source: "b", note: "n"),
            TradeObservation(period: Period(year: 2022), flow: .imports, from: "TM", to: "KZ", usd: 0.001, kind: .stated, source: "b",
                             valuation: Valuation.cif.rawValue),
        ]
        let d = try roundTrip(sources, trade)
        #expect(d.sources == sources)
        #expect(d.trade == trade)
    }

    @Test func membersComeInTheDocumentedOrderAndDefaultsAreLeftOut() {
        let o = TradeObservation(period: Period(year: 2023), flow: .exports, from: "KZ", to: "TM", usd: 7, kind: .stated, source: "a")
        guard case .object(let members) = DatasetEncoding.node(o).value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["year", "flow", "from", "to", "usd", "kind", "source"])
        #expect(JSONWriter.write(DatasetEncoding.node(o)) == "{\"year\": 2023, \"flow\": \"exports\", \"from\": \"KZ\", \"to\": \"TM\", \"usd\": 7, \"kind\": \"stated\", \"source\": \"a\"}\n")
    }

    @Test func amountsAreWrittenAsPlainDecimals() {
        #expect(DatasetEncoding.amountText(412_345_678.5) == "412345678.5")
        #expect(DatasetEncoding.amountText(150_000_000) == "150000000")
        #expect(DatasetEncoding.amountText(0.001) == "0.001")
        // Not three decimals: as JSONWriter writes any number.
        #expect(DatasetEncoding.amountText(0.1 + 0.2) == JSONWriter.format(0.1 + 0.2))
        #expect(DatasetEncoding.amountText(1e20) == JSONWriter.format(1e20))
    }

    @Test func decimalTextOfThousandthsIsExact() {
        #expect(Money.decimalText(milli: 1_234_500) == "1234.5")
        #expect(Money.decimalText(milli: 1_050) == "1.05")
        #expect(Money.decimalText(milli: -7) == "-0.007")
        #expect(Valuation(rawValue: "cif") == .cif && Valuation(rawValue: "CIF") == nil)
    }
}
