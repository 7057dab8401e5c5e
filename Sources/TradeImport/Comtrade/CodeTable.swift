/// The commodity rows of one series by code, as the pass over a file keeps them: an open-addressing
/// table (linear probing, at most three quarters full) of one entry per code, where a `Dictionary` would hash
/// every row's code with SipHash (a third of the pass's work on a file of the pair's rows only).
///
/// The slot of a code comes from a strong mixing of the code with a random seed, so that no file,
/// however made, can make its codes collide and the table slow down.
struct CodeTable: HSCodeSet {
    private struct Entry {
        /// 0 for an empty slot, else `key(code)` (never 0: the level of a code is at least 2).
        var key: UInt64
        var value: LineValue
    }

    private static let empty = Entry(key: 0, value: LineValue(milli: 0, line: 0))
    private var entries: [Entry]
    private(set) var count = 0
    private var shift: UInt64
    private let seed: UInt64

    /// 256 slots to begin with: a series of a Comtrade file has hundreds or thousands of codes.
    init(seed: UInt64) {
        self.seed = seed
        entries = [Entry](repeating: Self.empty, count: 256)
        shift = 64 - 8
    }

    @inline(__always)
    private static func key(_ code: HSCode) -> UInt64 {
        UInt64(truncatingIfNeeded: code.level) << 56 | UInt64(truncatingIfNeeded: code.value)
    }

    @inline(__always)
    private static func code(_ key: UInt64) -> HSCode { HSCode(level: Int(key >> 56), value: Int(key & (1 << 56 - 1))) }

    /// The slot to start looking for `key` at (the mixing of SplitMix64's output function).
    @inline(__always)
    private static func home(_ key: UInt64, _ seed: UInt64, _ shift: UInt64) -> Int {
        var z = key ^ seed
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(truncatingIfNeeded: z >> shift)
    }

    /// Adds `value` for `code` unless the code is there already; then returns the value there (the first).
    mutating func insertFirst(_ code: HSCode, _ value: LineValue) -> LineValue? {
        if (count + 1) * 4 > entries.count * 3 { grow() }
        let k = Self.key(code)
        let (seed, shift) = (self.seed, self.shift)
        let found: LineValue? = entries.withUnsafeMutableBufferPointer { e in
            let mask = e.count - 1
            var i = Self.home(k, seed, shift)
            while true {
                let key = e[i].key
                if key == 0 {
                    e[i] = Entry(key: k, value: value)
                    return nil
                }
                if key == k { return e[i].value }
                i = (i &+ 1) & mask
            }
        }
        if found == nil { count += 1 }
        return found
    }

    /// The value kept for `code`, if any.
    func value(_ code: HSCode) -> LineValue? {
        let k = Self.key(code)
        return entries.withUnsafeBufferPointer { e in
            let mask = e.count - 1
            var i = Self.home(k, seed, shift)
            while e[i].key != 0 {
                if e[i].key == k { return e[i].value }
                i = (i &+ 1) & mask
            }
            return nil
        }
    }

    private mutating func grow() {
        let old = entries
        let newShift = shift - 1
        var grown = [Entry](repeating: Self.empty, count: old.count * 2)
        let seed = self.seed
        grown.withUnsafeMutableBufferPointer { e in
            let mask = e.count - 1
            for entry in old where entry.key != 0 {
                var i = Self.home(entry.key, seed, newShift)
                while e[i].key != 0 { i = (i &+ 1) & mask }
                e[i] = entry
            }
        }
        entries = grown
        shift = newShift
    }

    /// Calls `body` with each code and its value, in no particular order.
    func forEach(_ body: (HSCode, LineValue) -> Void) {
        for entry in entries where entry.key != 0 { body(Self.code(entry.key), entry.value) }
    }

    /// The codes and their values as a dictionary.
    var dictionary: [HSCode: LineValue] {
        var out = [HSCode: LineValue](minimumCapacity: count)
        forEach { out[$0] = $1 }
        return out
    }
}
