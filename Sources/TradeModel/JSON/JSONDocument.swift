#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed JSON document as one flat array of 16-byte nodes in document order, the way the loader
/// reads a dataset: no tree of boxed values, no `String` per member name, no line and column per value.
///
/// - A node is its kind, the member name it has in its object (an id into `keys`), the byte offset of
///   its first character and one 64-bit payload: a number's value, a string's length, or for an array
///   or object the index just past its last descendant (its children follow it) and its element count.
/// - Strings and numbers stay in the file's bytes and become `String`s only when the decoder asks.
/// - Lines and columns are computed from the byte offset when a problem is reported (see `LineIndex`).
///
/// A document read from text refers to the bytes it was parsed from and must not outlive them: it is
/// made and used inside `withUnsafeBufferPointer` (`JSONParser.withDocument`). A document can also be
/// made from a `JSONNode` tree (`init(tree:)`), for callers that hold one; it then keeps the tree's
/// strings, numbers and positions beside the nodes.
final class JSONDocument {
    enum Kind: UInt32 {
        case null = 0, bool, number, string, array, object
    }

    struct Node {
        /// Bits 0–2: `Kind`; bit 3: a string with escapes, or the boolean true; bits 4–31: member name id.
        var tag: UInt32
        /// Text: the byte offset of the first character (a string's opening quote). Tree: unused.
        var offset: UInt32
        /// Number: the value's bit pattern (text) or its index in `treeNumbers`. String: the length in
        /// bytes between the quotes (text) or its index in `treeStrings`. Array, object: the index just
        /// past the last descendant in the low 32 bits, the number of elements in the high 32 bits.
        var payload: UInt64
    }

    static let keyShift: UInt32 = 4
    /// Member name ids must fit in the 28 bits left in a node's tag.
    static let maximumKeys = 1 << 28

    let nodes: [Node]
    let keys: JSONKeys
    /// The text the nodes point into (empty for a document made from a tree).
    let bytes: UnsafeBufferPointer<UInt8>
    let lines: LineIndex?
    private let treeStrings: [String]
    private let treeNumbers: [(Double, String?)]
    private let treePositions: [(line: Int, column: Int)]

    init(nodes: [Node], keys: JSONKeys, bytes: UnsafeBufferPointer<UInt8>, lines: LineIndex) {
        self.nodes = nodes
        self.keys = keys
        self.bytes = bytes
        self.lines = lines
        treeStrings = []
        treeNumbers = []
        treePositions = []
    }

    /// The document of a tree built in code or parsed before; positions are the tree's.
    init(tree: JSONNode, predefinedKeys: [String] = []) {
        var b = TreeBuilder(keys: JSONKeys(predefined: predefinedKeys))
        b.add(tree, key: 0)
        nodes = b.nodes
        keys = b.keys
        bytes = UnsafeBufferPointer(start: nil, count: 0)
        lines = nil
        treeStrings = b.strings
        treeNumbers = b.numbers
        treePositions = b.positions
    }

    private struct TreeBuilder {
        var nodes = [Node]()
        var keys: JSONKeys
        var strings = [String]()
        var numbers = [(Double, String?)]()
        var positions = [(line: Int, column: Int)]()

        mutating func add(_ n: JSONNode, key: UInt32) {
            let k = key << JSONDocument.keyShift
            positions.append((n.line, n.column))
            switch n.value {
            case .null: nodes.append(Node(tag: Kind.null.rawValue | k, offset: 0, payload: 0))
            case .bool(let v): nodes.append(Node(tag: Kind.bool.rawValue | (v ? 8 : 0) | k, offset: 0, payload: 0))
            case .number(let d, let text):
                nodes.append(Node(tag: Kind.number.rawValue | k, offset: 0, payload: UInt64(numbers.count)))
                numbers.append((d, text))
            case .string(let s):
                nodes.append(Node(tag: Kind.string.rawValue | k, offset: 0, payload: UInt64(strings.count)))
                strings.append(s)
            case .array(let items):
                let at = nodes.count
                nodes.append(Node(tag: Kind.array.rawValue | k, offset: 0, payload: 0))
                for item in items { add(item, key: 0) }
                nodes[at].payload = UInt64(nodes.count) | UInt64(items.count) << 32
            case .object(let members):
                let at = nodes.count
                nodes.append(Node(tag: Kind.object.rawValue | k, offset: 0, payload: 0))
                for m in members { add(m.node, key: keys.id(ofText: m.key)) }
                nodes[at].payload = UInt64(nodes.count) | UInt64(members.count) << 32
            }
        }
    }

    // MARK: Reading nodes

    @inline(__always) func kind(_ i: Int) -> Kind { Kind(rawValue: nodes[i].tag & 7)! }
    @inline(__always) func isNull(_ i: Int) -> Bool { nodes[i].tag & 7 == Kind.null.rawValue }
    @inline(__always) func bool(_ i: Int) -> Bool { nodes[i].tag & 8 != 0 }

    /// The JSON type's name, for messages: "a string", "an array"... (as `JSONValue.typeName`).
    func typeName(_ i: Int) -> String {
        switch kind(i) {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The member name id of node `i` (meaningful for members of an object).
    @inline(__always) func key(_ i: Int) -> UInt32 { nodes[i].tag >> JSONDocument.keyShift }
    /// The canonical id of node `i`'s member name: equal for names Swift finds equal (`JSONKeys`).
    @inline(__always) func canonicalKey(_ i: Int) -> Int { Int(keys.canonical[Int(key(i))]) }
    /// The member name of node `i` as written.
    func keyText(_ i: Int) -> String { keys.texts[Int(key(i))] }

    /// The index just past the last descendant of `i`: its next sibling, if it has one.
    @inline(__always) func next(_ i: Int) -> Int {
        let n = nodes[i]
        return n.tag & 6 == 4 ? Int(truncatingIfNeeded: n.payload & 0xFFFF_FFFF) : i + 1 // array (4) or object (5)
    }

    /// The number of elements or members of an array or object.
    @inline(__always) func count(_ i: Int) -> Int { Int(nodes[i].payload >> 32) }

    /// The children of an array or object, in order.
    @inline(__always) func children(_ i: Int) -> Children { Children(doc: self, position: i + 1, end: next(i)) }

    struct Children: Sequence, IteratorProtocol {
        let doc: JSONDocument
        var position: Int
        let end: Int
        mutating func next() -> Int? {
            guard position < end else { return nil }
            defer { position = doc.next(position) }
            return position
        }
    }

    /// The value of a number node.
    func number(_ i: Int) -> Double {
        let n = nodes[i]
        return lines == nil ? treeNumbers[Int(n.payload)].0 : Double(bitPattern: n.payload)
    }

    /// The text a number was written as (nil for numbers made in code without one).
    func numberText(_ i: Int) -> String? {
        let n = nodes[i]
        if lines == nil { return treeNumbers[Int(n.payload)].1 }
        let start = Int(n.offset)
        var end = start
        while end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"): end += 1
            default: return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The value of a string node, escapes decoded.
    func string(_ i: Int) -> String {
        let n = nodes[i]
        if lines == nil { return treeStrings[Int(n.payload)] }
        let start = Int(n.offset) + 1
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<(start + Int(truncatingIfNeeded: n.payload))])
        return n.tag & 8 == 0 ? String(decoding: raw, as: UTF8.self) : JSONDocument.unescape(raw)
    }

    /// The raw bytes of a text string node without escapes, or nil.
    func plainStringBytes(_ i: Int) -> UnsafeBufferPointer<UInt8>? {
        let n = nodes[i]
        guard lines != nil, n.tag & 8 == 0 else { return nil }
        let start = Int(n.offset) + 1
        return UnsafeBufferPointer(rebasing: bytes[start..<(start + Int(truncatingIfNeeded: n.payload))])
    }

    /// Decodes the escapes of a string's raw text, which the parser has checked.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in at..<(at + 4) {
                let c = raw[k]
                v = v * 16 + UInt32(c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10)
            }
            return v
        }
        while i < raw.count {
            let c = raw[i]
            guard c == UInt8(ascii: "\\") else { out.append(c); i += 1; continue }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = hex4(i + 2)
                    i += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                let s = Unicode.Scalar(scalar)!
                UTF8.encode(s) { out.append($0) }
            default: out.append(e) // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// 1-based line and column (in bytes, as the tree's nodes had them) of node `i`'s first character.
    func position(_ i: Int) -> (line: Int, column: Int) {
        guard let lines else { return treePositions[i] }
        let offset = Int(nodes[i].offset)
        let (line, start) = lines.lineAndStart(offset, in: bytes)
        return (line, offset - start + 1)
    }

    /// The line of node `i`.
    func line(_ i: Int) -> Int { position(i).line }

    /// The tree of this document, with the positions and number texts `JSONParser` always gave.
    func tree() -> JSONNode {
        var cursor = LineIndex.Cursor()
        var i = 0
        return treeNode(&i, &cursor)
    }

    private func treeNode(_ i: inout Int, _ cursor: inout LineIndex.Cursor) -> JSONNode {
        let at = i
        let (line, column): (Int, Int)
        if let lines {
            let offset = Int(nodes[at].offset)
            let (l, start) = cursor.lineAndStart(offset, in: bytes, lines: lines)
            (line, column) = (l, offset - start + 1)
        } else {
            (line, column) = treePositions[at]
        }
        i += 1
        let value: JSONValue
        switch kind(at) {
        case .null: value = .null
        case .bool: value = .bool(bool(at))
        case .number: value = .number(number(at), text: numberText(at))
        case .string: value = .string(string(at))
        case .array:
            var items = [JSONNode]()
            items.reserveCapacity(count(at))
            let end = next(at)
            while i < end { items.append(treeNode(&i, &cursor)) }
            value = .array(items)
        case .object:
            var members = [JSONMember]()
            members.reserveCapacity(count(at))
            let end = next(at)
            while i < end {
                let k = keyText(i)
                members.append(JSONMember(k, treeNode(&i, &cursor)))
            }
            value = .object(members)
        }
        return JSONNode(value, line: line, column: column)
    }
}

/// Finds the line of a byte offset without storing every line start: the line and the start of that
/// line are kept for every 256th byte, and the few bytes from there are scanned when asked. A file with
/// a million one-byte lines costs no more than one with long lines (8 bytes per 256 bytes of text).
struct LineIndex {
    static let blockShift = 8
    /// For each block of 256 bytes: the line number (high 32 bits) and the start of that line (low 32
    /// bits) at the block's first byte.
    var checkpoints: [UInt64]
    /// With a byte order mark, line 1 starts after it (column 1 is the first character after the mark).
    var firstLineStart: Int

    /// The 1-based line of `offset` and the offset at which that line starts.
    func lineAndStart(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, start: Int) {
        let block = offset >> LineIndex.blockShift
        let cp = checkpoints[min(block, checkpoints.count - 1)]
        var line = Int(cp >> 32), start = Int(cp & 0xFFFF_FFFF)
        var k = min(block, checkpoints.count - 1) << LineIndex.blockShift
        while k < offset && k < bytes.count {
            if bytes[k] == 0x0A { line += 1; start = k + 1 }
            k += 1
        }
        if line == 1 { start = max(start, firstLineStart) }
        return (line, start)
    }

    /// For offsets asked in increasing order (building a tree): scans each byte once.
    struct Cursor {
        var offset = -1
        var line = 1
        var start = 0

        mutating func lineAndStart(_ target: Int, in bytes: UnsafeBufferPointer<UInt8>, lines: LineIndex) -> (line: Int, start: Int) {
            if offset < 0 || target < offset || target - offset > (1 << LineIndex.blockShift) {
                (line, start) = lines.lineAndStart(target, in: bytes)
            } else {
                var k = offset
                while k < target {
                    if bytes[k] == 0x0A { line += 1; start = k + 1 }
                    k += 1
                }
                if line == 1 { start = max(start, lines.firstLineStart) }
            }
            offset = target
            return (line, start)
        }
    }
}

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
