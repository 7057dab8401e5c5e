import TradeModel

/// Mirror statistics: in a year in which one country of the pair reported nothing, its exports to the
/// other are known only from the other's reported imports (what one side imported from the other is
/// what the other exported to it).
///
/// That figure is already in the import: the importer's stated imports are the goods from the exporter
/// to the importer, and the dashboard reads them as that direction whatever the flow
/// (`Direction.goods(from:to:)`). Writing it a second time, as the exporter's derived exports, listed
/// one reported value twice in every list of a period (the Trade detail, its HS sections, the source's
/// citations) and counted it twice in the import's summary. So the stated imports are *marked*
/// instead: their note says that they also stand for the exporter's exports, for which year, and on
/// what basis (the importer's, CIF, not the exporter's FOB). Value, basis and source stay those of the
/// stated imports; nothing is written twice. docs/import.md, "Mirror statistics", gives the reasons.
///
/// It works on stated observations, not on the rows of any file format, so that every importer can
/// mark its mirror figures the same way.
enum MirrorStatistics {
    /// How every mirror note begins (searching the Trade screen for "mirror" finds the periods).
    static let notePrefix = "mirror: also "
    /// How the derived exports that imports before this change wrote began their note.
    static let earlierNotePrefix = "mirror: from "

    /// `stated` in the same order, with the mirror note on each stated import between the pair whose
    /// exporter did not report in its year, and how many were marked.
    ///
    /// - `reported`: whether a side reported anything in a year. A side that reported rows that made
    ///   no figure still reported: its silence is not filled in with the partner's figures.
    static func mark(_ stated: [TradeObservation], pair: CountryPair, reported: (PairSide, Int) -> Bool) -> (observations: [TradeObservation], marked: Int) {
        var marked = 0
        let out = stated.map { o -> TradeObservation in
            guard o.kind == .stated, o.flow == .imports, let importer = pair.side(ofCountry: o.to),
                  pair.side(ofCountry: o.from) == importer.other, !reported(importer.other, o.period.year) else { return o }
            marked += 1
            return marking(o, exporter: pair[importer.other], importer: pair[importer])
        }
        return (out, marked)
    }

    /// `o`, the stated imports of `importer` from `exporter`, with a note saying they are also the
    /// exporter's exports (after any note `o` had).
    static func marking(_ o: TradeObservation, exporter: Country, importer: Country) -> TradeObservation {
        var basis = ""
        if let v = o.valuation {
            basis = " (\(v.uppercased()), as \(importer.name) values its imports" + (v.lowercased() == "cif" ? "; not FOB)" : ")")
        }
        let note = notePrefix + "\(exporter.name)'s exports to \(importer.name): none of \(exporter.name)'s own for \(o.period.year) were imported" + basis
        var marked = o
        marked.note = o.note.map { "\($0); \(note)" } ?? note
        return marked
    }

    /// Whether `o` carries the mirror note.
    static func isMarked(_ o: TradeObservation) -> Bool {
        o.kind == .stated && o.flow == .imports && (o.note?.contains(notePrefix) ?? false)
    }

    /// One line per exporter whose exports the marked imports among `observations` stand for:
    /// "Mirror: Kazakhstan's reported imports (12 figures, CIF) stand for Turkmenistan's exports to it in 2019–2021; …".
    static func describe(_ observations: [TradeObservation], pair: CountryPair) -> [String] {
        PairSide.allCases.compactMap { exporter in
            let marked = observations.filter { isMarked($0) && pair.side(ofCountry: $0.from) == exporter }
            guard !marked.isEmpty else { return nil }
            let e = pair[exporter].name, i = pair[exporter.other].name
            let bases = Set(marked.compactMap { $0.valuation?.uppercased() }).sorted()
            let basis = bases.isEmpty ? "" : ", " + bases.joined(separator: "/")
            return "Mirror: \(i)'s reported imports (\(marked.count) figure\(marked.count == 1 ? "" : "s")\(basis)) stand for "
                + "\(e)'s exports to it in \(yearRanges(marked.map(\.period.year))); their note says so (not written twice)."
        }
    }

    /// The positions in `trade` of the derived exports an earlier import wrote as mirror figures that
    /// repeat stated imports of `imported` (same source, year, direction, section and value).
    static func earlierMirrors(in trade: [TradeObservation], repeating imported: [TradeObservation]) -> [Int] {
        struct Key: Hashable { var source: String, period: Period, from: String?, to: String?, section: Int?, usd: Double? }
        let stated = Set(imported.filter { $0.kind == .stated && $0.flow == .imports }.map {
            Key(source: $0.source, period: $0.period, from: $0.from, to: $0.to, section: $0.hsSection, usd: $0.usd)
        })
        guard !stated.isEmpty else { return [] }
        return trade.indices.filter { k in
            let o = trade[k]
            return o.kind == .derived && o.flow == .exports && (o.note?.hasPrefix(earlierNotePrefix) ?? false)
                && stated.contains(Key(source: o.source, period: o.period, from: o.from, to: o.to, section: o.hsSection, usd: o.usd))
        }
    }

    /// "2016, 2019–2021": ascending, runs of consecutive years joined.
    static func yearRanges(_ years: [Int]) -> String {
        var runs = [(Int, Int)]()
        for y in Set(years).sorted() {
            if let last = runs.last, last.1 == y - 1 { runs[runs.count - 1].1 = y } else { runs.append((y, y)) }
        }
        return runs.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)–\($0.1)" }.joined(separator: ", ")
    }
}
