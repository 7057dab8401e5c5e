/// Why a row of a Comtrade file is left out.
enum ComtradeSkipReason: Sendable, CaseIterable {
    /// The reporter is not one of the pair.
    case otherReporter
    /// The reporter is, but the partner is not the other one (World, a third country, itself).
    case otherPartner
    /// Left out by `--reporter` / `--partner`.
    case excludedByOption
    /// `typeCode` other than C (goods).
    case services
    case monthly
    /// Flow RX or RM: already included in X and M.
    case reExportImport
    /// A flow code other than X, M, RX and RM.
    case otherFlow
    /// A row by customs procedure, mode of transport or supply, or second partner.
    case breakdown
    /// The header again (files joined together): not a data row.
    case repeatedHeader
}

/// Why the commodity of a row of the pair is summed nowhere.
enum ComtradeCommodityProblem: Sendable {
    /// Of a classification other than HS (SITC, BEC): only its TOTAL rows are imported.
    case otherClassification
    /// Neither TOTAL nor digits (or not a level of 2 to 12 digits).
    case notAnHSCode
    /// More digits than the 12 of the longest HS code.
    case tooManyDigits
}

/// The kinds of warning of a Comtrade import: the file gets one warning per kind.
enum ComtradeWarning: Hashable, Sendable {
    /// About one row, in words made from its fields (`ComtradeRowClassifier.message`).
    case row(ComtradeRowWarning)
    /// A row that repeats an earlier one.
    case duplicate
    /// A series with commodity rows and no TOTAL row.
    case noTotal
    /// Commodity rows under chapters of no HS section.
    case unassignedChapters
    /// Commodity rows that add up to more than the TOTAL row.
    case exceedsTotal
    case invalidUTF8
}

/// The warnings said of a single row.
enum ComtradeRowWarning: Hashable, Sendable {
    case repeatedHeader
    case services
    case monthly
    case reExportImport
    /// One kind per flow code left out (the code as quoted in the message).
    case otherFlow(String)
    case otherClassification
    case notAnHSCode
    case tooManyDigits
    case aggrLevelMismatch

    init(_ problem: ComtradeCommodityProblem) {
        switch problem {
        case .otherClassification: self = .otherClassification
        case .notAnHSCode: self = .notAnHSCode
        case .tooManyDigits: self = .tooManyDigits
        }
    }
}

/// Counts of what the import read and why rows were left out.
public struct ComtradeSummary: ImportSummary, Equatable {
    public var dataRows = 0
    /// Annual rows between the two countries that were summed.
    public var usedRows = 0
    public var otherCountryRows = 0
    public var excludedByOptionRows = 0
    public var monthlyRows = 0
    public var reExportImportRows = 0
    public var otherFlowRows = 0
    public var breakdownRows = 0
    public var servicesRows = 0
    public var duplicateRows = 0
    public var nonHSCommodityRows = 0
    public var years: [Int] = []
    public var statedObservations = 0
    /// Stated imports that also stand for the exports of a side that did not report (mirror
    /// statistics): marked in their note, not written a second time.
    public var mirroredImports = 0
    public var bytes = 0

    /// Counts a row left out for `reason`.
    mutating func count(_ reason: ComtradeSkipReason) {
        switch reason {
        case .otherReporter, .otherPartner: otherCountryRows += 1
        case .excludedByOption: excludedByOptionRows += 1
        case .services: servicesRows += 1
        case .monthly: monthlyRows += 1
        case .reExportImport: reExportImportRows += 1
        case .otherFlow: otherFlowRows += 1
        case .breakdown: breakdownRows += 1
        case .repeatedHeader: dataRows -= 1
        }
    }

    /// Why rows were left out, one phrase per reason that applies ("12 monthly", "3 services"...).
    public func leftOutReasons() -> [String] {
        leftOutReasons(includingOtherCountries: true, includingDuplicates: true)
    }

    func leftOutReasons(includingOtherCountries: Bool, includingDuplicates: Bool) -> [String] {
        let reasons: [(Int, String, Bool)] = [
            (otherCountryRows, "of other countries", includingOtherCountries),
            (excludedByOptionRows, "left out by --reporter/--partner", true),
            (monthlyRows, "monthly", true),
            (reExportImportRows, "re-exports/re-imports", true),
            (otherFlowRows, "of other flows", true),
            (breakdownRows, "breakdowns by customs procedure or transport", true),
            (servicesRows, "services", true),
            (duplicateRows, "duplicates", includingDuplicates),
            (nonHSCommodityRows, "commodity rows not in HS", true),
        ]
        return reasons.filter { $0.0 > 0 && $0.2 }.map { "\($0.0) \($0.1)" }
    }
}
