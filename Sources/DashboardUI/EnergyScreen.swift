import TradeModel

/// Screen 4: energy deals and initiatives with parties, sector, status, dates and volumes.
enum EnergyScreen {
    /// Status text for narrow columns: "under construction" is the only long one.
    static func shortStatus(_ st: Status) -> String { st == .underConstruction ? "constructing" : st.label }

    static func statusRole(_ st: Status) -> Role {
        switch st {
        case .signed, .operational, .completed: return .positive
        case .underConstruction, .planned: return .accent
        case .proposed: return .warning
        case .suspended, .cancelled: return .negative
        case .unknown: return .unknown
        }
    }

    static func cells(_ deal: Deal) -> [Line] {
        let volume = deal.volumes.first.map(Figures.quantity) ?? "unknown"
        return [Line.text(deal.title), Line.text(deal.sector, role: .dim), Line.text(deal.parties.joined(separator: ", ")),
                Line.text(shortStatus(deal.status), role: statusRole(deal.status)), Line.text(deal.firstDate?.display ?? "unknown", role: deal.firstDate == nil ? .unknown : .normal),
                Line.text(volume, role: deal.volumes.isEmpty ? .unknown : .normal)]
    }

    static let columns = [
        TableColumn(title: "Deal or initiative", width: .flex(min: 16, weight: 3)),
        TableColumn(title: "Sector", width: .fixed(13)),
        TableColumn(title: "Parties", width: .flex(min: 12, weight: 2)),
        TableColumn(title: "Status", width: .fixed(12)),
        TableColumn(title: "Since", width: .fixed(11)),
        TableColumn(title: "Volume", width: .fixed(14), align: .right),
    ]

    static func split(_ s: AppState, _ body: Rect) -> (table: Rect, preview: Rect?) {
        let rows = Rows.visible(s, .energy).count
        let want = max(rows, 1) + 3
        if body.height - want >= 6 { let (a, b) = body.splitTop(want); return (a, b) }
        return (body, nil)
    }

    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? {
        (Box.inner(split(s, body).table), ScreenRenderer.listTable(s, .energy, columns: columns))
    }

    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas) {
        let (table, preview) = split(s, body)
        ScreenRenderer.drawList(s, .energy, title: "Energy deals and initiatives", columns: columns, table: table, preview: preview, into: &c)
    }
}
