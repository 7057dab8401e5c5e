import TradeModel

/// `?`: the keys of the current screen, from the key table, and the legend of the marks.
enum HelpView {
    static func overlay(_ s: AppState) -> Overlay {
        let list = KeyTable.helpLines(s)
        let keyWidth = list.map { DisplayWidth.of($0.keys) }.max() ?? 10
        // First, where it cannot be scrolled out of sight.
        let notice: [Line] = s.terminalNotice.map { [Line.text($0, role: .warning), []] } ?? []
        let lines: [Line] = notice + list.map { [Span(TextLayout.pad($0.keys, width: keyWidth + 2), role: .footerKey), Span($0.text)] }
            // The legend one mark a line: short lines that never wrap mid-entry, counted as drawn.
            + [[], Line.text("Marks", role: .tableHeader)] + Figures.legendEntries.map(\.line)
        return Overlay(title: "Keys: \(s.screen.title)", lines: lines, placement: .centered(keyWidth: keyWidth, footer: "Esc closes"))
    }
}
