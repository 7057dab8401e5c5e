/// Room to grow trade that a source names: "80 commodity categories", "wheat".
public struct ExportPotential: Hashable, Sendable, Identifiable {
    public var id: String
    public var from: String
    public var to: String
    public var description: String
    /// Number of commodity categories, when stated.
    public var categories: Int?
    /// Named commodities, e.g. ["wheat"].
    public var commodities: [String]
    /// The value the source puts on the potential, when it gives one ("over 130 M").
    public var usd: Double?
    /// Applies to `usd`.
    public var qualifier: Qualifier
    /// When the source said it.
    public var date: DateValue?
    public var kind: FigureKind
    public var source: String
    public var note: String?

    public init(id: String, from: String, to: String, description: String, categories: Int? = nil, commodities: [String] = [],
                usd: Double? = nil, qualifier: Qualifier = .exact, date: DateValue? = nil, kind: FigureKind = .stated,
                source: String, note: String? = nil) {
        self.usd = usd
        self.qualifier = qualifier
        self.date = date
        self.note = note
        self.id = id
        self.from = from
        self.to = to
        self.description = description
        self.categories = categories
        self.commodities = commodities
        self.kind = kind
        self.source = source
    }
}
