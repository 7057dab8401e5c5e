/// The keys the user chose for named bindings (a config file's `[keys]` table): a value in
/// `AppState`, read by the key map, the help view and the footer. Empty: every binding has its
/// default keys. An override replaces the binding's keys in every mode where that name appears;
/// the help line and the hint of an overridden binding (or of its pair) are then written from
/// the keys. Ctrl-C has no name: it always quits.
public struct KeyOverrides: Sendable, Equatable {
    public private(set) var keys: [String: [Key]] = [:]

    public init() {}

    public var isEmpty: Bool { keys.isEmpty }

    public subscript(name: String) -> [Key]? { keys[name] }

    /// A named binding: its name, its default keys and what it does (the vocabulary of `[keys]`).
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var keys: [Key]
        public var text: String
    }

    /// Every name a binding can be overridden by, in the order of the key table.
    public static var vocabulary: [Entry] { KeyTable.vocabulary }

    public static func isKnown(_ name: String) -> Bool { KeyTable.defaultKeys(name) != nil }

    public static func defaultKeys(_ name: String) -> [Key]? { KeyTable.defaultKeys(name) }

    /// Sets a binding's keys (duplicates dropped, order kept). Keys equal to the defaults are no
    /// override, so a file that spells out every default loads to exactly the defaults.
    public mutating func set(_ name: String, _ newKeys: [Key]) {
        var unique = [Key]()
        for k in newKeys where !unique.contains(k) { unique.append(k) }
        keys[name] = KeyTable.defaultKeys(name) == unique ? nil : unique
    }

    /// The bindings with the overridden keys, and their help lines and hints written from them.
    func apply(to list: [KeyBinding]) -> [KeyBinding] {
        guard !isEmpty else { return list }
        return list.map { original in
            var b = original
            guard let name = b.name else { return b }
            let own = keys[name]
            let pairChanged = b.pair.map { keys[$0] != nil } ?? false
            guard own != nil || pairChanged else { return b }
            if let own {
                b.keys = own
                b.isOverridden = true
            }
            let mine = b.keys
            let partner = b.pair.map { keys[$0] ?? KeyTable.defaultKeys($0) ?? [] }
            let helpKeys = KeySpelling.labels(mine) + (partner.map { " / " + KeySpelling.labels($0) } ?? "") + b.helpNote
            let hintKey = (mine.first.map(KeySpelling.label) ?? "") + (partner?.first.map { "/" + KeySpelling.label($0) } ?? "")
            if let help = b.help { b.help = { s in help(s).map { (helpKeys, $0.text) } } }
            if let hint = b.hint { b.hint = { s in hint(s).map { (hintKey, $0.action) } } }
            return b
        }
    }
}
