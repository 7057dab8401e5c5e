/// Whether a figure is stated by its source or derived by us from other figures.
public enum FigureKind: String, CaseIterable, Sendable, Codable {
    case stated
    case derived
}

/// How exact a stated or derived figure is ("over 555 M", "about 130 M", "up to 1.5 bcm").
public enum Qualifier: String, CaseIterable, Sendable, Codable {
    case exact
    case about
    case over
    case under
    case upTo = "up-to"

    /// A short prefix for screens: "", "~", ">", "<", "≤".
    public var symbol: String {
        switch self {
        case .exact: return ""
        case .about: return "~"
        case .over: return ">"
        case .under: return "<"
        case .upTo: return "≤"
        }
    }

    public var word: String {
        switch self {
        case .exact: return ""
        case .about: return "about"
        case .over: return "over"
        case .under: return "under"
        case .upTo: return "up to"
        }
    }
}
