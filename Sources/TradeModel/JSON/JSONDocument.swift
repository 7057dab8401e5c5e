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
