/// A sourced quantity with a unit: a length, a capacity, a gas volume.
public struct Quantity: Hashable, Sendable {
    public var value: Double
    /// The upper end when the source gives a range ("17–18 Mt/yr": value 17, max 18).
    public var max: Double?
    /// Free unit text, e.g. "km", "m", "Mt/yr", "TEU/yr", "bcm/yr", "t".
    public var unit: String
    public var qualifier: Qualifier
    public var kind: FigureKind
    public var source: String?
    /// What the figure measures when it is not obvious ("bridge span", "long-run").
    public var label: String?
    public var note: String?

    public init(value: Double, max: Double? = nil, unit: String, qualifier: Qualifier = .exact, kind: FigureKind = .stated,
                source: String? = nil, label: String? = nil, note: String? = nil) {
        self.value = value
        self.max = max
        self.unit = unit
        self.qualifier = qualifier
        self.kind = kind
        self.source = source
        self.label = label
        self.note = note
    }
}
