/// Which trade figure an observation gives.
public enum Flow: String, CaseIterable, Sendable, Codable {
    /// Exports plus imports, both directions.
    case turnover
    /// Goods from `from` to `to`, as reported by the exporting side (FOB).
    case exports
    /// Goods from `from` to `to`, as reported by the importing side (CIF).
    case imports
}

/// One trade figure for one period, with its source.
public struct TradeObservation: Hashable, Sendable {
    public var period: Period
    public var flow: Flow
    /// Origin country code of the goods (exports and imports only).
    public var from: String?
    /// Destination country code of the goods (exports and imports only).
    public var to: String?
    /// Value in US dollars; nil when the source states only a growth rate (the value is unknown).
    public var usd: Double?
    /// Growth over the same period of the previous year, as a fraction (0.28 = +28 %), when stated.
    public var growth: Double?
    /// How exact the growth is ("over 30 %"); `qualifier` is the value's.
    public var growthQualifier: Qualifier
    public var qualifier: Qualifier
    public var kind: FigureKind
    public var source: String
    /// HS section (1–21) when the figure covers one commodity section only; nil for all goods.
    public var hsSection: Int?
    /// "fob" or "cif" when known.
    public var valuation: String?
    public var note: String?

    public init(period: Period, flow: Flow, from: String? = nil, to: String? = nil, usd: Double?, growth: Double? = nil,
                qualifier: Qualifier = .exact, kind: FigureKind = .stated, source: String, hsSection: Int? = nil,
                valuation: String? = nil, note: String? = nil, growthQualifier: Qualifier = .exact) {
        self.growthQualifier = growthQualifier
        self.period = period
        self.flow = flow
        self.from = from
        self.to = to
        self.usd = usd
        self.growth = growth
        self.qualifier = qualifier
        self.kind = kind
        self.source = source
        self.hsSection = hsSection
        self.valuation = valuation
        self.note = note
    }

    /// Observations of the same thing (period, flow, direction, commodity scope) share this key.
    public var seriesKey: SeriesKey {
        SeriesKey(period: period, flow: flow, from: from, to: to, hsSection: hsSection)
    }
}

/// Identifies what an observation measures, regardless of its source.
public struct SeriesKey: Hashable, Sendable {
    public var period: Period
    public var flow: Flow
    public var from: String?
    public var to: String?
    public var hsSection: Int?
}
