import Testing
@testable import TradeImport

/// The table of a series' codes agrees with a `Dictionary` that keeps each code's first value.
@Suite struct CodeTableTests {
    @Test func keepsTheFirstValueOfEachCodeLikeADictionary() {
        var rng = SplitMix(seed: 5)
        for seed: UInt64 in [0, 1, 0xFFFF_FFFF_FFFF_FFFF, 0x1234_5678_9ABC_DEF0] {
            var table = CodeTable(seed: seed)
            var reference = [HSCode: LineValue]()
            for line in 1...20_000 {
                let level = [2, 4, 6, 8, 10, 12][rng.int(0...5)]
                var limit = 1
                for _ in 0..<level { limit *= 10 }
                let code = HSCode(level: level, value: rng.int(0...(min(limit, 3_000) - 1)) * (limit > 3_000 ? limit / 3_000 : 1))
                let value = LineValue(milli: Int64(rng.int(0...1_000_000)), line: line)
                let first = table.insertFirst(code, value)
                #expect(first == reference[code])
                if reference[code] == nil { reference[code] = value }
            }
            #expect(table.count == reference.count)
            #expect(table.dictionary == reference)
            for (code, value) in reference.prefix(500) { #expect(table.value(code) == value) }
            #expect(table.value(HSCode(level: 12, value: 999_999_999_999)) == reference[HSCode(level: 12, value: 999_999_999_999)])
        }
    }

    @Test func theLargestCodesAndLevelsRoundTrip() {
        var table = CodeTable(seed: 77)
        let codes = [HSCode(level: 2, value: 0), HSCode(level: 12, value: 999_999_999_999), HSCode(level: 4, value: 101), HSCode(level: 2, value: 1)]
        for (k, c) in codes.enumerated() { #expect(table.insertFirst(c, LineValue(milli: Int64(k), line: k)) == nil) }
        #expect(table.dictionary == Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($0.element, LineValue(milli: Int64($0.offset), line: $0.offset)) }))
    }
}
