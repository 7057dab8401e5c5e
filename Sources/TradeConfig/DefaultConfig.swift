import DashboardUI

/// `tradedash config --print-default`: every setting with its default value, commented, so that
/// the file as printed loads to exactly the defaults and is a start for one's own.
public enum DefaultConfig {
    public static var text: String {
        let screens = Screen.allCases.map(\.name).joined(separator: ", ")
        var lines = [
            "# tradedash's configuration: $XDG_CONFIG_HOME/tradedash/config.toml (or ~/.config/tradedash/config.toml).",
            "# Flags on the command line beat this file, and this file beats the defaults; NO_COLOR (set to",
            "# anything) still turns colour off. The values below are the defaults. `tradedash config --check`",
            "# checks the file; docs/configuration.md describes every key and the TOML this file may use.",
            "",
            "# Colours and characters: color, mono (no colour) or ascii (7-bit characters, no colour).",
            "theme = \"color\"",
            "",
            "# Report mouse clicks (tabs, rows) and the wheel (--mouse / --no-mouse).",
            "mouse = false",
            "",
            "# The screen to start on: \(screens), or its number.",
            "screen = \"overview\"",
            "",
            "# The dataset to open; a relative path is relative to this file's folder, ~/ is your home.",
            "# Without it, the bundled Kazakhstan–Turkmenistan data.",
            "# data = \"~/trade/my.json\"",
            "",
            "# Keys: each action's keys replace its defaults wherever the action applies (the help view",
            "# and the footer show the new keys). A key is one character (\"q\", \"+\", \"Q\") or one of",
            "# " + KeySpelling.names.map(\.name).joined(separator: " "),
            "# ctrl-a … ctrl-z, f1 … f12. Ctrl-C always quits and cannot be bound.",
            "[keys]",
        ]
        let entries = KeyOverrides.vocabulary.map { e in
            (e, "[" + e.keys.map { quote(KeySpelling.configName($0)) }.joined(separator: ", ") + "]")
        }
        let width = entries.map(\.0.name.count).max() ?? 0
        let keysWidth = entries.map(\.1.count).max() ?? 0
        for (e, keys) in entries {
            let pad = String(repeating: " ", count: width - e.name.count)
            let pad2 = String(repeating: " ", count: keysWidth - keys.count)
            lines.append("\(e.name)\(pad) = \(keys)\(pad2)  # \(e.text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s {
            if c == "\\" || c == "\"" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }
}
