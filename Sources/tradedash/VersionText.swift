import EmbeddedSeed
import TradeModel

/// What `tradedash --version` prints: the version, then the embedded dataset's title and as-of date.
enum VersionText {
    static func lines() -> [String] {
        var lines = ["tradedash \(TradeDash.version)"]
        do {
            let d = try DataSource.embedded.load()
            lines.append("embedded dataset: \(d.title), as of \(d.asOf.iso) (\(EmbeddedSeed.source), \(EmbeddedSeed.byteCount) bytes)")
        } catch {
            lines.append("embedded dataset: \(BundledDataset.embeddedName) does not load: \(error.lines.first ?? "unknown problem")")
        }
        if let path = BundledDataset.overridePath { lines.append("TRADEDASH_SEEDS is set: the bundled dataset is read from \(path)") }
        return lines.map(TerminalSafe.terminalSafe)
    }
}
