/// A political goal for the relationship, e.g. USD 1 billion of trade.
public struct Target: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// The flow the target is about; turnover for trade volume.
    public var metric: Flow
    public var usd: Double
    /// When the goal was set (its first statement may be earlier: see `statements`).
    public var set: DateValue?
    /// The year by which it should be reached, when known.
    public var deadline: Int?
    /// Whether the deadline is stated by a source or derived by us; nil when there is no deadline.
    public var deadlineKind: FigureKind?
    public var deadlineNote: String?
    public var sources: [String]
    public var note: String?
    /// Each time the target was set or restated, with its wording and the deadline it implies, in
    /// file order (`statementsByDate` sorts them); empty when the dataset records none.
    public var statements: [TargetStatement]

    public init(id: String, title: String, metric: Flow = .turnover, usd: Double, set: DateValue? = nil, deadline: Int? = nil,
                deadlineKind: FigureKind? = nil, deadlineNote: String? = nil, sources: [String], note: String? = nil,
                statements: [TargetStatement] = []) {
        self.id = id
        self.title = title
        self.metric = metric
        self.usd = usd
        self.set = set
        self.deadline = deadline
        self.deadlineKind = deadlineKind
        self.deadlineNote = deadlineNote
        self.sources = sources
        self.note = note
        self.statements = statements
    }
}
