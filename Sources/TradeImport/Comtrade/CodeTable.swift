/// The commodity rows of one series by code, as the pass over a file keeps them: an open-addressing
/// table (linear probing) of one word per code, where a `Dictionary` would hash every row's code
/// with SipHash (a third of the pass's work on a file of the pair's rows only).
///
/// The slot of a code comes from a strong mixing of the code with a random seed, so that no file,
/// however made, can make its codes collide and the table slow down.
struct CodeTable {
    /// 0 for an empty slot, else `key(code)` (never 0: the level of a code is at least 2).
    private var keys: [UInt64]
    private var values: [LineValue]
    private(set) var count = 0
    private var shift: UInt64
    private let seed: UInt64

    init(seed: UInt64) {
        self.seed = seed
        keys = [UInt64](repeating: 0, count: 16)
        values = [LineValue](repeating: LineValue(milli: 0, line: 0), count: 16)
        shift = 64 - 4
    }

    @inline(__always)
    private static func key(_ code: HSCode) -> UInt64 {
        UInt64(truncatingIfNeeded: code.level) << 56 | UInt64(truncatingIfNeeded: code.value)
    }

    /// The slot to start looking for `key` at (the mixing of SplitMix64's output function).
    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        var z = key ^ seed
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(truncatingIfNeeded: z >> shift)
    }

    /// Adds `value` for `code` unless the code is there already; then returns the value there (the first).
    mutating func insertFirst(_ code: HSCode, _ value: LineValue) -> LineValue? {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.key(code)
        let mask = keys.count - 1
        var i = home(k)
        while true {
            let e = keys[i]
            if e == 0 {
                keys[i] = k
                values[i] = value
                count += 1
                return nil
            }
            if e == k { return values[i] }
            i = (i + 1) & mask
        }
    }

    /// The value kept for `code`, if any.
    func value(_ code: HSCode) -> LineValue? {
        let k = Self.key(code)
        let mask = keys.count - 1
        var i = home(k)
        while keys[i] != 0 {
            if keys[i] == k { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [LineValue](repeating: LineValue(milli: 0, line: 0), count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (j, k) in oldKeys.enumerated() where k != 0 {
            var i = home(k)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = k
            values[i] = oldValues[j]
        }
    }

    /// The codes and their values, as `finish` takes them.
    var dictionary: [HSCode: LineValue] {
        var out = [HSCode: LineValue](minimumCapacity: count)
        for (j, k) in keys.enumerated() where k != 0 {
            out[HSCode(level: Int(k >> 56), value: Int(k & (1 << 56 - 1)))] = values[j]
        }
        return out
    }
}
