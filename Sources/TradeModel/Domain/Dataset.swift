/// One relationship between two countries: everything the dashboard shows.
public struct Dataset: Hashable, Sendable {
    /// The schema version this code reads and writes.
    public static let schemaVersion = 1

    public var schema: Int
    public var title: String
    public var asOf: DateValue
    /// A word about the dataset as a whole (why the as-of date is what it is...).
    public var note: String?
    /// Exactly two: the pair. The first is the "home" side for exports and imports on screen.
    public var countries: [Country] { didSet { indexBox = IndexBox() } }
    public var relationship: Relationship { didSet { indexBox = IndexBox() } }
    public var sources: [Source] { didSet { indexBox = IndexBox() } }
    public var trade: [TradeObservation] { didSet { indexBox = IndexBox(); tradeLines = TradeLines() } }
    public var targets: [Target] { didSet { indexBox = IndexBox() } }
    public var deals: [Deal] { didSet { indexBox = IndexBox() } }
    public var projects: [Project] { didSet { indexBox = IndexBox() } }
    public var events: [Event] { didSet { indexBox = IndexBox() } }
    public var places: [Place] { didSet { indexBox = IndexBox() } }
    public var exportPotential: [ExportPotential] { didSet { indexBox = IndexBox() } }
    /// What is traded: goods by period and direction, each list from one source.
    public var composition: [Composition] { didSet { indexBox = IndexBox() } }
    /// Other measured series: rail cargo, gas volumes.
    public var indicators: [Indicator] { didSet { indexBox = IndexBox() } }
    /// Lookups by id, period and source, built on first use and dropped when a collection changes
    /// (see DatasetIndex); it takes no part in equality or hashing.
    var indexBox = IndexBox()
    /// The file's line of each trade observation, as the loader read them (see TradeLines); emptied
    /// when `trade` changes. It takes no part in equality or hashing.
    var tradeLines = TradeLines()
    var index: DatasetIndex { indexBox.index(self) }
    var seriesIndex: SeriesIndex { indexBox.seriesIndex(self) }
    var citationIndex: CitationIndex { indexBox.citationIndex(self) }

    public init(schema: Int = Dataset.schemaVersion, title: String, asOf: DateValue, countries: [Country],
                relationship: Relationship = Relationship(), sources: [Source] = [], trade: [TradeObservation] = [],
                targets: [Target] = [], deals: [Deal] = [], projects: [Project] = [], events: [Event] = [],
                places: [Place] = [], exportPotential: [ExportPotential] = [], composition: [Composition] = [],
                indicators: [Indicator] = [], note: String? = nil) {
        self.composition = composition
        self.indicators = indicators
        self.note = note
        self.schema = schema
        self.title = title
        self.asOf = asOf
        self.countries = countries
        self.relationship = relationship
        self.sources = sources
        self.trade = trade
        self.targets = targets
        self.deals = deals
        self.projects = projects
        self.events = events
        self.places = places
        self.exportPotential = exportPotential
    }

    public func source(_ id: String) -> Source? { index.sourceByID[id].map { sources[$0] } }
    public func place(_ id: String) -> Place? { index.placeByID[id].map { places[$0] } }
    public func country(_ code: String) -> Country? { countries.first { $0.code == code } }

    /// The first country of the pair ("home" for exports/imports on screen).
    public var home: Country { countries[0] }
    /// The second country of the pair.
    public var partner: Country { countries[1] }
}
