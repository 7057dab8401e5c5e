import Foundation
import Testing
@testable import TradeModel

/// Section D of the facts file (its copy, seeds/kazakhstan-turkmenistan.facts.md, so that a clean clone
/// has it) against the bundled dataset: every figure of its tables ("178 M", "1.245 Mt", "272,960 t",
/// "+3.2 %", "37.1 bcm") is found in the data — a trade value or growth, a goods item's value, quantity,
/// share or growth, an indicator value, a deal volume, a project capacity or an export potential —
/// with the same qualifier where the field has one, the kind the facts give (derived where they say
/// so, else stated), a year the row names, and a source whose address contains each address of the
/// row. The figures are read from the facts, not written here.
@Suite struct FactsSectionDTests {
    static var factsPath: String {
        URL(fileURLWithPath: BundledDataset.sourceTreePath).deletingLastPathComponent().appendingPathComponent("kazakhstan-turkmenistan.facts.md").path
    }

    // MARK: - Reading the tables

    struct Row {
        var section: String          // "D1" … "D5"
        var line: Int
        var period: String           // the "period" or "date" cell
        var figureCell: String       // the "figure", "goods and figures" or "fact" cell
        var addresses: [String]      // with "same" / "same two" resolved
    }

    struct Figure: CustomStringConvertible {
        var text: String             // "1.245 Mt", "500 M", "+3.2 %"
        var value: Double            // in base units: USD, percent, or the unit's base (kg, m³ of gas)
        var dimension: String        // "usd", "percent", or a MeasureUnit dimension
        var qualifier: Qualifier
        var derived: Bool
        var description: String { (qualifier == .exact ? "" : qualifier.word + " ") + text + (derived ? " (derived)" : "") }
    }

    static func cells(_ line: String) -> [String] {
        var parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// Addresses in a cell: each ";"-separated part's first word when it is a host name with an
    /// optional path ("astanatimes 2022-10-15" and "—" are not addresses).
    static func addresses(_ cell: String) -> [String] {
        cell.split(separator: ";").compactMap { part -> String? in
            guard var word = part.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) else { return nil }
            while let last = word.last, ")],.".contains(last) { word.removeLast() }
            let host = word.split(separator: "/").first.map(String.init) ?? ""
            let labels = host.split(separator: ".")
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }),
                  labels.last!.allSatisfy(\.isLetter) else { return nil }
            return word
        }
    }

    static func rows() throws -> [Row] {
        let text = try String(contentsOfFile: factsPath, encoding: .utf8)
        var rows = [Row](), section: String?, header: [String]?, inD = false
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            if line.hasPrefix("## ") { inD = line.hasPrefix("## D."); section = nil; continue }
            guard inD else { continue }
            if line.hasPrefix("### ") { section = String(line.dropFirst(4).prefix(2)); header = nil; continue }
            guard let section, line.hasPrefix("|") else { header = nil; continue }
            let c = cells(line)
            if header == nil { header = c; continue }
            if c.allSatisfy({ $0.allSatisfy { $0 == "-" } }) { continue }
            let h = header!
            func cell(_ names: [String]) -> String { h.firstIndex { names.contains($0) }.map { $0 < c.count ? c[$0] : "" } ?? "" }
            let addressCell = cell(["address"])
            var addrs = addresses(addressCell)
            let previous = rows.filter { $0.section == section }
            if addressCell.hasPrefix("same two") {
                addrs = Array(Set(previous.suffix(2).flatMap(\.addresses))).sorted()
            } else if addressCell.hasPrefix("same") {
                addrs = previous.last?.addresses ?? []
            }
            rows.append(Row(section: section, line: k + 1, period: cell(["period", "date"]), figureCell: cell(["figure", "goods and figures", "fact"]), addresses: addrs))
        }
        return rows
    }

    /// The figures of a cell: a number ("1.245", "272,960") followed by a unit (M = million USD, %,
    /// t, kt, Mt, Mt/yr, bcm), with the qualifier word before it and whether "derived" precedes it.
    static func figures(_ cell: String) -> [Figure] {
        let ch = Array(cell)
        var out = [Figure](), i = 0
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < ch.count && ch[k].isASCII && ch[k].isNumber }
        while i < ch.count {
            guard isDigit(i), i == 0 || !(ch[i - 1].isLetter || ch[i - 1].isNumber || ch[i - 1] == "." || ch[i - 1] == ",") else { i += 1; continue }
            let start = i
            var j = i
            while isDigit(j) { j += 1 }
            while j < ch.count, ch[j] == ",", isDigit(j + 1), isDigit(j + 2), isDigit(j + 3), !isDigit(j + 4) { j += 4 }
            if j < ch.count, ch[j] == ".", isDigit(j + 1) { j += 1; while isDigit(j) { j += 1 } }
            let number = String(ch[start..<j])
            var u = j
            if u < ch.count, ch[u] == " " { u += 1 }
            let rest = String(ch[u...])
            let unit = ["Mt/yr", "Mt", "kt", "bcm", "M", "t", "%"].first { unit in
                rest.hasPrefix(unit) && !(rest.dropFirst(unit.count).first?.isLetter ?? false)
            }
            i = j
            guard let unit, let n = Double(number.replacingOccurrences(of: ",", with: "")) else { continue }
            let before = String(ch[..<start])
            let lead = before.trimmingCharacters(in: CharacterSet(charactersIn: " +−-(")).lowercased()
            let words = lead.split(separator: " ").map(String.init)
            let last = words.last ?? "", lastTwo = words.suffix(2).joined(separator: " ")
            let q: Qualifier = last == "over" ? .over : ["about", "≈", "~"].contains(last) ? .about
                : lastTwo == "up to" ? .upTo : last == "under" ? .under : .exact
            let (value, dimension): (Double, String)
            switch unit {
            case "M": (value, dimension) = (n * 1e6, "usd")
            case "%": (value, dimension) = (n, "percent")
            default:
                let m = MeasureUnit(rawValue: unit)!
                (value, dimension) = (n * m.factor, m.dimension.rawValue)
            }
            out.append(Figure(text: number + " " + unit, value: value, dimension: dimension, qualifier: q, derived: before.contains("derived")))
            i = u + unit.count
        }
        return out
    }

    /// Years a row names: "2015", "2023 and 2024", "2019/20" (2019 and 2020); the year before each when
    /// the figures compare with "a year earlier".
    static func years(_ row: Row) -> Set<Int> {
        let text = row.period + " " + row.figureCell
        let ch = Array(text)
        var out = Set<Int>()
        var i = 0
        while i + 4 <= ch.count {
            let w = String(ch[i..<(i + 4)])
            let boundary = (i == 0 || !ch[i - 1].isNumber) && (i + 4 == ch.count || !ch[i + 4].isNumber)
            if boundary, let y = Int(w), (1990...2100).contains(y) {
                out.insert(y)
                if i + 7 <= ch.count, ch[i + 4] == "/", let yy = Int(String(ch[(i + 5)..<(i + 7)])) { out.insert(y / 100 * 100 + yy) }
            }
            i += 1
        }
        if row.figureCell.contains("a year earlier") { out.formUnion(out.map { $0 - 1 }) }
        return out
    }

    // MARK: - What the dataset holds

    struct Held {
        var dimension: String
        var value: Double
        /// nil where the field has no qualifier of its own (a goods item's or an indicator's growth, a share base).
        var qualifier: Qualifier?
        var kind: FigureKind
        var source: String
        var year: Int?
        var what: String
    }

    static func held(_ d: Dataset) -> [Held] {
        var out = [Held]()
        func quantity(_ v: Double, _ unit: MeasureUnit?, _ q: Qualifier?, _ kind: FigureKind, _ source: String, _ year: Int?, _ what: String) {
            guard let unit else { return }
            out.append(Held(dimension: unit.dimension.rawValue, value: v * unit.factor, qualifier: q, kind: kind, source: source, year: year, what: what))
        }
        for o in d.trade {
            let what = "trade \(o.period.label) \(o.flow.rawValue)"
            if let v = o.usd { out.append(Held(dimension: "usd", value: v, qualifier: o.qualifier, kind: o.kind, source: o.source, year: o.period.year, what: what)) }
            if let g = o.growth {
                out.append(Held(dimension: "percent", value: g * 100, qualifier: o.growthQualifier, kind: o.kind, source: o.source, year: o.period.year, what: what + " growth"))
            }
        }
        for c in d.composition {
            for g in c.goods {
                let kind = g.kind ?? c.kind, y = c.period.year, what = "composition \(c.id) \(g.name)"
                if let v = g.usd { out.append(Held(dimension: "usd", value: v, qualifier: g.qualifier, kind: kind, source: c.source, year: y, what: what)) }
                if let v = g.quantity { quantity(v, g.unit, g.qualifier, kind, c.source, y, what) }
                if let s = g.share { out.append(Held(dimension: "percent", value: s, qualifier: g.qualifier, kind: kind, source: c.source, year: y, what: what + " share")) }
                if let r = g.growth { out.append(Held(dimension: "percent", value: r * 100, qualifier: nil, kind: kind, source: c.source, year: y, what: what + " growth")) }
                if let b = g.shareOf {
                    if let v = b.usd { out.append(Held(dimension: "usd", value: v, qualifier: nil, kind: kind, source: c.source, year: y, what: what + " share base")) }
                    if let v = b.quantity { quantity(v, b.unit, nil, kind, c.source, y, what + " share base") }
                }
            }
        }
        for i in d.indicators {
            for v in i.values {
                let what = "indicator \(i.id) \(v.period.label)"
                quantity(v.value, i.unit, v.qualifier, v.kind, v.source, v.period.year, what)
                if let m = v.max { quantity(m, i.unit, nil, v.kind, v.source, v.period.year, what + " max") }
                if let g = v.growth { out.append(Held(dimension: "percent", value: g * 100, qualifier: nil, kind: v.kind, source: v.source, year: v.period.year, what: what + " growth")) }
            }
        }
        for deal in d.deals {
            for q in deal.volumes { if let s = q.source { quantity(q.value, MeasureUnit(rawValue: q.unit), q.qualifier, q.kind, s, nil, "deal \(deal.id) volume") } }
        }
        for p in d.projects {
            for q in p.capacity { if let s = q.source { quantity(q.value, MeasureUnit(rawValue: q.unit), q.qualifier, q.kind, s, nil, "project \(p.id) capacity") } }
        }
        for x in d.exportPotential {
            if let v = x.usd { out.append(Held(dimension: "usd", value: v, qualifier: x.qualifier, kind: x.kind, source: x.source, year: nil, what: "export potential \(x.id)")) }
        }
        return out
    }

    // MARK: - The figures no field holds

    /// Figures the parser reads but that no figure field can hold, each checked by
    /// `theFiguresNoFieldHoldsAreKeptAsWords` instead. Keep it short.
    static let unmapped: [(address: String, figure: String, why: String)] = [
        // D1, 2025: "over 500 M stable" names no period (relationship notes, one per source).
        ("vlast.kz/novosti/67351", "500 M", "no period: a relationship note"),
        ("kt.kz/rus/ekonomika/dovesti_tovarooborot_do_1_mlrd_namereny_kazahstan_i_1377984199.html", "500 M", "no period: a relationship note"),
        // D3, 2024: "+1.5 bcm on 2023" is a change, not a level (the 2024 plan's note; no 2023 value is derived).
        ("tca.gov.tm/ru/news-detail/2809", "1.5 bcm", "a change on 2023: the note of the 2024 value"),
        // D3, 16 Dec 2025: a 30 % stake in TAPI is a share of a project, not a volume (the deal's title).
        ("azathabar.com/a/gazagystan-toph-baradaky-teklibine-jogap-almandygyny-aydyar/33624395.html", "30 %", "a stake: the deal's title"),
    ]
    // Not read at all: D1's "141,…" M (the stored text is cut after "141,"), checked below too.

    // MARK: - Tests

    @Test func theTablesAreRead() throws {
        let rows = try Self.rows()
        let bySection = Dictionary(grouping: rows, by: \.section).mapValues(\.count)
        #expect(bySection == ["D1": 13, "D2": 15, "D3": 9, "D4": 9, "D5": 6], "\(bySection)")
        #expect(rows.flatMap { Self.figures($0.figureCell) }.count == 52, "\(rows.map { "\($0.line): \(Self.figures($0.figureCell))" })")
        // The parser's own cases.
        #expect(Self.figures("272,960 t: 255,574 t from Kazakhstan").map(\.value) == [272_960_000, 255_574_000])
        #expect(Self.figures("each over 500 M (a bound)").map(\.qualifier) == [.over])
        #expect(Self.figures("turnover 178 M; up to 0.5 bcm").map(\.qualifier) == [.exact, .upTo])
        #expect(Self.figures("derived: TM→KZ ≈ 141.9 M = 363.6 − 221.7").map(\.description) == ["about 141.9 M (derived)"])
        #expect(Self.figures("TM→KZ +3.2 %, \"141,…\" M").map(\.text) == ["3.2 %"])
        #expect(Self.addresses("astanatimes 2022-10-15; rus.azathabar.com/a/32089833.html; yerzemin.com (…/214820)") == ["rus.azathabar.com/a/32089833.html", "yerzemin.com"])
        #expect(Self.years(Row(section: "D2", line: 0, period: "2019/20 marketing year", figureCell: "wheat 106.5 kt", addresses: [])) == [2019, 2020])
    }

    @Test func everyFigureIsInTheDatasetWithItsSource() throws {
        let d = try BundledDatasetTests.load()
        let pool = Self.held(d)
        var seen = Set<String>()
        var checked = 0
        for row in try Self.rows() {
            let years = Self.years(row)
            for f in Self.figures(row.figureCell) {
                let matching = pool.filter { h in
                    h.dimension == f.dimension && abs(h.value - f.value) <= 1e-9 * max(abs(f.value), 1)
                        && (h.qualifier == nil || h.qualifier == f.qualifier)
                        && h.kind == (f.derived ? .derived : .stated)
                        && (h.year == nil || years.isEmpty || years.contains(h.year!))
                }
                let addresses = row.addresses.isEmpty ? [""] : row.addresses
                for a in addresses {
                    if Self.unmapped.contains(where: { $0.address == a && $0.figure == f.text }) { seen.insert(a + " " + f.text); continue }
                    checked += 1
                    let found = matching.filter { a.isEmpty || (d.source($0.source)?.url ?? "").contains(a) }
                    #expect(!found.isEmpty, "facts line \(row.line) (\(row.section)): \(f) from \(a.isEmpty ? "any source" : a) is not in the dataset (years \(years.sorted()))")
                }
            }
        }
        #expect(checked == 58)
        for u in Self.unmapped { #expect(seen.contains(u.address + " " + u.figure), "the unmapped list is stale: \(u.address) \(u.figure)") }
    }

    @Test func theFiguresNoFieldHoldsAreKeptAsWords() throws {
        let d = try BundledDatasetTests.load()
        func url(_ id: String) -> String { d.source(id)?.url ?? "" }
        for u in Self.unmapped {
            switch u.figure {
            case "500 M":
                #expect(d.relationship.notes.contains { url($0.source).contains(u.address) && $0.text.contains("500 M") }, "\(u.address)")
            case "1.5 bcm":
                #expect(d.indicators.flatMap(\.values).contains { url($0.source).contains(u.address) && $0.value == 37.1 && ($0.note ?? "").contains("1.5 bcm more than in 2023") })
            case "30 %":
                #expect(d.deals.contains { $0.sources.contains { url($0).contains(u.address) } && $0.title.contains("30 %") })
            default:
                Issue.record("no check for \(u.figure)")
            }
        }
        // "141,…" M: the value is not whole, so over 141 M, with the cut-off in the note.
        let rows = try Self.rows()
        let cut = try #require(rows.first { $0.figureCell.contains("\"141,…\"") })
        let imports = d.trade.filter { $0.flow == .imports && $0.period == Period(year: 2025, months: 1...9) && $0.kind == .stated }
        #expect(imports.count == 1)
        let o = try #require(imports.first)
        #expect(cut.addresses.allSatisfy { url(o.source).contains($0) })
        #expect(o.usd == 141e6 && o.qualifier == .over && o.growth == 0.032)
        #expect((o.note ?? "").contains("cut after \"141,\""))
    }

    /// Each row's address is a source of the dataset, cited by the kind of entry its section is about.
    @Test func everyAddressIsASourceCitedByItsKindOfEntry() throws {
        let d = try BundledDatasetTests.load()
        func ids(_ a: String) -> [String] { d.sources.filter { ($0.url ?? "").contains(a) }.map(\.id) }
        var citing = [String: Set<String>]()
        func add(_ section: String, _ ids: [String]) { citing[section, default: []].formUnion(ids) }
        add("D1", d.trade.map(\.source) + d.relationship.notes.map(\.source))
        add("D2", d.composition.map(\.source) + d.exportPotential.map(\.source))
        let indicatorSources: [String] = d.indicators.flatMap { $0.values.map(\.source) }
        let dealSources: [String] = d.deals.flatMap { deal -> [String] in deal.sources + deal.milestones.map(\.source) + deal.volumes.compactMap(\.source) }
        let capacitySources: [String] = d.projects.flatMap { $0.capacity.compactMap(\.source) }
        add("D3", dealSources + indicatorSources + d.events.flatMap(\.sources))
        add("D4", indicatorSources + capacitySources)
        add("D5", d.events.flatMap(\.sources) + d.targets.flatMap { $0.statements.flatMap(\.sources) })
        for row in try Self.rows() {
            for a in row.addresses {
                let s = ids(a)
                #expect(!s.isEmpty, "facts line \(row.line): no source has the address \(a)")
                #expect(s.contains { citing[row.section]!.contains($0) }, "facts line \(row.line) (\(row.section)): \(a) is not cited by a \(row.section) entry")
                for id in s { #expect(d.source(id)?.url?.hasPrefix("https://") == true, "\(id): not a full address") }
            }
        }
    }
}
