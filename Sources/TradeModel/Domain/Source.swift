/// What a source's figures rest on.
public enum StatisticalBasis: String, CaseIterable, Sendable, Codable {
    /// A country's own trade statistics (name it in `basisCountry`).
    case nationalStatistics = "national-statistics"
    /// A partner's statistics standing for the other side's (its imports for the other's exports).
    case mirrorStatistics = "mirror-statistics"
    /// An official's or a ministry's statement, without the statistics behind it.
    case official
    /// A press report that does not say where its figure comes from.
    case press

    public var label: String {
        switch self {
        case .nationalStatistics: return "national statistics"
        case .mirrorStatistics: return "mirror statistics"
        case .official: return "official statement"
        case .press: return "press"
        }
    }

    public static var allRawValues: [String] { allCases.map(\.rawValue) }
}

/// Where a figure comes from.
public struct Source: Hashable, Sendable, Identifiable {
    public var id: String
    public var publisher: String
    public var title: String?
    /// Address of the document, when it has one.
    public var url: String?
    public var date: DateValue?
    /// ISO 639-1 code of the page's language: "en", "ru", "kk", "tk".
    public var language: String?
    public var basis: StatisticalBasis?
    /// Whose statistics, for national or mirror statistics (a country code of the pair or another).
    public var basisCountry: String?
    /// A source to be read with caution (an unattributed reprint, a partial address); `note` says why.
    public var weak: Bool
    public var note: String?

    public init(id: String, publisher: String, title: String? = nil, url: String? = nil, date: DateValue? = nil,
                language: String? = nil, basis: StatisticalBasis? = nil, basisCountry: String? = nil, weak: Bool = false,
                note: String? = nil) {
        self.id = id
        self.publisher = publisher
        self.title = title
        self.url = url
        self.date = date
        self.language = language
        self.basis = basis
        self.basisCountry = basisCountry
        self.weak = weak
        self.note = note
    }
}
