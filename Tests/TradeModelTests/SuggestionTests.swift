import Foundation
import Testing
@testable import TradeModel

/// "Did you mean": the same suggestions as a full edit distance gives, with bounded work.
@Suite struct SuggestionTests {
    /// The full optimal-string-alignment distance, as it was computed before it was bounded.
    static func fullDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count), before = prev
        for i in 1...x.count {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { cur[j] = min(cur[j], before[j - 2] + 1) }
            }
            before = prev
            prev = cur
        }
        return prev[y.count]
    }

    static let words = ["aktau", "kuryk", "turkmenbashi", "garabogaz", "ashgabat", "astana", "serhetabat", "qazaqgaz", "turkmengaz",
                        "np-kz-13200", "astana-times-2024-05", "newscentralasia-2024-05-03", "Aktau-Port", "kuryk-ferry"]

    @Test func boundedDistanceAgreesWithTheFullOneWithinTheLimit() {
        let probes = ["aktua", "akatu", "Kuryk", "turkmenbasy", "garabogas", "ashgabad", "astan", "serhetabad", "qazakgaz", "x",
                      "np-kz-1320", "astana-times-2024-5", "newscentralasia-2024-05-30", "aktau-port", "", "ferry-kuryk"]
        for p in probes {
            for w in Self.words {
                let full = Self.fullDistance(p, w)
                for limit in 0...4 {
                    var budget = Int.max
                    let bounded = boundedEditDistance(Array(p.lowercased()), Array(w.lowercased()), limit: limit, budget: &budget)
                    #expect(bounded == (full <= limit ? full : nil), "\(p) / \(w) limit \(limit): full \(full)")
                }
            }
        }
    }

    @Test func suggestsTheNearestWithinTheLimitAndFirstInSortedOrderOnTies() {
        let s = Suggester(Self.words)
        #expect(s.nearest(to: "aktua", limit: 1) == "aktau")
        #expect(s.nearest(to: "ashgabad", limit: 2) == "ashgabat")
        #expect(s.nearest(to: "zzzzzz", limit: 2) == nil)
        // "astan" is one from "astana"; nothing else is as near.
        #expect(s.nearest(to: "astan", limit: 1) == "astana")
        // Equally near: the first in sorted order, whatever the order given.
        let tie = Suggester(["abcx", "abcy"])
        #expect(tie.nearest(to: "abcz", limit: 1) == "abcx")
        #expect(Suggester(["abcy", "abcx"]).nearest(to: "abcz", limit: 1) == "abcx")
    }

    @Test func longWordsCostNothingAndManyCandidatesCostABoundedAmount() {
        let long = String(repeating: "x", count: 10_000)
        var used = 0
        let s = Suggester(Self.words + [long + "a", long + "b"])
        #expect(s.nearest(to: long, limit: 2500, cellsUsed: &used) == nil)
        #expect(used == 0)
        // 20,000 candidates of the same length as the word: the budget caps the work.
        let many = Suggester((0..<20_000).map { "source-\(String($0, radix: 7))-\(String(repeating: "q", count: 40))" })
        _ = many.nearest(to: "source-zz-" + String(repeating: "q", count: 40), limit: 12, cellsUsed: &used)
        #expect(used > 0)
        #expect(used <= Suggester.cellBudget)
    }

    @Test func aFilesSuggestionsShareOneBudget() {
        let known = (0..<3_000).map { "source-\($0)-" + String(repeating: "q", count: 24) }
        let s = Suggester(known)
        var shared = 3 * Suggester.cellBudget
        var used = 0, total = 0, answered = 0
        // Near misses with no match within the limit: each takes its whole share until none is left.
        for k in 0..<50 {
            if s.nearest(to: "zzzzzz-\(k)-" + String(repeating: "q", count: 24), limit: 3, sharing: &shared, cellsUsed: &used) != nil { answered += 1 }
            total += used
        }
        #expect(answered == 0)
        #expect(total <= 3 * Suggester.cellBudget)
        #expect(shared == 3 * Suggester.cellBudget - total)
        #expect(shared >= 0)
        // Once it is spent, even an easy suggestion is not made.
        shared = 0
        #expect(s.nearest(to: "source-1-" + String(repeating: "q", count: 23), limit: 3, sharing: &shared) == nil)
        var plenty = Suggester.fileBudget
        #expect(s.nearest(to: "source-1-" + String(repeating: "q", count: 23), limit: 3, sharing: &plenty) == "source-1-" + String(repeating: "q", count: 24))
    }

    @Test func aLongUnknownIDIsQuotedShortWithoutASuggestion() throws {
        let long = String(repeating: "x", count: 10_000)
        var text = try String(contentsOfFile: BundledDataset.sourceTreePath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"source\": \"np-kz-13200\"", with: "\"source\": \"\(long)\"")
        do {
            _ = try DatasetLoader.load(bytes: Array(text.utf8), file: "long.json")
            Issue.record("a dataset citing an unknown source loaded")
        } catch {
            let lines = error.lines
            #expect(lines.contains { $0.contains("unknown source \"\(String(repeating: "x", count: 60))…\" (an id of 10000 characters)") }, "\(lines.map { $0.prefix(200) })")
            #expect(lines.allSatisfy { $0.count < 300 })
            #expect(!lines.contains { $0.contains("did you mean") })
        }
    }
}
