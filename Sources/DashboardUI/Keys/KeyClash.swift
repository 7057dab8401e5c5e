/// A key an override gives a binding that another binding of the same mode already has: the key
/// map would only ever reach one of them.
public struct KeyClash: Sendable, Equatable, CustomStringConvertible {
    /// The overridden binding's name.
    public var name: String
    public var key: Key
    /// The other binding: its name, or what it does when it has none (it cannot be rebound).
    public var other: String
    /// Where: "while browsing", "on the Target screen", "in a detail", "in the help".
    public var mode: String

    public var description: String {
        "\"\(KeySpelling.configName(key))\" for \(name) is already bound to \(other) \(mode)"
    }
}

extension KeyOverrides {
    /// Every clash of these overrides, each once. Only keys an override adds are checked: the
    /// defaults share keys on purpose (the Target screen's own `j` before the list's).
    public func clashes() -> [KeyClash] {
        guard !isEmpty else { return [] }
        struct Found { var name: String; var key: Key; var other: String; var mode: String; var screens: [Screen] }
        var found = [Found]()
        func check(_ bindings: [KeyBinding], mode: String, screen: Screen?) {
            let applied = apply(to: KeyTable.globalDefaults + bindings)
            for b in applied where b.isOverridden {
                guard let name = b.name else { continue }
                let defaults = KeyTable.defaultKeys(name) ?? []
                for key in b.keys where !defaults.contains(key) {
                    for other in applied where other.name != name && other.matches(key) {
                        let otherName = other.name ?? KeyTable.describe(other.action)
                        // Two overrides that take the same key: once, under the first name.
                        if found.contains(where: { $0.name == otherName && $0.other == name && $0.key == key }) { continue }
                        if let i = found.firstIndex(where: { $0.name == name && $0.key == key && $0.other == otherName && $0.mode == mode }) {
                            if let screen, !found[i].screens.contains(screen) { found[i].screens.append(screen) }
                            continue
                        }
                        found.append(Found(name: name, key: key, other: otherName, mode: mode, screens: screen.map { [$0] } ?? []))
                    }
                }
            }
        }
        for screen in Screen.allCases { check(KeyTable.browsing(screen), mode: "", screen: screen) }
        check(KeyTable.detail, mode: "in a detail", screen: nil)
        check(KeyTable.help, mode: "in the help", screen: nil)
        check(KeyTable.problems, mode: "in the problems list", screen: nil)
        check(KeyTable.filtering, mode: "while filtering", screen: nil)
        return found.map { f in
            var mode = f.mode
            if !f.screens.isEmpty {
                mode = f.screens.count == Screen.allCases.count ? "while browsing"
                    : "on the " + f.screens.map(\.title).joined(separator: ", ") + (f.screens.count == 1 ? " screen" : " screens")
            }
            return KeyClash(name: f.name, key: f.key, other: f.other, mode: mode)
        }
    }
}
