import Testing
@testable import TradeModel

/// Indicators (rail cargo, gas volumes) and the sources' new members (language, basis, weak) and
/// export potential's: decoding, validation with message and place, writing back.
@Suite struct IndicatorSourceTests {
    /// A valid document: sources on line 4 (s1 plus `extraSources`), indicators on line 5, export potential on line 7; as of 1 Dec 2025.
    static func document(indicators: String = "[]", extraSources: String = "", potential: String = "[]") -> String {
        """
        {
          "schema": 1, "title": "KZ–TM", "asOf": "2025-12-01",
          "countries": [{"code": "KZ", "name": "Kazakhstan"}, {"code": "TM", "name": "Turkmenistan"}],
          "sources": [{"id": "s1", "publisher": "P"}\(extraSources)],
          "indicators": \(indicators),
          "projects": [{"id": "rail", "title": "r", "kind": "rail", "status": "operational", "sources": ["s1"]}],
          "exportPotential": \(potential)
        }
        """
    }

    static func problems(_ text: String) -> [String] {
        do { _ = try CompositionTests.load(text); return [] } catch { return error.lines }
    }

    static func indicator(_ values: String, unit: String = #""Mt""#) -> String {
        #"[{"id": "rail-cargo", "title": "Rail cargo", "unit": \#(unit), "values": \#(values)}]"#
    }

    @Test func indicatorsAreRead() throws {
        let d = try CompositionTests.load(Self.document(indicators: """
        [{"id": "rail-cargo", "title": "Rail cargo between the two", "label": "rail cargo", "unit": "Mt", "related": ["rail"], "note": "n",
          "values": [{"year": 2019, "value": 1.245, "qualifier": "over", "source": "s1"},
                     {"year": 2020, "months": [1, 3], "from": "KZ", "to": "TM", "value": 0.255574, "kind": "stated", "source": "s1", "note": "q"},
                     {"year": 2023, "value": 1.3, "growth": 0.2, "source": "s1"},
                     {"year": 2030, "value": 20, "max": 25, "planned": true, "source": "s1"}]},
         {"id": "gas-delivered", "title": "Turkmen gas delivered to Kazakhstan", "unit": "bcm", "values": []}]
        """))
        #expect(d.indicators.count == 2)
        #expect(d.indicators[0].values == [
            IndicatorValue(period: Period(year: 2019), value: 1.245, qualifier: .over, source: "s1"),
            IndicatorValue(period: Period(year: 2020, months: 1...3), from: "KZ", to: "TM", value: 0.255574, source: "s1", note: "q"),
            IndicatorValue(period: Period(year: 2023), value: 1.3, growth: 0.2, source: "s1"),
            IndicatorValue(period: Period(year: 2030), value: 20, max: 25, planned: true, source: "s1"),
        ])
        #expect(d.indicators[0].related == ["rail"] && d.indicators[0].unit == .Mt && d.indicators[0].label == "rail cargo")
        #expect(d.indicators[1].values.isEmpty, "no values: known to be unknown")
        #expect(d.citations(of: "s1").contains("rail cargo 2019, 2020 Jan–Mar, 2023, 2030"))
        let text = Self.document(indicators: JSONWriter.write(JSONNode(.array(d.indicators.map(DatasetEncoding.node)))))
        #expect(try CompositionTests.load(text).indicators == d.indicators)
    }

    @Test func indicatorProblems() {
        func only(_ i: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(Self.problems(Self.document(indicators: i)) == [expected], sourceLocation: sourceLocation)
        }
        #expect(Self.problems(Self.document(indicators: Self.indicator("[]", unit: #""tonnes""#))).first?
            .hasPrefix(#"t.json: indicators[0].unit: unknown value "tonnes""#) == true)
        only(#"[{"id": "x", "title": "t", "values": []}]"#, "t.json: indicators[0].unit: missing required field (line 5)")
        only(#"[{"id": "x", "title": "t", "unit": "t"}]"#, "t.json: indicators[0].values: missing required field (line 5)")
        only(#"[{"id": "x", "title": "t", "unit": "t", "related": ["nope"], "values": []}]"#,
             #"t.json: indicators[0].related[0]: unknown deal, project or target "nope" (line 5)"#)
        only(Self.indicator(#"[{"year": 2024, "source": "s1"}]"#), "t.json: indicators[0].values[0].value: missing required field (line 5)")
        only(Self.indicator(#"[{"year": 2024, "value": -1, "source": "s1"}]"#), "t.json: indicators[0].values[0].value: must not be negative (-1) (line 5)")
        only(Self.indicator(#"[{"year": 2024, "value": 2, "max": 1, "source": "s1"}]"#),
             "t.json: indicators[0].values[0].max: the upper end of the range (1) is below its value (2) (line 5)")
        only(Self.indicator(#"[{"year": 2024, "value": 1, "source": "s9"}]"#), #"t.json: indicators[0].values[0].source: unknown source "s9" (line 5)"#)
        only(Self.indicator(#"[{"year": 2024, "value": 1, "from": "TM", "source": "s1"}]"#),
             "t.json: indicators[0].values[0].to: missing: give both from and to, or neither for both directions together (line 5)")
        // A measurement of 2026 cannot be in data current to 1 Dec 2025; a plan can.
        only(Self.indicator(#"[{"year": 2026, "value": 1, "source": "s1"}]"#),
             "t.json: indicators[0].values[0].year: the full year 2026 ends 31 Dec 2026, after the as-of date 2025-12-01: it cannot be complete (give the months it covers) (line 5)")
        #expect(Self.problems(Self.document(indicators: Self.indicator(#"[{"year": 2030, "value": 20, "planned": true, "source": "s1"}]"#))).isEmpty)
        only(Self.indicator(#"[{"year": 2024, "value": 1, "kind": "derived", "source": "s1"}]"#),
             "t.json: indicators[0].values[0].note: missing: a derived value says how it was derived (a note here, or on the indicator) (line 5)")
        only(Self.indicator(#"[{"year": 2024, "months": [1, 12], "value": 1, "source": "s1"}]"#),
             #"t.json: indicators[0].values[0].months: [1, 12] covers all 12 months: omit "months" for a full year (line 5)"#)
    }

    @Test func sourceMembers() throws {
        let d = try CompositionTests.load(Self.document(extraSources: """
        , {"id": "s2", "publisher": "Q", "url": "https://www.azathabar.com/a/28425774.html", "language": "tk", "basis": "national-statistics",
           "basisCountry": "TM", "note": "n"},
           {"id": "s3", "publisher": "R", "language": "ru", "basis": "press", "weak": true, "note": "an unattributed reprint"}
        """))
        #expect(d.sources[1] == Source(id: "s2", publisher: "Q", url: "https://www.azathabar.com/a/28425774.html", language: "tk",
                                       basis: .nationalStatistics, basisCountry: "TM", note: "n"))
        #expect(d.sources[2].weak && d.sources[2].basis == .press && !d.sources[0].weak)
        let text = Self.document(extraSources: ", " + d.sources.dropFirst().map { JSONWriter.write(DatasetEncoding.node($0)) }.joined(separator: ", "))
        #expect(try CompositionTests.load(text).sources == d.sources)
    }

    @Test func sourceProblems() {
        func only(_ s: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(Self.problems(Self.document(extraSources: ", " + s)) == [expected], sourceLocation: sourceLocation)
        }
        only(#"{"id": "s2", "publisher": "Q", "language": "EN"}"#,
             #"t.json: sources[1].language: "EN" is not an ISO 639 language code in lowercase, such as "en", "ru", "kk" or "tk" (line 4)"#)
        only(#"{"id": "s2", "publisher": "Q", "language": "english"}"#,
             #"t.json: sources[1].language: "english" is not an ISO 639 language code in lowercase, such as "en", "ru", "kk" or "tk" (line 4)"#)
        only(#"{"id": "s2", "publisher": "Q", "basis": "national-statistics"}"#,
             #"t.json: sources[1].basisCountry: missing: say whose statistics ("basisCountry": "KZ") (line 4)"#)
        only(#"{"id": "s2", "publisher": "Q", "basis": "press", "basisCountry": "KZ"}"#,
             #"t.json: sources[1].basisCountry: basisCountry says whose statistics; it goes with "national-statistics" or "mirror-statistics", not "press" (line 4)"#)
        only(#"{"id": "s2", "publisher": "Q", "basis": "mirror-statistics", "basisCountry": "kz"}"#,
             #"t.json: sources[1].basisCountry: "kz" is not a two-letter ISO code in capitals, such as "KZ" (line 4)"#)
        only(#"{"id": "s2", "publisher": "Q", "weak": true}"#, "t.json: sources[1].note: missing: a weak source needs a note saying why (line 4)")
        #expect(Self.problems(Self.document(extraSources: #", {"id": "s2", "publisher": "Q", "basis": "rumour"}"#)).first?
            .hasPrefix(#"t.json: sources[1].basis: unknown value "rumour""#) == true)
    }

    @Test func exportPotentialMembers() throws {
        let d = try CompositionTests.load(Self.document(potential: """
        [{"id": "p", "from": "KZ", "to": "TM", "description": "nearly 60 goods", "categories": 60, "commodities": ["flour", "wheat"],
          "usd": 130000000, "qualifier": "over", "date": "2021-10", "source": "s1", "note": "nearly 60"}]
        """))
        #expect(d.exportPotential[0] == ExportPotential(id: "p", from: "KZ", to: "TM", description: "nearly 60 goods", categories: 60,
                                                        commodities: ["flour", "wheat"], usd: 130_000_000, qualifier: .over,
                                                        date: DateValue(year: 2021, month: 10), source: "s1", note: "nearly 60"))
        #expect(Self.problems(Self.document(potential: #"[{"id": "p", "from": "KZ", "to": "TM", "description": "d", "qualifier": "over", "source": "s1"}]"#))
            == ["t.json: exportPotential[0].qualifier: the qualifier applies to usd, which is not given (line 7)"])
    }

    @Test func aGrowthCanBeABound() throws {
        let text = """
        {"schema": 1, "title": "t", "asOf": "2025-12-01", "countries": [{"code": "KZ", "name": "K"}, {"code": "TM", "name": "T"}],
         "sources": [{"id": "s1", "publisher": "P"}],
         "trade": [{"year": 2021, "months": [1, 8], "flow": "turnover", "growth": 0.3, "growthQualifier": "over", "kind": "stated", "source": "s1"}]}
        """
        let d = try CompositionTests.load(text)
        #expect(d.trade[0].growthQualifier == .over && d.trade[0].qualifier == .exact && d.trade[0].usd == nil)
        let written = JSONWriter.write(DatasetEncoding.node(d.trade[0]))
        #expect(written.contains(#""growthQualifier": "over""#))
        #expect(Self.problems(text.replacingOccurrences(of: #""growth": 0.3, "#, with: #""usd": 5, "#))
            == ["t.json: trade[0].growthQualifier: growthQualifier says how exact the growth is, but no growth is given (line 3)"])
    }
}

/// Conflicts between an indicator's values: the same rule as trade figures.
@Suite struct IndicatorConflictTests {
    static func value(_ year: Int, _ v: Double, _ q: Qualifier = .exact, source: String, from: String? = nil, to: String? = nil,
                      max: Double? = nil, planned: Bool = false, months: ClosedRange<Int>? = nil) -> IndicatorValue {
        IndicatorValue(period: Period(year: year, months: months), from: from, to: to, value: v, max: max, qualifier: q, planned: planned, source: source)
    }

    @Test func overOnePointTwoFourFiveAndOneConflict() {
        // 2019: "over 1.245 Mt" (trend.az) and "1 Mt" (newscentralasia): 1 Mt allows 0.95–1.05 Mt.
        let i = Indicator(id: "rail", title: "r", unit: .Mt, values: [Self.value(2019, 1.245, .over, source: "a"), Self.value(2019, 1, source: "b"),
                                                                     Self.value(2023, 1.3, source: "c")])
        #expect(i.conflicts.map { [$0.0, $0.1] } == [[0, 1]])
        #expect(i.conflicting == [0, 1])
    }

    @Test func agreeingOrDifferentThingsDoNotConflict() {
        let i = Indicator(id: "rail", title: "r", unit: .Mt, values: [
            Self.value(2024, 1.6, source: "a"), Self.value(2024, 1.6, .about, source: "b"),          // agree
            Self.value(2022, 1.0, .about, source: "c", from: "KZ", to: "TM"),                          // a direction
            Self.value(2022, 0.2, .about, source: "c", from: "TM", to: "KZ"),                          // the other direction
            Self.value(2020, 0.27296, source: "d", months: 1...3), Self.value(2020, 0.9, source: "e"), // other periods
            Self.value(2030, 20, source: "f", planned: true), Self.value(2030, 10, source: "g"),       // a plan is not a measurement
            Self.value(2021, 1.0, source: "h"), Self.value(2021, 2.0, source: "h"),                    // one source twice: its own affair
            Self.value(2018, 1.0, .over, source: "i"), Self.value(2018, 1.1, source: "j", max: 1.3),  // a range meeting a bound
        ])
        #expect(i.conflicts.isEmpty)
        #expect(i.periods.map { $0.label } == ["2018", "2020 Jan–Mar", "2020", "2021", "2022", "2024", "2030"])
    }

    @Test func aRangeThatMissesConflicts() {
        let i = Indicator(id: "x", title: "x", unit: .bcm, values: [Self.value(2022, 1.0, source: "a", max: 1.5), Self.value(2022, 2.0, .over, source: "b")])
        #expect(i.conflicts.count == 1)
    }
}

/// Directions that do not add up to their total.
@Suite struct IndicatorSumTests {
    typealias V = IndicatorConflictTests

    @Test func theFirstQuarterOf2020DoesNotAddUp() {
        // 255,574 t + 27,385 t = 282,959 t against a stated 272,960 t (each exact: ±0.5 %).
        let i = Indicator(id: "rail", title: "r", unit: .Mt, values: [
            V.value(2020, 0.27296, source: "a", months: 1...3),
            V.value(2020, 0.255574, source: "a", from: "KZ", to: "TM", months: 1...3),
            V.value(2020, 0.027385, source: "a", from: "TM", to: "KZ", months: 1...3),
        ])
        #expect(i.sumWarnings == [IndicatorSumWarning(total: 0, parts: [1, 2], sum: 0.255574 + 0.027385)])
    }

    @Test func partsThatAddUpOrComeFromElsewhereAreFine() {
        let i = Indicator(id: "rail", title: "r", unit: .Mt, values: [
            V.value(2020, 0.282959, source: "a", months: 1...3),
            V.value(2020, 0.255574, source: "a", from: "KZ", to: "TM", months: 1...3),
            V.value(2020, 0.027385, source: "a", from: "TM", to: "KZ", months: 1...3),
            V.value(2022, 2.0, source: "b"),                                  // its parts are another source's
            V.value(2022, 1.0, .about, source: "c", from: "KZ", to: "TM"),
            V.value(2022, 0.2, .about, source: "c", from: "TM", to: "KZ"),
            V.value(2023, 1.3, source: "d"), V.value(2023, 0.2, source: "d", from: "KZ", to: "TM"), // one direction only
        ])
        #expect(i.sumWarnings.isEmpty)
    }
}
