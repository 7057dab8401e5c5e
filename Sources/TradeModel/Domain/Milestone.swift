/// A dated step of a deal or project: signed, foundation laid, opened.
public struct Milestone: Hashable, Sendable {
    public var date: DateValue?
    public var title: String
    /// The status the step brought the project to, when it changed it.
    public var status: Status?
    public var source: String
    public var note: String?

    public init(date: DateValue?, title: String, status: Status? = nil, source: String, note: String? = nil) {
        self.date = date
        self.title = title
        self.status = status
        self.source = source
        self.note = note
    }
}
