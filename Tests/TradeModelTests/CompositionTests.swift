import Testing
@testable import TradeModel

/// Composition (goods by period and direction): decoding every field, validation of each field and
/// reference with its message and place, and writing back to equal values.
@Suite struct CompositionTests {
    /// A valid document whose `composition` (JSON text) starts on line 6. Sources s1, s2; as of 1 Dec 2025.
    static func document(_ composition: String) -> String {
        """
        {
          "schema": 1, "title": "KZ–TM", "asOf": "2025-12-01",
          "countries": [{"code": "KZ", "name": "Kazakhstan"}, {"code": "TM", "name": "Turkmenistan"}],
          "sources": [{"id": "s1", "publisher": "P"}, {"id": "s2", "publisher": "Q"}],
          "composition":
        \(composition)
        }
        """
    }

    static func load(_ text: String) throws(LoadError) -> Dataset { try DatasetLoader.load(bytes: Array(text.utf8), file: "t.json") }

    static func problems(_ text: String) -> [String] {
        do { _ = try load(text); return [] } catch { return error.lines }
    }

    /// One entry `{…}` from KZ to TM in 2024 from s1 with the goods given.
    static func entry(_ goods: String, extra: String = "") -> String {
        #"[{"id": "c", "year": 2024, "from": "KZ", "to": "TM", "source": "s1", "goods": \#(goods)\#(extra)}]"#
    }

    func expectOnly(_ composition: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Self.problems(Self.document(composition)) == [expected], sourceLocation: sourceLocation)
    }

    @Test func everyFieldIsRead() throws {
        let d = try Self.load(Self.document("""
        [{"id": "tm-kz-2025", "year": 2025, "months": [1, 9], "periodNote": "the page says 2025", "from": "TM", "to": "KZ",
          "flow": "imports", "source": "s2", "kind": "stated", "note": "n",
          "goods": [{"name": "natural gas", "hs": "2711", "usd": 1500000.5, "quantity": 30, "unit": "kt", "qualifier": "over", "rank": 1,
                     "growth": 0.19, "kind": "derived", "note": "g"},
                    {"name": "tomatoes", "share": 26.7, "shareOf": {"what": "Turkmenistan's tomato exports", "quantity": 33.78, "unit": "kt", "usd": 37600000}},
                    {"name": "farm goods", "share": 30, "qualifier": "over", "includes": ["wheat flour", "pasta"]},
                    {"name": "other headings of chapter 27", "hs": "27", "remainder": true, "usd": 5}]},
         {"id": "both", "year": 2025, "months": [9, 10], "source": "s1", "goods": [{"name": "agricultural goods", "usd": 103000000}]}]
        """))
        #expect(d.composition.count == 2)
        let c = d.composition[0]
        #expect(c == Composition(id: "tm-kz-2025", period: Period(year: 2025, months: 1...9), periodNote: "the page says 2025", from: "TM", to: "KZ",
                                 flow: .imports, source: "s2", kind: .stated, goods: [
            GoodsItem(name: "natural gas", hs: "2711", usd: 1_500_000.5, quantity: 30, unit: .kt, rank: 1, growth: 0.19, qualifier: .over,
                      kind: .derived, note: "g"),
            GoodsItem(name: "tomatoes", share: 26.7, shareOf: ShareBase(what: "Turkmenistan's tomato exports", usd: 37_600_000, quantity: 33.78, unit: .kt)),
            GoodsItem(name: "farm goods", share: 30, qualifier: .over, includes: ["wheat flour", "pasta"]),
            GoodsItem(name: "other headings of chapter 27", hs: "27", usd: 5, remainder: true),
        ], note: "n"))
        #expect(d.composition[1].bothDirections && d.composition[1].period.monthsLabel == "Sep–Oct")
        #expect(c.goods[0].hsLevel == 4 && c.goods[3].hsLevel == 2 && c.goods[1].hsLevel == nil)
        #expect(d.citations(of: "s2").first?.hasPrefix("goods 2025 Jan–Sep TM→KZ: natural gas, tomatoes, farm goods…") == true)
    }

    @Test func aListOfGoodsWithoutFiguresIsValid() throws {
        let d = try Self.load(Self.document(Self.entry(#"[{"name": "iron products"}, {"name": "timber products"}, {"name": "flour"}]"#)))
        #expect(d.composition[0].goods.map(\.name) == ["iron products", "timber products", "flour"])
        #expect(!d.composition[0].hasFigures)
    }

    @Test func entryProblems() {
        expectOnly(#"[{"id": "c", "year": 2024, "from": "KZ", "source": "s1", "goods": [{"name": "x"}]}]"#,
                   "t.json: composition[0].to: missing: give both from and to, or neither for both directions together (line 6)")
        expectOnly(#"[{"id": "c", "year": 2024, "from": "KZ", "to": "KZ", "source": "s1", "goods": [{"name": "x"}]}]"#,
                   #"t.json: composition[0].to: from and to are the same country "KZ" (line 6)"#)
        expectOnly(#"[{"id": "c", "year": 2024, "from": "KZ", "to": "UZ", "source": "s1", "goods": [{"name": "x"}]}]"#,
                   #"t.json: composition[0].to: unknown country "UZ" (line 6)"#)
        expectOnly(#"[{"id": "c", "year": 2024, "from": "KZ", "to": "TM", "source": "s9", "goods": [{"name": "x"}]}]"#,
                   #"t.json: composition[0].source: unknown source "s9" (line 6)"#)
        expectOnly(#"[{"id": "c", "year": 2024, "from": "KZ", "to": "TM", "source": "s1", "goods": []}]"#,
                   "t.json: composition[0].goods: empty: name at least one good (line 6)")
        expectOnly(#"[{"id": "c", "year": 2024, "from": "KZ", "to": "TM", "source": "s1"}]"#,
                   "t.json: composition[0].goods: missing required field (line 6)")
        expectOnly(#"[{"id": "c", "year": 2025, "from": "KZ", "to": "TM", "source": "s1", "goods": [{"name": "x"}]}]"#,
                   "t.json: composition[0].year: the full year 2025 ends 31 Dec 2025, after the as-of date 2025-12-01: it cannot be complete (give the months it covers) (line 6)")
        expectOnly(#"[{"id": "c", "year": 2024, "from": "KZ", "to": "TM", "flow": "turnover", "source": "s1", "goods": [{"name": "x"}]}]"#,
                   #"t.json: composition[0].flow: a composition's flow is the reporter's: "exports" or "imports" (leave it out for both directions) (line 6)"#)
        expectOnly(#"[{"id": "c", "year": 2024, "flow": "exports", "source": "s1", "goods": [{"name": "x"}]}]"#,
                   "t.json: composition[0].flow: a flow needs a direction: give from and to (line 6)")
        expectOnly(#"[{"id": "c", "year": 2024, "source": "s1", "goods": [{"name": "x"}], "rank": 1}]"#,
                   "t.json: composition[0].rank: unknown field (line 6)")
        expectOnly("[{\"id\": \"c\", \"year\": 2024, \"source\": \"s1\", \"goods\": [{\"name\": \"x\"}]},\n {\"id\": \"c\", \"year\": 2023, \"source\": \"s1\", \"goods\": [{\"name\": \"x\"}]}]",
                   #"t.json: composition[1].id: duplicate id "c" (first used at composition[0]) (line 7)"#)
    }

    @Test func itemProblems() {
        expectOnly(Self.entry(#"[{"hs": "10"}]"#), "t.json: composition[0].goods[0].name: missing required field (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "hs": "100"}]"#),
                   #"t.json: composition[0].goods[0].hs: "100" is not an HS code: 2 digits (chapter), 4 (heading) or 6 (subheading), as "10", "1001", "100199" (line 6)"#)
        expectOnly(Self.entry(#"[{"name": "x", "hs": "7701"}]"#),
                   #"t.json: composition[0].goods[0].hs: "7701": chapter 77 is not an HS chapter (01–97, 77 reserved) (line 6)"#)
        expectOnly(Self.entry(#"[{"name": "x", "hs": 10}]"#), "t.json: composition[0].goods[0].hs: expected a string, found a number (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "share": 120}]"#),
                   "t.json: composition[0].goods[0].share: a share is a percentage between 0 and 100 (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "share": -1}]"#),
                   "t.json: composition[0].goods[0].share: a share is a percentage between 0 and 100 (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "quantity": 5}]"#),
                   "t.json: composition[0].goods[0].unit: missing: a quantity needs its unit (one of \(MeasureUnit.allRawValues.joined(separator: ", "))) (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "unit": "kt"}]"#), "t.json: composition[0].goods[0].unit: a unit without a quantity (line 6)")
        #expect(Self.problems(Self.document(Self.entry(#"[{"name": "x", "quantity": 5, "unit": "tonnes"}]"#))).first?
            .hasPrefix(#"t.json: composition[0].goods[0].unit: unknown value "tonnes""#) == true)
        expectOnly(Self.entry(#"[{"name": "x", "quantity": -5, "unit": "t"}]"#), "t.json: composition[0].goods[0].quantity: must not be negative (-5) (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "usd": -5}]"#), "t.json: composition[0].goods[0].usd: must not be negative (-5) (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "rank": 0}]"#), "t.json: composition[0].goods[0].rank: rank 0 is implausible (expected 1–100000) (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "growth": 19}]"#),
                   "t.json: composition[0].goods[0].growth: growth is a fraction between -1 and 10 (0.19 means +19 %) (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "qualifier": "over"}]"#),
                   "t.json: composition[0].goods[0].qualifier: the qualifier applies to usd, quantity or share, and none is given (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "remainder": true, "rank": 3}]"#),
                   #"t.json: composition[0].goods[0].rank: a remainder ("the rest") has no rank (line 6)"#)
        expectOnly(Self.entry(#"[{"name": "x", "hs": "2711", "remainder": true}]"#),
                   #"t.json: composition[0].goods[0].hs: a remainder's hs names the chapter it is the rest of: two digits, not "2711" (line 6)"#)
        expectOnly(Self.entry(#"[{"name": "x", "shareOf": {"what": "w"}}]"#),
                   "t.json: composition[0].goods[0].shareOf: shareOf says what a share is of, but no share is given (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "share": 5, "shareOf": {"usd": 5}}]"#),
                   "t.json: composition[0].goods[0].shareOf.what: missing required field (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "share": 5, "shareOf": {"what": "w", "quantity": 3}}]"#),
                   "t.json: composition[0].goods[0].shareOf.unit: missing: a quantity needs its unit (one of \(MeasureUnit.allRawValues.joined(separator: ", "))) (line 6)")
        expectOnly(Self.entry(#"[{"name": "x", "colour": "red"}]"#), "t.json: composition[0].goods[0].colour: unknown field (line 6)")
    }

    @Test func writtenEntriesReadBackEqual() throws {
        let entries = [
            Composition(id: "a", period: Period(year: 2024, months: 1...6), periodNote: "p", from: "KZ", to: "TM", flow: .exports, source: "s1",
                        goods: [GoodsItem(name: "Cereals", hs: "10", usd: 12_345_678.25, quantity: 123_456_789, unit: .kg, rank: 1),
                                GoodsItem(name: "Wheat and meslin", hs: "1001", usd: 10_000_000, quantity: 0.255574, unit: .Mt),
                                GoodsItem(name: "other headings of chapter 10", hs: "10", usd: 2_345_678.25, remainder: true),
                                GoodsItem(name: "tomatoes", share: 28, shareOf: ShareBase(what: "w", quantity: 128, unit: .kt), qualifier: .about,
                                          kind: .derived, includes: ["a", "b"], note: "n")], note: "x"),
            Composition(id: "b", period: Period(year: 2023), source: "s2", kind: .derived, goods: [GoodsItem(name: "grain")], note: "how"),
        ]
        let text = Self.document(JSONWriter.write(JSONNode(.array(entries.map(DatasetEncoding.node)))))
        #expect(try Self.load(text).composition == entries)
    }

    @Test func unitsConvertWithinOneDimensionOnly() {
        #expect(MeasureUnit.Mt.convert(1.6, to: .t) == 1_600_000)
        #expect(MeasureUnit.kg.convert(230_000_000, to: .kt) == 230)
        #expect(MeasureUnit.bcm.convert(1.5, to: .mcm) == 1500)
        #expect(MeasureUnit.bcm.convert(1, to: .t) == nil)
        #expect(MeasureUnit.MtPerYear.convert(20, to: .Mt) == nil, "a capacity per year is not a tonnage")
        #expect(MeasureUnit.GWh.convert(1, to: .kWh) == 1_000_000)
        #expect(MeasureUnit(rawValue: "Mt/yr") == .MtPerYear && MeasureUnit.MtPerYear.perYear && !MeasureUnit.Mt.perYear)
    }
}

/// A list is one ranking: its ranks, remainders and shares must be able to hold together.
@Suite struct CompositionListTests {
    func only(_ goods: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(CompositionTests.problems(CompositionTests.document(CompositionTests.entry(goods))) == [expected], sourceLocation: sourceLocation)
    }

    @Test func aHugeWholeRankIsImplausibleNotFractional() {
        only(#"[{"name": "a", "rank": 1e15}]"#, "t.json: composition[0].goods[0].rank: rank 1000000000000000.0 is implausible (expected 1–100000) (line 6)")
        only(#"[{"name": "a", "rank": 1.5}]"#, "t.json: composition[0].goods[0].rank: expected a whole number, found 1.5 (line 6)")
    }

    @Test func aDerivedFigureSaysHow() {
        only(#"[{"name": "a", "usd": 5, "kind": "derived"}]"#,
             "t.json: composition[0].goods[0].note: missing: a derived figure says how it was derived (a note here, or on the list) (line 6)")
        // The item's own note, or the list's, says it.
        #expect(CompositionTests.problems(CompositionTests.document(CompositionTests.entry(#"[{"name": "a", "usd": 5, "kind": "derived", "note": "5 = 2 + 3"}]"#))).isEmpty)
        #expect(CompositionTests.problems(CompositionTests.document(CompositionTests.entry(#"[{"name": "a", "usd": 5}]"#, extra: #", "kind": "derived", "note": "sums of months""#))).isEmpty)
    }

    @Test func aRankGivenTwice() {
        only(#"[{"name": "a", "rank": 1}, {"name": "b", "rank": 2}, {"name": "c", "rank": 2}]"#,
             "t.json: composition[0].goods[2].rank: rank 2 is already given to goods[1] (line 6)")
    }

    @Test func twoRemaindersOfOneScope() {
        only(#"[{"name": "a", "usd": 5}, {"name": "rest", "remainder": true}, {"name": "rest again", "remainder": true}]"#,
             "t.json: composition[0].goods[2].remainder: a second remainder of the list (the first is goods[1]) (line 6)")
        only(#"[{"name": "x", "hs": "10", "usd": 5}, {"name": "r", "hs": "10", "remainder": true}, {"name": "r2", "hs": "10", "remainder": true}]"#,
             "t.json: composition[0].goods[2].remainder: a second remainder of chapter 10 (the first is goods[1]) (line 6)")
        // The rest of the list and the rest of a chapter are different things.
        #expect(CompositionTests.problems(CompositionTests.document(CompositionTests.entry(
            #"[{"name": "x", "hs": "10", "usd": 5}, {"name": "r", "hs": "10", "remainder": true}, {"name": "other chapters", "remainder": true}]"#))).isEmpty)
    }

    @Test func sharesOfTheDirectionOverAHundredPercent() {
        only(#"[{"name": "a", "share": 60}, {"name": "b", "share": 30}, {"name": "c", "share": 20}, {"name": "d", "share": 5}]"#,
             "t.json: composition[0].goods[2].share: the shares of the direction's total in this list add up to over 100 % (110 % by here) (line 6)")
        // Shares of wider totals are not the direction's: 26.7 % and 90 % of different things.
        #expect(CompositionTests.problems(CompositionTests.document(CompositionTests.entry(
            #"[{"name": "a", "share": 90}, {"name": "b", "share": 26.7, "shareOf": {"what": "w"}}]"#))).isEmpty)
    }
}
