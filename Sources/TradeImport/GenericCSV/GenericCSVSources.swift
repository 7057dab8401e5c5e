import TradeModel

/// The source of each row of a trade CSV, from its `source_id` and the `source_*` columns.
///
/// - An id the dataset has: the row cites that source. A `source_*` cell that is not empty must agree
///   with the dataset's entry (an import never changes a source); one that disagrees is an error, said
///   once per source and column. An empty cell says nothing.
/// - An id the dataset does not have: the first row citing it creates the source entry from its
///   `source_*` cells (`source_publisher` required; date, language, basis checked as the dataset
///   checks them). Every later row citing it must agree with that row, in the same way.
struct GenericCSVSources {
    typealias Column = GenericCSVColumns.Column

    private struct Entry {
        /// Line of the row that created it; 0 for a source of the dataset.
        var line: Int
        /// What each `source_*` column must hold, in `Column.source` order; nil: nothing (empty cell).
        var expected: [[UInt8]?]
        /// Source columns already reported as disagreeing.
        var reported = Set<Column>()
    }

    private var entries = [String: Entry]()
    /// The sources the file creates, in the order first cited.
    private(set) var created = [Source]()
    /// Ids of the dataset's sources cited, in the order first cited.
    private(set) var cited = [String]()
    private let countries: [String]
    /// The id of the row before, and its entry: rows of one source come together, most need no lookup.
    private var lastID: [UInt8] = []
    private var lastKey: String?

    init(dataset: Dataset) {
        countries = dataset.countries.map(\.code)
        for s in dataset.sources {
            entries[s.id] = Entry(line: 0, expected: Self.fields(s).map { $0.map { Array($0.utf8) } })
        }
        knownIDs = Set(dataset.sources.map(\.id))
    }

    private let knownIDs: Set<String>
    private var citedSet = Set<String>()

    /// The source's fields in `Column.source` order, as the export writes them.
    static func fields(_ s: Source) -> [String?] {
        [s.publisher, s.title, s.url, s.date?.iso, s.language, s.basis?.rawValue, s.basisCountry]
    }

    /// The source id of the row, checked against its `source_*` cells; errors go to `errors`.
    mutating func source(of cells: GenericCSVCells, line: Int, errors: inout [String]) -> String? {
        let idBytes = cells.trimmed(.sourceID)
        guard idBytes.count > 0 else {
            errors.append("\(cells.name(.sourceID)): missing; every row cites a source (an id of the dataset's sources, or a new one with source_publisher)")
            return nil
        }
        let key: String
        if let last = lastKey, !cells.isEscaped(.sourceID), idBytes.elementsEqual(lastID) {
            key = last
        } else {
            key = cells.trimmedText(.sourceID) ?? ""
            lastID = Array(idBytes)
            lastKey = key
        }
        if var entry = entries[key] {
            compare(&entry, key, cells, errors: &errors)
            entries[key] = entry
        } else {
            create(key, cells, line: line, errors: &errors)
        }
        if knownIDs.contains(key), citedSet.insert(key).inserted { cited.append(key) }
        return key
    }

    private func compare(_ entry: inout Entry, _ id: String, _ cells: GenericCSVCells, errors: inout [String]) {
        for (k, c) in Column.source.enumerated() where cells.columns.has(c) && !cells.isBlank(c) {
            if let want = entry.expected[k], cells.trimmedEquals(c, want) { continue }
            guard entry.reported.insert(c).inserted else { continue }
            let field = c.name.dropFirst("source_".count).replacingUnderscores
            let theirs = entry.expected[k].map { "\"\(TerminalSafe.excerpt(String(decoding: $0, as: UTF8.self)))\"" } ?? "none"
            let whose = entry.line == 0
                ? "the dataset's source \"\(TerminalSafe.excerpt(id))\", whose \(field) is \(theirs)"
                : "line \(entry.line), the first row citing the new source \"\(TerminalSafe.excerpt(id))\", which gives \(entry.expected[k] == nil ? "no \(field)" : theirs)"
            errors.append("\(cells.name(c)): \"\(cells.excerpt(c))\" disagrees with \(whose); an import does not change a source: "
                + "correct the cell, leave it empty, or give the rows another source_id (said once per source and column)")
        }
    }

    private mutating func create(_ id: String, _ cells: GenericCSVCells, line: Int, errors: inout [String]) {
        let values = Column.source.map { cells.columns.has($0) ? cells.trimmedText($0) : nil }
        entries[id] = Entry(line: line, expected: values.map { $0.map { Array($0.utf8) } })
        let before = errors.count
        if !Source.isValidID(id) {
            errors.append("\(cells.name(.sourceID)): \"\(cells.excerpt(.sourceID))\" is not an id the dataset accepts: a new source's id uses only lowercase letters, digits and - _ . (such as \"my-sums-2025\")")
        }
        // Text that reaches a terminal (the screens clean it, `export` to a pipe does not): no control characters.
        for (k, c) in Column.source.enumerated() {
            if let v = values[k], let bad = GenericCSVSources.controlCharacter(in: v, allowing: []) {
                errors.append("\(cells.name(c)): holds the control character \(bad); remove it")
            }
        }
        if let url = values[2] {
            let lower = url.lowercased()
            if !(lower.hasPrefix("https://") || lower.hasPrefix("http://")) || url.contains(" ") {
                errors.append("\(cells.name(.sourceURL)): \"\(cells.excerpt(.sourceURL))\" is not a web address: a source's url starts with https:// (or http://) and has no spaces")
            }
        }
        guard let publisher = values[0] else {
            errors.append("\(cells.columns.has(.sourcePublisher) ? cells.name(.sourcePublisher) : "source_publisher"): missing: source \"\(TerminalSafe.excerpt(id))\" is not in the dataset, "
                + "and a new source needs at least its publisher (source_publisher; title, url, date, language, basis as known)")
            return
        }
        var date: DateValue?
        if let text = values[3] {
            switch DateValue.parse(text) {
            case .failure(let e): errors.append("\(cells.name(.sourceDate)): \"\(cells.excerpt(.sourceDate))\": \(e.message)")
            case .success(let d):
                if DatasetLoader.plausibleYears.contains(d.year) { date = d } else {
                    errors.append("\(cells.name(.sourceDate)): year \(d.year) is implausible (expected \(DatasetLoader.plausibleYears.lowerBound)–\(DatasetLoader.plausibleYears.upperBound))")
                }
            }
        }
        if let language = values[4], !(2...3).contains(language.utf8.count) || !language.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            errors.append("\(cells.name(.sourceLanguage)): \"\(cells.excerpt(.sourceLanguage))\" is not an ISO 639 language code in lowercase, such as \"en\", \"ru\", \"kk\" or \"tk\"")
        }
        var basis: StatisticalBasis?
        if values[5] != nil {
            switch cells.choice(.sourceBasis, StatisticalBasis.self) {
            case .value(let b): basis = b
            case .problem(let m): errors.append("\(cells.name(.sourceBasis)): \(m)")
            case .empty: break
            }
        }
        let basisCountry = values[6]
        if let c = basisCountry, !(c.utf8.count == 2 && c.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })) {
            errors.append("\(cells.name(.sourceBasisCountry)): \"\(cells.excerpt(.sourceBasisCountry))\" is not a two-letter ISO code in capitals, such as \"KZ\"")
        }
        if basisCountry != nil, let b = basis, b == .official || b == .press {
            errors.append("\(cells.name(.sourceBasisCountry)): says whose statistics; it goes with \"national-statistics\" or \"mirror-statistics\", not \"\(b.rawValue)\"")
        }
        if basisCountry == nil, let b = basis, b == .nationalStatistics || b == .mirrorStatistics {
            errors.append("\(cells.name(.sourceBasis)): a new source of \(b.label) says whose statistics: add a source_basis_country column (\"KZ\")")
        }
        guard errors.count == before else { return }
        created.append(Source(id: id, publisher: publisher, title: values[1], url: values[2], date: date, language: values[4],
                              basis: basis, basisCountry: basisCountry))
    }
}

extension GenericCSVSources {
    /// The first control character (C0, DEL, C1) or bidirectional control in `text`, as "U+001B", unless allowed.
    static func controlCharacter(in text: String, allowing allowed: Set<Unicode.Scalar>) -> String? {
        for u in text.unicodeScalars where !allowed.contains(u) {
            let v = u.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                let hex = String(v, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return nil
    }
}

extension Substring {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
