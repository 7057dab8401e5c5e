/// One side of the relationship.
public struct Country: Hashable, Sendable, Identifiable {
    /// ISO 3166-1 alpha-2 code, e.g. "KZ".
    public var code: String
    public var name: String
    /// ISO 3166-1 numeric code (398 for Kazakhstan, 795 for Turkmenistan): what Comtrade files use.
    public var isoNumeric: Int?
    /// ISO 3166-1 alpha-3 code ("KAZ").
    public var iso3: String?
    public var leader: String?
    public var leaderTitle: String?
    public var id: String { code }

    public init(code: String, name: String, isoNumeric: Int? = nil, iso3: String? = nil, leader: String? = nil, leaderTitle: String? = nil) {
        self.code = code
        self.name = name
        self.isoNumeric = isoNumeric
        self.iso3 = iso3
        self.leader = leader
        self.leaderTitle = leaderTitle
    }
}
