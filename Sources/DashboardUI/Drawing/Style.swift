/// The 16 ANSI colours. Drawn on the terminal's own background: no colour means "default".
public enum ANSIColor: UInt8, CaseIterable, Sendable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
}

/// How a cell looks. `nil` colours mean the terminal's default foreground/background.
public struct Style: Hashable, Sendable {
    public var fg: ANSIColor?
    public var bg: ANSIColor?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(fg: ANSIColor? = nil, bg: ANSIColor? = nil, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()

    /// The same style with its colours removed (monochrome keeps bold, dim, reverse, underline).
    public var withoutColor: Style { Style(bold: bold, dim: dim, reverse: reverse, underline: underline) }

    /// SGR escape sequence that selects this style from a reset state.
    public var sgr: String {
        var codes = ["0"]
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if underline { codes.append("4") }
        if reverse { codes.append("7") }
        if let fg { codes.append(fg.rawValue < 8 ? String(30 + Int(fg.rawValue)) : String(90 + Int(fg.rawValue) - 8)) }
        if let bg { codes.append(bg.rawValue < 8 ? String(40 + Int(bg.rawValue)) : String(100 + Int(bg.rawValue) - 8)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
