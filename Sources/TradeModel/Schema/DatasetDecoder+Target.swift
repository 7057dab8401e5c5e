/// Targets and their dated statements.
extension DatasetDecoder {
    func target(_ f: FieldReader, _ path: FieldPath, asOf: DateValue?) -> Target? {
        f.rejectUnknown(DatasetDecoder.targetFields)
        let id = f.string(.id, required: true)
        let title = f.string(.title, required: true)
        let metric = f.choice(.metric, Flow.self) ?? .turnover
        let value = usd(f, .usd, required: true)
        if let value, value == 0 { log.add(f.sub(.usd), f.member(.usd, required: false), "a target of 0 USD cannot be reached or measured") }
        let set = f.date(.set)
        let deadline = f.int(.deadline, range: DatasetLoader.plausibleYears, what: "deadline year")
        let deadlineKind = f.choice(.deadlineKind, FigureKind.self)
        if deadline != nil && deadlineKind == nil && f.member(.deadlineKind, required: false) == nil {
            log.add(f.sub(.deadlineKind), f.node, "missing: say whether the deadline is \"stated\" by a source or \"derived\" by us")
        }
        if let deadline, let set, deadline < set.year {
            log.add(f.sub(.deadline), f.member(.deadline, required: false), "deadline \(deadline) is before the year the target was set (\(set.year))")
        }
        let note = f.string(.deadlineNote)
        let sources = f.references(.sources, .source, required: true, nonEmpty: true)
        let n = f.string(.note)
        let statements = f.array(.statements)?.compactMap { statement($0.node, $0.path, asOf: asOf) } ?? []
        guard let id, let title, let value, value > 0, let sources else { return nil }
        return Target(id: id, title: title, metric: metric, usd: value, set: set, deadline: deadline, deadlineKind: deadlineKind,
                      deadlineNote: note, sources: sources, note: n, statements: statements)
    }

    /// One entry of a target's `statements`: a dated wording with its sources and the deadline it implies.
    private func statement(_ node: Int, _ path: FieldPath, asOf: DateValue?) -> TargetStatement? {
        guard let f = FieldReader(node, path: path, log: log) else { return nil }
        f.rejectUnknown(DatasetDecoder.statementFields)
        let date = f.date(.date, required: true)
        let end = f.date(.endDate)
        if let date, let end, end < date {
            log.add(f.sub(.endDate), f.member(.endDate, required: false), "ends (\(end.iso)) before it begins (\(date.iso))")
        }
        // Said by the as-of date: a statement of 2026 cannot be in data current to 1 Dec 2025. A date
        // known to the month or year counts from its first day.
        if let date, let asOf, DateValue(year: date.year, month: date.month ?? 1, day: date.day ?? 1) > asOf {
            log.add(f.sub(.date), f.member(.date, required: false), "\(date.iso) is after the dataset's as-of date (\(asOf.iso))")
        }
        let wording = f.string(.wording, required: true)
        let quoted = f.bool(.quoted) ?? true
        let occasion = f.string(.occasion)
        let by = f.string(.by)
        let sources = f.references(.sources, .source, required: true, nonEmpty: true)
        let deadline = f.int(.deadline, range: DatasetLoader.plausibleYears, what: "deadline year")
        let deadlineKind = f.choice(.deadlineKind, FigureKind.self)
        if deadline != nil && deadlineKind == nil && f.member(.deadlineKind, required: false) == nil {
            log.add(f.sub(.deadlineKind), f.node, "missing: say whether the deadline is \"stated\" by the source or \"derived\" by us")
        }
        if deadline == nil && deadlineKind != nil && f.member(.deadline, required: false) == nil {
            log.add(f.sub(.deadline), f.node, "missing: deadlineKind is given but no deadline (leave both out when the wording implies none)")
        }
        if let deadline, let date, deadline < date.year {
            log.add(f.sub(.deadline), f.member(.deadline, required: false), "deadline \(deadline) is before the statement (\(date.iso))")
        }
        let note = f.string(.note)
        guard let date, let wording, let sources else { return nil }
        return TargetStatement(date: date, endDate: end, wording: wording, quoted: quoted, occasion: occasion, by: by, sources: sources,
                               deadline: deadline, deadlineKind: deadlineKind, note: note)
    }

    static let targetFields = FieldSet([.id, .title, .metric, .usd, .set, .deadline, .deadlineKind, .deadlineNote, .sources, .note, .statements])
    static let statementFields = FieldSet([.date, .endDate, .wording, .quoted, .occasion, .by, .sources, .deadline, .deadlineKind, .note])
}
