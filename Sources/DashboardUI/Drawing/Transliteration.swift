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

    /// Latin letters with diacritics, and Cyrillic, to their plain Latin forms: a table of our own
    /// instead of ICU, which would add megabytes to every process.
    private static let letters: [Character: String] = {
        var t = [Character: String]()
        let groups: [(String, String)] = [
            ("àáâãäåāăąǎǻ", "a"), ("ÀÁÂÃÄÅĀĂĄǍǺ", "A"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "C"), ("ďđ", "d"), ("ĎĐ", "D"),
            ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("ĝğġģǧ", "g"), ("ĜĞĠĢǦ", "G"), ("ĥħ", "h"), ("ĤĦ", "H"),
            ("ìíîïĩīĭįı", "i"), ("ÌÍÎÏĨĪĬĮİ", "I"), ("ĵ", "j"), ("Ĵ", "J"), ("ķǩ", "k"), ("ĶǨ", "K"), ("ĺļľŀł", "l"),
            ("ĹĻĽĿŁ", "L"), ("ñńņňŉ", "n"), ("ÑŃŅŇ", "N"), ("òóôõöøōŏőǒ", "o"), ("ÒÓÔÕÖØŌŎŐǑ", "O"), ("ŕŗř", "r"),
            ("ŔŖŘ", "R"), ("śŝşšș", "s"), ("ŚŜŞŠȘ", "S"), ("ţťŧț", "t"), ("ŢŤŦȚ", "T"), ("ùúûüũūŭůűųǔ", "u"),
            ("ÙÚÛÜŨŪŬŮŰŲǓ", "U"), ("ŵ", "w"), ("Ŵ", "W"), ("ýÿŷ", "y"), ("ÝŸŶ", "Y"), ("źżž", "z"), ("ŹŻŽ", "Z"),
            ("әǝ", "a"), ("ӘƏ", "A"), ("ңŋ", "n"), ("ҢŊ", "N"), ("өɵ", "o"), ("ӨƟ", "O"), ("ұү", "u"), ("ҰҮ", "U"),
            ("ғ", "g"), ("Ғ", "G"), ("қ", "q"), ("Қ", "Q"), ("һ", "h"), ("Һ", "H"), ("і", "i"), ("І", "I"),
        ]
        for (chars, plain) in groups { for c in chars { t[c] = plain } }
        let cyrillic: [(String, String)] = [
            ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ё", "yo"), ("ж", "zh"), ("з", "z"),
            ("и", "i"), ("й", "y"), ("к", "k"), ("л", "l"), ("м", "m"), ("н", "n"), ("о", "o"), ("п", "p"), ("р", "r"),
            ("с", "s"), ("т", "t"), ("у", "u"), ("ф", "f"), ("х", "kh"), ("ц", "ts"), ("ч", "ch"), ("ш", "sh"), ("щ", "shch"),
            ("ъ", ""), ("ы", "y"), ("ь", ""), ("э", "e"), ("ю", "yu"), ("я", "ya"),
        ]
        for (c, plain) in cyrillic {
            t[Character(c)] = plain
            let upper = c.uppercased()
            t[Character(upper)] = plain.isEmpty ? "" : plain.prefix(1).uppercased() + plain.dropFirst()
        }
        return t
    }()

    public static func ascii(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        var out = ""
        for ch in s {
            if ch.isASCII { out.append(ch); continue }
            if let t = table[ch] { out += t; continue }
            if let t = letters[ch] { out += t; continue }
            // A base letter followed by combining marks ("e" + U+0301): keep the ASCII base.
            if let base = ch.unicodeScalars.first, base.isASCII, ch.unicodeScalars.dropFirst().allSatisfy({ DisplayWidth.isZeroWidth($0) }) {
                out.unicodeScalars.append(base)
                continue
            }
            if let base = ch.unicodeScalars.first, let t = letters[Character(base)] { out += t; continue }
            // Wide characters keep their columns ("??" for two) so that alignment does not change.
            out += String(repeating: "?", count: DisplayWidth.of(ch))
        }
        return out
    }
}
