import TradeModel

/// One run of `tradedash import FORMAT`: read the dataset, import the file, merge, check, write.
/// Nothing is written unless every step succeeded. The format is any `StatisticsImporter`.
public struct ImportJob: Sendable {
    public enum Target: Sendable, Equatable {
        /// Merge into this dataset file, in place.
        case into(String)
        /// Write the dataset `base` plus the import to the new file `path`; replace an existing file
        /// only when `force`.
        case output(base: String, path: String, force: Bool)
    }

    /// The file to import.
    public var path: String
    public var format: any StatisticsImporter
    public var target: Target
    /// Moves the dataset's as-of date forward to this day (`--as-of`), so that years which were not
    /// over on the old date can be imported.
    public var asOf: DateValue?
    /// The base dataset's bytes when it is not a file (the copy embedded in the binary); the
    /// target's `base` then only names it in messages.
    public var baseBytes: [UInt8]?

    public init(path: String, format: any StatisticsImporter, target: Target, asOf: DateValue? = nil) {
        self.path = path
        self.format = format
        self.target = target
        self.asOf = asOf
    }

    public struct Report: Sendable {
        public var imported: StatisticsImport
        public var merged: MergedDataset
        /// The file written, or nil when the dataset already held the whole import (nothing to write).
        public var written: String?
        /// What mirror statistics stand in for, one line per side (`MirrorStatistics.describe`).
        public var mirrors: [String] = []
    }

    public func run() throws(ImportFailure) -> Report {
        let basePath: String
        let outputPath: String
        switch target {
        case .into(let p): basePath = p; outputPath = p
        case .output(let base, let p, let force):
            basePath = base
            outputPath = p
            if !force && fileExists(p) {
                throw ImportFailure(file: p, "already exists; use --force to replace it, or --into to merge into it")
            }
        }

        // The dataset must be valid before anything is added to it.
        let bytes: [UInt8]
        if let baseBytes {
            bytes = baseBytes
        } else {
            do {
                bytes = try DatasetLoader.readFile(basePath)
            } catch {
                throw ImportFailure(file: basePath, error.message)
            }
        }
        var root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ImportFailure(file: basePath, line: error.line, "\(error.message) (the dataset must be valid before importing into it)")
        }
        let (decoded, problems) = DatasetLoader.decode(root)
        guard var dataset = decoded, problems.isEmpty else {
            var diagnostics = problems.prefix(20).map {
                ImportDiagnostic(.error, file: basePath, line: $0.line, $0.path.isEmpty ? $0.message : "\($0.path): \($0.message)")
            }
            diagnostics.append(ImportDiagnostic(.error, file: basePath,
                "the dataset is not valid (\(problems.count) problem\(problems.count == 1 ? "" : "s")); fix it first (tradedash validate \(basePath))"))
            throw ImportFailure(diagnostics)
        }

        if let newAsOf = asOf, dataset.asOf < newAsOf {
            dataset.asOf = newAsOf
            root = ImportJob.settingAsOf(root, newAsOf)
        }
        var imported = try format.importFile(atPath: path, for: dataset)
        imported = try ImportJob.keepingCompleteYears(imported, asOf: dataset.asOf)
        let pair = CountryPair(dataset)
        let mirrors = pair.map { MirrorStatistics.describe(imported.observations, pair: $0) } ?? []
        if let w = ImportJob.earlierMirrorWarning(dataset, root, imported.observations, file: basePath) { imported.warnings.append(w) }
        let merged: MergedDataset
        do {
            merged = try DatasetMerge.merge(root: root, dataset: dataset, sources: imported.sources,
                                            observations: imported.observations, composition: imported.composition, file: basePath,
                                            conflictAdvice: imported.conflictAdvice)
        } catch let failure {
            throw ImportFailure(failure.diagnostics + imported.warnings)
        }

        let mode: AtomicFile.Mode
        switch target {
        case .into:
            // Running the same import again changes nothing: do not even rewrite the file.
            if merged.changesNothing { return Report(imported: imported, merged: merged, written: nil, mirrors: mirrors) }
            mode = .replace
        case .output(_, _, let force):
            mode = force ? .replace : .createNew
        }
        do {
            try AtomicFile.write(merged.bytes, to: outputPath, mode: mode)
        } catch {
            throw ImportFailure([ImportDiagnostic(.error, file: outputPath, error.message + "; nothing was written")] + imported.warnings)
        }
        return Report(imported: imported, merged: merged, written: outputPath, mirrors: mirrors)
    }

    /// Imports before mirror figures were written once wrote them a second time, as derived exports
    /// repeating the stated imports. A dataset holding such entries for this import's figures keeps
    /// them (an import removes nothing), with a warning that says which and what to do.
    static func earlierMirrorWarning(_ dataset: Dataset, _ root: JSONNode, _ imported: [TradeObservation], file: String) -> ImportDiagnostic? {
        let earlier = MirrorStatistics.earlierMirrors(in: dataset.trade, repeating: imported)
        guard let k = earlier.first else { return nil }
        var line = 0
        if case .array(let items)? = root["trade"]?.value, k < items.count { line = items[k].line }
        let o = dataset.trade[k]
        let more = earlier.count > 1 ? " and \(earlier.count - 1) more like it" : ""
        return ImportDiagnostic(.warning, file: file, line: line,
            "trade[\(k)] (\(o.period.label) \(o.from ?? "?")→\(o.to ?? "?") exports, derived)\(more): mirror figures written by an earlier "
            + "version of the import, repeating the stated imports of source \"\(o.source)\" as exports; imports now mark those imports "
            + "(\"\(MirrorStatistics.notePrefix)…\") instead. They are kept: delete them to have each reported value listed once")
    }

    /// A year is only known whole once it is over: figures for years not over on the dataset's as-of
    /// date are left out with a warning (the dataset's own rule), rather than failing the whole import.
    static func keepingCompleteYears(_ imported: StatisticsImport, asOf: DateValue) throws(ImportFailure) -> StatisticsImport {
        let asOfDay = DateValue(year: asOf.year, month: asOf.month ?? 1, day: asOf.day ?? 1)
        func complete(_ p: Period) -> Bool {
            let last = p.months?.upperBound ?? 12
            return DateValue(year: p.year, month: last, day: DateValue.daysIn(month: last, year: p.year)) <= asOfDay
        }
        let latePeriods = Set(imported.observations.filter { !complete($0.period) }.map(\.period)
            + imported.composition.filter { !complete($0.period) }.map(\.period))
        guard !latePeriods.isEmpty else { return imported }
        let late = Set(latePeriods.map(\.year)).sorted()
        var out = imported
        out.observations = imported.observations.filter { complete($0.period) }
        out.composition = imported.composition.filter { complete($0.period) }
        let cited = Set(out.observations.map(\.source) + out.composition.map(\.source))
        out.sources = imported.sources.filter { cited.contains($0.id) }
        let message: String
        if latePeriods.allSatisfy(\.isFullYear) {
            let years = late.count == 1 ? "\(late[0])" : "\(late.first!)–\(late.last!)"
            message = "figures for \(years) left out: the year is not over on the dataset's as-of date \(asOf.iso); "
                + "pass --as-of YYYY-MM-DD (a date after the year's end) to move the as-of date and import them"
        } else {
            // A partial period made of monthly rows ends with its last month.
            message = "figures for " + latePeriods.sorted().map(\.label).joined(separator: ", ")
                + " left out: the period is not over on the dataset's as-of date \(asOf.iso); "
                + "pass --as-of YYYY-MM-DD (a date after the period's end) to move the as-of date and import them"
        }
        if out.observations.isEmpty {
            throw ImportFailure([ImportDiagnostic(.error, file: imported.file, "nothing to import: " + message)] + imported.warnings)
        }
        out.warnings.append(ImportDiagnostic(.warning, file: imported.file, message))
        return out
    }

    /// The document with its top-level "asOf" member set to `date` (in place, keeping the member order).
    static func settingAsOf(_ root: JSONNode, _ date: DateValue) -> JSONNode {
        guard case .object(var members) = root.value, let i = members.firstIndex(where: { $0.key == "asOf" }) else { return root }
        members[i].node = JSONNode(.string(date.iso), line: members[i].node.line, column: members[i].node.column)
        return JSONNode(.object(members), line: root.line, column: root.column)
    }

    private func fileExists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
