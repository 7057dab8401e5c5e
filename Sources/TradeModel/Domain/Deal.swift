/// An energy deal or initiative between the two sides.
public struct Deal: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// "gas", "gas-chemistry", "oil", "power"...
    public var sector: String
    public var parties: [String]
    public var status: Status
    public var milestones: [Milestone]
    public var volumes: [Quantity]
    public var description: String?
    public var sources: [String]
    public var note: String?

    public init(id: String, title: String, sector: String, parties: [String], status: Status, milestones: [Milestone] = [],
                volumes: [Quantity] = [], description: String? = nil, sources: [String], note: String? = nil) {
        self.id = id
        self.title = title
        self.sector = sector
        self.parties = parties
        self.status = status
        self.milestones = milestones
        self.volumes = volumes
        self.description = description
        self.sources = sources
        self.note = note
    }

    /// The earliest dated milestone, e.g. when it was signed.
    public var firstDate: DateValue? { milestones.compactMap(\.date).min() }
}
