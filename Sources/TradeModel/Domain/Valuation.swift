/// How a trade figure values the goods: at the exporter's border (free on board) or at the
/// importer's, with cost, insurance and freight. Exporters report FOB, importers CIF, so the same
/// goods come out some percent apart depending on which side reported them.
public enum Valuation: String, CaseIterable, Sendable {
    case fob
    case cif
}
