import TradeModel

/// `o`: the web addresses of a source, each on its own line, ready to copy (`y` there copies them,
/// with OSC 52) and a link where the terminal supports OSC 8. On the Sources screen, the selected
/// source; elsewhere, every source of the selected row (or of the open detail).
enum AddressView {
    /// The sources `o` shows, in the order their detail cites them.
    static func sourceIDs(_ s: AppState) -> [String] {
        if case .detail(let o) = s.mode { return CopyText.provenance(Detail(title: o.title, lines: o.lines), in: s.dataset).sources }
        guard let row = ListRow.selected(s, s.screen), row.opens == nil else { return [] }
        if s.screen == .sources { return [row.id] }
        return CopyText.provenance(row.detail, in: s.dataset).sources
    }

    /// `o`: opens the addresses over what is shown, or says why there are none.
    static func open(_ s: inout AppState) -> [Effect] {
        let ids = sourceIDs(s)
        guard !ids.isEmpty else {
            s.status = StatusLine(text: "No source here: o shows the addresses of the selected row's sources", isError: false)
            return []
        }
        let under: Overlay? = { if case .detail(let o) = s.mode { return o } else { return nil } }()
        s.mode = .address(overlay(s.dataset, ids), sources: ids, over: under)
        return []
    }

    static func overlay(_ d: Dataset, _ ids: [String]) -> Overlay {
        var lines: [Line] = []
        for id in ids {
            guard let src = d.source(id) else { continue }
            var head: Line = [Span("[\(id)] ", role: .dim), Span(src.publisher + (src.title.map { ", \"\($0)\"" } ?? ""))]
            // A source to read with caution says so here too.
            if src.weak { head.append(Span(" (weak source: see its note on the Sources screen)", role: .conflict)) }
            lines.append(head)
            if let u = src.url {
                // Alone on its line, no indent: a terminal's selection takes the address and nothing else.
                lines.append([Span(u, role: .accent, link: DetailText.linkTarget(u))])
            } else {
                lines.append([Span("no address in the data (unknown)", role: .unknown)])
            }
            lines.append([])
        }
        let count = urls(d, ids).count
        lines.append(Line.text(count == 0 ? "Nothing to copy: no address is known."
            : "y copies \(count == 1 ? "the address" : "the \(count) addresses, one a line,") to the clipboard, where the terminal accepts OSC 52 (the status line says if it does not).", role: .dim))
        let title = ids.count == 1 ? "Address of \(d.source(ids[0])?.publisher ?? ids[0])" : "Addresses of \(ids.count) sources"
        return Overlay(title: title, lines: lines, placement: .bare(footer: ""))
    }

    /// The known addresses of the sources, cleaned of control characters.
    static func urls(_ d: Dataset, _ ids: [String]) -> [String] {
        ids.compactMap { d.source($0)?.url }.map(CopyText.clean).filter { !$0.isEmpty }
    }

    /// `y` over the addresses: every known one, a line each.
    static func copy(_ s: inout AppState) -> [Effect] {
        guard case .address(_, let ids, _) = s.mode else { return [] }
        let list = urls(s.dataset, ids)
        guard !list.isEmpty else {
            s.status = StatusLine(text: "Nothing to copy: no address is known", isError: false)
            return []
        }
        let text = list.joined(separator: "\n")
        let what = list.count == 1 ? "1 address" : "\(list.count) addresses"
        s.status = StatusLine(text: "copied \(what), \(text.utf8.count) bytes", isError: false)
        return [.copy(text: text, what: what)]
    }
}
