/// A measured series other than trade value: rail cargo between the two countries, gas volumes,
/// a line's planned capacity. An indicator without values is known to be unknown.
public struct Indicator: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// A short label for charts ("rail cargo").
    public var label: String?
    public var unit: MeasureUnit
    /// Deals or projects it concerns.
    public var related: [String]
    public var values: [IndicatorValue]
    public var note: String?

    public init(id: String, title: String, label: String? = nil, unit: MeasureUnit, related: [String] = [],
                values: [IndicatorValue] = [], note: String? = nil) {
        self.id = id
        self.title = title
        self.label = label
        self.unit = unit
        self.related = related
        self.values = values
        self.note = note
    }
}

/// One figure of an indicator: a period, a direction where it has one, and its source.
public struct IndicatorValue: Hashable, Sendable {
    public var period: Period
    /// Both nil: both directions together (or a measure with no direction).
    public var from: String?
    public var to: String?
    /// In the indicator's unit.
    public var value: Double
    /// Upper end when the source gives a range.
    public var max: Double?
    public var growth: Double?
    public var qualifier: Qualifier
    public var kind: FigureKind
    /// A plan or a target, not a measurement.
    public var planned: Bool
    public var source: String
    public var note: String?

    public init(period: Period, from: String? = nil, to: String? = nil, value: Double, max: Double? = nil, growth: Double? = nil,
                qualifier: Qualifier = .exact, kind: FigureKind = .stated, planned: Bool = false, source: String, note: String? = nil) {
        self.period = period
        self.from = from
        self.to = to
        self.value = value
        self.max = max
        self.growth = growth
        self.qualifier = qualifier
        self.kind = kind
        self.planned = planned
        self.source = source
        self.note = note
    }
}
