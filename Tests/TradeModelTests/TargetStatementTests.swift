import Testing
@testable import TradeModel

/// A target's dated statements: decoding, validation (each problem with its message and place),
/// writing, ordering and display of their dates.
@Suite struct TargetStatementTests {
    /// A valid document whose one target has `statements` (JSON text) on line 7 onwards; the target
    /// opens on line 6. Sources s1 and s2 exist; the data is current to 1 Dec 2025.
    static func document(_ statements: String?) -> String {
        """
        {
          "schema": 1, "title": "KZ–TM", "asOf": "2025-12-01",
          "countries": [{"code": "KZ", "name": "Kazakhstan"}, {"code": "TM", "name": "Turkmenistan"}],
          "sources": [{"id": "s1", "publisher": "P"}, {"id": "s2", "publisher": "Q"}],
          "targets": [
            {"id": "t", "title": "USD 1 billion", "usd": 1e9, "sources": ["s1"]\(statements.map { ",\n\"statements\": " + $0 } ?? "")}
          ]
        }
        """
    }

    func load(_ text: String) throws(LoadError) -> Dataset { try DatasetLoader.load(bytes: Array(text.utf8), file: "t.json") }

    func problems(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.lines
        }
    }

    /// Exactly one problem, and it is `expected` (message, path and line).
    func expectOnly(_ statements: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let p = problems(Self.document(statements))
        #expect(p == [expected], sourceLocation: sourceLocation)
    }

    // MARK: - Good

    @Test func everyFieldIsRead() throws {
        let d = try load(Self.document("""
        [{"date": "2025-11-24", "endDate": "2025-11-25", "wording": "the next three years", "occasion": "Astana, state visit",
          "by": "the presidents", "sources": ["s1", "s2"], "deadline": 2027, "deadlineKind": "derived", "note": "n"},
         {"date": "2022-10-15", "wording": "raise trade to up to USD 1 billion", "quoted": false, "sources": ["s2"]}]
        """))
        let t = try #require(d.targets.first)
        #expect(t.statements == [
            TargetStatement(date: DateValue(year: 2025, month: 11, day: 24), endDate: DateValue(year: 2025, month: 11, day: 25),
                            wording: "the next three years", occasion: "Astana, state visit", by: "the presidents", sources: ["s1", "s2"],
                            deadline: 2027, deadlineKind: .derived, note: "n"),
            TargetStatement(date: DateValue(year: 2022, month: 10, day: 15), wording: "raise trade to up to USD 1 billion", quoted: false,
                            sources: ["s2"]),
        ])
        #expect(t.statements[0].quoted, "quoted defaults to true")
        // Sources cited: the target's s1, then its statements' s2 (s1 again is not repeated).
        #expect(t.citedSources == ["s1", "s2"])
        #expect(d.citations(of: "s2") == ["target USD 1 billion"], "a source cited only by a statement is cited by the target")
    }

    @Test func statementsMayBeAbsentOrEmpty() throws {
        #expect(try load(Self.document(nil)).targets[0].statements.isEmpty)
        #expect(try load(Self.document("[]")).targets[0].statements.isEmpty)
        #expect(try load(Self.document("null")).targets[0].statements.isEmpty, "null means absent")
    }

    @Test func aStatementOnTheAsOfDayOrInItsMonthIsFine() throws {
        // As of 2025-12-01: "2025-12" counts from 1 Dec, the as-of day itself.
        let d = try load(Self.document(#"[{"date": "2025-12-01", "wording": "w", "sources": ["s1"]}, {"date": "2025-12", "wording": "w", "sources": ["s1"]}]"#))
        #expect(d.targets[0].statements.count == 2)
    }

    // MARK: - Bad: each problem with its message and place (the path, and the line: the statements start on line 7)

    @Test func unknownSource() {
        expectOnly(#"[{"date": "2021-10-25", "wording": "in the next five years", "sources": ["s9"]}]"#,
                   #"t.json: targets[0].statements[0].sources[0]: unknown source "s9" (line 7)"#)
        expectOnly("[{\"date\": \"2021\", \"wording\": \"w\", \"sources\": [\"s1\"]},\n {\"date\": \"2022\", \"wording\": \"w\", \"sources\": [\"s1\", \"s3\"]}]",
                   #"t.json: targets[0].statements[1].sources[1]: unknown source "s3" (line 8)"#)
        expectOnly(#"[{"date": "2021", "wording": "w", "sources": []}]"#,
                   "t.json: targets[0].statements[0].sources: must list at least one (line 7)")
        expectOnly(#"[{"date": "2021", "wording": "w"}]"#,
                   "t.json: targets[0].statements[0].sources: missing required field (line 7)")
    }

    @Test func badDates() {
        expectOnly(#"[{"date": "2025-13-01", "wording": "w", "sources": ["s1"]}]"#,
                   #"t.json: targets[0].statements[0].date: "2025-13-01": month 13 does not exist (line 7)"#)
        expectOnly(#"[{"date": "24-25 Nov 2025", "wording": "w", "sources": ["s1"]}]"#,
                   #"t.json: targets[0].statements[0].date: "24-25 Nov 2025": expected a date as YYYY, YYYY-MM or YYYY-MM-DD (line 7)"#)
        expectOnly(#"[{"date": "1821-10-25", "wording": "w", "sources": ["s1"]}]"#,
                   "t.json: targets[0].statements[0].date: year 1821 is implausible (expected 1900–2100) (line 7)")
        // Said after the data's as-of date (2025-12-01): a statement from the future.
        expectOnly(#"[{"date": "2026-01", "wording": "w", "sources": ["s1"]}]"#,
                   "t.json: targets[0].statements[0].date: 2026-01 is after the dataset's as-of date (2025-12-01) (line 7)")
        expectOnly(#"[{"date": "2025-11-25", "endDate": "2025-11-24", "wording": "w", "sources": ["s1"]}]"#,
                   "t.json: targets[0].statements[0].endDate: ends (2025-11-24) before it begins (2025-11-25) (line 7)")
        expectOnly(#"[{"wording": "w", "sources": ["s1"]}]"#,
                   "t.json: targets[0].statements[0].date: missing required field (line 7)")
    }

    @Test func wrongTypes() {
        expectOnly(#""in the next five years""#, "t.json: targets[0].statements: expected an array, found a string (line 7)")
        expectOnly(#"["in the next five years"]"#, "t.json: targets[0].statements[0]: expected an object, found a string (line 7)")
        expectOnly(#"[{"date": "2021", "wording": 5, "sources": ["s1"]}]"#,
                   "t.json: targets[0].statements[0].wording: expected a string, found a number (line 7)")
        expectOnly(#"[{"date": "2021", "wording": "w", "quoted": "yes", "sources": ["s1"]}]"#,
                   "t.json: targets[0].statements[0].quoted: expected true or false, found a string (line 7)")
        expectOnly(#"[{"date": "2021", "wording": "w", "sources": "s1"}]"#,
                   "t.json: targets[0].statements[0].sources: expected an array, found a string (line 7)")
        expectOnly(#"[{"date": "2021", "wording": "w", "sources": ["s1"], "deadline": "2026", "deadlineKind": "derived"}]"#,
                   #"t.json: targets[0].statements[0].deadline: expected a number, found a string ("2026"): remove the quotes (line 7)"#)
        expectOnly(#"[{"date": "2021", "wording": " ", "sources": ["s1"]}]"#,
                   "t.json: targets[0].statements[0].wording: must not be empty (line 7)")
    }

    @Test func deadlines() {
        expectOnly(#"[{"date": "2021-10", "wording": "w", "sources": ["s1"], "deadline": 2026}]"#,
                   #"t.json: targets[0].statements[0].deadlineKind: missing: say whether the deadline is "stated" by the source or "derived" by us (line 7)"#)
        expectOnly(#"[{"date": "2021-10", "wording": "w", "sources": ["s1"], "deadlineKind": "derived"}]"#,
                   "t.json: targets[0].statements[0].deadline: missing: deadlineKind is given but no deadline (leave both out when the wording implies none) (line 7)")
        expectOnly(#"[{"date": "2021-10", "wording": "w", "sources": ["s1"], "deadline": 2020, "deadlineKind": "stated"}]"#,
                   "t.json: targets[0].statements[0].deadline: deadline 2020 is before the statement (2021-10) (line 7)")
        expectOnly(#"[{"date": "2021-10", "wording": "w", "sources": ["s1"], "deadline": 2026, "deadlineKind": "guessed"}]"#,
                   #"t.json: targets[0].statements[0].deadlineKind: unknown value "guessed"; expected one of "stated", "derived" (line 7)"#)
        expectOnly(#"[{"date": "2021-10", "wording": "w", "sources": ["s1"], "deadline": 2026.5, "deadlineKind": "derived"}]"#,
                   "t.json: targets[0].statements[0].deadline: expected a whole number, found 2026.5 (line 7)")
    }

    @Test func unknownFieldsSuggestTheNearest() {
        expectOnly(#"[{"date": "2021", "wordng": "w", "wording": "w", "sources": ["s1"]}]"#,
                   #"t.json: targets[0].statements[0].wordng: unknown field (did you mean "wording"?) (line 7)"#)
        expectOnly(#"[{"date": "2021", "wording": "w", "source": "s1", "sources": ["s1"]}]"#,
                   #"t.json: targets[0].statements[0].source: unknown field (did you mean "sources"?) (line 7)"#)
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        let p = problems(Self.document(#"[{"date": "2021-02-30", "wording": "w", "sources": ["nope"]}, {"wording": 1, "sources": ["s1"]}]"#))
        #expect(p == [
            #"t.json: targets[0].statements[0].date: "2021-02-30": day 30 does not exist in Feb 2021 (line 7)"#,
            "t.json: targets[0].statements[1].date: missing required field (line 7)",
            "t.json: targets[0].statements[1].wording: expected a string, found a number (line 7)",
            #"t.json: targets[0].statements[0].sources[0]: unknown source "nope" (line 7)"#,
        ])
    }

    // MARK: - Writing, order and dates

    @Test func aTargetWithStatementsIsWrittenAndReadBackEqual() throws {
        let t = Target(id: "t", title: "USD 1 billion", metric: .exports, usd: 1e9, set: DateValue(year: 2022, month: 10, day: 15), deadline: 2027,
                       deadlineKind: .derived, deadlineNote: "from the statements", sources: ["s1"], note: "n",
                       statements: [
                           TargetStatement(date: DateValue(year: 2021, month: 10, day: 25), wording: "in the next five years \"quoted\"",
                                           occasion: "Ashgabat", by: "the heads of state", sources: ["s2"], deadline: 2026, deadlineKind: .derived, note: "five years"),
                           TargetStatement(date: DateValue(year: 2025, month: 11, day: 24), endDate: DateValue(year: 2025, month: 11, day: 25),
                                           wording: "restated", quoted: false, sources: ["s1", "s2"]),
                       ])
        guard case .object(let members) = DatasetEncoding.node(t).value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["id", "title", "metric", "usd", "set", "deadline", "deadlineKind", "deadlineNote", "sources", "note", "statements"])
        guard case .object(let first) = DatasetEncoding.node(t.statements[0]).value, case .object(let second) = DatasetEncoding.node(t.statements[1]).value else {
            Issue.record("not objects"); return
        }
        #expect(first.map(\.key) == ["date", "wording", "occasion", "by", "sources", "deadline", "deadlineKind", "note"], "quoted (true) is the default, left out")
        #expect(second.map(\.key) == ["date", "endDate", "wording", "quoted", "sources"])
        let text = Self.document(nil).replacingOccurrences(of: #"{"id": "t", "title": "USD 1 billion", "usd": 1e9, "sources": ["s1"]}"#,
                                                          with: JSONWriter.write(DatasetEncoding.node(t)))
        #expect(try load(text).targets == [t])
        // The default metric is left out too.
        var turnover = t
        turnover.metric = .turnover
        guard case .object(let m2) = DatasetEncoding.node(turnover).value else { return }
        #expect(!m2.map(\.key).contains("metric"))
    }

    @Test func statementsSortOldestFirst() {
        func st(_ y: Int, _ m: Int?, _ d: Int?, _ w: String) -> TargetStatement {
            TargetStatement(date: DateValue(year: y, month: m, day: d), wording: w, sources: ["s"])
        }
        let t = Target(id: "t", title: "T", usd: 1, sources: ["s"], statements: [
            st(2025, 11, 24, "a"), st(2024, 10, 10, "b"), st(2025, 11, nil, "c"), st(2024, 10, 10, "d"), st(2021, nil, nil, "e"),
        ])
        // 2021 < 10 Oct 2024 (b, then d: equal dates keep file order) < Nov 2025 (a month counts as before its days) < 24 Nov 2025.
        #expect(t.statementsByDate.map(\.wording) == ["e", "b", "d", "c", "a"])
    }

    @Test func dateTextShowsRanges() {
        func text(_ a: DateValue, _ b: DateValue?) -> String { TargetStatement(date: a, endDate: b, wording: "w", sources: ["s"]).dateText }
        #expect(text(DateValue(year: 2021, month: 10, day: 25), nil) == "25 Oct 2021")
        #expect(text(DateValue(year: 2025, month: 11, day: 24), DateValue(year: 2025, month: 11, day: 25)) == "24–25 Nov 2025")
        #expect(text(DateValue(year: 2025, month: 11, day: 30), DateValue(year: 2025, month: 12, day: 1)) == "30 Nov – 1 Dec 2025")
        #expect(text(DateValue(year: 2024, month: 12, day: 30), DateValue(year: 2025, month: 1, day: 2)) == "30 Dec 2024 – 2 Jan 2025")
        #expect(text(DateValue(year: 2025, month: 11), DateValue(year: 2025, month: 12)) == "Nov – Dec 2025")
        #expect(text(DateValue(year: 2025, month: 11), DateValue(year: 2025, month: 11)) == "Nov 2025", "a range of one date is that date")
    }
}
