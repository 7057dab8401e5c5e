/// What a style is for. Screens and widgets ask the theme for a role, never for a colour.
public enum Role: Hashable, Sendable, CaseIterable {
    case normal, title, border, borderFocused, tabActive, tabInactive, headerBar, footer, footerKey
    case tableHeader, selected, dim, accent, positive, negative, warning
    case derived, partial, estimate, conflict, unknown, bar, barAlt, gauge, gaugeEmpty
    case mapCoast, mapRoute, mapPlace, mapLabel, status, error, highlight
}

/// Box-drawing characters of a theme.
public struct BoxChars: Hashable, Sendable {
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Character
    public var teeLeft, teeRight: Character

    public static let unicode = BoxChars(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│", teeLeft: "├", teeRight: "┤")
    public static let rounded = BoxChars(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│", teeLeft: "├", teeRight: "┤")
    public static let ascii = BoxChars(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|", teeLeft: "+", teeRight: "+")
}

/// A theme is data: a name, whether it may use colour and non-ASCII characters, and a style per role.
public struct Theme: Hashable, Sendable {
    public enum Name: String, CaseIterable, Sendable {
        case color, mono, ascii
    }

    public var name: Name
    /// Only 7-bit characters: `+-|` boxes, `#` bars, transliterated text.
    public var ascii: Bool
    public var usesColor: Bool
    public var box: BoxChars
    /// Characters for bars, from one eighth to a full cell; ASCII has only "#".
    public var barEighths: [Character]
    public var gaugeFull: Character
    public var gaugeEmpty: Character
    /// Sparkline levels from lowest to highest.
    public var sparkLevels: [Character]
    public var bullet: Character
    public var ellipsis: String
    private var styles: [Role: Style]

    public func style(_ role: Role) -> Style { styles[role] ?? .plain }

    public static func named(_ name: Name) -> Theme {
        switch name {
        case .color: return .color
        case .mono: return .mono
        case .ascii: return .ascii
        }
    }

    /// The 16 ANSI colours on the terminal's own background.
    public static let color = Theme(
        name: .color, ascii: false, usesColor: true, box: .unicode,
        barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], gaugeFull: "█", gaugeEmpty: "░",
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], bullet: "•", ellipsis: "…",
        styles: [
            .title: Style(fg: .cyan, bold: true), .border: Style(fg: .brightBlack), .borderFocused: Style(fg: .cyan),
            .tabActive: Style(fg: .black, bg: .cyan, bold: true), .tabInactive: Style(fg: .cyan),
            .headerBar: Style(bold: true), .footer: Style(fg: .brightBlack), .footerKey: Style(fg: .yellow, bold: true),
            .tableHeader: Style(fg: .cyan, bold: true, underline: true), .selected: Style(reverse: true),
            .dim: Style(fg: .brightBlack), .accent: Style(fg: .cyan), .positive: Style(fg: .green), .negative: Style(fg: .red),
            .warning: Style(fg: .yellow, bold: true), .derived: Style(fg: .magenta), .partial: Style(fg: .yellow), .estimate: Style(fg: .yellow, bold: true),
            .conflict: Style(fg: .red, bold: true), .unknown: Style(fg: .brightBlack), .bar: Style(fg: .cyan), .barAlt: Style(fg: .yellow),
            .gauge: Style(fg: .green), .gaugeEmpty: Style(fg: .brightBlack), .mapCoast: Style(fg: .blue),
            .mapRoute: Style(fg: .yellow), .mapPlace: Style(fg: .red, bold: true), .mapLabel: Style(fg: .white),
            .status: Style(fg: .black, bg: .yellow), .error: Style(fg: .red, bold: true), .highlight: Style(fg: .yellow, underline: true),
        ])

    /// No colour: bold, dim, reverse and underline only.
    public static let mono = Theme(
        name: .mono, ascii: false, usesColor: false, box: .unicode,
        barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], gaugeFull: "█", gaugeEmpty: "░",
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], bullet: "•", ellipsis: "…",
        styles: monoStyles)

    /// 7-bit characters only, no colour.
    public static let ascii = Theme(
        name: .ascii, ascii: true, usesColor: false, box: .ascii,
        barEighths: ["#"], gaugeFull: "#", gaugeEmpty: ".",
        sparkLevels: ["_", ".", "-", "=", "*", "#"], bullet: "*", ellipsis: ".",
        styles: monoStyles)

    private static let monoStyles: [Role: Style] = [
        .title: Style(bold: true), .tabActive: Style(bold: true, reverse: true), .headerBar: Style(bold: true),
        .footerKey: Style(bold: true), .tableHeader: Style(bold: true, underline: true), .selected: Style(reverse: true),
        .dim: Style(dim: true), .warning: Style(bold: true), .conflict: Style(bold: true, underline: true), .unknown: Style(dim: true),
        .footer: Style(dim: true), .mapPlace: Style(bold: true), .status: Style(reverse: true), .error: Style(bold: true),
        .highlight: Style(underline: true), .borderFocused: Style(bold: true),
    ]

    /// The same colours (or none) with 7-bit characters: `+-|` boxes, `#` bars, transliterated text.
    /// Character set and colour are separate choices: `LANG=C` and `--ascii` ask only for this.
    public var withASCIICharacters: Theme {
        guard !ascii else { return self }
        let a = Theme.ascii
        var t = self
        t.ascii = true
        t.box = a.box
        t.barEighths = a.barEighths
        t.gaugeFull = a.gaugeFull
        t.gaugeEmpty = a.gaugeEmpty
        t.sparkLevels = a.sparkLevels
        t.bullet = a.bullet
        t.ellipsis = a.ellipsis
        return t
    }

    /// The same theme with colours removed (NO_COLOR, `--color never`).
    public var withoutColor: Theme {
        guard usesColor else { return self }
        var t = self
        t.usesColor = false
        t.styles = Theme.monoStyles
        return t
    }
}
