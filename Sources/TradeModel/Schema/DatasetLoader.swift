/// Reads a dataset file: JSON syntax, then every field, then every cross-reference. It reports every
/// problem with its place and never crashes or hangs on bad input.
public enum DatasetLoader {
    /// Years a figure, date or deadline may carry.
    public static let plausibleYears = 1900...2100
    /// A dataset larger than this is refused before it is read (the bundled one is about 40 KB).
    public static let maximumFileSize = 64 * 1024 * 1024
    /// A single trade value above this (USD 10 trillion) is certainly a typo.
    public static let maximumUSD = 1e13

    /// Loads and validates the file at `path`.
    public static func load(path: String) throws(LoadError) -> Dataset {
        let bytes: [UInt8]
        do {
            bytes = try readFile(path)
        } catch {
            throw LoadError(file: path, problems: [Problem(path: "", message: error.message)])
        }
        return try load(bytes: bytes, file: path)
    }

    /// Loads and validates a document held in memory; `file` names it in messages.
    ///
    /// The text is parsed into a flat `JSONDocument` that points into `bytes` (no tree, no string per
    /// value), decoded, and dropped: at the peak, memory holds the bytes, the document's 16 bytes per
    /// JSON value and the `Dataset`.
    public static func load(bytes: [UInt8], file: String) throws(LoadError) -> Dataset {
        let (dataset, problems) = try decode(bytes: bytes, file: file)
        guard let dataset, problems.isEmpty else { throw LoadError(file: file, problems: problems) }
        return dataset
    }

    /// Parses and decodes `bytes`: the dataset (nil when it could not be built) and every problem; a
    /// syntax error is thrown as the one problem.
    static func decode(bytes: [UInt8], file: String) throws(LoadError) -> (Dataset?, [Problem]) {
        do {
            return try JSONParser.withDocument(bytes, predefinedKeys: Field.names) { decode($0) }
        } catch {
            throw LoadError(file: file, problems: [Problem(path: "", line: error.line, column: error.column, message: error.message)])
        }
    }

    public struct ReadError: Error, Sendable {
        public var message: String
    }

    /// Reads a whole file, refusing directories, unreadable files and files over `maximumFileSize`.
    public static func readFile(_ path: String) throws(ReadError) -> [UInt8] {
        do {
            return try SystemIO.read(path, limit: maximumFileSize)
        } catch {
            throw ReadError(message: error.message)
        }
    }

    /// Decodes and validates a parsed document. The dataset is nil when it could not be built; any
    /// problem at all means the document is invalid.
    public static func decode(_ root: JSONNode) -> (Dataset?, [Problem]) {
        decode(JSONDocument(tree: root, predefinedKeys: Field.names))
    }

    static func decode(_ doc: JSONDocument) -> (Dataset?, [Problem]) {
        let log = ProblemLog(doc)
        let dataset = DatasetDecoder(log: log).dataset(0)
        resolveReferences(log)
        let ordered = log.problems.enumerated().sorted {
            ($0.element.line == 0 ? Int.max : $0.element.line, $0.offset) < ($1.element.line == 0 ? Int.max : $1.element.line, $1.offset)
        }.map(\.element)
        return (dataset, ordered)
    }

    private static func resolveReferences(_ log: ProblemLog) {
        // The decoder registered the defined ids as references of kind "defined:<kind>".
        var defined = [ReferenceKind: Set<String>]()
        for (k, ids) in log.defined { defined[k] = ids }
        // One suggester per kind, and one answer per unknown id however often it is referred to.
        var suggesters = [ReferenceKind: Suggester]()
        var suggested = [ReferenceKind: [String: String?]]()
        var budget = Suggester.fileBudget
        for r in log.references {
            let known = defined[r.kind] ?? []
            guard !known.contains(r.id) else { continue }
            var message = "unknown \(r.kind.noun) " + quoted(r.id)
            // Suggest a near spelling only for ids long enough for a typo to be told from another id.
            let near: String?
            if r.kind == .country || r.id.count < 4 {
                near = nil
            } else if let cached = suggested[r.kind]?[r.id] {
                near = cached
            } else {
                let s = suggesters[r.kind] ?? Suggester(known)
                suggesters[r.kind] = s
                near = s.nearest(to: r.id, limit: max(1, r.id.count / 4), sharing: &budget)
                suggested[r.kind, default: [:]][r.id] = .some(near)
            }
            if let near {
                message += " (did you mean \"\(near)\"?)"
            } else if known.isEmpty {
                message += r.kind == .item ? "" : " (the dataset defines no \(r.kind.noun)s)"
            }
            log.problems.append(Problem(path: r.path, line: r.line, message: message))
        }
    }
}

extension DatasetLoader {
    /// An id in quotes as a message shows it: whole when short, else its start and its length (a
    /// 10,000-character id must not make a 10,000-character line).
    static func quoted(_ id: String) -> String {
        let limit = 100
        guard id.utf8.count > limit, id.count > limit else { return "\"\(id)\"" }
        return "\"\(id.prefix(60))…\" (an id of \(id.count) characters)"
    }
}

extension DatasetLoader.ReadError {
    var text: String { message }
}

extension Error {
    fileprivate var message: String {
        (self as? DatasetLoader.ReadError)?.message ?? "\(self)"
    }
}
