import TradeModel

/// One run of `tradedash import comtrade`: read the dataset, import the file, merge, check, write.
/// Nothing is written unless every step succeeded.
public struct ImportJob: Sendable {
    public enum Target: Sendable, Equatable {
        /// Merge into this dataset file, in place.
        case into(String)
        /// Write the dataset `base` plus the import to the new file `path`; replace an existing file
        /// only when `force`.
        case output(base: String, path: String, force: Bool)
    }

    public var csvPath: String
    public var target: Target
    public var options: ComtradeImportOptions

    public init(csvPath: String, target: Target, options: ComtradeImportOptions = ComtradeImportOptions()) {
        self.csvPath = csvPath
        self.target = target
        self.options = options
    }

    public struct Report: Sendable {
        public var imported: ComtradeImport
        public var merged: MergedDataset
        /// The file written, or nil when the dataset already held the whole import (nothing to write).
        public var written: String?
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
        do {
            bytes = try DatasetLoader.readFile(basePath)
        } catch {
            throw ImportFailure(file: basePath, error.message)
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ImportFailure(file: basePath, line: error.line, "\(error.message) (the dataset must be valid before importing into it)")
        }
        let (decoded, problems) = DatasetLoader.decode(root)
        guard let dataset = decoded, problems.isEmpty else {
            var diagnostics = problems.prefix(20).map {
                ImportDiagnostic(.error, file: basePath, line: $0.line, $0.path.isEmpty ? $0.message : "\($0.path): \($0.message)")
            }
            diagnostics.append(ImportDiagnostic(.error, file: basePath,
                "the dataset is not valid (\(problems.count) problem\(problems.count == 1 ? "" : "s")); fix it first (tradedash validate \(basePath))"))
            throw ImportFailure(diagnostics)
        }

        let imported = try ComtradeImporter.run(path: csvPath, dataset: dataset, options: options)
        let merged: MergedDataset
        do {
            merged = try DatasetMerge.merge(root: root, dataset: dataset, sources: imported.sources,
                                            observations: imported.observations, file: basePath)
        } catch {
            throw ImportFailure(error.diagnostics + imported.warnings)
        }

        let mode: AtomicFile.Mode
        switch target {
        case .into:
            // Running the same import again changes nothing: do not even rewrite the file.
            if merged.changesNothing { return Report(imported: imported, merged: merged, written: nil) }
            mode = .replace
        case .output(_, _, let force):
            mode = force ? .replace : .createNew
        }
        do {
            try AtomicFile.write(merged.bytes, to: outputPath, mode: mode)
        } catch {
            throw ImportFailure([ImportDiagnostic(.error, file: outputPath, error.message + "; nothing was written")] + imported.warnings)
        }
        return Report(imported: imported, merged: merged, written: outputPath)
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
