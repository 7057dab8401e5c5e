/// A one-row chart of a series: `▁▂▄▆█ ▇`. Nil values are gaps. When there are more values than
/// columns the most recent (last) ones are shown.
public struct Sparkline: Hashable, Sendable {
    public var values: [Double?]
    /// The value drawn as the lowest level (default: the smaller of 0 and the minimum).
    public var minValue: Double?
    /// The value drawn as the highest level (default: the maximum).
    public var maxValue: Double?
    public var role: Role

    public init(values: [Double?], minValue: Double? = nil, maxValue: Double? = nil, role: Role = .bar) {
        self.values = values
        self.minValue = minValue
        self.maxValue = maxValue
        self.role = role
    }

    /// The level index (0..<levels) of each value, nil for gaps.
    public func levels(count levels: Int) -> [Int?] {
        let finite = values.compactMap { $0 }.filter { $0.isFinite }
        guard levels > 0, let lo0 = finite.min(), let hi0 = finite.max() else { return values.map { _ in nil } }
        let lo = minValue ?? min(0, lo0)
        let hi = maxValue ?? hi0
        return values.map { v in
            guard let v, v.isFinite else { return nil }
            guard hi > lo else { return v > lo || (v == lo && lo != 0) ? levels - 1 : 0 }
            let f = min(1, max(0, (v - lo) / (hi - lo)))
            return Int((f * Double(levels - 1)).rounded())
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let ascii = canvas.asciiOnly || theme.ascii
        let chars: [Character] = ascii ? Array("_.-=*#") : theme.sparkLevels
        let shown = Array(values.suffix(area.width))
        let lv = Sparkline(values: shown, minValue: minValue ?? computedMin, maxValue: maxValue ?? computedMax, role: role).levels(count: chars.count)
        let y = area.y + area.height - 1
        for (k, level) in lv.enumerated() {
            guard let level else { continue }
            canvas.put(String(chars[level]), x: area.x + k, y: y, style: theme.style(role), clip: area)
        }
    }

    // Scale over all values, not only the shown ones, so that scrolling does not rescale.
    private var computedMin: Double? { values.compactMap { $0 }.filter(\.isFinite).min().map { min(0, $0) } }
    private var computedMax: Double? { values.compactMap { $0 }.filter(\.isFinite).max() }
}
