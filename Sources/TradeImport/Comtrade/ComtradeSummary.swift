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
    /// Monthly rows of a series (its year, reporter and flow) whose months do not run from January
    /// without a gap: one warning per series, naming its missing months.
    case monthGap(ReportedSeries)
    /// Months of a partial period without a TOTAL row, or without commodity rows, while others have them.
    case incompleteMonths(ReportedSeries, totals: Bool)
}

/// The warnings said of a single row.
enum ComtradeRowWarning: Hashable, Sendable {
    case repeatedHeader
    case services
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
    /// Rows between the two countries that were summed (annual rows, and the monthly rows of years
    /// without them).
    public var usedRows = 0
    public var otherCountryRows = 0
    public var excludedByOptionRows = 0
    /// Monthly rows left out: `monthlyRowsIgnored` plus `monthlyRowsRefused`.
    public var monthlyRows: Int { monthlyRowsIgnored + monthlyRowsRefused }
    /// Monthly rows of a year, reporter and flow that the file also gives annual rows for.
    public var monthlyRowsIgnored = 0
    /// Monthly rows of a year whose months do not run from January without a gap (and no annual row).
    public var monthlyRowsRefused = 0
    /// Monthly rows summed into partial periods.
    public var monthlyRowsUsed = 0
    /// The partial periods made from monthly rows: "Kazakhstan's 2025 Jan–Sep exports to Turkmenistan".
    public var partialPeriods: [String] = []
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
    /// The goods detail written (`Dataset.composition`).
    public var composition = CompositionCounts()

    /// Counts a row left out for `reason`.
    mutating func count(_ reason: ComtradeSkipReason) {
        switch reason {
        case .otherReporter, .otherPartner: otherCountryRows += 1
        case .excludedByOption: excludedByOptionRows += 1
        case .services: servicesRows += 1
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
            (monthlyRowsIgnored, "monthly of years with annual rows", true),
            (monthlyRowsRefused, "monthly whose months do not run from January without a gap", true),
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

extension ComtradeSummary {
    /// What the import made beyond the observations, one sentence a line: the partial periods, the
    /// goods detail and its caps, the net weights.
    public func detailLines() -> [String] {
        var lines = [String]()
        if !partialPeriods.isEmpty {
            lines.append("Partial periods from monthly rows (the file has no annual row for them; sums of the months are marked derived): "
                + partialPeriods.joined(separator: "; ") + ".")
        }
        lines += composition.lines()
        return lines
    }
}

/// How much goods detail an import kept, and how much it folded into remainders.
public struct CompositionCounts: Equatable, Sendable {
    /// The caps it applied (`ComtradeImportOptions`).
    public var caps = CompositionCaps()
    /// Composition entries: one per period, reporter and flow with commodity rows.
    public var entries = 0
    public var chaptersKept = 0
    /// Chapters summed into an entry's "other chapters".
    public var chaptersFolded = 0
    public var headingsKept = 0
    /// Headings summed into a chapter's "other headings".
    public var headingsFolded = 0
    /// Items (remainders included) with a net weight, and without one.
    public var itemsWithWeight = 0
    public var itemsWithoutWeight = 0
    /// Whether the file has a `netWgt` column.
    public var hasWeightColumn = false

    public init() {}

    func lines() -> [String] {
        guard entries > 0 else { return [] }
        func n(_ k: Int, _ word: String) -> String { "\(k) \(word)\(k == 1 ? "" : "s")" }
        let folded = chaptersFolded + headingsFolded == 0
            ? "none folded" : "\(n(chaptersFolded, "chapter")) and \(n(headingsFolded, "heading")) folded into \"other\" items"
        var lines = ["Goods: \(entries) composition \(entries == 1 ? "entry" : "entries") (per period, reporter and flow): "
            + "\(n(chaptersKept, "HS chapter")) and \(n(headingsKept, "heading")) kept, \(folded) "
            + "(the caps: the \(caps.chapters) largest chapters of each entry, and the \(caps.headings) largest headings of its \(caps.headingChapters) largest chapters)."]
        if !hasWeightColumn {
            lines.append("Net weight: the file has no netWgt column, so the goods have values only.")
        } else {
            let all = itemsWithWeight + itemsWithoutWeight
            lines.append("Net weight (netWgt, kg) on \(itemsWithWeight) of \(all) goods items"
                + (itemsWithoutWeight > 0 ? "; left out where a row summed into the item reports none." : "."))
        }
        return lines
    }
}

/// How much goods detail an import keeps per year, reporter and flow.
public struct CompositionCaps: Equatable, Sendable {
    /// The largest chapters listed; the others are summed into "other chapters".
    public var chapters = 25
    /// How many of the largest chapters list their headings.
    public var headingChapters = 5
    /// The largest headings such a chapter lists; the others are summed into "other headings of chapter NN".
    public var headings = 10

    public init(chapters: Int = 25, headingChapters: Int = 5, headings: Int = 10) {
        self.chapters = chapters
        self.headingChapters = headingChapters
        self.headings = headings
    }
}
