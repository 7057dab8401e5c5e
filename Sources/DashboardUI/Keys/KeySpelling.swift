/// Keys written as text, both ways: how the config file spells a key (`"q"`, `"ctrl-x"`, `"enter"`,
/// `"f5"`) and how the help view and the footer show one (`q`, `Ctrl-X`, `Enter`, `F5`).
public enum KeySpelling {
    /// The names a key can be written with, besides a single character; lower case.
    public static let names: [(name: String, key: Key)] = [
        ("space", .char(" ")), ("enter", .enter), ("esc", .escape), ("tab", .tab), ("shift-tab", .backTab),
        ("backspace", .backspace), ("delete", .delete), ("up", .up), ("down", .down), ("left", .left),
        ("right", .right), ("pgup", .pageUp), ("pgdn", .pageDown), ("home", .home), ("end", .end),
    ]

    /// Control keys the terminal sends as another key's byte.
    static let controlAliases: [Character: String] = ["h": "backspace", "i": "tab", "j": "enter", "m": "enter"]

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case unknown(String)
        case ctrlC
        case alias(String, String)

        public var description: String {
            switch self {
            case .empty: return "an empty key name"
            case .unknown(let s):
                return "unknown key \"\(s)\"; write one character (\"q\", \"+\") or one of "
                    + (names.map(\.name) + ["ctrl-a … ctrl-z", "f1 … f12"]).joined(separator: ", ")
            case .ctrlC: return "Ctrl-C always quits and cannot be bound to anything else"
            case .alias(let s, let other): return "\"\(s)\" reaches the program as \(other): write \"\(other)\""
            }
        }
    }

    /// The key a config file's text names.
    public static func parse(_ text: String) throws(Problem) -> Key {
        if text.isEmpty { throw .empty }
        if text.count == 1, let c = text.first {
            guard !c.isWhitespace || c == " ", c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
                throw .unknown(text)
            }
            return .char(c)
        }
        let lower = text.lowercased()
        if let k = names.first(where: { $0.name == lower }) { return k.key }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c >= "a", c <= "z" {
            if c == "c" { throw .ctrlC }
            if let other = controlAliases[c] { throw .alias(text, other) }
            return .ctrl(c)
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n), lower.count <= 3 { return .function(n) }
        throw .unknown(text)
    }

    /// How the config file writes a key (the inverse of `parse`).
    public static func configName(_ key: Key) -> String {
        if let n = names.first(where: { $0.key == key }) { return n.name }
        switch key {
        case .char(let c): return String(c)
        case .ctrl(let c): return "ctrl-\(c)"
        case .function(let n): return "f\(n)"
        default: return label(key)
        }
    }

    /// How the help view and the footer show a key.
    public static func label(_ key: Key) -> String {
        switch key {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .function(let n): return "F\(n)"
        case .resize, .click, .wheelUp, .wheelDown: return "mouse"
        }
    }

    /// The keys of a binding as the help view lists them: `x Q`.
    public static func labels(_ keys: [Key]) -> String { keys.map(label).joined(separator: " ") }
}
