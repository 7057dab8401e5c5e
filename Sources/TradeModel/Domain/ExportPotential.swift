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
    public var kind: FigureKind
    public var source: String

    public init(id: String, from: String, to: String, description: String, categories: Int? = nil, commodities: [String] = [],
                kind: FigureKind = .stated, source: String) {
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
