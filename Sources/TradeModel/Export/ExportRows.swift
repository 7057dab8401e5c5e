/// The columns of each kind of export, and its rows built from a dataset.
///
/// Every row carries its provenance: the period (`year`, `month_first`, `month_last`; a full year is
/// months 1–12), the flow and direction (`from`, `to`), the value and its unit, the qualifier, the kind
/// (stated or derived), the source (`source_id`, `source_publisher`, `source_title`, `source_url`,
/// `source_date`, `source_language`, `source_basis`) and the note. Numbers are plain decimals as the
/// dataset file writes them (`DatasetEncoding.amountText`); an unknown value is an empty cell.
/// Where a row rests on several sources (a target statement, an event), the source columns hold each
/// source's field joined by "; ", in the same order.
public enum ExportRows {
    public static func table(_ kind: ExportKind, of d: Dataset) -> ExportTable {
        switch kind {
        case .trade: return trade(d)
        case .goods: return goods(d)
        case .targets: return targets(d)
        case .deals: return deals(d)
        case .projects: return projects(d)
        case .events: return events(d)
        case .indicators: return indicators(d)
        case .sources: return sources(d)
        }
    }

    static let periodColumns = ["year", "month_first", "month_last"]
    static let sourceColumns = ["source_id", "source_publisher", "source_title", "source_url", "source_date", "source_language", "source_basis"]

    static func number(_ v: Double?) -> String { v.map(DatasetEncoding.amountText) ?? "" }
    static func int(_ v: Int?) -> String { v.map { String($0) } ?? "" }

    static func period(_ p: Period) -> [String] {
        [String(p.year), String(p.months?.lowerBound ?? 1), String(p.months?.upperBound ?? 12)]
    }

    static func qualifier(_ q: Qualifier) -> String { q.rawValue }

    /// The source columns for one or several source ids (an unknown id keeps its id, other fields empty).
    static func provenance(_ ids: [String], in d: Dataset) -> [String] {
        let found = ids.map { d.source($0) }
        func join(_ field: (Source) -> String?) -> String {
            found.map { $0.flatMap(field) ?? "" }.joined(separator: "; ")
        }
        return [
            ids.joined(separator: "; "),
            join { $0.publisher }, join { $0.title }, join { $0.url }, join { $0.date?.iso },
            join { $0.language }, join { $0.basis?.rawValue },
        ]
    }

    // MARK: trade

    public static func trade(_ d: Dataset) -> ExportTable {
        let header = periodColumns + ["flow", "from", "to", "value", "unit", "qualifier", "growth", "growth_qualifier", "kind",
                                      "hs_section", "valuation"] + sourceColumns + ["note"]
        let rows = d.trade.map { o -> [String] in
            period(o.period) + [o.flow.rawValue, o.from ?? "", o.to ?? "", number(o.usd), "usd", qualifier(o.qualifier),
                                number(o.growth), o.growth == nil ? "" : qualifier(o.growthQualifier), o.kind.rawValue,
                                int(o.hsSection), o.valuation ?? ""]
                + provenance([o.source], in: d) + [o.note ?? ""]
        }
        return ExportTable(header: header, rows: rows, numericColumns: ["year", "month_first", "month_last", "value", "growth", "hs_section"])
    }

    // MARK: goods (one row per item of each goods list)

    public static func goods(_ d: Dataset) -> ExportTable {
        let header = ["list_id"] + periodColumns + ["period_note", "flow", "from", "to", "name", "hs", "value", "unit", "quantity",
                                                     "quantity_unit", "share", "share_of", "rank", "growth", "qualifier", "kind",
                                                     "remainder"] + sourceColumns + ["note", "list_note"]
        var rows = [[String]]()
        for c in d.composition {
            for g in c.goods {
                rows.append([c.id] + period(c.period) + [c.periodNote ?? "", c.flow?.rawValue ?? "", c.from ?? "", c.to ?? "",
                             g.name, g.hs ?? "", number(g.usd), g.usd == nil ? "" : "usd", number(g.quantity),
                             g.unit?.rawValue ?? "", number(g.share), g.shareOf?.what ?? "", int(g.rank), number(g.growth),
                             qualifier(g.qualifier), (g.kind ?? c.kind).rawValue, g.remainder ? "true" : "false"]
                            + provenance([c.source], in: d) + [g.note ?? "", c.note ?? ""])
            }
        }
        return ExportTable(header: header, rows: rows,
                           numericColumns: ["year", "month_first", "month_last", "value", "quantity", "share", "rank", "growth"],
                           booleanColumns: ["remainder"])
    }

    // MARK: targets (one row per statement; a target without statements has one row with them empty)

    public static func targets(_ d: Dataset) -> ExportTable {
        let header = ["target_id", "title", "flow", "value", "unit", "set", "deadline", "deadline_kind", "statement_date",
                      "statement_end_date", "wording", "quoted", "occasion", "by", "statement_deadline",
                      "statement_deadline_kind"] + sourceColumns + ["note", "target_note"]
        var rows = [[String]]()
        for t in d.targets {
            let head = [t.id, t.title, t.metric.rawValue, number(t.usd), "usd", t.set?.iso ?? "", int(t.deadline),
                        t.deadlineKind?.rawValue ?? ""]
            if t.statements.isEmpty {
                rows.append(head + Array(repeating: "", count: 8) + provenance(t.sources, in: d) + ["", t.note ?? ""])
            }
            for s in t.statementsByDate {
                rows.append(head + [s.date.iso, s.endDate?.iso ?? "", s.wording, s.quoted ? "true" : "false", s.occasion ?? "",
                                    s.by ?? "", int(s.deadline), s.deadlineKind?.rawValue ?? ""]
                            + provenance(s.sources, in: d) + [s.note ?? "", t.note ?? ""])
            }
        }
        return ExportTable(header: header, rows: rows, numericColumns: ["value", "deadline", "statement_deadline"], booleanColumns: ["quoted"])
    }

    // MARK: deals and projects (one row per milestone; none: one row with them empty)

    static let milestoneColumns = ["milestone_date", "milestone", "milestone_status"]

    static func milestoneRows(_ head: [String], _ milestones: [Milestone], sources: [String], note: String?, in d: Dataset) -> [[String]] {
        if milestones.isEmpty {
            return [head + ["", "", ""] + provenance(sources, in: d) + ["", note ?? ""]]
        }
        return milestones.map { m in
            head + [m.date?.iso ?? "", m.title, m.status?.rawValue ?? ""] + provenance([m.source], in: d) + [m.note ?? "", note ?? ""]
        }
    }

    public static func deals(_ d: Dataset) -> ExportTable {
        let header = ["deal_id", "title", "sector", "parties", "status"] + milestoneColumns + sourceColumns + ["note", "deal_note"]
        let rows = d.deals.flatMap { x in
            milestoneRows([x.id, x.title, x.sector, x.parties.joined(separator: "; "), x.status.rawValue], x.milestones,
                          sources: x.sources, note: x.note, in: d)
        }
        return ExportTable(header: header, rows: rows)
    }

    public static func projects(_ d: Dataset) -> ExportTable {
        let header = ["project_id", "title", "project_kind", "status", "places", "length", "length_unit"] + milestoneColumns
            + sourceColumns + ["note", "project_note"]
        let rows = d.projects.flatMap { x in
            milestoneRows([x.id, x.title, x.kind.rawValue, x.status.rawValue, x.places.joined(separator: "; "), number(x.length?.value),
                           x.length?.unit ?? ""], x.milestones, sources: x.sources, note: x.note, in: d)
        }
        return ExportTable(header: header, rows: rows, numericColumns: ["length"])
    }

    // MARK: events, indicators, sources

    public static func events(_ d: Dataset) -> ExportTable {
        let header = ["event_id", "date", "end_date", "title", "event_kind", "places", "related", "description"] + sourceColumns
        let rows = d.events.map { e in
            [e.id, e.date.iso, e.endDate?.iso ?? "", e.title, e.kind.rawValue, e.places.joined(separator: "; "),
             e.related.joined(separator: "; "), e.description ?? ""] + provenance(e.sources, in: d)
        }
        return ExportTable(header: header, rows: rows)
    }

    /// One row per value of each indicator.
    public static func indicators(_ d: Dataset) -> ExportTable {
        let header = ["indicator_id", "title"] + periodColumns + ["from", "to", "value", "max", "unit", "qualifier", "growth",
                                                                   "kind", "planned"] + sourceColumns + ["note", "indicator_note"]
        var rows = [[String]]()
        for i in d.indicators {
            for v in i.values {
                rows.append([i.id, i.title] + period(v.period) + [v.from ?? "", v.to ?? "", number(v.value), number(v.max),
                             i.unit.rawValue, qualifier(v.qualifier), number(v.growth), v.kind.rawValue, v.planned ? "true" : "false"]
                            + provenance([v.source], in: d) + [v.note ?? "", i.note ?? ""])
            }
        }
        return ExportTable(header: header, rows: rows, numericColumns: ["year", "month_first", "month_last", "value", "max", "growth"],
                           booleanColumns: ["planned"])
    }

    public static func sources(_ d: Dataset) -> ExportTable {
        let header = sourceColumns + ["source_basis_country", "weak", "note"]
        let rows = d.sources.map { s in
            provenance([s.id], in: d) + [s.basisCountry ?? "", s.weak ? "true" : "false", s.note ?? ""]
        }
        return ExportTable(header: header, rows: rows, booleanColumns: ["weak"])
    }
}
