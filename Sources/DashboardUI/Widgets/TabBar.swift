/// The row of screen tabs: ` 1 Overview  2 Trade  3 Target `, the selected one in `.tabActive`
/// (with a space of padding on each side). When the titles do not fit, the short titles are tried
/// ("5 Infra"), then the other tabs are shortened to number and initials (`2 T`), then the selected
/// one too, then all to numbers; it never
/// overflows (at the very narrowest it is cut at the right edge).
public struct TabBar: Hashable, Sendable {
    public var titles: [String]
    /// Shorter titles ("Infra") tried before initials; empty: none.
    public var shortTitles: [String]
    public var selected: Int

    public init(titles: [String], shortTitles: [String] = [], selected: Int) {
        self.titles = titles
        self.shortTitles = shortTitles.count == titles.count ? shortTitles : []
        self.selected = selected
    }

    /// "Infrastructure" → "I", "Export potential" → "Ep".
    public static func initials(_ title: String) -> String {
        String(title.split(separator: " ").compactMap(\.first))
    }

    /// The tab labels without padding ("1 Overview", "2 T", …) as drawn in `width` columns.
    public func labels(width: Int, ascii: Bool = false) -> [String] {
        let full = titles.map { TextLayout.display($0, ascii: ascii) }
        let shorter = shortTitles.map { TextLayout.display($0, ascii: ascii) }
        func build(_ shortOthers: Bool, _ shortSelected: Bool, _ numbersOnly: Bool, names: [String] = full) -> [String] {
            names.enumerated().map { k, t in
                let n = String(k + 1)
                let short = k == selected ? shortSelected : shortOthers
                let shown = numbersOnly ? "" : (short ? TabBar.initials(t) : t)
                return shown.isEmpty ? n : "\(n) \(shown)"
            }
        }
        var attempts = [build(false, false, false)]
        if !shorter.isEmpty && shorter != full { attempts.append(build(false, false, false, names: shorter)) }
        attempts += [build(true, false, false), build(true, true, false), build(true, true, true)]
        for a in attempts where TabBar.width(of: a, padded: false) <= width { return a }
        return attempts.last!
    }

    /// Labels separated by two spaces, with or without a space at both ends.
    static func width(of labels: [String], padded: Bool) -> Int {
        guard !labels.isEmpty else { return 0 }
        return labels.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * (labels.count - 1) + (padded ? 2 : 0)
    }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let ascii = canvas.asciiOnly || theme.ascii
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let labels = self.labels(width: area.width, ascii: ascii)
        let padded = TabBar.width(of: labels, padded: true) <= area.width
        var x = row.x + (padded ? 1 : 0)
        for (k, label) in labels.enumerated() {
            guard x < row.maxX else { break }
            let active = k == selected
            let style = theme.style(active ? .tabActive : .tabInactive)
            let w = canvas.put(label, x: x, y: row.y, style: style, clip: row)
            if active {
                // One space of padding each side inside the highlight.
                canvas.put(" ", x: x - 1, y: row.y, style: style, clip: row)
                canvas.put(" ", x: x + w, y: row.y, style: style, clip: row)
            }
            x += DisplayWidth.of(label) + 2
        }
    }
}
