/// What was traded in one period and direction, as one source gives it: a ranked list of goods
/// with figures, or just the goods it names ("mainly iron and timber products, flour").
public struct Composition: Hashable, Sendable, Identifiable {
    public var id: String
    public var period: Period
    /// Words about the period when the numbers cannot say it all ("marketing year 2019/20", "the
    /// page names only the year").
    public var periodNote: String?
    /// Origin and destination of the goods; both nil for trade in both directions together.
    public var from: String?
    public var to: String?
    /// The reporter's flow when the figures are statistics (exports FOB, imports CIF); nil for press.
    public var flow: Flow?
    public var source: String
    /// The kind of the goods' figures unless an item says otherwise.
    public var kind: FigureKind
    public var goods: [GoodsItem]
    public var note: String?

    public init(id: String, period: Period, periodNote: String? = nil, from: String? = nil, to: String? = nil, flow: Flow? = nil,
                source: String, kind: FigureKind = .stated, goods: [GoodsItem], note: String? = nil) {
        self.id = id
        self.period = period
        self.periodNote = periodNote
        self.from = from
        self.to = to
        self.flow = flow
        self.source = source
        self.kind = kind
        self.goods = goods
        self.note = note
    }

    /// True when the entry covers both directions together.
    public var bothDirections: Bool { from == nil }

    /// True when some item carries a figure (value, quantity, share or rank).
    public var hasFigures: Bool { goods.contains { $0.hasFigure } }
}

/// One good (or group of goods) of a composition.
public struct GoodsItem: Hashable, Sendable {
    public var name: String
    /// HS code when known, at any level: "10" (chapter), "1001" (heading), "100199" (subheading).
    public var hs: String?
    public var usd: Double?
    public var quantity: Double?
    public var unit: MeasureUnit?
    /// Percent (0–100) of the direction's total, or of `shareOf` when given.
    public var share: Double?
    /// The wider total a share is of ("Turkmenistan's tomato exports"), with its own figures.
    public var shareOf: ShareBase?
    /// The item's place among the direction's goods (1 = largest), when the source ranks it.
    public var rank: Int?
    /// Growth over the same period a year before, as a fraction.
    public var growth: Double?
    /// Applies to the value, quantity and share (not to rank or growth).
    public var qualifier: Qualifier
    /// nil: the composition's kind.
    public var kind: FigureKind?
    /// Goods the source names as making up this group ("wheat flour", "sunflower oil").
    public var includes: [String]
    /// The rest beyond the items listed: of the direction when `hs` is nil, of chapter `hs` otherwise.
    public var remainder: Bool
    public var note: String?

    public init(name: String, hs: String? = nil, usd: Double? = nil, quantity: Double? = nil, unit: MeasureUnit? = nil,
                share: Double? = nil, shareOf: ShareBase? = nil, rank: Int? = nil, growth: Double? = nil,
                qualifier: Qualifier = .exact, kind: FigureKind? = nil, includes: [String] = [], remainder: Bool = false,
                note: String? = nil) {
        self.name = name
        self.hs = hs
        self.usd = usd
        self.quantity = quantity
        self.unit = unit
        self.share = share
        self.shareOf = shareOf
        self.rank = rank
        self.growth = growth
        self.qualifier = qualifier
        self.kind = kind
        self.includes = includes
        self.remainder = remainder
        self.note = note
    }

    public var hasFigure: Bool { usd != nil || quantity != nil || share != nil || rank != nil }

    /// 2 for a chapter, 4 for a heading, 6 for a subheading; nil without a code.
    public var hsLevel: Int? { hs.map { $0.utf8.count } }
}

/// The wider total that a share is a part of.
public struct ShareBase: Hashable, Sendable {
    public var what: String
    public var usd: Double?
    public var quantity: Double?
    public var unit: MeasureUnit?

    public init(what: String, usd: Double? = nil, quantity: Double? = nil, unit: MeasureUnit? = nil) {
        self.what = what
        self.usd = usd
        self.quantity = quantity
        self.unit = unit
    }
}
