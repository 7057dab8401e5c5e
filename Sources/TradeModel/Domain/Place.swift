/// A point on the map: a port, a city, a border crossing.
public struct Place: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// Country code of the dataset's countries, or another ISO alpha-2 code listed in `otherCountries`.
    public var country: String
    public var lat: Double
    public var lon: Double
    /// "port", "city", "border", "strait", "capital"...
    public var kind: String?
    /// True when the coordinates are approximate.
    public var approximate: Bool
    public var note: String?

    public init(id: String, name: String, country: String, lat: Double, lon: Double, kind: String? = nil, approximate: Bool = false, note: String? = nil) {
        self.id = id
        self.name = name
        self.country = country
        self.lat = lat
        self.lon = lon
        self.kind = kind
        self.approximate = approximate
        self.note = note
    }
}
