import TradeModel

/// Lines every screen's detail is made of: a named field, a source, a quantity, milestones.
enum DetailText {
    static func field(_ name: String, _ value: String?, role: Role = .normal) -> Line {
        [Span(name + ": ", role: .dim), value.map { Span($0, role: role) } ?? Span("unknown", role: .unknown)]
    }

    /// What a source's address links to: the address itself when it is a web address (http or
    /// https), else nothing (it is shown as text).
    static func linkTarget(_ url: String?) -> String? {
        guard let url else { return nil }
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? url : nil
    }

    /// "Address: https://…", the address a link.
    static func address(_ url: String?) -> Line {
        guard let url else { return field("Address", nil) }
        return [Span("Address: ", role: .dim), Span(url, link: linkTarget(url))]
    }

    /// "[id] Publisher, "Title", 15 Oct 2022, url" (the address a link).
    static func sourceLine(_ d: Dataset, _ id: String, indent: String = "  ") -> Line {
        guard let src = d.source(id) else { return [Span(indent + "[\(id)] unknown source", role: .error)] }
        var parts = [src.publisher]
        if let t = src.title { parts.append("\"\(t)\"") }
        if let date = src.date { parts.append(date.display) }
        var line: Line = [Span(indent + "[\(id)] ", role: .dim), Span(parts.joined(separator: ", "))]
        if let u = src.url { line.append(Span(", ")); line.append(Span(u, link: linkTarget(u))) }
        // A source to read with caution says so wherever it is cited.
        if src.weak { line.append(Span(" (weak source: see its note on the Sources screen)", role: .conflict)) }
        return line
    }

    /// "Sources (n)" and one line per distinct source, in the order first cited.
    static func sources(_ d: Dataset, _ ids: [String]) -> [Line] {
        var seen = Set<String>()
        let unique = ids.filter { seen.insert($0).inserted }
        return [[], Line.text("Sources (\(unique.count))", role: .tableHeader)] + unique.map { sourceLine(d, $0) }
    }

    static func observationLines(_ d: Dataset, _ o: TradeObservation) -> [Line] {
        let what: String
        switch o.flow {
        case .turnover: what = "Turnover"
        case .exports: what = "Exports \(o.from ?? "?")→\(o.to ?? "?")"
        case .imports: what = "Imports \(o.from ?? "?")→\(o.to ?? "?")"
        }
        var l: Line = [Span(what + ": ", role: .dim)] + Figures.usd(o)
        if let g = o.growth { l.append(Span("  growth \(Money.percent(g))", role: .normal)) }
        l.append(Span("  \(o.kind == .derived ? "derived by us" : "stated by the source")", role: o.kind == .derived ? .derived : .dim))
        if let v = o.valuation { l.append(Span(" (\(v.uppercased()))", role: .dim)) }
        if let hs = o.hsSection { l.append(Span("  HS section \(hs)", role: .dim)) }
        var out = [l]
        if let n = o.note { out.append([Span("    " + n, role: .dim)]) }
        out.append([Span("    Source: ", role: .dim)] + sourceLine(d, o.source, indent: ""))
        return out
    }

    static func quantityLine(_ q: Quantity) -> Line {
        var l: Line = [Span("  "), Span(Figures.quantity(q), role: q.kind == .derived ? .derived : .normal)]
        if let label = q.label { l.append(Span(" " + label, role: .dim)) }
        l.append(Span(q.kind == .derived ? " (derived)" : "", role: .derived))
        if let src = q.source { l.append(Span(" [\(src)]", role: .dim)) }
        if let n = q.note { l.append(Span(" - " + n, role: .dim)) }
        return l
    }

    static func milestoneLines(_ ms: [Milestone]) -> [Line] {
        guard !ms.isEmpty else { return [] }
        var out: [Line] = [[], Line.text("Milestones", role: .tableHeader)]
        for m in ms.sorted(by: { ($0.date ?? DateValue(year: 9999)) < ($1.date ?? DateValue(year: 9999)) }) {
            var l: Line = [Span("  " + (m.date?.display ?? "date unknown") + "  ", role: m.date == nil ? .unknown : .accent), Span(m.title)]
            if let st = m.status { l.append(Span(" (\(st.label))", role: st.role)) }
            l.append(Span(" [\(m.source)]", role: .dim))
            out.append(l)
            if let n = m.note { out.append(Line.text("      " + n, role: .dim)) }
        }
        return out
    }

    /// "Status: signed" in the status's colour.
    static func status(_ st: Status) -> Line {
        [Span("Status: ", role: .dim), Span(st.label, role: st.role)]
    }
}

extension Status {
    /// The colour role of a status, the same on every screen.
    var role: Role {
        switch self {
        case .signed, .operational, .completed: return .positive
        case .underConstruction, .planned: return .accent
        case .proposed: return .warning
        case .suspended, .cancelled: return .negative
        case .unknown: return .unknown
        }
    }

    /// Status text for narrow columns: "under construction" is the only long one.
    var shortLabel: String { self == .underConstruction ? "constructing" : label }
}
