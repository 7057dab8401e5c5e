/// Text from a data file made safe to print to a terminal.
///
/// A dataset's title, an unknown id or a CSV field is the file author's text: written as-is, an ESC
/// or a C1 control would let the file set the window title, recolour or clear the screen, or hide the
/// rest of the line, and a bidi control would make the line read differently from what it holds.
/// `terminalSafe` writes each such character as a visible escape (`\u{1B}`) so the user sees what is
/// there; everything else, including non-ASCII letters, is kept.
public enum TerminalSafe {
    /// The text with C0 controls (U+0000–U+001F), DEL (U+007F), C1 controls (U+0080–U+009F) and the
    /// bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) written as `\u{XX}`. A tab becomes
    /// a space. Text without any of them is returned unchanged (no copy).
    public static func terminalSafe(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { needsEscape($0) || $0 == "\t" }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\t" {
                out.append(" ")
            } else if needsEscape(u) {
                out.append(contentsOf: escape(u).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// `terminalSafe`, cut to at most `limit` characters (an escape counts as what it shows, and is
    /// never cut in half) with an ellipsis when something was left out: for excerpts of input echoed
    /// in messages (a 50 MB header name must not make a 50 MB line). Only the start of a long text is
    /// looked at.
    public static func excerpt(_ s: String, limit: Int = 200) -> String {
        var out = String.UnicodeScalarView()
        var length = 0
        for u in s.unicodeScalars {
            let piece: String.UnicodeScalarView
            if u == "\t" {
                piece = " ".unicodeScalars
            } else if needsEscape(u) {
                piece = escape(u).unicodeScalars
            } else {
                piece = String.UnicodeScalarView(CollectionOfOne(u))
            }
            if length + piece.count > limit { return String(out) + "…" }
            out.append(contentsOf: piece)
            length += piece.count
        }
        return String(out)
    }

    static func escape(_ u: Unicode.Scalar) -> String {
        "\\u{\(String(u.value, radix: 16, uppercase: true))}"
    }

    @inline(__always)
    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x08, 0x0A...0x1F, 0x7F, 0x80...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
