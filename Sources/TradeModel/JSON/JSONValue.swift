/// A JSON document as a tree that remembers where each value stood in the text, so that every
/// problem can be reported with its line and column, and that keeps object members in the order
/// they were written, so that a file can be rewritten without reordering what a person wrote.
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    /// 1-based line and column of the value's first character; 0 for values built in code.
    public var line: Int
    public var column: Int

    public init(_ value: JSONValue, line: Int = 0, column: Int = 0) {
        self.value = value
        self.line = line
        self.column = column
    }
}

public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var node: JSONNode

    public init(_ key: String, _ node: JSONNode) {
        self.key = key
        self.node = node
    }
}

public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number and the text it was written as (kept so that rewriting does not change it).
    case number(Double, text: String?)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    public static func number(_ d: Double) -> JSONValue { .number(d, text: nil) }

    /// The JSON type's name, for messages: "a string", "an array"...
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.node
    }
}

extension JSONNode {
    public subscript(key: String) -> JSONNode? { value[key] }
}
