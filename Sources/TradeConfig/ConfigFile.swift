import DashboardUI

/// What a config file sets; nil where it says nothing (the default, or a flag, decides).
public struct ConfigFile: Equatable, Sendable {
    public var theme: Theme.Name?
    public var mouse: Bool?
    public var screen: Screen?
    /// The dataset, as written (see `dataPath(relativeTo:home:)`).
    public var data: String?
    public var keys = KeyOverrides()

    public init() {}

    public static let topLevelKeys = ["theme", "mouse", "screen", "data"]

    /// The dataset's path: `~/` is the home folder, a relative path is relative to the config
    /// file's folder (so the file means the same from any working directory).
    public func dataPath(configPath: String, home: String?) -> String? {
        guard let data else { return nil }
        if data == "~" || data.hasPrefix("~/"), let home, !home.isEmpty { return home + data.dropFirst() }
        if data.hasPrefix("/") { return data }
        guard let slash = configPath.lastIndex(of: "/") else { return data }
        return String(configPath[...slash]) + data
    }

    /// Reads the entries of a parsed file; every problem found, each at its line and column.
    public static func interpret(_ entries: [TOMLEntry]) -> (ConfigFile, [ConfigProblem]) {
        var c = ConfigFile()
        var problems = [ConfigProblem]()
        func problem(_ at: TOMLPosition, _ m: String) { problems.append(ConfigProblem(at: at, message: m)) }
        let screens = Screen.allCases.map(\.name).joined(separator: ", ")
        var keyEntries = [(entry: TOMLEntry, keys: [(Key, TOMLPosition)])]()
        for e in entries {
            switch (e.table, e.key) {
            case ("", "theme"):
                guard case .string(let s) = e.value else { problem(e.valueAt, "theme must be a string (\"color\", \"mono\" or \"ascii\"), not \(e.value.typeName)"); continue }
                guard let t = Theme.Name(rawValue: s) else { problem(e.valueAt, "unknown theme \"\(s)\"; expected color, mono or ascii"); continue }
                c.theme = t
            case ("", "mouse"):
                guard case .bool(let b) = e.value else { problem(e.valueAt, "mouse must be true or false, not \(e.value.typeName)"); continue }
                c.mouse = b
            case ("", "screen"):
                let name: String
                switch e.value {
                case .string(let s): name = s
                case .integer(let n): name = String(n)
                default: problem(e.valueAt, "screen must be a string (\(screens)), not \(e.value.typeName)"); continue
                }
                guard let s = Screen.named(name) else {
                    problem(e.valueAt, "unknown screen \"\(name)\"; expected one of \(screens) or 1–\(Screen.allCases.count)"); continue
                }
                c.screen = s
            case ("", "data"):
                guard case .string(let s) = e.value else { problem(e.valueAt, "data must be a string (the dataset's path), not \(e.value.typeName)"); continue }
                guard !s.isEmpty else { problem(e.valueAt, "data is empty; leave it out for the bundled dataset"); continue }
                c.data = s
            case ("", let other):
                problem(e.keyAt, "unknown key \"\(other)\"; expected \(topLevelKeys.joined(separator: ", ")) or a [keys] table")
            case ("keys", let name):
                guard KeyOverrides.isKnown(name) else {
                    let hint = topLevelKeys.contains(name) ? " (\(name) belongs before the [keys] table)" : ""
                    problem(e.keyAt, "unknown action \"\(name)\" in [keys]\(hint); known: "
                            + KeyOverrides.vocabulary.map(\.name).joined(separator: ", "))
                    continue
                }
                let written: [(value: String, at: TOMLPosition)]
                switch e.value {
                case .string(let s): written = [(s, e.valueAt)]
                case .strings(let list): written = list
                default: problem(e.valueAt, "\(name) must be an array of key names ([\"q\", \"ctrl-x\"]), not \(e.value.typeName)"); continue
                }
                guard !written.isEmpty else { problem(e.valueAt, "\(name) has no keys; give at least one"); continue }
                var keys = [(Key, TOMLPosition)]()
                for w in written {
                    do throws(KeySpelling.Problem) { keys.append((try KeySpelling.parse(w.value), w.at)) }
                    catch { problem(w.at, "\(name): \(error)") }
                }
                if keys.count == written.count { keyEntries.append((e, keys)) }
            case (let table, _):
                problem(e.keyAt, "unknown table [\(table)]; the only table is [keys]")
            }
        }
        for (e, keys) in keyEntries { c.keys.set(e.key, keys.map(\.0)) }
        // A clash is reported at the key of the binding that takes another's.
        for clash in c.keys.clashes() {
            let at = keyEntries.first { $0.entry.key == clash.name }.flatMap { ke in ke.keys.first { $0.0 == clash.key }?.1 }
            problem(at ?? TOMLPosition(line: 1, column: 1), clash.description)
        }
        problems.sort { ($0.at?.line ?? 0, $0.at?.column ?? 0) < ($1.at?.line ?? 0, $1.at?.column ?? 0) }
        return (c, problems)
    }
}

/// A problem of a config file, at its line and column: `config.toml:7:12: message`.
/// A problem that is not at a place in the text (the file cannot be read) has no position.
public struct ConfigProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var at: TOMLPosition?
    public var message: String
    public init(at: TOMLPosition?, message: String) { self.at = at; self.message = message }
    public var description: String { at.map { "\($0): \(message)" } ?? message }
    /// The line as printed: the file's path, the position, the message.
    public func line(path: String) -> String { path + ":" + (at.map { "\($0): " } ?? " ") + message }
}
