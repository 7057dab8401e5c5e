import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the checks before `newterm` found out about the terminal.
public struct TerminalInfo: Sendable, Equatable {
    /// The terminal type ncurses is started with: TERM, or the entry that stands in for it.
    public var termName: String
    /// TERM as the user set it, when it has no terminfo entry here and `termName` stands in for it.
    public var fallbackFrom: String?
    /// True when the locale's character set is UTF-8; otherwise the dashboard must use 7-bit ASCII.
    public var utf8: Bool
    /// The locale in force for LC_CTYPE after the checks (`C.UTF-8` after a fallback).
    public var locale: String
    /// True when a UTF-8 locale was asked for but is not installed, and C.UTF-8 stands in.
    public var localeFellBack: Bool
    /// The bytes that give the terminal back (sgr0, cnorm, rmcup, keypad off), written by the crash handler.
    public var exitSequence: [UInt8]
    /// The terminal's mouse capability (`kmous`), needed for `--mouse`.
    public var hasMouse: Bool
    /// The terminal has an alternate screen (`smcup`); without it (vt100, the Linux console) the
    /// dashboard clears the screen when it leaves, so that the shell prompt does not land on it.
    public var hasAlternateScreen: Bool
}

/// Why the dashboard cannot run on this terminal. The message is one line, without the program name.
public struct PreflightFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case notATerminal, termUnset, unknownTerm, cannotAddressCursor
    }

    public var reason: Reason
    public var message: String
    public var description: String { message }
}

/// The start-up checks, in the order that works (see docs/terminal.md): the locale first
/// (calling `setlocale` after `newterm` is too late), then that stdin and stdout are terminals
/// (`newterm` does not fail on a pipe: it writes escape codes into it), then the terminal type
/// through `setupterm`, which must know TERM and have cursor addressing (`cup`). Nothing here
/// writes to the terminal.
public enum TerminalPreflight {
    static let renderHint = "use `tradedash render` to print the dashboard as text"

    /// Sets the locale: the user's, or C.UTF-8 when the user's UTF-8 locale is not installed.
    /// Returns the LC_CTYPE locale in force, whether it is UTF-8, and whether it fell back.
    public static func setUpLocale(environment: [String: String]) -> (locale: String, utf8: Bool, fellBack: Bool) {
        var fellBack = false
        if setlocale(LC_ALL, "") == nil {
            // The locale asked for is not installed. If it was a UTF-8 one, the terminal still speaks UTF-8.
            let asked = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
                ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 }
                ?? environment["LANG"] ?? ""
            if isUTF8Name(asked) {
                if setlocale(LC_CTYPE, "C.UTF-8") != nil || setlocale(LC_CTYPE, "C.utf8") != nil {
                    fellBack = true
                }
            }
        }
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        return (current, isUTF8Name(codeset), fellBack)
    }

    /// Removes terminfo padding (`$<5>`, `$<2*/>`), which only `tputs` understands.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        var k = 0
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: "$"), k + 1 < bytes.count, bytes[k + 1] == UInt8(ascii: "<"),
               let close = bytes[(k + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                k = close + 1
                continue
            }
            out.append(bytes[k])
            k += 1
        }
        return out
    }

    /// Emulators that speak xterm's language, whose own entries servers rarely have.
    static let xtermLike = ["kitty", "ghostty", "alacritty", "wezterm", "foot", "iterm", "iterm2", "contour", "rio", "konsole", "gnome", "vte", "st-"]

    /// The entries to try, in order, for a TERM that has none: xterm-256color and xterm for names
    /// with 256color, xterm-* and the known xterm-like emulators; screen for screen* and tmux*
    /// (screen-256color first when the name says 256color); vt100 for anything else.
    static func fallbacks(for term: String) -> [String] {
        let t = term.lowercased()
        if t.hasPrefix("screen") || t.hasPrefix("tmux") {
            return (t.contains("256color") ? ["screen-256color"] : []) + ["screen", "vt100"]
        }
        if t.contains("256color") || t.hasPrefix("xterm") || xtermLike.contains(where: { t.hasPrefix($0) || t.contains("-" + $0) }) {
            return ["xterm-256color", "xterm", "vt100"]
        }
        return ["vt100"]
    }

    /// Whether this machine has a terminfo entry for `name` (without keeping it loaded).
    static func knows(_ name: String) -> Bool {
        var err: Int32 = 0
        let ok = setupterm(name, 1, &err) == OK
        tdsh_del_cur_term()
        return ok
    }

    /// One line for stderr after the dashboard ends (and for the help view while it runs).
    public static func fallbackNotice(_ info: TerminalInfo) -> String? {
        guard let from = info.fallbackFrom else { return nil }
        return "TERM=\(from) has no terminfo entry on this machine; the dashboard used \(info.termName) instead (install the terminal's terminfo, e.g. the ncurses-term package, to use its own)"
    }

    static func isUTF8Name(_ s: String) -> Bool {
        let l = s.lowercased()
        return l.contains("utf-8") || l.contains("utf8")
    }

    /// The checks, in order. On success the locale is set and the terminal type is known to work.
    public static func check(environment: [String: String]) -> Result<TerminalInfo, PreflightFailure> {
        let loc = setUpLocale(environment: environment)

        if isatty(0) == 0 || isatty(1) == 0 {
            let which = isatty(1) == 0 ? (isatty(0) == 0 ? "standard input and output are not terminals" : "standard output is not a terminal")
                                       : "standard input is not a terminal"
            return .failure(PreflightFailure(reason: .notATerminal,
                message: "\(which); the interactive dashboard needs one; \(renderHint)"))
        }

        let term = environment["TERM"] ?? ""
        if term.isEmpty {
            return .failure(PreflightFailure(reason: .termUnset,
                message: "TERM is not set, so the terminal type is unknown; set TERM (e.g. TERM=xterm-256color) or \(renderHint)"))
        }
        // A terminal whose entry this machine lacks (kitty, ghostty, alacritty, wezterm, foot over
        // SSH) is driven through the closest entry that exists.
        var used = term
        if !knows(term) {
            guard term != "dumb", let stand = fallbacks(for: term).first(where: knows) else {
                return .failure(PreflightFailure(reason: .unknownTerm,
                    message: "unknown terminal type \"\(term)\" (no terminfo entry); set TERM to a known type (e.g. xterm-256color) or \(renderHint)"))
            }
            used = stand
        }
        var err: Int32 = 0
        guard setupterm(used, 1, &err) == OK else {
            tdsh_del_cur_term()
            return .failure(PreflightFailure(reason: .unknownTerm,
                message: "unknown terminal type \"\(term)\" (no terminfo entry); set TERM to a known type (e.g. xterm-256color) or \(renderHint)"))
        }
        defer { tdsh_del_cur_term() }
        guard tdsh_tigetstr("cup") != nil else {
            return .failure(PreflightFailure(reason: .cannotAddressCursor,
                message: "terminal type \"\(used)\" cannot move the cursor, so it cannot show the dashboard; \(renderHint)"))
        }
        var exit = [UInt8]()
        // Keypad off, attributes off, cursor visible, leave the alternate screen: what endwin would send.
        for cap in ["rmkx", "sgr0", "cnorm", "rmcup"] {
            if let s = tdsh_tigetstr(cap) { exit += withoutPadding(Array(String(cString: s).utf8)) }
        }
        let hasMouse = tdsh_tigetstr("kmous") != nil
        let hasAlternateScreen = tdsh_tigetstr("smcup") != nil
        if !hasAlternateScreen, let clear = tdsh_tigetstr("clear") {
            // No alternate screen to leave: after a crash, clear the dashboard away instead.
            exit += withoutPadding(Array(String(cString: clear).utf8))
        }
        return .success(TerminalInfo(termName: used, fallbackFrom: used == term ? nil : term, utf8: loc.utf8, locale: loc.locale, localeFellBack: loc.fellBack,
                                     exitSequence: exit, hasMouse: hasMouse, hasAlternateScreen: hasAlternateScreen))
    }
}
