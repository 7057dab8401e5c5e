/// A one-row progress bar: `██████████░░░░░░░░ 55.5 %`. The fraction is clamped to 0…1 for
/// drawing, but the label says whatever it is given (e.g. "112 %").
public struct Gauge: Hashable, Sendable {
    public enum LabelPosition: Hashable, Sendable {
        /// After the bar, separated by a space.
        case after
        /// Centred over the bar.
        case center
    }

    public var fraction: Double
    public var label: String
    public var labelPosition: LabelPosition
    public var role: Role

    public init(fraction: Double, label: String, labelPosition: LabelPosition = .after, role: Role = .gauge) {
        self.fraction = fraction
        self.label = label
        self.labelPosition = labelPosition
        self.role = role
    }

    /// The fraction used for drawing: 0…1, and 0 for NaN.
    public var drawnFraction: Double {
        guard !fraction.isNaN else { return 0 }
        return min(1, max(0, fraction))
    }

    /// Cells filled in a bar `width` cells wide (rounded; any progress above zero shows one cell,
    /// and less than complete never fills the last one).
    public func filledCells(width: Int) -> Int {
        guard width > 0 else { return 0 }
        let f = drawnFraction
        var n = Int((f * Double(width)).rounded())
        if f > 0 && n == 0 { n = 1 }
        if f < 1 && n == width { n = width - 1 }
        return n
    }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let ascii = canvas.asciiOnly || theme.ascii
        let row = Rect(x: area.x, y: area.y + (area.height - 1) / 2, width: area.width, height: 1)
        let text = TextLayout.display(label, ascii: ascii)
        let lw = DisplayWidth.of(text)
        var barWidth = row.width
        if labelPosition == .after && lw > 0 { barWidth = row.width - lw - 1 }
        if barWidth < 1 {
            // No room for a bar: the label alone.
            canvas.put([Span(text: text)], in: row, theme: theme)
            return
        }
        let full = ascii ? "#" : String(theme.gaugeFull)
        let empty = ascii ? "." : String(theme.gaugeEmpty)
        let n = filledCells(width: barWidth)
        canvas.put(String(repeating: full, count: n), x: row.x, y: row.y, style: theme.style(role), clip: row)
        canvas.put(String(repeating: empty, count: barWidth - n), x: row.x + n, y: row.y, style: theme.style(.gaugeEmpty), clip: row)
        switch labelPosition {
        case .after:
            canvas.put([Span(text: text)], in: Rect(x: row.x + barWidth + 1, y: row.y, width: row.width - barWidth - 1, height: 1), theme: theme)
        case .center:
            let spaced = DisplayWidth.of(text) + 2 <= barWidth ? " \(text) " : text
            let t = TextLayout.truncate(spaced, width: barWidth, ellipsis: TextLayout.display(theme.ellipsis, ascii: ascii))
            let tw = DisplayWidth.of(t)
            let tx = row.x + (barWidth - tw) / 2
            canvas.put(t, x: tx, y: row.y, style: theme.style(.normal), clip: row)
            // The part of the label over the filled cells reads as reversed filled cells.
            var over = theme.style(role)
            over.reverse.toggle()
            let overlap = Rect(x: tx, y: row.y, width: min(tw, max(0, row.x + n - tx)), height: 1)
            canvas.apply(over, to: overlap.intersection(row))
        }
    }
}
