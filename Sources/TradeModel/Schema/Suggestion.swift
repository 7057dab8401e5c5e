/// "Did you mean": the nearest spelling among known words, with the work per suggestion bounded.
/// A suggestion is a courtesy, never worth seconds: words longer than `maximumLength` get none,
/// candidates whose length alone rules them out are skipped without comparing, and each comparison
/// stops as soon as it cannot come within the limit.
struct Suggester {
    /// Words (and candidates) longer than this are not compared at all.
    static let maximumLength = 64
    /// At most this many dynamic-programming cells are filled for one suggestion...
    static let cellBudget = 1_000_000
    /// ...and this many for all the suggestions of one file (thousands of near-miss ids must not
    /// cost minutes: once it is spent, the remaining unknown ids get no suggestion).
    static let fileBudget = 20_000_000

    private let candidates: [(word: String, folded: [Character])]

    /// `words` in any order; ties between equally near candidates go to the first in sorted order.
    init<S: Sequence>(_ words: S) where S.Element == String {
        candidates = words.filter { $0.count <= Suggester.maximumLength }.sorted().map { ($0, Array($0.lowercased())) }
    }

    /// The nearest candidate within `limit` edits of `word` (a case-insensitive optimal string
    /// alignment distance: insertions, deletions, substitutions and swaps of neighbours), or nil.
    /// `cellsUsed`, when given, receives the work done (for tests that bound it).
    func nearest(to word: String, limit: Int, cellsUsed: UnsafeMutablePointer<Int>? = nil) -> String? {
        var unlimited = Int.max
        return nearest(to: word, limit: limit, sharing: &unlimited, cellsUsed: cellsUsed)
    }

    /// The same, taking the cells it fills from `shared` too (a file's budget), at most `cellBudget`.
    func nearest(to word: String, limit: Int, sharing shared: inout Int, cellsUsed: UnsafeMutablePointer<Int>? = nil) -> String? {
        guard limit >= 0, word.count <= Suggester.maximumLength, shared > 0 else { cellsUsed?.pointee = 0; return nil }
        let w = Array(word.lowercased())
        var best: (word: String, distance: Int)?
        let start = min(Suggester.cellBudget, shared)
        var budget = start
        defer {
            shared -= start - max(0, budget)
            cellsUsed?.pointee = start - max(0, budget)
        }
        for c in candidates {
            let bound = min(limit, (best?.distance ?? limit + 1) - 1)
            guard bound >= 0 else { break }
            guard abs(c.folded.count - w.count) <= bound else { continue }
            guard budget > 0 else { break }
            if let d = boundedEditDistance(c.folded, w, limit: bound, budget: &budget) {
                best = (c.word, d)
            }
        }
        return best?.word
    }
}

/// The optimal string alignment distance between `x` and `y` when it is at most `limit`, else nil.
/// Only the diagonal band of width 2·limit+1 is filled, and the comparison stops as soon as a whole
/// row exceeds the limit; every filled cell is taken from `budget` (nil when it runs out).
func boundedEditDistance(_ x: [Character], _ y: [Character], limit: Int, budget: inout Int) -> Int? {
    let n = x.count, m = y.count
    guard abs(n - m) <= limit else { return nil }
    if n == 0 || m == 0 { return max(n, m) }
    let big = limit + 1
    // Rows of length m+1; cells outside the band hold `big`.
    var before = [Int](repeating: big, count: m + 1)
    var prev = [Int](repeating: big, count: m + 1)
    var cur = [Int](repeating: big, count: m + 1)
    for j in 0...min(m, limit) { prev[j] = j }
    for i in 1...n {
        let lo = max(1, i - limit), hi = min(m, i + limit)
        guard lo <= hi else { return nil }
        budget -= hi - lo + 1
        if budget < 0 { return nil }
        // Only the band and the cells beside it are ever read, so only they are reset.
        cur[0] = i <= limit ? i : big
        if lo - 1 >= 1 { cur[lo - 1] = big }
        if hi + 1 <= m { cur[hi + 1] = big }
        var rowMin = cur[0]
        for j in lo...hi {
            var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            // A swap of two neighbouring letters ("aktua" for "aktau") is one slip, not two.
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { v = min(v, before[j - 2] + 1) }
            cur[j] = min(v, big)
            rowMin = min(rowMin, cur[j])
        }
        if rowMin > limit { return nil }
        swap(&before, &prev)
        swap(&prev, &cur)
    }
    return prev[m] <= limit ? prev[m] : nil
}
