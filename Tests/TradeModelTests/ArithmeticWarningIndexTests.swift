import Dispatch
import Testing
@testable import TradeModel

/// The warnings as the screens and `validate` use them: found per observation, cached, places with lines.
@Suite struct ArithmeticWarningIndexTests {
    typealias A = Arith

    /// 2022 460 M, 2023 563 M, 2024 "700" beside exports 550 M and imports 150 M.
    static let typo = A.dataset([A.turnover(2022, 460e6), A.turnover(2023, 563e6), A.turnover(2024, 700),
                                 A.goods(.exports, "KZ", "TM", 2024, 550e6), A.goods(.imports, "TM", "KZ", 2024, 150e6)])

    @Test func warningsInFileOrderAndFlagsPerObservation() {
        let d = Self.typo
        // trade[2] is the subject of two: the sum (with trade[3] and trade[4]) and the outlier (against trade[1]).
        #expect(d.arithmeticWarnings.map(\.kind) == [.turnoverSum, .outlier])
        #expect(d.arithmeticWarnings.map(\.observations) == [[2, 3, 4], [2, 1]])
        #expect(d.arithmeticFlags(2) == d.arithmeticWarnings)
        #expect(d.arithmeticFlags(1).map(\.kind) == [.outlier], "named as the figure it was compared with")
        #expect(d.arithmeticFlags(1).allSatisfy { $0.subject == 2 })
        #expect(d.arithmeticFlags(3).map(\.kind) == [.turnoverSum])
        #expect(d.arithmeticFlags(4).map(\.kind) == [.turnoverSum])
        #expect(d.arithmeticFlags(0).isEmpty)
        #expect(d.arithmeticFlags(5).isEmpty && d.arithmeticFlags(-1).isEmpty && d.arithmeticFlags(Int.max).isEmpty)
        #expect((0..<5).map { d.isArithmeticallyFlagged($0) } == [false, true, true, true, true])
        // By value, as `preferred` gives them.
        #expect(d.arithmeticFlags(d.preferred(.turnover, year: 2024)!) == d.arithmeticFlags(2))
        #expect(d.arithmeticFlags(d.preferred(.goods(from: "TM", to: "KZ"), year: 2024)!) == d.arithmeticFlags(4))
        #expect(d.arithmeticFlags(d.trade[0]).isEmpty)
        #expect(d.arithmeticFlags(A.turnover(2024, 701)).isEmpty, "not in the dataset")
        var section = d.trade[2]
        section.hsSection = 3
        #expect(d.arithmeticFlags(section).isEmpty, "HS sections are not checked")
    }

    @Test func equalObservationsShareTheirFlags() {
        // The typo twice (two identical rows): each is a subject; by value, both rows' warnings, once each.
        var trade = Self.typo.trade
        trade.append(trade[2])
        let d = A.dataset(trade)
        #expect(d.arithmeticWarnings.map(\.subject) == [2, 2, 5, 5])
        #expect(d.arithmeticFlags(trade[2]) == d.arithmeticWarnings)
    }

    @Test func computedOnceAndDroppedWhenTheTradeChanges() {
        var d = Self.typo
        let first = d.arithmeticWarnings
        #expect(d.arithmeticWarnings == first)
        // A copy made after the warnings were computed equals one that never computed them.
        #expect(d == Self.typo.withoutCache)
        #expect(d.hashValue == Self.typo.withoutCache.hashValue)
        // Fixing the typo: 700 M = 550 + 150 M and 1.24× above 2023. Nothing left.
        d.trade[2].usd = 700e6
        #expect(d.arithmeticWarnings.isEmpty)
        #expect(!d.isArithmeticallyFlagged(2))
    }

    @Test func safeFromSeveralThreads() {
        let d = Self.typo.withoutCache
        let expected = Self.typo.arithmeticWarnings
        let results = Results(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            results.set(k, k % 2 == 0 ? d.arithmeticWarnings : d.arithmeticFlags(2))
        }
        #expect(results.all.allSatisfy { $0 == expected })
    }

    @Test func aDatasetWithoutThePairStillChecksItsSeries() {
        // Without two countries there is no pair to add up; the series checks still run.
        var d = Self.typo
        d.countries = [d.countries[0]]
        #expect(d.arithmeticWarnings.map(\.kind) == [.outlier])
    }

    final class Results: @unchecked Sendable {
        private let lock = DispatchQueue(label: "results")
        private var values: [[ArithmeticWarning]]
        init(count: Int) { values = Array(repeating: [], count: count) }
        func set(_ k: Int, _ v: [ArithmeticWarning]) { lock.sync { values[k] = v } }
        var all: [[ArithmeticWarning]] { lock.sync { values } }
    }
}

extension Dataset {
    /// The same dataset with fresh (empty) caches.
    var withoutCache: Dataset {
        var d = self
        d.indexBox = IndexBox()
        return d
    }
}

/// Each trade observation's line, recorded by the loader for the warnings' places.
@Suite struct TradeLinesTests {
    static let text = """
    {"schema": 1, "title": "Lines (invented figures)", "asOf": "2025-12-01",
     "countries": [{"code": "KZ", "name": "Kazakhstan"}, {"code": "TM", "name": "Turkmenistan"}],
     "sources": [{"id": "s", "publisher": "Test"}],
     "trade": [
      {"year": 2022, "flow": "turnover", "usd": 460e6, "kind": "stated", "source": "s"},
      {"year": 2023, "flow": "turnover", "usd": 563e6, "kind": "stated", "source": "s"},
      {
        "year": 2024, "flow": "turnover",
        "usd": 700, "kind": "stated", "source": "s"
      },
      {"year": 2024, "flow": "exports", "from": "KZ", "to": "TM", "usd": 550e6, "kind": "stated", "source": "s"}, {"year": 2024, "flow": "imports", "from": "TM", "to": "KZ", "usd": 150e6, "kind": "stated", "source": "s"}
     ]}
    """

    @Test func everyObservationHasTheLineItBeginsOn() throws {
        let d = try DatasetLoader.load(bytes: Array(Self.text.utf8), file: "lines.json")
        // Lines 5 and 6; the third spans 7–10 and begins on 7; the last two share line 11.
        #expect((0..<5).map { d.line(ofTrade: $0) } == [5, 6, 7, 11, 11])
        #expect(d.line(ofTrade: 5) == nil && d.line(ofTrade: -1) == nil)
        #expect(d.place(ofTrade: 2) == "trade[2] (line 7)")
        #expect(d.arithmeticWarnings.map(\.description) == [
            "trade[2] (line 7): 2024 turnover 700 USD vs KZ→TM exports 550 M + TM→KZ imports 150 M = 700 M: 100 % apart",
            "trade[2] (line 7): 2024 turnover 700 USD is 804,286× below 2023's 563 M — a typo for 700 M?",
        ])
    }

    @Test func theTreeDecoderRecordsThemToo() throws {
        let (d, problems) = DatasetLoader.decode(try JSONParser.parse(Array(Self.text.utf8)))
        #expect(problems.isEmpty)
        #expect((0..<5).map { d?.line(ofTrade: $0) } == [5, 6, 7, 11, 11])
    }

    @Test func linesTakeNoPartInEqualityAndGoWhenTheTradeChanges() throws {
        let d = try DatasetLoader.load(bytes: Array(Self.text.utf8), file: "lines.json")
        let made = Dataset(title: d.title, asOf: d.asOf, countries: d.countries, sources: d.sources, trade: d.trade)
        #expect(made.line(ofTrade: 0) == nil)
        #expect(made == d && made.hashValue == d.hashValue)
        var e = d
        e.trade.append(e.trade[0])
        #expect(e.line(ofTrade: 0) == nil, "lines of an older list of observations would point at the wrong ones")
        #expect(e.place(ofTrade: 0) == "trade[0]")
        #expect(e.arithmeticWarnings.allSatisfy { $0.line == 0 })
    }
}
