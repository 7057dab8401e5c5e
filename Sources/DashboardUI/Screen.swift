/// The dashboard's screens, in tab order; the raw value is the number key that opens it.
public enum Screen: Int, CaseIterable, Sendable {
    case overview = 1, trade, target, energy, infrastructure, timeline, sources

    /// Name used on the command line (`render --screen target`).
    public var name: String {
        switch self {
        case .overview: return "overview"
        case .trade: return "trade"
        case .target: return "target"
        case .energy: return "energy"
        case .infrastructure: return "infrastructure"
        case .timeline: return "timeline"
        case .sources: return "sources"
        }
    }

    /// Title on the tab bar.
    public var title: String {
        switch self {
        case .overview: return "Overview"
        case .trade: return "Trade"
        case .target: return "Target"
        case .energy: return "Energy"
        case .infrastructure: return "Infrastructure"
        case .timeline: return "Timeline"
        case .sources: return "Sources"
        }
    }

    public static func named(_ name: String) -> Screen? {
        let n = name.lowercased()
        return allCases.first { $0.name == n || ($0.name.hasPrefix(n) && n.count >= 3) }
    }

    public var next: Screen { Screen(rawValue: rawValue % Screen.allCases.count + 1)! }
    public var previous: Screen { Screen(rawValue: (rawValue + Screen.allCases.count - 2) % Screen.allCases.count + 1)! }
}
