import DashboardUI

/// The theme the dashboard uses on this terminal: what was asked for (`--theme`, `--ascii`), then
/// without colour when `--no-color` is given or NO_COLOR is set to anything (https://no-color.org),
/// and ASCII whenever the locale is not UTF-8 (`LANG=C`): such a terminal may not decode UTF-8.
/// (A terminal without colours at all is handled later, once ncurses knows it.)
public enum TerminalTheme {
    public static func resolve(requested: Theme.Name, noColor: Bool, environment: [String: String], utf8: Bool) -> Theme {
        var theme = Theme.named(utf8 ? requested : .ascii)
        if noColor || !(environment["NO_COLOR"] ?? "").isEmpty { theme = theme.withoutColor }
        return theme
    }
}
