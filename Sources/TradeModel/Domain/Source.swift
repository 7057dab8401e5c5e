/// Where a figure comes from.
public struct Source: Hashable, Sendable, Identifiable {
    public var id: String
    public var publisher: String
    public var title: String?
    /// Address of the document, when it has one.
    public var url: String?
    public var date: DateValue?
    public var note: String?

    public init(id: String, publisher: String, title: String? = nil, url: String? = nil, date: DateValue? = nil, note: String? = nil) {
        self.id = id
        self.publisher = publisher
        self.title = title
        self.url = url
        self.date = date
        self.note = note
    }
}
