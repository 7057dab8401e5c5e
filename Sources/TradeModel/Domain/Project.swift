/// What kind of infrastructure a project is.
public enum ProjectKind: String, CaseIterable, Sendable, Codable {
    case road
    case bridge
    case port
    case rail
    case terminal
    case borderCrossing = "border-crossing"
    case pipeline

    public var label: String {
        switch self {
        case .borderCrossing: return "border crossing"
        default: return rawValue
        }
    }
}

/// A road, port, railway, terminal or crossing that serves the relationship.
public struct Project: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var kind: ProjectKind
    public var status: Status
    /// Places it connects or stands at, in order along the route.
    public var places: [String]
    public var length: Quantity?
    public var capacity: [Quantity]
    public var milestones: [Milestone]
    public var description: String?
    public var sources: [String]
    public var note: String?

    public init(id: String, title: String, kind: ProjectKind, status: Status, places: [String], length: Quantity? = nil,
                capacity: [Quantity] = [], milestones: [Milestone] = [], description: String? = nil, sources: [String], note: String? = nil) {
        self.id = id
        self.title = title
        self.kind = kind
        self.status = status
        self.places = places
        self.length = length
        self.capacity = capacity
        self.milestones = milestones
        self.description = description
        self.sources = sources
        self.note = note
    }
}
