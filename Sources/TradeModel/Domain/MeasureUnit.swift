/// The one vocabulary of units for goods quantities and indicators: masses, gas volumes, energy,
/// containers, and each of them per year. Anything else is refused when a file is read.
public enum MeasureUnit: String, CaseIterable, Sendable, Codable {
    case kg, t, kt, Mt
    case litre = "l"
    case cubicMetre = "m3"
    case mcm, bcm
    case kWh, MWh, GWh, TWh
    case teu = "TEU"
    case items
    case kgPerYear = "kg/yr", tPerYear = "t/yr", ktPerYear = "kt/yr", MtPerYear = "Mt/yr"
    case mcmPerYear = "mcm/yr", bcmPerYear = "bcm/yr"
    case kWhPerYear = "kWh/yr", MWhPerYear = "MWh/yr", GWhPerYear = "GWh/yr", TWhPerYear = "TWh/yr"
    case teuPerYear = "TEU/yr"

    /// What the unit measures; two figures can be compared only when this is the same.
    public enum Dimension: String, Sendable { case mass, volume, gas, energy, containers, count }

    public var dimension: Dimension {
        switch self {
        case .kg, .t, .kt, .Mt, .kgPerYear, .tPerYear, .ktPerYear, .MtPerYear: return .mass
        case .litre, .cubicMetre: return .volume
        case .mcm, .bcm, .mcmPerYear, .bcmPerYear: return .gas
        case .kWh, .MWh, .GWh, .TWh, .kWhPerYear, .MWhPerYear, .GWhPerYear, .TWhPerYear: return .energy
        case .teu, .teuPerYear: return .containers
        case .items: return .count
        }
    }

    /// True for the "/yr" units (a capacity or a plan per year).
    public var perYear: Bool { rawValue.hasSuffix("/yr") }

    /// How many of the dimension's base unit (kg, litre, cubic metre of gas, kWh, TEU, item) one of
    /// this unit is.
    public var factor: Double {
        switch self {
        case .kg, .kgPerYear, .litre, .kWh, .kWhPerYear, .teu, .teuPerYear, .items: return 1
        case .t, .tPerYear, .MWh, .MWhPerYear, .cubicMetre: return 1e3
        case .kt, .ktPerYear, .GWh, .GWhPerYear, .mcm, .mcmPerYear: return 1e6
        case .Mt, .MtPerYear, .TWh, .TWhPerYear, .bcm, .bcmPerYear: return 1e9
        }
    }

    /// `value` of this unit in `other`, or nil when they measure different things.
    public func convert(_ value: Double, to other: MeasureUnit) -> Double? {
        guard dimension == other.dimension, perYear == other.perYear else { return nil }
        return value * factor / other.factor
    }

    public static var allRawValues: [String] { allCases.map(\.rawValue) }
}
