/// One bar: its label, its value (nil when unknown) and the text shown for the value.
public struct Bar: Hashable, Sendable {
    public var label: String
    public var value: Double?
    public var valueLabel: String
    public var role: Role

    public init(label: String, value: Double?, valueLabel: String, role: Role = .bar) {
        self.label = label
        self.value = value
        self.valueLabel = valueLabel
        self.role = role
    }
}

/// Bars scaled to the largest value (or `maxValue`).
///
/// Horizontal (one row per bar): `2023  ████████▍      468.6`, labels left, value labels
/// right-aligned at the right edge, eighth-block resolution (`#` whole cells in ASCII).
/// Vertical: columns of bars with their value above and label below. An unknown value draws a
/// dimmed "unknown" and no bar. Negative values draw no bar.
public struct BarChart: Hashable, Sendable {
    public enum Orientation: Hashable, Sendable {
        case horizontal, vertical
    }

    public var bars: [Bar]
    public var orientation: Orientation
    public var maxValue: Double?
    /// Text for a nil value.
    public var unknownText: String

    /// Vertical bars: the width of each column (default: what the labels need, growing with the
    /// space up to 12 cells).
    public var barWidth: Int?

    public init(bars: [Bar], orientation: Orientation = .horizontal, maxValue: Double? = nil, unknownText: String = "unknown", barWidth: Int? = nil) {
        self.bars = bars
        self.orientation = orientation
        self.maxValue = maxValue
        self.unknownText = unknownText
        self.barWidth = barWidth
    }

    /// Vertical bars: how many columns are shown in `width` cells and how wide each is.
    public func verticalLayout(width: Int, ascii: Bool = false) -> (count: Int, columnWidth: Int) {
        guard width > 0, !bars.isEmpty else { return (0, 0) }
        let texts = bars.flatMap { [$0.label, $0.valueLabel] }.map { DisplayWidth.of(TextLayout.display($0, ascii: ascii)) }
        let wanted = max(1, texts.max() ?? 1)
        let count = min(bars.count, max(1, (width + 1) / 2))
        let available = max(1, (width - (count - 1)) / count)
        let column = barWidth.map { max(1, min($0, available)) } ?? min(available, max(wanted, min(12, available)))
        return (count, column)
    }

    /// The value that fills a whole bar.
    public var scale: Double {
        if let maxValue, maxValue > 0, maxValue.isFinite { return maxValue }
        return bars.compactMap(\.value).filter { $0.isFinite }.max() ?? 0
    }

    /// Units of a bar `cells` long, each cell worth `perCell` units: rounded, at least one unit for
    /// any positive value, never more than the whole length.
    public func units(_ value: Double?, cells: Int, perCell: Int) -> Int {
        guard let value, value.isFinite, value > 0, cells > 0, perCell > 0 else { return 0 }
        let s = scale
        guard s > 0 else { return 0 }
        let total = cells * perCell
        let u = Int((min(1, value / s) * Double(total)).rounded())
        return min(total, max(1, u))
    }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        guard !area.isEmpty, !bars.isEmpty else { return }
        switch orientation {
        case .horizontal: renderHorizontal(into: &canvas, area: area, theme: theme)
        case .vertical: renderVertical(into: &canvas, area: area, theme: theme)
        }
    }

    private func renderHorizontal(into canvas: inout Canvas, area: Rect, theme: Theme) {
        let ascii = canvas.asciiOnly || theme.ascii
        let eighths: [Character] = ascii ? ["#"] : theme.barEighths
        let labels = bars.map { TextLayout.display($0.label, ascii: ascii) }
        let values = bars.map { TextLayout.display($0.valueLabel, ascii: ascii) }
        let W = area.width
        let maxLabel = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let maxValue = values.map { DisplayWidth.of($0) }.max() ?? 0
        // Labels get at most a third of the width, value labels at most half of what is left.
        let labelWidth = min(maxLabel, max(0, (W - 2) / 3))
        let valueWidth = min(maxValue, max(0, (W - 2 - labelWidth) / 2))
        let barX = area.x + labelWidth + (labelWidth > 0 ? 1 : 0)
        let barWidth = max(0, W - labelWidth - valueWidth - (labelWidth > 0 ? 1 : 0) - (valueWidth > 0 ? 1 : 0))
        let unknown = TextLayout.display(unknownText, ascii: ascii)
        for (k, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + k
            if labelWidth > 0 {
                canvas.put([Span(text: labels[k])], in: Rect(x: area.x, y: y, width: labelWidth, height: 1), theme: theme)
            }
            if valueWidth > 0 {
                canvas.put([Span(text: values[k], role: bar.value == nil ? .unknown : .normal)], in: Rect(x: area.maxX - valueWidth, y: y, width: valueWidth, height: 1), align: .right, theme: theme)
            }
            guard barWidth > 0 else { continue }
            let barRect = Rect(x: barX, y: y, width: barWidth, height: 1)
            if bar.value == nil {
                canvas.put([Span(text: DisplayWidth.of(unknown) <= barWidth ? unknown : "?", role: .unknown)], in: barRect, theme: theme)
                continue
            }
            let u = units(bar.value, cells: barWidth, perCell: eighths.count)
            var text = String(repeating: eighths[eighths.count - 1], count: u / eighths.count)
            if u % eighths.count > 0 { text.append(eighths[u % eighths.count - 1]) }
            canvas.put(text, x: barX, y: y, style: theme.style(bar.role), clip: barRect)
        }
    }

    private func renderVertical(into canvas: inout Canvas, area: Rect, theme: Theme) {
        let ascii = canvas.asciiOnly || theme.ascii
        let levels: [Character] = ascii ? ["#"] : theme.sparkLevels
        let labels = bars.map { TextLayout.display($0.label, ascii: ascii) }
        let values = bars.map { TextLayout.display($0.valueLabel, ascii: ascii) }
        // As many bars as fit at one column each; then as wide as the labels want.
        let (count, colWidth) = verticalLayout(width: area.width, ascii: ascii)
        let shown = Array(bars.prefix(count))
        let labelRow = area.height >= 3 ? 1 : 0
        let valueRow = area.height >= 4 ? 1 : 0
        let barHeight = area.height - labelRow - valueRow
        guard barHeight > 0 else { return }
        let bottom = area.maxY - 1 - labelRow
        let unknown = TextLayout.display(unknownText, ascii: ascii)
        for (k, bar) in shown.enumerated() {
            let cx = area.x + k * (colWidth + 1)
            let column = Rect(x: cx, y: area.y, width: colWidth, height: area.height).intersection(area)
            guard !column.isEmpty else { break }
            // In one or two columns the start of a label says more than an ellipsis.
            let cut = column.width > 2
            if labelRow > 0 {
                canvas.put([Span(text: labels[k])], in: Rect(x: cx, y: area.maxY - 1, width: column.width, height: 1), align: .center, theme: theme, truncate: cut)
            }
            if bar.value == nil {
                let text = DisplayWidth.of(unknown) <= column.width || column.width >= 4 ? unknown : "?"
                canvas.put([Span(text: text, role: .unknown)], in: Rect(x: cx, y: bottom, width: column.width, height: 1), align: .center, theme: theme)
                if valueRow > 0 && barHeight > 1 {
                    canvas.put([Span(text: values[k], role: .unknown)], in: Rect(x: cx, y: bottom - 1, width: column.width, height: 1), align: .center, theme: theme, truncate: cut)
                }
                continue
            }
            let u = units(bar.value, cells: barHeight, perCell: levels.count)
            let full = u / levels.count, part = u % levels.count
            let style = theme.style(bar.role)
            let barWidth = colWidth
            for r in 0..<full {
                canvas.put(String(repeating: levels[levels.count - 1], count: barWidth), x: cx, y: bottom - r, style: style, clip: column)
            }
            var top = bottom - full + 1
            if part > 0 {
                canvas.put(String(repeating: levels[part - 1], count: barWidth), x: cx, y: bottom - full, style: style, clip: column)
                top -= 1
            }
            if valueRow > 0 {
                let vy = max(area.y, top - 1)
                // A full-height bar has its value label on the reserved top row.
                canvas.put([Span(text: values[k])], in: Rect(x: cx, y: vy, width: column.width, height: 1), align: .center, theme: theme, truncate: cut)
            }
        }
    }
}
