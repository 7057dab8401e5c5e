import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copying to the terminal's clipboard with OSC 52 (`ESC ] 52 ; c ; <base64> BEL`), which works over
/// SSH and inside tmux (with `set-clipboard on`). Only sent to a terminal that says it accepts it
/// (terminfo's `Ms` capability) or whose TERM names a known xterm-like terminal.
enum Clipboard {
    /// TERM values (a prefix, or exactly the name) of terminals that accept OSC 52 without saying so in terminfo.
    static let knownPrefixes = ["xterm", "tmux", "screen", "kitty", "foot", "vte", "rxvt"]
    static let knownNames = ["alacritty", "wezterm"]

    /// Whether to send OSC 52: terminfo has `Ms`, or TERM is one of the known terminals.
    static func canCopy(term: String?, hasMs: Bool) -> Bool {
        if hasMs { return true }
        guard let term, !term.isEmpty else { return false }
        return knownNames.contains(term) || knownPrefixes.contains { term.hasPrefix($0) }
    }

    /// The decision for the terminal ncurses has set up (call after newterm).
    static func terminalCanCopy() -> Bool {
        let term = getenv("TERM").map { String(cString: $0) }
        return canCopy(term: term, hasMs: tdsh_tigetstr("Ms") != nil)
    }

    /// The status line when the terminal cannot be told.
    static func cannotCopyMessage(term: String?) -> String {
        "Cannot copy: this terminal (TERM=\(term ?? "unset")) has no clipboard escape (OSC 52); nothing was sent"
    }

    /// The escape sequence that puts `text` on the clipboard.
    static func sequence(_ text: String) -> [UInt8] {
        Array("\u{1B}]52;c;".utf8) + Base64.encode(Array(text.utf8)) + [0x07]
    }

    /// Writes the sequence to the terminal (fd 1, where ncurses writes), after flushing what ncurses
    /// has buffered, so that it never lands inside a frame. Call after a frame has been painted.
    static func send(_ text: String) {
        TerminalBytes.write(sequence(text))
    }
}

/// Base64 (RFC 4648, with padding), for OSC 52.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return out
    }

    static func encode(_ text: String) -> String { String(decoding: encode(Array(text.utf8)), as: UTF8.self) }
}
