import TradeModel

/// Mirror statistics: in a year in which one country of the pair reported nothing, its exports to the
/// other are taken from the other's reported imports (what one side imported from the other is what
/// the other exported to it). Such a figure is marked derived, keeps the importer's valuation (CIF, as
/// importers value goods), cites the importer's source and says where it comes from in its note.
///
/// It works on stated observations, not on the rows of any file format, so that every importer can
/// derive its mirror figures the same way.
enum MirrorStatistics {
    /// The mirror figures for `stated`, in the order of the imports they come from.
    ///
    /// - `stated`: the figures the import read, of both sides; only stated imports between the pair
    ///   are mirrored.
    /// - `reported`: whether a side reported anything in a year. A side that reported rows that made
    ///   no figure still reported: its silence is not filled in with the partner's figures.
    static func derive(from stated: [TradeObservation], pair: CountryPair, reported: (PairSide, Int) -> Bool) -> [TradeObservation] {
        stated.compactMap { o in
            guard o.kind == .stated, o.flow == .imports, let importer = pair.side(ofCountry: o.to),
                  pair.side(ofCountry: o.from) == importer.other, !reported(importer.other, o.period.year) else { return nil }
            return mirror(of: o, importer: pair[importer])
        }
    }

    /// The exporter's figure for goods that `importer` reported as its imports in `o`.
    static func mirror(of o: TradeObservation, importer: Country) -> TradeObservation {
        let basis = o.valuation.map { " (\($0.uppercased()))" } ?? ""
        return TradeObservation(period: o.period, flow: .exports, from: o.from, to: o.to, usd: o.usd, kind: .derived,
                                source: o.source, hsSection: o.hsSection, valuation: o.valuation,
                                note: "mirror: from \(importer.name)'s reported imports" + basis)
    }
}
