import TradeModel

/// How goods and transport figures read: a quantity in the unit that keeps its number between 1 and
/// 1,000 (230 kt, 1.6 Mt, 33.78 kt), a value as "USD 37.6 M", a share as "26.7 %", each with its
/// qualifier's symbol before the number (">230 kt", "USD ~103 M") and `*` after a derived one.
enum GoodsFigures {
    /// The units of a dimension from small to large, per year or not.
    static func ladder(_ u: MeasureUnit) -> [MeasureUnit] {
        switch (u.dimension, u.perYear) {
        case (.mass, false): return [.kg, .t, .kt, .Mt]
        case (.mass, true): return [.kgPerYear, .tPerYear, .ktPerYear, .MtPerYear]
        case (.gas, false): return [.mcm, .bcm]
        case (.gas, true): return [.mcmPerYear, .bcmPerYear]
        case (.energy, false): return [.kWh, .MWh, .GWh, .TWh]
        case (.energy, true): return [.kWhPerYear, .MWhPerYear, .GWhPerYear, .TWhPerYear]
        case (.volume, _): return [.litre, .cubicMetre]
        default: return [u]
        }
    }

    /// The quantity in the unit of its dimension that puts it between 1 and 1,000 where one does
    /// (the largest unit at or under it; the smallest for a value under one of it).
    static func scaled(_ value: Double, _ unit: MeasureUnit) -> (value: Double, unit: MeasureUnit) {
        let base = value * unit.factor
        let units = ladder(unit)
        guard value > 0, base.isFinite, units.count > 1 else { return (value, unit) }
        let fit = units.last { base / $0.factor >= 1 - 1e-9 } ?? units[0]
        return (base / fit.factor, fit)
    }

    /// A number with at most four significant digits (three decimals under 10, two under 100, one
    /// under 1,000), trailing zeros dropped, thousands grouped: 1.245, 33.78, 255.6, 1,200.
    static func number(_ v: Double) -> String {
        let a = abs(v)
        let decimals = a < 10 ? 3 : a < 100 ? 2 : a < 1000 ? 1 : 0
        var text = Money.grouped(v, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// ">230 kt", "1.6 Mt", "≤20 Mt/yr".
    static func quantity(_ value: Double, _ unit: MeasureUnit, _ q: Qualifier = .exact) -> String {
        let (v, u) = scaled(value, unit)
        return q.symbol + number(v) + " " + u.rawValue
    }

    /// "USD 37.6 M", "USD >130 M", "USD 700" (under 0.05 M, as Money.amount writes it).
    static func usd(_ v: Double, _ q: Qualifier = .exact) -> String {
        let text = Money.amount(v)
        if text.hasSuffix(" USD") { return "USD " + q.symbol + String(text.dropLast(4)) }
        return "USD " + q.symbol + text
    }

    /// "26.7 %", ">30 %".
    static func share(_ s: Double, _ q: Qualifier = .exact) -> String {
        q.symbol + number(s) + " %"
    }

    /// "+19.0 %".
    static func growth(_ g: Double) -> String { Figures.rate(g, .exact) }

    /// The item's figure in a measure, as text; nil when it has none there.
    static func figure(_ g: GoodsItem, _ m: GoodsRanking.Measure) -> String? {
        switch m {
        case .usd: return g.usd.map { usd($0, g.qualifier) }
        case .quantity:
            guard let q = g.quantity, let u = g.unit else { return nil }
            return quantity(q, u, g.qualifier)
        case .share: return g.share.map { share($0, g.qualifier) }
        case .rank: return nil
        }
    }

    /// The measure an item is shown by first: the entry's basis or bar measure when it has it, else
    /// its own first of value, quantity, share.
    static func primary(_ g: GoodsItem, preferred: [GoodsRanking.Measure?]) -> GoodsRanking.Measure? {
        for m in preferred.compactMap({ $0 }) where figure(g, m) != nil { return m }
        if g.usd != nil { return .usd }
        if let u = g.unit, g.quantity != nil { return .quantity(u.dimension, perYear: u.perYear) }
        if g.share != nil { return .share }
        return nil
    }

    /// The item's figures other than the primary one, in the order value, quantity, share, growth.
    static func secondary(_ g: GoodsItem, primary: GoodsRanking.Measure?) -> [String] {
        var out = [String]()
        if primary != .usd, let v = g.usd { out.append(usd(v, g.qualifier)) }
        if case .quantity = primary {} else if let q = g.quantity, let u = g.unit { out.append(quantity(q, u, g.qualifier)) }
        if primary != .share, let s = g.share { out.append(share(s, g.qualifier)) }
        if let gr = g.growth { out.append(growth(gr)) }
        return out
    }

    /// The bar of a value at a scale, `width` cells, in eighths (whole cells of `#` in ASCII); at
    /// least a sliver for any positive value, never longer than the width.
    static func bar(_ value: Double?, scale: Double?, width: Int, eighths: [Character]) -> String {
        guard let value, let scale, width > 0, !eighths.isEmpty else { return "" }
        let chart = BarChart(bars: [], maxValue: scale)
        let u = chart.units(value, cells: width, perCell: eighths.count)
        var text = String(repeating: eighths[eighths.count - 1], count: u / eighths.count)
        if u % eighths.count > 0 { text.append(eighths[u % eighths.count - 1]) }
        return text
    }

    /// "tk", "en, weak": a source's language and, when it is one, the weak flag.
    static func languageName(_ code: String) -> String {
        switch code {
        case "en": return "English"
        case "ru": return "Russian"
        case "kk": return "Kazakh"
        case "tk": return "Turkmen"
        case "uz": return "Uzbek"
        case "tr": return "Turkish"
        case "zh": return "Chinese"
        case "fa": return "Persian"
        default: return code
        }
    }

    /// A source's basis for a narrow column: "stats KZ", "mirror TM", "official", "press".
    static func basisShort(_ src: Source) -> String? {
        guard let b = src.basis else { return nil }
        switch b {
        case .nationalStatistics: return "stats" + (src.basisCountry.map { " " + $0 } ?? "")
        case .mirrorStatistics: return "mirror" + (src.basisCountry.map { " " + $0 } ?? "")
        case .official: return "official"
        case .press: return "press"
        }
    }

    /// "national statistics (KZ)", "press".
    static func basisWords(_ src: Source) -> String? {
        guard let b = src.basis else { return nil }
        return b.label + (src.basisCountry.map { " (\($0))" } ?? "")
    }

    /// What the Goods screen says of a source after its id: "tk, press, weak".
    static func sourceTags(_ src: Source?, statistics: Bool) -> [String] {
        guard let src else { return ["unknown source"] }
        var tags = [String]()
        if let l = src.language { tags.append(l) }
        // A statistics block names its reporter already.
        if !statistics, let b = basisShort(src) { tags.append(b) }
        if src.weak { tags.append("weak") }
        return tags
    }
}
