import TradeModel

/// The goods of one period series as a composition entry: its HS chapters ranked by value and, for
/// the largest chapters, their headings, capped (`CompositionCaps`), with what is left over summed
/// into remainder items, so that the listed items and the remainders add up to all the chapters.
///
/// - A chapter (or heading) that a row of the file gives is stated; one that is the sum of its
///   headings or subheadings, because the file has no row for it, is derived, and its note says so.
///   Remainders are sums made here: derived.
/// - Quantities are the rows' net weight (`netWgt`) in kg; a sum has one only when every row summed
///   into it reports one.
/// - Codes under no HS chapter (77, 98, 99) are not listed; the entry's note gives their amount.
struct CompositionBuilder {
    let caps: CompositionCaps

    /// The goods of a series from its `chapters` (`HSDetail.addChapters`), and what was kept and folded.
    /// `headings` gives the headings of the chapters asked for (by chapter number), `description` the
    /// file's `cmdDesc` of a heading; both are asked only for what is written.
    func goods(chapters all: HSDetail.Chapters, headings: ([Bool]) -> [Int: HSFigure],
               description: (Int) -> ArraySlice<UInt8>?) -> (goods: [GoodsItem], counts: CompositionCounts, unlisted: HSFigure?) {
        var counts = CompositionCounts()
        counts.caps = caps
        var listed = [Int: HSFigure]()
        var unlisted: HSFigure?
        for (k, f) in all.enumerated() {
            guard let f else { continue }
            if HSChapter.isChapter(k) { listed[k] = f } else if unlisted == nil { unlisted = f } else { unlisted!.add(f) }
        }
        let chapters = Self.ranked(listed)
        let kept = chapters.prefix(caps.chapters)
        let folded = chapters.dropFirst(caps.chapters)
        var wanted = [Bool](repeating: false, count: 100)
        for (chapter, _) in kept.prefix(caps.headingChapters) { wanted[chapter] = true }
        let headingFigures = caps.headingChapters > 0 && !kept.isEmpty ? headings(wanted) : [:]
        var goods = [GoodsItem]()
        for (chapter, figure) in kept {
            goods.append(item(name: HSChapter.name(chapter)!, hs: HSChapter.code(chapter), figure, rank: nil,
                              derivedNote: "the sum of its \(figure.summedLevelsText): the file has no row for chapter \(HSChapter.code(chapter))"))
            counts.chaptersKept += 1
            guard wanted[chapter] else { continue }
            let headings = Self.ranked(headingFigures.filter { $0.key / 100 == chapter })
            for (heading, hf) in headings.prefix(caps.headings) {
                let code = Self.headingCode(heading)
                goods.append(item(name: description(heading).flatMap(Self.headingName) ?? "heading \(code)", hs: code, hf, rank: nil,
                                  derivedNote: "the sum of its \(hf.summedLevelsText): the file has no row for heading \(code)"))
                counts.headingsKept += 1
            }
            let rest = headings.dropFirst(caps.headings)
            if !rest.isEmpty {
                goods.append(remainder(name: "other headings of chapter \(HSChapter.code(chapter))", hs: HSChapter.code(chapter), rest.map(\.1),
                                       note: "the \(rest.count) heading\(rest.count == 1 ? "" : "s") of the chapter after its \(caps.headings) largest, summed"))
                counts.headingsFolded += rest.count
            }
        }
        if !folded.isEmpty {
            goods.append(remainder(name: "other chapters", hs: nil, folded.map(\.1),
                                   note: "the \(folded.count) chapter\(folded.count == 1 ? "" : "s") after the \(caps.chapters) largest, summed: "
                                       + folded.map { HSChapter.code($0.0) }.sorted().joined(separator: ", ")))
            counts.chaptersFolded += folded.count
        }
        for g in goods { if g.quantity != nil { counts.itemsWithWeight += 1 } else { counts.itemsWithoutWeight += 1 } }
        return (goods, counts, unlisted)
    }

    /// By value, the largest first; equal values by code.
    static func ranked(_ figures: [Int: HSFigure]) -> [(Int, HSFigure)] {
        figures.map { ($0.key, $0.value) }.sorted { $0.1.milli != $1.1.milli ? $0.1.milli > $1.1.milli : $0.0 < $1.0 }
    }

    /// "0101" for 101.
    static func headingCode(_ heading: Int) -> String {
        let s = String(heading)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// An item of `f`; `derivedNote` (made only for a derived figure) says how it was made.
    func item(name: String, hs: String, _ f: HSFigure, rank: Int?, derivedNote: @autoclosure () -> String) -> GoodsItem {
        var notes = [String]()
        if !f.isStated { notes.append(derivedNote()) }
        if f.weightMilli == nil && f.parts > 1 { notes.append("no net weight: a row summed into it reports none") }
        var g = GoodsItem(name: name, hs: hs, usd: Self.amount(f.milli), rank: rank,
                          kind: f.isStated ? nil : .derived, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
        if let w = f.weightMilli {
            g.quantity = Self.amount(w)
            g.unit = .kg
        }
        return g
    }

    func remainder(name: String, hs: String?, _ parts: [HSFigure], note: String) -> GoodsItem {
        var sum = HSFigure.sum
        for p in parts { sum.add(p) }
        var g = GoodsItem(name: name, hs: hs, usd: Self.amount(sum.milli), kind: .derived, remainder: true,
                          note: note + (sum.weightMilli == nil ? "; no net weight: a row summed into it reports none" : ""))
        if let w = sum.weightMilli {
            g.quantity = Self.amount(w)
            g.unit = .kg
        }
        return g
    }

    /// Thousandths as the double nearest the exact decimal (`412345678.5`): the quotient of two exact
    /// doubles, correctly rounded, is the double the decimal text parses to.
    static func amount(_ milli: Int64) -> Double {
        if milli.magnitude < 1 << 53 { return Double(milli) / 1000 }
        return Double(Money.decimalText(milli: milli))!
    }

    /// A heading's `cmdDesc` as a name: valid UTF-8, control characters as spaces, runs of spaces as
    /// one, at most 120 characters (cut at a word, with "…"); nil when empty.
    static func headingName<Bytes: BidirectionalCollection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        // Most descriptions are short printable ASCII with single spaces: taken as they are.
        if bytes.count <= 120, let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 {
            var plain = true
            var previous: UInt8 = 0
            for b in bytes {
                if b < 0x20 || b > 0x7E || (b == 0x20 && previous == 0x20) { plain = false; break }
                previous = b
            }
            if plain { return String(decoding: bytes, as: UTF8.self) }
        }
        var out = ""
        var space = false
        for u in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u == " " {
                space = !out.isEmpty
                continue
            }
            // Bidi controls would reorder the text in any viewer of the dataset (less, jq, an editor).
            if u.value == 0x061C || u.value == 0x200E || u.value == 0x200F || (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) {
                continue
            }
            if space { out.unicodeScalars.append(" "); space = false }
            out.unicodeScalars.append(u)
        }
        guard !out.isEmpty else { return nil }
        guard out.count > 120 else { return out }
        var cut = String(out.prefix(119))
        if let s = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: s) > 60 { cut = String(cut[..<s]) }
        while let l = cut.last, l == "," || l == ";" || l == " " { cut.removeLast() }
        return cut + "…"
    }
}

extension CompositionCounts {
    mutating func add(_ other: CompositionCounts) {
        entries += 1
        chaptersKept += other.chaptersKept
        chaptersFolded += other.chaptersFolded
        headingsKept += other.headingsKept
        headingsFolded += other.headingsFolded
        itemsWithWeight += other.itemsWithWeight
        itemsWithoutWeight += other.itemsWithoutWeight
    }
}

extension ComtradeAggregator {
    /// The composition entry of period series `p` from its commodity rows (`codes`, one table per
    /// month of a partial period), citing `source`; nil when no row is under an HS chapter.
    mutating func compositionEntry(_ p: PeriodSeries, _ codes: [(ReportedSeries, CodeTable)], source: String) -> Composition? {
        var chapters = HSDetail.noChapters
        for (_, table) in codes { HSDetail.addChapters(table, to: &chapters) }
        let info = codes.map { seriesInfo[$0.0] }
        let descriptions = self.descriptions
        let classification = info.lazy.compactMap { $0?.classification }.first
        let built = CompositionBuilder(caps: caps).goods(chapters: chapters, headings: { wanted in
            var headings = [Int: HSFigure]()
            for (_, table) in codes { HSDetail.addHeadings(table, of: wanted, to: &headings) }
            return headings
        }, description: { heading in
            // The first month's (or the year's) description.
            for i in info { if let i, let d = descriptions.text(i.descriptionClass, heading) { return d } }
            return nil
        })
        guard !built.goods.isEmpty else { return nil }
        summary.composition.add(built.counts)
        let id = p.id
        let partner = pair[id.reporter.other].name
        var note = "\(pair[id.reporter].name)'s \(id.flow == .exports ? "exports to" : "imports from") \(partner) by HS chapter, "
            + "from its commodity rows in UN Comtrade" + (classification.map { " (classification \(TerminalSafe.excerpt($0, limit: 12)))" } ?? "")
            + ": usd is primaryValue in US dollars (\(id.flow == .exports ? "FOB" : "CIF")), quantity is netWgt in kg where the rows report it. "
        let c = built.counts
        let all = c.chaptersKept + c.chaptersFolded
        note += c.chaptersFolded > 0
            ? "The \(c.chaptersKept) largest of its \(all) chapters are listed, ranked by value; the other \(c.chaptersFolded) are summed in \"other chapters\"."
            : (all == 1 ? "Its one chapter is listed." : "Its \(all) chapters are listed, ranked by value.")
        if c.headingsKept > 0 {
            let hc = min(caps.headingChapters, c.chaptersKept)
            note += (hc == c.chaptersKept ? " Each chapter lists" : " The \(hc) largest chapters list") + " the headings the file gives (at most \(caps.headings), by value"
                + (c.headingsFolded > 0 ? "; the rest summed in \"other headings of chapter NN\")." : ").")
        }
        if let u = built.unlisted {
            note += " Codes of no HS chapter (77, 98, 99) are not listed: \(Money.decimalText(milli: u.milli)) USD."
        }
        let months = p.period.months.map { "-\(two($0.lowerBound))-\(two($0.upperBound))" } ?? (p.isMonthly ? "-01-12" : "")
        return Composition(id: "\(source)-\(id.year)\(months)-\(id.flow.flow.rawValue)", period: p.period, periodNote: p.note,
                           from: pair[id.exporter].code, to: pair[id.importer].code, flow: id.flow.flow, source: source,
                           kind: p.kind, goods: built.goods, note: note)
    }

    private func two(_ m: Int) -> String { m < 10 ? "0\(m)" : String(m) }
}
