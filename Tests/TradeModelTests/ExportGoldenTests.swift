import Foundation
import Testing
@testable import TradeModel

/// Golden exports of the bundled dataset: every kind as CSV, and trade and sources in all three
/// formats. Tests/TradeModelTests/ExportGoldens; re-record after an intended change with
/// `TRADEDASH_RECORD=1 swift test --filter ExportGoldenTests`, and read the diffs before committing.
@Suite struct ExportGoldenTests {
    static let record = ProcessInfo.processInfo.environment["TRADEDASH_RECORD"] == "1"
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ExportGoldens")

    struct Case: CustomTestStringConvertible, Sendable {
        var kind: ExportKind
        var format: ExportFormat
        var testDescription: String { "\(kind.rawValue).\(format.rawValue)" }
        var fileName: String { "\(kind.rawValue).\(format == .markdown ? "md" : format.rawValue)" }
    }

    static let cases: [Case] = ExportKind.allCases.map { Case(kind: $0, format: .csv) }
        + [Case(kind: .trade, format: .json), Case(kind: .trade, format: .markdown),
           Case(kind: .sources, format: .json), Case(kind: .sources, format: .markdown),
           Case(kind: .targets, format: .markdown)]

    @Test(arguments: cases) func matchesItsGolden(_ c: Case) throws {
        let dataset = try BundledDatasetTests.load()
        let text = ExportWriter.write(ExportRows.table(c.kind, of: dataset), as: c.format)
        let file = Self.directory.appendingPathComponent(c.fileName)
        if Self.record {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            return
        }
        let expected = try #require(try? Data(contentsOf: file), "missing golden \(c.fileName): record with TRADEDASH_RECORD=1")
        guard Data(text.utf8) != expected else { return }
        let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("""
        \(c.fileName) differs from its golden at line \(first + 1):
        expected: \(first < a.count ? String(a[first]) : "<end>")
        actual:   \(first < b.count ? String(b[first]) : "<end>")
        """)
    }

    @Test func everyTradeObservationIsARowWithItsSource() throws {
        let d = try BundledDatasetTests.load()
        let t = ExportRows.trade(d)
        #expect(t.rows.count == d.trade.count)
        let value = try #require(t.header.firstIndex(of: "value"))
        let publisher = try #require(t.header.firstIndex(of: "source_publisher"))
        for (row, o) in zip(t.rows, d.trade) {
            #expect(row.count == t.header.count)
            #expect(row[value] == (o.usd.map(DatasetEncoding.amountText) ?? ""))
            #expect(row[publisher] == d.source(o.source)?.publisher)
        }
        // 2021's 254.3 M is written plain.
        #expect(t.rows.contains { $0[0] == "2021" && $0[value] == "254300000" })
    }

    @Test func rowCountsFollowTheDocumentedShape() throws {
        let d = try BundledDatasetTests.load()
        #expect(ExportRows.goods(d).rows.count == d.composition.reduce(0) { $0 + $1.goods.count })
        #expect(ExportRows.indicators(d).rows.count == d.indicators.reduce(0) { $0 + $1.values.count })
        #expect(ExportRows.targets(d).rows.count == d.targets.reduce(0) { $0 + max(1, $1.statements.count) })
        #expect(ExportRows.deals(d).rows.count == d.deals.reduce(0) { $0 + max(1, $1.milestones.count) })
        #expect(ExportRows.projects(d).rows.count == d.projects.reduce(0) { $0 + max(1, $1.milestones.count) })
        #expect(ExportRows.events(d).rows.count == d.events.count)
        #expect(ExportRows.sources(d).rows.count == d.sources.count)
        for kind in ExportKind.allCases {
            let t = ExportRows.table(kind, of: d)
            #expect(t.rows.allSatisfy { $0.count == t.header.count }, "\(kind)")
            #expect(t.header.contains("source_id") && t.header.contains("source_url"), "\(kind)")
        }
    }
}

/// The three writers on awkward text.
@Suite struct ExportWriterTests {
    let table = ExportTable(header: ["name", "value"],
                            rows: [["plain", "1"], ["a,b", "2"], ["say \"hi\"", ""], ["two\r\nlines|pipe\\", "3.5"], ["lf\nonly", "4"]],
                            numericColumns: ["value"])

    @Test func csvQuotesWhatRFC4180Requires() {
        #expect(ExportWriter.csv(table) == "name,value\r\nplain,1\r\n\"a,b\",2\r\n\"say \"\"hi\"\"\",\r\n\"two\r\nlines|pipe\\\",3.5\r\n\"lf\nonly\",4\r\n")
    }

    @Test func jsonIsAnArrayOfObjects() throws {
        let text = ExportWriter.json(table)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.count == 5)
        #expect(parsed[1]["name"] as? String == "a,b")
        #expect(parsed[3]["name"] as? String == "two\r\nlines|pipe\\")
        #expect((parsed[3]["value"] as? NSNumber)?.doubleValue == 3.5)
        #expect(parsed[2]["value"] is NSNull)
        #expect(ExportWriter.json(ExportTable(header: ["a"], rows: [])) == "[]\n")
    }

    /// A reader's `if row["weak"]` must not be true for "false".
    @Test func jsonWritesBooleanColumnsAsBooleans() throws {
        let flags = ExportTable(header: ["id", "weak"], rows: [["a", "true"], ["b", "false"], ["c", ""], ["d", "maybe"]], booleanColumns: ["weak"])
        let text = ExportWriter.json(flags)
        #expect(text.contains("\"weak\": true") && text.contains("\"weak\": false") && text.contains("\"weak\": null"))
        #expect(text.contains("\"weak\": \"maybe\""), "anything else stays a string: the JSON is always valid")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed[0]["weak"] as? Bool == true && parsed[1]["weak"] as? Bool == false)
        let seed = try BundledDatasetTests.load()
        let sources = ExportWriter.json(ExportRows.sources(seed))
        #expect(!sources.contains("\"weak\": \""), "the sources' weak flag is a boolean")
    }

    @Test func markdownEscapesPipesAndLineBreaks() {
        let lines = ExportWriter.markdown(table).split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[0] == "| name | value |")
        #expect(lines[1] == "| --- | --- |")
        #expect(lines[5] == "| two<br>lines\\|pipe\\\\ | 3.5 |")
        #expect(lines[6] == "| lf<br>only | 4 |")
    }
}
