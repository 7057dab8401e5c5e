#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The member names of a document. Each distinct spelling gets an id (its text is kept as written, for
/// paths in messages); names that Swift's `String` finds equal (the same text with escapes, or
/// canonically equivalent Unicode) share a canonical id, so that lookups and duplicate checks behave as
/// comparisons of `String`s. Predefined names (the dataset schema's, `Field`) have canonical ids
/// `0..<predefined.count`, in their order.
struct JSONKeys {
    /// By id: the name as written (escapes decoded).
    private(set) var texts: [String] = []
    /// By id: the canonical id.
    private(set) var canonical: [UInt32] = []
    private var canonicalIDs: [String: UInt32] = [:]
    private var canonicalCount: UInt32 = 0
    /// By id: where the raw spelling is in the text (for the byte-level lookup).
    private var rawStart: [UInt32] = []
    private var rawLength: [UInt32] = []
    /// Open addressing over raw spellings: id + 1, or 0 for an empty slot.
    private var slots: [UInt32] = Array(repeating: 0, count: 64)
    /// Exact spellings (documents made from trees).
    private var textIDs: [ExactText: UInt32] = [:]

    init(predefined: [String] = []) {
        for name in predefined where canonicalIDs[name] == nil {
            canonicalIDs[name] = canonicalCount
            canonicalCount += 1
        }
    }

    /// The id of a name given as text (documents made from trees): one per exact spelling.
    mutating func id(ofText text: String) -> UInt32 {
        if let id = textIDs[ExactText(text: text)] { return id }
        let id = add(text, rawStart: 0, rawLength: 0)
        textIDs[ExactText(text: text)] = id
        return id
    }

    private mutating func add(_ text: String, rawStart start: UInt32, rawLength length: UInt32) -> UInt32 {
        let id = UInt32(texts.count)
        texts.append(text)
        let c: UInt32
        if let existing = canonicalIDs[text] {
            c = existing
        } else {
            c = canonicalCount
            canonicalCount += 1
            canonicalIDs[text] = c
        }
        canonical.append(c)
        rawStart.append(start)
        rawLength.append(length)
        return id
    }

    /// The id of the name written as `bytes[start..<start+length]` (between the quotes); `decode`
    /// gives its text the first time this spelling is seen. `hint` is the member's position in its
    /// object and `previous` the id of the member before it (nil for the first).
    mutating func id(raw bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, hint: Int, previous: UInt32?,
                     decode: () -> String) -> UInt32 {
        // Objects of one array mostly have the same members in the same order: try the name found at
        // this place in the previous object, then the name that followed the previous name last time,
        // before hashing.
        let slot = min(hint, hints.count - 1)
        if matches(hints[slot], bytes, start, length) { return hints[slot] }
        let after = previous.map { Int($0) + 1 } ?? 0
        if after < successors.count && matches(successors[after], bytes, start, length) {
            hints[slot] = successors[after]
            return successors[after]
        }
        let found = lookUp(raw: bytes, start: start, length: length, decode: decode)
        hints[slot] = found
        while successors.count <= after { successors.append(UInt32.max) }
        successors[after] = found
        return found
    }

    @inline(__always) private func matches(_ id: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        let k = Int(id)
        return k < texts.count && Int(rawLength[k]) == length
            && memcmp(bytes.baseAddress! + start, bytes.baseAddress! + Int(rawStart[k]), length) == 0
    }

    /// The last name id found at each member position (the first 32), and after each name (by id + 1;
    /// 0: the first member), for `id(raw:…)`.
    private var hints = [UInt32](repeating: UInt32.max, count: 32)
    private var successors = [UInt32]()

    private mutating func lookUp(raw bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, decode: () -> String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for k in start..<(start + length) { h = (h ^ UInt32(bytes[k])) &* 16_777_619 }
        var mask = slots.count - 1
        var s = Int(h) & mask
        while true {
            let v = slots[s]
            if v == 0 { break }
            let id = Int(v - 1)
            if Int(rawLength[id]) == length {
                let other = Int(rawStart[id])
                var same = true
                for k in 0..<length where bytes[start + k] != bytes[other + k] { same = false; break }
                if same { return UInt32(id) }
            }
            s = (s + 1) & mask
        }
        let id = add(decode(), rawStart: UInt32(start), rawLength: UInt32(length))
        slots[s] = id + 1
        if texts.count * 2 > slots.count {
            // Grow and re-insert by the stored spellings.
            var bigger = [UInt32](repeating: 0, count: slots.count * 2)
            mask = bigger.count - 1
            for k in 0..<texts.count {
                var g: UInt32 = 2_166_136_261
                let a = Int(rawStart[k]), n = Int(rawLength[k])
                for j in a..<(a + n) { g = (g ^ UInt32(bytes[j])) &* 16_777_619 }
                var t = Int(g) & mask
                while bigger[t] != 0 { t = (t + 1) & mask }
                bigger[t] = UInt32(k) + 1
            }
            slots = bigger
        }
        return id
    }
}

/// Strings of a document's text found again by their bytes, without making a `String` to look them
/// up: the same id written on every row becomes one `String`. Each entry has a byte of flags for its user.
struct RawStringTable {
    private var slots = [Int32](repeating: -1, count: 256)
    private var starts = [UInt32]()
    private var lengths = [UInt32]()
    private var hashes = [UInt32]()
    private(set) var strings = [String]()
    var flags = [UInt8]()

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    /// The entry of `raw` (a slice of `text`), or nil. (`mutating` although it changes nothing: a table
    /// held in a class's property is then searched in place rather than copied, which retains every array.)
    mutating func find(_ raw: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = RawStringTable.hash(raw)
        let mask = slots.count - 1
        var s = Int(h) & mask
        while true {
            let e = Int(slots[s])
            if e < 0 { return nil }
            if hashes[e] == h && Int(lengths[e]) == raw.count {
                if memcmp(text.baseAddress! + Int(starts[e]), raw.baseAddress!, raw.count) == 0 { return e }
            }
            s = (s + 1) & mask
        }
    }

    /// Adds `raw` (a slice of `text`, not yet in the table) with its string; returns its entry.
    mutating func insert(_ raw: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, _ string: String) -> Int {
        let e = strings.count
        let h = RawStringTable.hash(raw)
        starts.append(UInt32(raw.baseAddress! - text.baseAddress!))
        lengths.append(UInt32(raw.count))
        hashes.append(h)
        strings.append(string)
        flags.append(0)
        if strings.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for k in 0..<strings.count { place(k, hashes[k]) }
        } else {
            place(e, h)
        }
        return e
    }

    private mutating func place(_ e: Int, _ h: UInt32) {
        let mask = slots.count - 1
        var s = Int(h) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(e)
    }
}
