import Foundation

/// Turns text into 7-bit ASCII for the ASCII theme and non-UTF-8 terminals:
/// "Türkmenbaşy" → "Turkmenbasy", "Jan–Sep" → "Jan-Sep", "…" → "...".
public enum Transliteration {
    private static let table: [Character: String] = [
        "–": "-", "—": "-", "‒": "-", "−": "-", "‘": "'", "’": "'", "‚": ",", "“": "\"", "”": "\"", "„": "\"",
        "…": "...", "•": "*", "·": ".", "×": "x", "÷": "/", "→": "->", "←": "<-", "↑": "^", "↓": "v",
        "≤": "<=", "≥": ">=", "≈": "~", "±": "+/-", "°": "deg", "€": "EUR", "£": "GBP", "ı": "i", "İ": "I",
        "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ə": "a", "Ə": "A",
        "ñ": "n", "Ñ": "N", "\u{00A0}": " ", "▲": "^", "▼": "v", "█": "#", "░": ".", "▒": ":", "▓": "#", "●": "*", "○": "o",
        "◆": "*", "■": "#", "□": "o", "✓": "v", "✗": "x", "⚠": "!", "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+",
        "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "═": "=", "║": "|",
    ]

    public static func ascii(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        var out = ""
        for ch in s {
            if ch.isASCII { out.append(ch); continue }
            if let t = table[ch] { out += t; continue }
            let folded = String(ch).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
            let kept = folded.unicodeScalars.filter { $0.isASCII }
            if !kept.isEmpty { out += String(String.UnicodeScalarView(kept)); continue }
            // Wide characters keep their two columns so that alignment does not change.
            out += DisplayWidth.of(ch) == 2 ? "??" : (DisplayWidth.of(ch) == 0 ? "" : "?")
        }
        return out
    }
}
