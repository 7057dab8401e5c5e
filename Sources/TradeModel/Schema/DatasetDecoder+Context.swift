/// Export potential and the relationship as a whole.
extension DatasetDecoder {
    func exportPotential(_ f: FieldReader, _ path: FieldPath) -> ExportPotential? {
        f.rejectUnknown(DatasetDecoder.exportPotentialFields)
        let id = f.string(.id, required: true)
        let from = f.reference(.from, .country, required: true)
        let to = f.reference(.to, .country, required: true)
        let description = f.string(.description, required: true)
        let categories = f.int(.categories, range: 1...100_000, what: "number of categories")
        let commodities = f.strings(.commodities) ?? []
        let value = usd(f, .usd, required: false)
        let qualifier = f.choice(.qualifier, Qualifier.self) ?? .exact
        if value == nil, qualifier != .exact, f.member(.usd, required: false) == nil {
            log.add(f.sub(.qualifier), f.member(.qualifier, required: false), "the qualifier applies to usd, which is not given")
        }
        let date = f.date(.date)
        let kind = f.choice(.kind, FigureKind.self) ?? .stated
        let source = f.reference(.source, .source, required: true)
        let note = f.string(.note)
        if let from, let to, from == to {
            log.add(f.sub(.to), f.member(.to, required: false), "from and to are the same country \"\(to)\"")
        }
        guard let id, let from, let to, let description, let source else { return nil }
        return ExportPotential(id: id, from: from, to: to, description: description, categories: categories,
                               commodities: commodities, usd: value, qualifier: qualifier, date: date, kind: kind, source: source, note: note)
    }

    func relationshipValue(_ node: Int, _ path: FieldPath) -> Relationship? {
        guard let f = FieldReader(node, path: path, log: log) else { return nil }
        f.rejectUnknown(DatasetDecoder.relationshipValueFields)
        var since: SourcedYear?
        if let n = f.member(.diplomaticRelationsSince, required: false), let s = FieldReader(n, path: f.sub(.diplomaticRelationsSince), log: log) {
            s.rejectUnknown(DatasetDecoder.sourcedYearFields)
            let year = s.int(.year, required: true, range: 1500...2100, what: "year")
            let kind = s.choice(.kind, FigureKind.self, required: true)
            let source = s.reference(.source, .source, required: true)
            if let year, let kind, let source { since = SourcedYear(year: year, kind: kind, source: source, note: s.string(.note)) }
        }
        let notes: [SourcedNote] = f.array(.notes)?.compactMap { n, p -> SourcedNote? in
            guard let r = FieldReader(n, path: p, log: log) else { return nil }
            r.rejectUnknown(DatasetDecoder.sourcedNoteFields)
            let text = r.string(.text, required: true)
            let source = r.reference(.source, .source, required: true)
            guard let text, let source else { return nil }
            return SourcedNote(text: text, source: source)
        } ?? []
        return Relationship(diplomaticRelationsSince: since, notes: notes)
    }
}
