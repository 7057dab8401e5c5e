import Testing
@testable import TradeModel

/// Validation rules, each on a small in-memory document (the file corpus is in CorpusTests).
@Suite struct ValidationTests {
    /// A minimal valid document; `patch` edits the JSON text of its parts.
    static func document(trade: String = #"[{"year": 2021, "flow": "turnover", "usd": 254300000, "kind": "stated", "source": "s1"}]"#,
                         extra: String = "", countries: String? = nil, schema: String = "1", asOf: String = "2025-11-26") -> String {
        """
        {
          "schema": \(schema), "title": "KZ–TM", "asOf": "\(asOf)",
          "countries": \(countries ?? #"[{"code": "KZ", "name": "Kazakhstan"}, {"code": "TM", "name": "Turkmenistan"}]"#),
          "sources": [{"id": "s1", "publisher": "P", "date": "2022-10-15"}],
          "places": [{"id": "aktau", "name": "Aktau", "country": "KZ", "lat": 43.65, "lon": 51.15}],
          "trade": \(trade)\(extra)
        }
        """
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try DatasetLoader.load(bytes: Array(text.utf8), file: "t.json")
            return []
        } catch {
            return error.lines
        }
    }

    func expectProblem(_ text: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let p = problems(text)
        #expect(p.contains { $0.contains(fragment) }, "expected a problem containing \(fragment); got \(p)", sourceLocation: sourceLocation)
    }

    @Test func minimalDocumentIsValid() throws {
        let d = try DatasetLoader.load(bytes: Array(Self.document().utf8), file: "t.json")
        #expect(d.trade.count == 1)
        #expect(d.trade[0].usd == 254.3e6)
        #expect(d.countries.map(\.code) == ["KZ", "TM"])
    }

    @Test func referencesMustResolve() {
        expectProblem(Self.document(trade: #"[{"year": 2021, "flow": "turnover", "usd": 1, "kind": "stated", "source": "s2"}]"#),
                      #"t.json: trade[0].source: unknown source "s2""#)
        expectProblem(Self.document(extra: #", "projects": [{"id": "p", "title": "P", "kind": "port", "status": "operational", "places": ["aktu"], "sources": ["s1"]}]"#),
                      #"projects[0].places[0]: unknown place "aktu" (did you mean "aktau"?)"#)
        expectProblem(Self.document(trade: #"[{"year": 2021, "flow": "exports", "from": "KZ", "to": "UZ", "usd": 1, "kind": "stated", "source": "s1"}]"#),
                      #"trade[0].to: unknown country "UZ""#)
        expectProblem(Self.document(extra: #", "events": [{"id": "e", "date": "2022-10-15", "title": "E", "kind": "visit", "related": ["nothing"], "sources": ["s1"]}]"#),
                      #"events[0].related[0]: unknown deal, project or target "nothing""#)
    }

    @Test func statusesComeFromOneVocabulary() {
        expectProblem(Self.document(extra: #", "deals": [{"id": "d", "title": "D", "sector": "gas", "parties": ["A"], "status": "sined", "sources": ["s1"]}]"#),
                      #"deals[0].status: unknown value "sined"; expected one of "proposed", "planned", "signed", "under-construction""#)
    }

    @Test func idsAreUnique() {
        expectProblem(Self.document(extra: #", "deals": [{"id": "d", "title": "D", "sector": "gas", "parties": ["A"], "status": "signed", "sources": ["s1"]}, {"id": "d", "title": "E", "sector": "gas", "parties": ["A"], "status": "signed", "sources": ["s1"]}]"#),
                      #"deals[1].id: duplicate id "d" (first used at deals[0])"#)
    }

    @Test func valuesAreFiniteNonNegativeAndPlausible() {
        expectProblem(Self.document(trade: #"[{"year": 2021, "flow": "turnover", "usd": -5, "kind": "stated", "source": "s1"}]"#), "trade[0].usd: must not be negative")
        expectProblem(Self.document(trade: #"[{"year": 2021, "flow": "turnover", "usd": 1e20, "kind": "stated", "source": "s1"}]"#), "implausibly large")
        expectProblem(Self.document(trade: #"[{"year": 1021, "flow": "turnover", "usd": 1, "kind": "stated", "source": "s1"}]"#), "trade[0].year: year 1021 is implausible")
        expectProblem(Self.document(trade: #"[{"year": 2021.5, "flow": "turnover", "usd": 1, "kind": "stated", "source": "s1"}]"#), "expected a whole number")
        expectProblem(Self.document(trade: #"[{"year": 2021, "flow": "turnover", "usd": "254", "kind": "stated", "source": "s1"}]"#), "remove the quotes")
        expectProblem(Self.document(trade: #"[{"year": 2021, "flow": "turnover", "growth": 22.5, "kind": "stated", "source": "s1"}]"#), "0.28 means +28 %")
    }

    @Test func partialPeriodsNameOneToElevenMonths() {
        func months(_ m: String) -> String { Self.document(trade: #"[{"year": 2025, "months": \#(m), "flow": "turnover", "usd": 1, "kind": "stated", "source": "s1"}]"#) }
        #expect(problems(months("[1, 9]")).isEmpty)
        #expect(problems(months("[5, 5]")).isEmpty)
        expectProblem(months("[1, 12]"), "covers all 12 months")
        expectProblem(months("[9, 1]"), "first month 9 is after last month 1")
        expectProblem(months("[0, 3]"), "month 0 is implausible")
        expectProblem(months("[1, 13]"), "month 13 is implausible")
        expectProblem(months("[3]"), "expected [first, last] months")
        expectProblem(months("\"Jan-Sep\""), "trade[0].months: expected an array, found a string")
    }

    @Test func datesAreValid() {
        expectProblem(Self.document(asOf: "2023-02-30"), #"asOf: "2023-02-30": day 30 does not exist in Feb 2023"#)
        expectProblem(Self.document(asOf: "2023-13-01"), "month 13 does not exist")
        expectProblem(Self.document(asOf: "15.10.2022"), "expected a date as YYYY")
        expectProblem(Self.document(asOf: "2022-10"), "expected a full date YYYY-MM-DD")
        #expect(problems(Self.document(asOf: "2024-02-29")).isEmpty)
        expectProblem(Self.document(asOf: "2023-02-29"), "day 29 does not exist")
    }

    @Test func flowsNeedDirections() {
        expectProblem(Self.document(trade: #"[{"year": 2021, "flow": "exports", "usd": 1, "kind": "stated", "source": "s1"}]"#), "trade[0].from: missing required field (exports need from and to)")
        expectProblem(Self.document(trade: #"[{"year": 2021, "flow": "exports", "from": "KZ", "to": "KZ", "usd": 1, "kind": "stated", "source": "s1"}]"#), "from and to are the same country")
        expectProblem(Self.document(trade: #"[{"year": 2021, "flow": "turnover", "from": "KZ", "usd": 1, "kind": "stated", "source": "s1"}]"#), "remove from and to")
        expectProblem(Self.document(trade: #"[{"year": 2021, "flow": "turnover", "kind": "stated", "source": "s1"}]"#), "needs a value (usd) or a growth rate")
    }

    @Test func structureAndSchema() {
        expectProblem(Self.document(schema: "2"), "schema: unsupported schema version 2")
        expectProblem(Self.document(countries: #"[{"code": "KZ", "name": "Kazakhstan"}]"#), "expected exactly 2 countries")
        expectProblem(Self.document(countries: #"[{"code": "kz", "name": "K"}, {"code": "TM", "name": "T"}]"#), "not a two-letter ISO code")
        expectProblem("[1, 2]", "expected a JSON object at the top level, found an array")
        expectProblem(Self.document(extra: #", "tarde": []"#), #"tarde: unknown field (did you mean "trade"?)"#)
        expectProblem("{}", "title: missing required field")
    }

    @Test func reportsEveryProblemWithItsLine() {
        let text = Self.document(trade: """
        [
            {"year": 2021, "flow": "turnover", "usd": -1, "kind": "stated", "source": "s1"},
            {"year": 2022, "flow": "sideways", "usd": 1, "kind": "stated", "source": "nope"},
            {"year": 2023, "flow": "turnover", "usd": 1, "kind": "guessed", "source": "s1"}
          ]
        """)
        let p = problems(text)
        #expect(p.count == 4, "\(p)")
        #expect(p.contains("t.json: trade[0].usd: must not be negative (-1) (line 7)"))
        #expect(p.contains { $0.hasPrefix("t.json: trade[1].flow: unknown value \"sideways\"") && $0.hasSuffix("(line 8)") })
        #expect(p.contains { $0.hasPrefix("t.json: trade[1].source: unknown source \"nope\"") })
        #expect(p.contains { $0.hasPrefix("t.json: trade[2].kind: unknown value \"guessed\"; expected one of \"stated\", \"derived\"") })
    }

    @Test func unreadableFilesSayWhy() {
        do {
            _ = try DatasetLoader.load(path: "/nonexistent/x.json")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.lines == ["/nonexistent/x.json: cannot read the file: no such file"])
        }
        do {
            _ = try DatasetLoader.load(path: "/tmp")
            Issue.record("loaded a directory")
        } catch {
            #expect(error.lines == ["/tmp: cannot read the file: it is a directory"])
        }
    }
}

@Suite struct PeriodCompletenessTests {
    func problems(_ trade: String, asOf: String) -> [String] {
        do {
            _ = try DatasetLoader.load(bytes: Array(ValidationTests.document(trade: trade, asOf: asOf).utf8), file: "t.json")
            return []
        } catch { return error.lines }
    }

    @Test func aFullYearMustBeOverByTheAsOfDate() {
        let full2025 = #"[{"year": 2025, "flow": "turnover", "usd": 1, "kind": "stated", "source": "s1"}]"#
        #expect(problems(full2025, asOf: "2025-12-01").contains { $0.contains("trade[0].year: the full year 2025 ends 31 Dec 2025, after the as-of date 2025-12-01: it cannot be complete") })
        #expect(problems(full2025, asOf: "2025-12-31").isEmpty)
        #expect(problems(full2025, asOf: "2026-01-15").isEmpty)
        let future = #"[{"year": 2030, "flow": "turnover", "usd": 1, "kind": "stated", "source": "s1"}]"#
        #expect(!problems(future, asOf: "2025-12-01").isEmpty)
    }

    @Test func aPartialPeriodMustBeOverToo() {
        let janNov = #"[{"year": 2025, "months": [1, 11], "flow": "turnover", "usd": 1, "kind": "stated", "source": "s1"}]"#
        #expect(problems(janNov, asOf: "2025-12-01").isEmpty)
        #expect(problems(janNov, asOf: "2025-11-29").contains { $0.contains("2025 Jan–Nov ends 30 Nov 2025, after the as-of date") })
    }

    @Test func rangesNeedAnUpperEndAboveTheValue() {
        let doc = ValidationTests.document(extra: #", "projects": [{"id": "p", "title": "P", "kind": "port", "status": "operational", "capacity": [{"value": 18, "max": 17, "unit": "Mt/yr", "source": "s1"}], "sources": ["s1"]}]"#)
        let lines: [String]
        do { _ = try DatasetLoader.load(bytes: Array(doc.utf8), file: "t.json"); lines = [] } catch { lines = error.lines }
        #expect(lines.contains { $0.contains("projects[0].capacity[0].max: the upper end of the range (17) is below its value (18)") })
        let upTo = ValidationTests.document(extra: #", "projects": [{"id": "p", "title": "P", "kind": "port", "status": "operational", "capacity": [{"value": 3, "max": 5, "qualifier": "up-to", "unit": "Mt/yr", "source": "s1"}], "sources": ["s1"]}]"#)
        var upToLines = [String]()
        do { _ = try DatasetLoader.load(bytes: Array(upTo.utf8), file: "t.json") } catch { upToLines = error.lines }
        #expect(upToLines.contains { $0.contains("a range (value and max) cannot also be \"up-to\"") })
    }
}
