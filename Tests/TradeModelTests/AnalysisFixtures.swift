@testable import TradeModel

/// Small datasets for the issue-10 analysis rules (agreement, preferred value, current-year
/// estimate, target outlook), written by hand so each test's expected values can be computed on paper.
enum AF {
    /// Sources: three dated ones (old 2022-03, mid 2023-06, new 2025-02) and three with no date.
    static let sources: [Source] = [
        Source(id: "old", publisher: "Old", date: DateValue(year: 2022, month: 3)),
        Source(id: "mid", publisher: "Mid", date: DateValue(year: 2023, month: 6)),
        Source(id: "new", publisher: "New", date: DateValue(year: 2025, month: 2)),
        Source(id: "u1", publisher: "Undated 1"),
        Source(id: "u2", publisher: "Undated 2"),
        Source(id: "u3", publisher: "Undated 3"),
    ]

    static func obs(_ year: Int, _ usd: Double?, months: ClosedRange<Int>? = nil, flow: Flow = .turnover,
                    from: String? = nil, to: String? = nil, growth: Double? = nil, q: Qualifier = .exact,
                    kind: FigureKind = .stated, source: String = "old") -> TradeObservation {
        TradeObservation(period: Period(year: year, months: months), flow: flow, from: from, to: to, usd: usd,
                         growth: growth, qualifier: q, kind: kind, source: source)
    }

    static func dataset(_ trade: [TradeObservation], asOf: DateValue = DateValue(year: 2025, month: 12, day: 1),
                        targets: [Target] = []) -> Dataset {
        Dataset(title: "T", asOf: asOf,
                countries: [Country(code: "KZ", name: "Kazakhstan"), Country(code: "TM", name: "Turkmenistan")],
                sources: sources, trade: trade, targets: targets)
    }

    static func target(_ usd: Double, deadline: Int?) -> Target {
        Target(id: "t", title: "Target", usd: usd, deadline: deadline, sources: ["old"])
    }

    /// The bundled dataset (seeds/kazakhstan-turkmenistan.json), loaded once.
    static let bundled: Dataset = {
        do { return try DatasetLoader.load(path: BundledDataset.sourceTreePath) } catch { fatalError("\(error)") }
    }()

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }
}
