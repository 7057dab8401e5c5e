/// Something in the data's own arithmetic that does not add up: a turnover that is not its exports
/// plus imports, a stated growth that its two values do not give, a value a hundred times away from
/// its neighbours. A warning, never an error: a file with warnings loads and is shown, and the
/// figures concerned are marked (see `Dataset.arithmeticFlags`).
public struct ArithmeticWarning: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable {
        /// A turnover and the two directions' values of the same period more than 2 % apart, or a
        /// bound ("over", "under", "up to") that the other figures violate by more than that.
        case turnoverSum = "turnover-sum"
        /// A stated growth outside what the two values it relates give, within their rounding.
        case growth
        /// A value more than 100× away from the nearest full years of its series (a typo for 700e6?).
        case outlier
    }

    public var kind: Kind
    /// Positions in `dataset.trade`: first the figure the warning is about (`subject`), then the
    /// figures it was checked against (the two directions; the years before and after).
    public var observations: [Int]
    /// What is wrong with the numbers, e.g. `2024 turnover 700 USD is 804,286× below 2023's 563 M — a typo for 700 M?`.
    public var message: String
    /// The file's line of the subject; 0 when not known (a dataset made in code).
    public var line: Int

    public init(kind: Kind, observations: [Int], message: String, line: Int = 0) {
        precondition(!observations.isEmpty, "a warning is about at least one observation")
        self.kind = kind
        self.observations = observations
        self.message = message
        self.line = line
    }

    /// The observation the warning is about (the turnover, the stated growth, the outlying value).
    public var subject: Int { observations[0] }
    /// `trade[17]`, as problems name a place.
    public var path: String { "trade[\(subject)]" }
    /// `trade[17] (line 123)`, or `trade[17]` when the line is not known.
    public var place: String { line > 0 ? "\(path) (line \(line))" : path }
    /// `trade[17] (line 123): message`.
    public var description: String { "\(place): \(message)" }
}

extension Dataset {
    /// Every arithmetic warning of the dataset, by subject in file order (for one subject: turnover
    /// sum, growth, outlier). Computed once, in O(n log n), on first use, and kept until a collection
    /// changes, like the other indexes; safe to ask from several threads.
    public var arithmeticWarnings: [ArithmeticWarning] { indexBox.arithmeticIndex(self).warnings }

    /// The warnings that name `trade[observationIndex]`, as their subject or as a figure it was
    /// checked against, in the order of `arithmeticWarnings`; empty for an observation nothing warns
    /// about (or an index out of range). O(log n). Mark only those with `subject == observationIndex`
    /// to mark the figure a warning is about rather than the ones it was compared with.
    public func arithmeticFlags(_ observationIndex: Int) -> [ArithmeticWarning] {
        let a = indexBox.arithmeticIndex(self)
        return a.warningPositions(naming: observationIndex).map { a.warnings[$0] }
    }

    /// The warnings that name an observation given by value (as `preferred` returns it): those of
    /// every whole-goods observation of its direction and period equal to it, in the order of
    /// `arithmeticWarnings`. O(k + log n) for k figures of that direction and period.
    public func arithmeticFlags(_ observation: TradeObservation) -> [ArithmeticWarning] {
        guard observation.hsSection == nil, let direction = Direction.of(observation) else { return [] }
        let a = indexBox.arithmeticIndex(self)
        var positions = [Int]()
        for i in index.wholeGoods(direction, observation.period) where trade[i] == observation {
            positions += a.warningPositions(naming: i)
        }
        return Set(positions).sorted().map { a.warnings[$0] }
    }

    /// Whether any arithmetic warning names `trade[observationIndex]` (as `!arithmeticFlags(i).isEmpty`, without building the list).
    public func isArithmeticallyFlagged(_ observationIndex: Int) -> Bool {
        !indexBox.arithmeticIndex(self).warningPositions(naming: observationIndex).isEmpty
    }
}

/// The warnings of one dataset and, for each observation, the warnings that name it: one sorted
/// array of (observation, warning) pairs packed in 64 bits, searched by bisection.
final class ArithmeticIndex: Sendable {
    let warnings: [ArithmeticWarning]
    private let naming: [UInt64]

    init(_ d: Dataset) {
        var checker = ArithmeticChecker(d)
        let warnings = checker.run()
        var naming = [UInt64]()
        naming.reserveCapacity(warnings.reduce(0) { $0 + $1.observations.count })
        for (w, warning) in warnings.enumerated() {
            var seen: Set<Int> = []
            for o in warning.observations where seen.insert(o).inserted {
                naming.append(UInt64(UInt32(truncatingIfNeeded: o)) << 32 | UInt64(UInt32(truncatingIfNeeded: w)))
            }
        }
        naming.sort()
        self.warnings = warnings
        self.naming = naming
    }

    /// Positions in `warnings` of those naming observation `i`, ascending.
    func warningPositions(naming i: Int) -> [Int] {
        guard i >= 0, i <= Int(UInt32.max) else { return [] }
        let key = UInt64(i) << 32
        var lo = 0, hi = naming.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if naming[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        var out = [Int]()
        while lo < naming.count, naming[lo] >> 32 == UInt64(i) {
            out.append(Int(naming[lo] & 0xFFFF_FFFF))
            lo += 1
        }
        return out
    }
}
