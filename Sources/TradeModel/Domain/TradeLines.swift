/// The line of the file on which each trade observation begins, kept by a loaded `Dataset` so that
/// warnings about an observation can say where it is (`trade[17] (line 123)`). Four bytes per
/// observation. Every `TradeLines` equals every other: where a dataset was read from does not
/// change what it is.
struct TradeLines: Hashable, Sendable {
    /// 1-based lines, one per observation of `trade`, in order; empty when not known (a dataset made
    /// in code, or one whose `trade` changed after loading).
    var lines: [Int32]

    init(_ lines: [Int32] = []) { self.lines = lines }

    static func == (a: TradeLines, b: TradeLines) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

extension Dataset {
    /// The line of the file on which `trade[index]` begins; nil when the dataset was not loaded from
    /// a file (made in code, or its trade list changed since).
    public func line(ofTrade index: Int) -> Int? {
        guard tradeLines.lines.indices.contains(index), tradeLines.lines.count == trade.count else { return nil }
        let l = Int(tradeLines.lines[index])
        return l > 0 ? l : nil
    }

    /// Where `trade[index]` is, as problems say it: `trade[17] (line 123)`, or `trade[17]` alone.
    public func place(ofTrade index: Int) -> String {
        line(ofTrade: index).map { "trade[\(index)] (line \($0))" } ?? "trade[\(index)]"
    }
}
