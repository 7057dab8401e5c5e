import TradeModel

/// The document to write after an import: the dataset's JSON tree with the new sources and
/// observations appended, everything it held before kept in its order.
public struct MergedDataset: Sendable {
    /// The text to write (UTF-8), already checked by the loader.
    public var bytes: [UInt8]
    public var addedSources: [Source]
    public var addedObservations: [TradeObservation]
    public var addedComposition: [Composition] = []
    /// Imported observations the dataset already held (an import run again adds nothing).
    public var alreadyPresent: Int
    /// Imported composition entries the dataset already held.
    public var compositionAlreadyPresent = 0

    public var changesNothing: Bool { addedSources.isEmpty && addedObservations.isEmpty && addedComposition.isEmpty }
}

public enum DatasetMerge {
    /// Appends `imported` to the document `root` (which decodes to `dataset`).
    ///
    /// - Sources whose id the dataset already has are not added again; observations equal to one the
    ///   dataset holds, or to one that differs only in its note, are skipped, so the same import twice
    ///   adds nothing.
    /// - An observation of the same source and series as one already there, but with another value, is
    ///   a conflict (the file changed since it was imported): nothing is merged.
    /// - The result is written to text, parsed and validated again by `DatasetLoader`, and must decode
    ///   to exactly the old dataset plus the new entries; otherwise nothing is returned.
    ///
    /// - The text must fit in `maximumBytes` (the loader's `maximumFileSize`), or nothing is returned:
    ///   a larger file could not be loaded again.
    ///
    /// `file` names the dataset in messages.
    /// The advice for a statistics file imported again after it changed (Comtrade's).
    public static let defaultConflictAdvice = "The file has changed since it was imported: remove the earlier import's entries from the dataset, "
        + "or give the new file another name to import it as a new source"

    public static func merge(root: JSONNode, dataset: Dataset, sources: [Source], observations: [TradeObservation],
                             composition: [Composition] = [], file: String,
                             maximumBytes: Int = DatasetLoader.maximumFileSize,
                             conflictAdvice: String = DatasetMerge.defaultConflictAdvice) throws(ImportFailure) -> MergedDataset {
        guard case .object(var members) = root.value else {
            throw ImportFailure(file: file, "the dataset is not a JSON object")
        }
        let knownSources = Set(dataset.sources.map(\.id))
        let newSources = sources.filter { !knownSources.contains($0.id) }
        let held = Set(dataset.trade)
        // The same figure with another note is the same figure: an earlier import of the file wrote it
        // without the note this one gives (a mirror note, `MirrorStatistics`), or the user edited it.
        let heldFigures = Set(dataset.trade.map(withoutNote))
        var seen = Set<TradeObservation>()
        var newObservations = [TradeObservation]()
        var present = 0
        for o in observations {
            if held.contains(o) || heldFigures.contains(withoutNote(o)) { present += 1; continue }
            if seen.insert(o).inserted { newObservations.append(o) }
        }

        // Conflicts with an earlier import of a file of the same name.
        let tradeNodes: [JSONNode] = {
            if case .array(let items)? = root["trade"]?.value { return items }
            return []
        }()
        var bySeries = [String: [Int]]()
        for (k, o) in dataset.trade.enumerated() { bySeries[conflictKey(o), default: []].append(k) }
        var conflicts = [ImportDiagnostic]()
        for o in newObservations {
            guard let k = bySeries[conflictKey(o)]?.first else { continue }
            let old = dataset.trade[k]
            let line = k < tradeNodes.count ? tradeNodes[k].line : 0
            conflicts.append(ImportDiagnostic(.error, file: file, line: line,
                "trade[\(k)] already holds \(describe(o)) from source \"\(o.source)\" as \(format(old.usd)) USD; "
                + "the import gives \(format(o.usd)) USD. " + conflictAdvice))
        }
        // Composition: an entry equal to one held is there already; one with a held entry's id but other
        // contents means the file changed since it was imported (its ids are made from the file's name).
        let heldComposition = Set(dataset.composition)
        var compositionByID = [String: Int]()
        for (k, c) in dataset.composition.enumerated() where compositionByID[c.id] == nil { compositionByID[c.id] = k }
        let compositionNodes: [JSONNode] = {
            if case .array(let items)? = root["composition"]?.value { return items }
            return []
        }()
        var newComposition = [Composition]()
        var compositionPresent = 0
        var seenIDs = Set<String>()
        for c in composition {
            if heldComposition.contains(c) { compositionPresent += 1; continue }
            if let k = compositionByID[c.id] {
                conflicts.append(ImportDiagnostic(.error, file: file, line: k < compositionNodes.count ? compositionNodes[k].line : 0,
                    "composition[\(k)] already holds goods with id \"\(c.id)\" (\(c.period.label), source \"\(c.source)\") that differ from "
                    + "this import's. " + conflictAdvice))
                continue
            }
            if seenIDs.insert(c.id).inserted { newComposition.append(c) }
        }
        if !conflicts.isEmpty { throw ImportFailure(conflicts) }

        // Append to the tree.
        guard let sourcesIndex = members.firstIndex(where: { $0.key == "sources" }),
              case .array(var sourceItems) = members[sourcesIndex].node.value else {
            throw ImportFailure(file: file, "the dataset has no \"sources\" array")
        }
        sourceItems.append(contentsOf: newSources.map(DatasetEncoding.node))
        members[sourcesIndex].node.value = .array(sourceItems)
        if let tradeIndex = members.firstIndex(where: { $0.key == "trade" }) {
            guard case .array(var items) = members[tradeIndex].node.value else {
                throw ImportFailure(file: file, "the dataset's \"trade\" is not an array")
            }
            items.append(contentsOf: newObservations.map(DatasetEncoding.node))
            members[tradeIndex].node.value = .array(items)
        } else {
            members.insert(JSONMember("trade", JSONNode(.array(newObservations.map(DatasetEncoding.node)))), at: sourcesIndex + 1)
        }
        if !newComposition.isEmpty {
            let nodes = newComposition.map(DatasetEncoding.node)
            if let k = members.firstIndex(where: { $0.key == "composition" }) {
                guard case .array(var items) = members[k].node.value else {
                    throw ImportFailure(file: file, "the dataset's \"composition\" is not an array")
                }
                items.append(contentsOf: nodes)
                members[k].node.value = .array(items)
            } else {
                // Where the format puts it: after exportPotential (or trade, or sources), before indicators.
                let after = ["exportPotential", "places", "events", "projects", "deals", "targets", "trade", "sources"]
                    .lazy.compactMap { key in members.firstIndex { $0.key == key } }.first
                let at = members.firstIndex { $0.key == "indicators" } ?? after.map { $0 + 1 } ?? members.count
                members.insert(JSONMember("composition", JSONNode(.array(nodes))), at: at)
            }
        }
        let merged = JSONNode(.object(members), line: root.line, column: root.column)
        let bytes = JSONWriter.writeBytes(merged)
        // The loader reads no larger file: a dataset written beyond it could not be opened again.
        if bytes.count > maximumBytes {
            func size(_ n: Int) -> String { n >= 1 << 20 ? "\(n >> 20) MB" : "\(n) bytes" }
            throw ImportFailure(file: file, "the merged dataset would be \(size(bytes.count)); a dataset may be at most "
                + "\(size(maximumBytes)) (the loader reads no larger file), so nothing was written; import fewer observations")
        }

        // Check what would be written, as the loader will read it.
        var expected = dataset
        expected.sources += newSources
        expected.trade += newObservations
        expected.composition += newComposition
        let reparsed: JSONNode
        do {
            reparsed = try JSONParser.parse(bytes)
        } catch {
            throw ImportFailure(file: file, "internal error: the merged dataset does not parse (\(error)); nothing was written")
        }
        let (decoded, problems) = DatasetLoader.decode(reparsed)
        if !problems.isEmpty {
            throw ImportFailure(problems.prefix(20).map {
                ImportDiagnostic(.error, file: file, "the merged dataset would not be valid: \($0); nothing was written")
            })
        }
        guard decoded == expected else {
            throw ImportFailure(file: file, "internal error: the merged dataset does not read back as the old one plus the import; nothing was written")
        }
        return MergedDataset(bytes: bytes, addedSources: newSources, addedObservations: newObservations, addedComposition: newComposition,
                             alreadyPresent: present, compositionAlreadyPresent: compositionPresent)
    }

    private static func withoutNote(_ o: TradeObservation) -> TradeObservation {
        var figure = o
        figure.note = nil
        return figure
    }

    /// Two observations of the same source, kind and series can only differ by a changed file.
    private static func conflictKey(_ o: TradeObservation) -> String {
        "\(o.source)|\(o.kind.rawValue)|\(o.period.year)|\(o.period.months.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "")|\(o.flow.rawValue)|\(o.from ?? "")|\(o.to ?? "")|\(o.hsSection.map(String.init) ?? "")"
    }

    private static func describe(_ o: TradeObservation) -> String {
        var s = "\(o.period.label) \(o.flow.rawValue)"
        if let f = o.from, let t = o.to { s += " \(f)→\(t)" }
        if let h = o.hsSection { s += " (HS section \(h))" }
        return s
    }

    private static func format(_ v: Double?) -> String { v.map { JSONWriter.format($0) } ?? "no value" }
}
