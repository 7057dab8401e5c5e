/// What kind of event: one vocabulary, like statuses.
public enum EventKind: String, CaseIterable, Sendable, Codable {
    case visit, meeting, summit, agreement, opening, construction, statement
}

/// Something that happened on a date: a visit, an agreement, an opening.
public struct Event: Hashable, Sendable, Identifiable {
    public var id: String
    public var date: DateValue
    /// Last day for events that span several days (a two-day visit).
    public var endDate: DateValue?
    public var title: String
    public var kind: EventKind
    public var places: [String]
    public var description: String?
    /// Ids of deals, projects or targets the event concerns.
    public var related: [String]
    public var sources: [String]

    public init(id: String, date: DateValue, endDate: DateValue? = nil, title: String, kind: EventKind, places: [String] = [],
                description: String? = nil, related: [String] = [], sources: [String]) {
        self.id = id
        self.date = date
        self.endDate = endDate
        self.title = title
        self.kind = kind
        self.places = places
        self.description = description
        self.related = related
        self.sources = sources
    }
}
