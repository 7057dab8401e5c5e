import Foundation
import TradeModel
@testable import TradeImport

/// A figure a test expects of the goods detail, as the generator knows it while writing the rows.
struct ExpectedGood: Equatable, CustomStringConvertible {
    var milli: Int64
    /// Thousandths of a kg; nil when a row summed into it has no netWgt.
    var weight: Int64?
    /// False when no row of the file gives it (a sum of lower levels).
    var stated: Bool

    var description: String { "\(milli)/\(weight.map(String.init) ?? "-")\(stated ? "" : " derived")" }

    /// Adds another month's figure of the same code.
    mutating func addMonth(_ o: ExpectedGood) {
        milli += o.milli
        weight = weight.flatMap { a in o.weight.map { a + $0 } }
        stated = stated && o.stated
    }
}

/// Writes Comtrade-like rows of goods for one series at a time, keeping the chapter and heading
/// figures the import must find: a chapter is its row when it has one, else the sum of what was
/// written below it; a heading likewise. The bookkeeping is this generator's own, made while it
/// chooses the rows, not the importer's rules.
struct GoodsFixture {
    static let header = "refYear,refMonth,freqCode,reporterCode,partnerCode,flowCode,classificationCode,cmdCode,cmdDesc,aggrLevel,customsCode,motCode,netWgt,primaryValue"

    struct Key: Hashable { var year: Int, month: Int, reporter: Int, flow: String }

    var rng: SplitMix
    var rows: [String] = []
    var chapters: [Key: [String: ExpectedGood]] = [:]
    var headings: [Key: [String: ExpectedGood]] = [:]
    var totals: [Key: Int64] = [:]
    /// Value under chapter 99 (no HS chapter) per series.
    var unlisted: [Key: Int64] = [:]
    /// How often a row leaves netWgt empty.
    var missingWeight = 0.1
    var withWeightColumn = true

    init(seed: UInt64) { rng = SplitMix(seed: seed) }

    static func text(_ milli: Int64) -> String {
        let frac = milli % 1000
        return frac == 0 ? "\(milli / 1000)" : "\(milli / 1000)." + String(format: "%03d", frac)
    }

    mutating func money() -> Int64 { Int64(rng.int(1_000...900_000_000)) * Int64(rng.int(1...999)) / 100 }
    mutating func weight() -> Int64? { rng.chance(missingWeight) ? nil : Int64(rng.int(1...50_000_000)) * 7 }

    mutating func row(_ k: Key, _ cmd: String, _ desc: String, level: Int, milli: Int64, weight: Int64?, partner: Int) {
        let month = k.month == 0 ? "52" : "\(k.month)"
        let desc = desc.contains(",") ? "\"\(desc)\"" : desc
        let w = withWeightColumn ? (weight.map(Self.text) ?? "") : ""
        rows.append("\(k.year),\(month),\(k.month == 0 ? "A" : "M"),\(k.reporter),\(partner),\(k.flow),H5,\(cmd),\(desc),\(level),C00,0,\(w),\(Self.text(milli))")
    }

    /// One series: a TOTAL row and `count` chapters (of 01–97 but 77, in random order), each written in
    /// one of five layouts; `headingsIn` gives chosen chapters that many headings. With `chapter99`, a
    /// chapter 99 row too.
    mutating func series(_ k: Key, chapters count: Int, headingsIn: [Int: Int] = [:], chapter99: Bool = false) {
        let partner = k.reporter == 398 ? 795 : 398
        let total = money()
        totals[k] = total
        row(k, "TOTAL", "All Commodities", level: 0, milli: total, weight: nil, partner: partner)
        var pool = (1...97).filter { $0 != 77 }
        for i in stride(from: pool.count - 1, to: 0, by: -1) { pool.swapAt(i, rng.int(0...i)) }
        var chosen = Array(pool.prefix(count))
        for c in headingsIn.keys where !chosen.contains(c) { chosen.append(c) }
        for c in chosen { chapter(k, c, headings: headingsIn[c] ?? rng.int(1...4), partner: partner) }
        if chapter99 {
            let v = money()
            unlisted[k] = v
            row(k, "99", "Commodities not specified", level: 2, milli: v, weight: weight(), partner: partner)
        }
    }

    mutating func chapter(_ k: Key, _ c: Int, headings count: Int, partner: Int) {
        let ch = String(format: "%02d", c)
        // 0: chapter, headings, subheadings; 1: chapter only; 2: headings with subheadings, no chapter row;
        // 3: subheadings only; 4: no chapter row, some headings with a row and some without.
        let layout = rng.int(0...4)
        var chapterSum = ExpectedGood(milli: 0, weight: 0, stated: false)
        if layout <= 1 {
            let v = money(), w = weight()
            row(k, ch, "Chapter \(ch), other", level: 2, milli: v, weight: w, partner: partner)
            chapters[k, default: [:]][ch] = ExpectedGood(milli: v, weight: w, stated: true)
            if layout == 1 { return }
        }
        for h in 1...count {
            let hc = ch + String(format: "%02d", h)
            let headingRow = layout == 0 || layout == 2 || (layout == 4 && rng.chance(0.5))
            var headingSum = ExpectedGood(milli: 0, weight: 0, stated: false)
            var headingFigure: ExpectedGood?
            if headingRow {
                let v = money(), w = weight()
                row(k, hc, "Heading \(hc), of a kind", level: 4, milli: v, weight: w, partner: partner)
                headingFigure = ExpectedGood(milli: v, weight: w, stated: true)
            }
            for s in 1...rng.int(1...3) {
                let v = money(), w = weight()
                row(k, hc + String(format: "%02d", s * 10), "Subheading \(hc)\(s * 10)", level: 6, milli: v, weight: w, partner: partner)
                headingSum.addMonth(ExpectedGood(milli: v, weight: w, stated: false))
            }
            let heading = headingFigure ?? headingSum
            headings[k, default: [:]][hc] = heading
            chapterSum.addMonth(ExpectedGood(milli: heading.milli, weight: heading.weight, stated: false))
        }
        if layout >= 2 { chapters[k, default: [:]][ch] = chapterSum }
    }

    /// The file: the header and the rows, in a shuffled order (the import must not depend on it).
    mutating func csv(shuffled: Bool = true) -> [UInt8] {
        var r = rows
        if shuffled { for i in stride(from: r.count - 1, to: 0, by: -1) { r.swapAt(i, rng.int(0...i)) } }
        return Array(([Self.header] + r).joined(separator: "\n").utf8) + [0x0A]
    }
}

/// The goods of a composition entry (not the remainders), by HS code, as the fixture's figures.
func goodsByCode(_ c: Composition?, level: Int) -> [String: ExpectedGood] {
    var out = [String: ExpectedGood]()
    for g in c?.goods ?? [] where !g.remainder && g.hs?.count == level {
        let stated = (g.kind ?? c!.kind) == .stated
        out[g.hs!] = ExpectedGood(milli: Int64((g.usd! * 1000).rounded()), weight: g.quantity.map { Int64(($0 * 1000).rounded()) }, stated: stated)
    }
    return out
}
