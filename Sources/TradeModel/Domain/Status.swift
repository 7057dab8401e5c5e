/// The one vocabulary of statuses, shared by deals, initiatives, projects and milestones.
public enum Status: String, CaseIterable, Sendable, Codable {
    case proposed
    case planned
    case signed
    case underConstruction = "under-construction"
    case operational
    case completed
    case suspended
    case cancelled
    case unknown

    /// Human label for screens.
    public var label: String {
        switch self {
        case .underConstruction: return "under construction"
        default: return rawValue
        }
    }

    public static var allRawValues: [String] { allCases.map(\.rawValue) }
}
