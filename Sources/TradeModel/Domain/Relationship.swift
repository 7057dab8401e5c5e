/// Facts about the relationship as a whole.
public struct Relationship: Hashable, Sendable {
    /// Year diplomatic relations began, with its provenance.
    public var diplomaticRelationsSince: SourcedYear?
    /// Context statements ("cultural ties growing as anticipated"), each with its source.
    public var notes: [SourcedNote]

    public init(diplomaticRelationsSince: SourcedYear? = nil, notes: [SourcedNote] = []) {
        self.diplomaticRelationsSince = diplomaticRelationsSince
        self.notes = notes
    }
}

public struct SourcedYear: Hashable, Sendable {
    public var year: Int
    public var kind: FigureKind
    public var source: String
    public var note: String?

    public init(year: Int, kind: FigureKind, source: String, note: String? = nil) {
        self.year = year
        self.kind = kind
        self.source = source
        self.note = note
    }
}

public struct SourcedNote: Hashable, Sendable {
    public var text: String
    public var source: String

    public init(text: String, source: String) {
        self.text = text
        self.source = source
    }
}
