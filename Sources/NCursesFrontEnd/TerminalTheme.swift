import DashboardUI

/// The theme the dashboard uses on this terminal. Character set and colour are decided apart:
/// 7-bit characters when asked (`--ascii`, `--theme ascii`) or when the locale is not UTF-8
/// (`LANG=C`: such a terminal may not decode UTF-8), colour kept; no colour when asked
/// (`--theme mono` or `ascii`, `--no-color`, NO_COLOR set to anything: https://no-color.org), in
/// any locale. (A terminal without colours is handled later, once ncurses knows it.)
public enum TerminalTheme {
    public static func resolve(requested: Theme.Name, noColor: Bool, environment: [String: String], utf8: Bool, asciiCharacters: Bool = false) -> Theme {
        var theme = Theme.named(requested)
        if !utf8 || asciiCharacters { theme = theme.withASCIICharacters }
        if noColor || !(environment["NO_COLOR"] ?? "").isEmpty { theme = theme.withoutColor }
        return theme
    }
}
