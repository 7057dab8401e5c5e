import TradeModel

/// One of the dataset's two countries: `countries[0]` (first) or `countries[1]` (second). An import
/// reads the trade between the pair only, so a reporter or partner is always one side or the other.
public enum PairSide: Int, Sendable, CaseIterable, Comparable {
    case first = 0
    case second = 1

    /// The other country of the pair.
    public var other: PairSide { self == .first ? .second : .first }

    /// The position in `Dataset.countries`.
    public var index: Int { rawValue }

    public static func < (a: PairSide, b: PairSide) -> Bool { a.rawValue < b.rawValue }
}

/// Which way the goods of a reporter's figure go: exported to the partner, or imported from it.
enum ReportedFlow: Int, Sendable, Comparable {
    case exports = 0
    case imports = 1

    /// As reporters value their trade: exports at their own border (FOB), imports at theirs (CIF).
    var valuation: Valuation { self == .exports ? .fob : .cif }

    var flow: Flow { self == .exports ? .exports : .imports }

    static func < (a: ReportedFlow, b: ReportedFlow) -> Bool { a.rawValue < b.rawValue }
}

/// One series of an import: a reporter's exports to, or imports from, the other side in one year, or
/// in one month of it (the rows of refMonth 1–12). Ordered by year, then reporter, then exports before
/// imports, then the year's annual series before its months.
struct ReportedSeries: Hashable, Comparable, Sendable {
    var year: Int
    var reporter: PairSide
    var flow: ReportedFlow
    /// 0 for the year (the annual rows), else the month 1–12 of the monthly rows.
    var month = 0

    /// The series of the whole year this one belongs to (itself when annual).
    var annual: ReportedSeries { ReportedSeries(year: year, reporter: reporter, flow: flow) }

    /// The side the goods leave: the reporter for its exports, the partner for its imports.
    var exporter: PairSide { flow == .exports ? reporter : reporter.other }
    var importer: PairSide { exporter.other }

    static func < (a: ReportedSeries, b: ReportedSeries) -> Bool {
        (a.year, a.reporter.rawValue, a.flow.rawValue, a.month) < (b.year, b.reporter.rawValue, b.flow.rawValue, b.month)
    }
}

/// The years in which each side reported (had rows as reporter that passed the row checks), whatever
/// came of those rows: a side that reported in a year does not have its exports by mirror for it.
struct ReportingYears: Sendable {
    private var years: [Set<Int>] = [[], []]

    mutating func insert(_ side: PairSide, _ year: Int) { years[side.index].insert(year) }

    func contains(_ side: PairSide, _ year: Int) -> Bool { years[side.index].contains(year) }
}

/// The dataset's two countries, as an import matches and names them.
struct CountryPair: Sendable {
    let countries: [Country]

    /// nil unless the dataset has exactly two countries.
    init?(_ dataset: Dataset) {
        guard dataset.countries.count == 2 else { return nil }
        countries = dataset.countries
    }

    subscript(side: PairSide) -> Country { countries[side.index] }

    /// The side that `code` names: alpha-2, alpha-3 or ISO numeric, in any case.
    func side(of code: String) -> PairSide? {
        let c = code.trimmingSpaces.uppercased()
        for side in PairSide.allCases {
            let country = self[side]
            if country.code.uppercased() == c { return side }
            if let iso3 = country.iso3, iso3.uppercased() == c { return side }
            if let n = country.isoNumeric, let v = Int(c), v == n { return side }
        }
        return nil
    }

    /// The side whose alpha-2 code (as observations cite countries) is `code`.
    func side(ofCountry code: String?) -> PairSide? {
        PairSide.allCases.first { self[$0].code == code }
    }

    /// "KZ/KAZ/398 (Kazakhstan) or TM/TKM/795 (Turkmenistan)": the codes an option may give.
    var optionCodes: String {
        countries.map { c in
            ([c.code] + [c.iso3, c.isoNumeric.map(String.init)].compactMap { $0 }).joined(separator: "/") + " (\(c.name))"
        }.joined(separator: " or ")
    }

    /// "Kazakhstan's 2022 exports to Turkmenistan", "Turkmenistan's 2022 imports from Kazakhstan",
    /// "Kazakhstan's March 2022 exports to Turkmenistan" (a monthly series).
    func describe(_ series: ReportedSeries) -> String {
        let when = series.month == 0 ? "\(series.year)" : "\(MonthNames.full[series.month - 1]) \(series.year)"
        return describe(series, when: when)
    }

    /// `describe` with the period in words: "Kazakhstan's 2025 Jan–Sep exports to Turkmenistan".
    func describe(_ series: ReportedSeries, when: String) -> String {
        let reporter = self[series.reporter].name, partner = self[series.reporter.other].name
        return series.flow == .imports ? "\(reporter)'s \(when) imports from \(partner)" : "\(reporter)'s \(when) exports to \(partner)"
    }
}

/// The months in words, for messages.
enum MonthNames {
    static let full = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                       "October", "November", "December"]

    /// "March", "January and March", "January, February and April".
    static func list(_ months: [Int]) -> String {
        let names = months.map { full[$0 - 1] }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
