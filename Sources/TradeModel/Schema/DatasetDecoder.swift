/// Turns a parsed document into a `Dataset`, checking every field and value as it goes.
struct DatasetDecoder {
    let log: ProblemLog

    /// Whether `id` is a valid id of the dataset: lowercase letters, digits, `-`, `_`, `.`.
    static func idPattern(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    func dataset(_ root: Int) -> Dataset? {
        guard let r = FieldReader(root, path: .root, log: log, what: "a JSON object at the top level") else { return nil }
        r.rejectUnknown(DatasetDecoder.datasetFields)
        let schema = r.int(.schema, required: true, range: Int.min...Int.max, what: "schema version")
        if let schema, schema != Dataset.schemaVersion {
            log.add(FieldPath("schema"), r.member(.schema, required: false),
                    "unsupported schema version \(schema); this tradedash reads version \(Dataset.schemaVersion)")
        }
        let title = r.string(.title, required: true)
        let asOf = r.date(.asOf, required: true, fullDate: true)
        let note = r.string(.note)

        let sources = list(r, .sources, required: true, kind: .source) { source($0, $1) }
        let countries = countryList(r)
        let places = list(r, .places, kind: .place) { place($0, $1) }
        let trade = list(r, .trade) { observation($0, $1, asOf: asOf) }
        let targets = list(r, .targets, kind: .item) { target($0, $1, asOf: asOf) }
        let deals = list(r, .deals, kind: .item) { deal($0, $1) }
        let projects = list(r, .projects, kind: .item) { project($0, $1) }
        // Events and export potential have ids of their own, but `related` may not point at them.
        let events = list(r, .events, idSpace: "events") { event($0, $1) }
        let potential = list(r, .exportPotential, idSpace: "exportPotential") { exportPotential($0, $1) }
        let composition = list(r, .composition, idSpace: "composition") { self.composition($0, $1, asOf: asOf) }
        let indicators = list(r, .indicators, idSpace: "indicators") { self.indicator($0, $1, asOf: asOf) }
        let relationship = r.member(.relationship, required: false).flatMap { relationshipValue($0, FieldPath("relationship")) } ?? Relationship()

        guard let title, let asOf, let countries, let sources else { return nil }
        var d = Dataset(schema: schema ?? Dataset.schemaVersion, title: title, asOf: asOf, countries: countries,
                        relationship: relationship, sources: sources, trade: trade ?? [], targets: targets ?? [],
                        deals: deals ?? [], projects: projects ?? [], events: events ?? [], places: places ?? [],
                        exportPotential: potential ?? [], composition: composition ?? [], indicators: indicators ?? [], note: note)
        if log.tradeLines.count == d.trade.count { d.tradeLines = TradeLines(log.tradeLines) }
        return d
    }

    /// Decodes an array of objects, checking that their ids are unique within `idSpace` and registering
    /// them as definitions of `kind`.
    private func list<T>(_ r: FieldReader, _ key: Field, required: Bool = false, kind: ReferenceKind? = nil, idSpace: String? = nil,
                         _ each: (FieldReader, FieldPath) -> T?) -> [T]? {
        guard let items = r.array(key, required: required) else { return nil }
        var out = [T]()
        out.reserveCapacity(items.count)
        var seen = [String: FieldPath]()
        for (node, path) in items {
            guard let f = FieldReader(node, path: path, log: log) else { continue }
            if kind != nil || idSpace != nil {
                if let idNode = f.member(.id, required: false), log.doc.kind(idNode) == .string {
                    let id = log.doc.string(idNode)
                    if let first = seen[id] {
                        log.add(path.sub(.id), idNode, "duplicate id \"\(id)\" (first used at \(first.text))")
                    } else {
                        seen[id] = path
                        if !DatasetDecoder.idPattern(id) {
                            log.add(path.sub(.id), idNode, "id \"\(id)\" should use only lowercase letters, digits and - _ .")
                        }
                        if let kind { log.define(kind, id) }
                    }
                }
            }
            if let v = each(f, path) { out.append(v) }
        }
        return out
    }

    private func countryList(_ r: FieldReader) -> [Country]? {
        guard let items = r.array(.countries, required: true) else { return nil }
        if items.count != 2 {
            log.add(FieldPath("countries"), r.member(.countries, required: false), "expected exactly 2 countries (the pair), found \(items.count)")
        }
        var out = [Country]()
        var seen = Set<String>()
        for (node, path) in items {
            guard let f = FieldReader(node, path: path, log: log) else { continue }
            f.rejectUnknown(DatasetDecoder.countryListFields)
            let code = f.string(.code, required: true)
            if let code, !(code.count == 2 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }) {
                log.add(path.sub(.code), f.member(.code, required: false), "\"\(code)\" is not a two-letter ISO code in capitals, such as \"KZ\"")
            }
            if let code, code.count == 2 && code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
                if seen.contains(code) { log.add(path.sub(.code), f.member(.code, required: false), "duplicate country \"\(code)\"") }
                seen.insert(code)
                log.define(.country, code)
            }
            let name = f.string(.name, required: true)
            let numeric = f.int(.isoNumeric, range: 1...999, what: "ISO numeric code")
            let iso3 = f.string(.iso3)
            let leader = f.string(.leader)
            let leaderTitle = f.string(.leaderTitle)
            if let code, let name {
                out.append(Country(code: code, name: name, isoNumeric: numeric, iso3: iso3, leader: leader, leaderTitle: leaderTitle))
            }
        }
        return items.count == 2 && out.count == 2 ? out : nil
    }

    private func source(_ f: FieldReader, _ path: FieldPath) -> Source? {
        f.rejectUnknown(DatasetDecoder.sourceFields)
        let id = f.string(.id, required: true)
        let publisher = f.string(.publisher, required: true)
        let title = f.string(.title)
        let url = f.string(.url)
        let date = f.date(.date)
        let language = f.string(.language)
        if let language, !(2...3).contains(language.utf8.count) || !language.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            log.add(f.sub(.language), f.member(.language, required: false),
                    "\"\(language)\" is not an ISO 639 language code in lowercase, such as \"en\", \"ru\", \"kk\" or \"tk\"")
        }
        let basis = f.choice(.basis, StatisticalBasis.self)
        let basisCountry = f.string(.basisCountry)
        if let c = basisCountry, !(c.utf8.count == 2 && c.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })) {
            log.add(f.sub(.basisCountry), f.member(.basisCountry, required: false), "\"\(c)\" is not a two-letter ISO code in capitals, such as \"KZ\"")
        }
        if basisCountry != nil, let basis, basis == .official || basis == .press {
            log.add(f.sub(.basisCountry), f.member(.basisCountry, required: false),
                    "basisCountry says whose statistics; it goes with \"national-statistics\" or \"mirror-statistics\", not \"\(basis.rawValue)\"")
        }
        if basisCountry == nil, let basis, basis == .nationalStatistics || basis == .mirrorStatistics {
            log.add(f.sub(.basisCountry), f.node, "missing: say whose statistics (\"basisCountry\": \"KZ\")")
        }
        let weak = f.bool(.weak) ?? false
        let note = f.string(.note)
        if weak && note == nil { log.add(f.sub(.note), f.node, "missing: a weak source needs a note saying why") }
        guard let id, let publisher else { return nil }
        return Source(id: id, publisher: publisher, title: title, url: url, date: date, language: language, basis: basis,
                      basisCountry: basisCountry, weak: weak, note: note)
    }

    private func place(_ f: FieldReader, _ path: FieldPath) -> Place? {
        f.rejectUnknown(DatasetDecoder.placeFields)
        let id = f.string(.id, required: true)
        let name = f.string(.name, required: true)
        let country = f.reference(.country, .country, required: true)
        let lat = f.number(.lat, required: true, range: -90...90, rangeMessage: "latitude must be between -90 and 90")
        let lon = f.number(.lon, required: true, range: -180...180, rangeMessage: "longitude must be between -180 and 180")
        let kind = f.string(.kind)
        let approx = f.bool(.approximate) ?? false
        let note = f.string(.note)
        guard let id, let name, let country, let lat, let lon else { return nil }
        return Place(id: id, name: name, country: country, lat: lat, lon: lon, kind: kind, approximate: approx, note: note)
    }

    func usd(_ f: FieldReader, _ key: Field, required: Bool) -> Double? {
        guard let v = f.number(key, required: required) else { return nil }
        let n = f.member(key, required: false)
        if v < 0 { log.add(f.sub(key), n, "must not be negative (\(JSONWriter.format(v)))"); return nil }
        if v > DatasetLoader.maximumUSD { log.add(f.sub(key), n, "\(JSONWriter.format(v)) USD is implausibly large (over 10 trillion)"); return nil }
        return v
    }

    private func observation(_ f: FieldReader, _ path: FieldPath, asOf: DateValue?) -> TradeObservation? {
        f.rejectUnknown(DatasetDecoder.observationFields)
        let year = f.int(.year, required: true, range: DatasetLoader.plausibleYears, what: "year")
        let months = monthRange(f)
        let flow = f.choice(.flow, Flow.self, required: true)
        let from = f.reference(.from, .country)
        let to = f.reference(.to, .country)
        let value = usd(f, .usd, required: false)
        let growth = f.number(.growth, range: -1...10, rangeMessage: "growth is a fraction between -1 and 10 (0.28 means +28 %)")
        let qualifier = f.choice(.qualifier, Qualifier.self) ?? .exact
        let growthQualifier = f.choice(.growthQualifier, Qualifier.self) ?? .exact
        if f.member(.growthQualifier, required: false) != nil && f.member(.growth, required: false) == nil {
            log.add(f.sub(.growthQualifier), f.member(.growthQualifier, required: false), "growthQualifier says how exact the growth is, but no growth is given")
        }
        let kind = f.choice(.kind, FigureKind.self, required: true)
        let source = f.reference(.source, .source, required: true)
        let hs = f.int(.hsSection, range: 1...21, what: "HS section")
        let valuation = f.string(.valuation)
        if let valuation, Valuation(rawValue: valuation) == nil {
            log.add(f.sub(.valuation), f.member(.valuation, required: false), "unknown value \"\(valuation)\"; expected one of \"fob\", \"cif\"")
        }
        let note = f.string(.note)
        if f.member(.usd, required: false) == nil && f.member(.growth, required: false) == nil {
            log.add(path, f.node, "an observation needs a value (usd) or a growth rate, or both")
        }
        if let flow {
            if flow == .turnover {
                if from != nil || to != nil { log.add(path, f.node, "a turnover covers both directions: remove from and to") }
            } else {
                if from == nil { log.add(f.sub(.from), f.node, "missing required field (\(flow.rawValue) need from and to)") }
                if to == nil { log.add(f.sub(.to), f.node, "missing required field (\(flow.rawValue) need from and to)") }
                if let from, let to, from == to { log.add(f.sub(.to), f.member(.to, required: false), "from and to are the same country \"\(to)\"") }
            }
        }
        guard let year, let flow, let kind, let source, months != .invalid else { return nil }
        var range: ClosedRange<Int>? = nil
        if case .partial(let r) = months { range = r }
        guard periodEnded(f, Period(year: year, months: range), asOf: asOf) else { return nil }
        // Kept for warnings about the figure (`trade[17] (line 123)`): exactly one line per observation returned.
        log.tradeLines.append(Int32(clamping: log.doc.line(f.node)))
        return TradeObservation(period: Period(year: year, months: range), flow: flow, from: from, to: to, usd: value, growth: growth,
                                qualifier: qualifier, kind: kind, source: source, hsSection: hs, valuation: valuation, note: note,
                                growthQualifier: growthQualifier)
    }

    /// Whether `period` is over by the as-of date (a full year of 2025 cannot be known on 1 Dec 2025);
    /// reports the problem when it is not.
    func periodEnded(_ f: FieldReader, _ period: Period, asOf: DateValue?) -> Bool {
        guard let asOf else { return true }
        let lastMonth = period.months?.upperBound ?? 12
        let end = DateValue(year: period.year, month: lastMonth, day: DateValue.daysIn(month: lastMonth, year: period.year))
        let asOfDay = DateValue(year: asOf.year, month: asOf.month ?? 12, day: asOf.day ?? 31)
        guard asOfDay < end else { return true }
        let full = period.months == nil
        let what = full ? "the full year \(period.year)" : period.label
        log.add(f.sub(full ? .year : .months), f.member(full ? .year : .months, required: false),
                "\(what) ends \(end.display), after the as-of date \(asOf.iso): it cannot be complete" + (full ? " (give the months it covers)" : ""))
        return false
    }

    enum Months: Equatable { case full, partial(ClosedRange<Int>), invalid }

    func monthRange(_ f: FieldReader) -> Months {
        guard let n = f.member(.months, required: false) else { return .full }
        guard let items = FieldReader.elements(n, path: f.sub(.months), log: log) else { return .invalid }
        guard items.count == 2 else {
            log.add(f.sub(.months), n, "expected [first, last] months, e.g. [1, 9] for January to September")
            return .invalid
        }
        let first = n + 1, second = log.doc.next(first)
        let a = FieldReader.int(first, path: f.sub(.months), then: .element(0), log: log, range: 1...12, what: "month")
        let b = FieldReader.int(second, path: f.sub(.months), then: .element(1), log: log, range: 1...12, what: "month")
        guard let a, let b else { return .invalid }
        guard a <= b else {
            log.add(f.sub(.months), n, "first month \(a) is after last month \(b)")
            return .invalid
        }
        guard b - a + 1 <= 11 else {
            log.add(f.sub(.months), n, "[\(a), \(b)] covers all 12 months: omit \"months\" for a full year")
            return .invalid
        }
        return .partial(a...b)
    }

    private func quantity(_ node: Int, _ path: FieldPath) -> Quantity? {
        guard let f = FieldReader(node, path: path, log: log) else { return nil }
        f.rejectUnknown(DatasetDecoder.quantityFields)
        var value = f.number(.value, required: true)
        if let v = value, v < 0 {
            log.add(f.sub(.value), f.member(.value, required: false), "must not be negative (\(JSONWriter.format(v)))")
            value = nil
        } else if let v = value, v > 1e15 {
            log.add(f.sub(.value), f.member(.value, required: false), "\(JSONWriter.format(v)) is implausibly large")
            value = nil
        }
        var upper = f.number(.max)
        if let u = upper, let v = value, u < v {
            log.add(f.sub(.max), f.member(.max, required: false), "the upper end of the range (\(JSONWriter.format(u))) is below its value (\(JSONWriter.format(v)))")
            upper = nil
        } else if let u = upper, u > 1e15 {
            log.add(f.sub(.max), f.member(.max, required: false), "\(JSONWriter.format(u)) is implausibly large")
            upper = nil
        }
        let unit = f.string(.unit, required: true)
        let q = f.choice(.qualifier, Qualifier.self) ?? .exact
        if upper != nil, q == .under || q == .upTo || q == .over {
            log.add(f.sub(.qualifier), f.member(.qualifier, required: false), "a range (value and max) cannot also be \"\(q.rawValue)\": use \"exact\" or \"about\"")
        }
        let kind = f.choice(.kind, FigureKind.self) ?? .stated
        let source = f.reference(.source, .source, required: true)
        let label = f.string(.label)
        let note = f.string(.note)
        guard let value, let unit, let source else { return nil }
        return Quantity(value: value, max: upper, unit: unit, qualifier: q, kind: kind, source: source, label: label, note: note)
    }

    private func milestones(_ f: FieldReader) -> [Milestone] {
        guard let items = f.array(.milestones) else { return [] }
        return items.compactMap { node, path in
            guard let m = FieldReader(node, path: path, log: log) else { return nil }
            m.rejectUnknown(DatasetDecoder.milestoneFields)
            let date = m.date(.date)
            let title = m.string(.title, required: true)
            let status = m.choice(.status, Status.self)
            let source = m.reference(.source, .source, required: true)
            let note = m.string(.note)
            guard let title, let source else { return nil }
            return Milestone(date: date, title: title, status: status, source: source, note: note)
        }
    }

    private func deal(_ f: FieldReader, _ path: FieldPath) -> Deal? {
        f.rejectUnknown(DatasetDecoder.dealFields)
        let id = f.string(.id, required: true)
        let title = f.string(.title, required: true)
        let sector = f.string(.sector, required: true)
        let parties = f.strings(.parties, required: true, nonEmpty: true)
        let status = f.choice(.status, Status.self, required: true)
        let ms = milestones(f)
        let volumes = f.array(.volumes)?.compactMap { quantity($0.node, $0.path) } ?? []
        let description = f.string(.description)
        let sources = f.references(.sources, .source, required: true, nonEmpty: true)
        let note = f.string(.note)
        guard let id, let title, let sector, let parties, let status, let sources else { return nil }
        return Deal(id: id, title: title, sector: sector, parties: parties, status: status, milestones: ms, volumes: volumes,
                    description: description, sources: sources, note: note)
    }

    private func project(_ f: FieldReader, _ path: FieldPath) -> Project? {
        f.rejectUnknown(DatasetDecoder.projectFields)
        let id = f.string(.id, required: true)
        let title = f.string(.title, required: true)
        let kind = f.choice(.kind, ProjectKind.self, required: true)
        let status = f.choice(.status, Status.self, required: true)
        let places = f.references(.places, .place) ?? []
        let length = f.member(.length, required: false).flatMap { quantity($0, f.sub(.length)) }
        let capacity = f.array(.capacity)?.compactMap { quantity($0.node, $0.path) } ?? []
        let ms = milestones(f)
        let description = f.string(.description)
        let sources = f.references(.sources, .source, required: true, nonEmpty: true)
        let note = f.string(.note)
        guard let id, let title, let kind, let status, let sources else { return nil }
        return Project(id: id, title: title, kind: kind, status: status, places: places, length: length, capacity: capacity,
                       milestones: ms, description: description, sources: sources, note: note)
    }

    private func event(_ f: FieldReader, _ path: FieldPath) -> Event? {
        f.rejectUnknown(DatasetDecoder.eventFields)
        let id = f.string(.id, required: true)
        let date = f.date(.date, required: true)
        let end = f.date(.endDate)
        if let date, let end, end < date {
            log.add(f.sub(.endDate), f.member(.endDate, required: false), "ends (\(end.iso)) before it begins (\(date.iso))")
        }
        let title = f.string(.title, required: true)
        let kind = f.choice(.kind, EventKind.self, required: true)
        let places = f.references(.places, .place) ?? []
        let description = f.string(.description)
        let related = f.references(.related, .item) ?? []
        let sources = f.references(.sources, .source, required: true, nonEmpty: true)
        guard let id, let date, let title, let kind, let sources else { return nil }
        return Event(id: id, date: date, endDate: end, title: title, kind: kind, places: places, description: description,
                     related: related, sources: sources)
    }

    // The members each kind of object may have.
    private static let datasetFields = FieldSet([.schema, .title, .asOf, .note, .countries, .relationship, .sources, .trade, .targets, .deals, .projects, .events, .places, .exportPotential, .composition, .indicators])
    private static let countryListFields = FieldSet([.code, .name, .isoNumeric, .iso3, .leader, .leaderTitle])
    private static let sourceFields = FieldSet([.id, .publisher, .title, .url, .date, .language, .basis, .basisCountry, .weak, .note])
    private static let placeFields = FieldSet([.id, .name, .country, .lat, .lon, .kind, .approximate, .note])
    private static let observationFields = FieldSet([.year, .months, .flow, .from, .to, .usd, .growth, .growthQualifier, .qualifier, .kind, .source, .hsSection, .valuation, .note])
    private static let quantityFields = FieldSet([.value, .max, .unit, .qualifier, .kind, .source, .label, .note])
    private static let milestoneFields = FieldSet([.date, .title, .status, .source, .note])
    private static let dealFields = FieldSet([.id, .title, .sector, .parties, .status, .milestones, .volumes, .description, .sources, .note])
    private static let projectFields = FieldSet([.id, .title, .kind, .status, .places, .length, .capacity, .milestones, .description, .sources, .note])
    private static let eventFields = FieldSet([.id, .date, .endDate, .title, .kind, .places, .description, .related, .sources])
    static let exportPotentialFields = FieldSet([.id, .from, .to, .description, .categories, .commodities, .usd, .qualifier, .date, .kind, .source, .note])
    static let relationshipValueFields = FieldSet([.diplomaticRelationsSince, .notes])
    static let sourcedYearFields = FieldSet([.year, .kind, .source, .note])
    static let sourcedNoteFields = FieldSet([.text, .source])

}

extension Source {
    /// Whether `id` is one the dataset accepts for an entry (lowercase letters, digits, `-`, `_`, `.`).
    public static func isValidID(_ id: String) -> Bool { DatasetDecoder.idPattern(id) }
}
