/// A figure of the goods detail: a value, the net weight when every row summed into it reports one,
/// and whether a row of the file gives it or it is a sum of rows of a lower level.
struct HSFigure: Equatable, Sendable {
    var milli: Int64
    /// Thousandths of a kilogram; nil when a row summed into it reports no net weight.
    var weightMilli: Int64?
    /// 0 when a row of the file gives the figure; else one bit per level of the codes summed into it
    /// (bit 2 for headings, 3 for subheadings, … : level / 2).
    var summedLevels: UInt16
    /// The first line of the file the figure comes from.
    var line: Int
    /// How many rows (or months) were summed into it: 1 for a figure of one row.
    var parts: Int

    /// A figure that a row gives.
    init(_ v: LineValue) {
        milli = v.milli
        weightMilli = v.weight
        summedLevels = 0
        line = v.line
        parts = 1
    }

    /// An empty sum, to add rows to.
    static var sum: HSFigure {
        var f = HSFigure(LineValue(milli: 0, line: Int.max, weightMilli: 0))
        f.parts = 0
        return f
    }

    var isStated: Bool { summedLevels == 0 }

    /// Adds the figure of a code of `level` digits as a part of this sum.
    mutating func add(code level: Int, _ v: LineValue) {
        var part = HSFigure(v)
        part.summedLevels = 1 << UInt16(level / 2)
        add(part)
    }

    /// Adds `other` (another month of the same code, or a part of a sum): the weight stays only if
    /// both have one; the levels summed are those of both.
    mutating func add(_ other: HSFigure) {
        milli = TopmostHSSum.saturatingSum(milli, other.milli)
        if let a = weightMilli, let b = other.weightMilli { weightMilli = TopmostHSSum.saturatingSum(a, b) } else { weightMilli = nil }
        summedLevels |= other.summedLevels
        line = min(line, other.line)
        parts += other.parts
    }

    /// The digits of the codes summed, in words: "headings", "subheadings", "headings and subheadings",
    /// "codes of 8 digits".
    var summedLevelsText: String {
        var words = [String]()
        for level in stride(from: 4, through: 12, by: 2) where summedLevels & (1 << UInt16(level / 2)) != 0 {
            words.append(level == 4 ? "headings" : level == 6 ? "subheadings" : "codes of \(level) digits")
        }
        guard words.count > 1 else { return words.first ?? "rows" }
        return words.dropLast().joined(separator: ", ") + " and " + words.last!
    }
}

/// One series' commodity rows by HS chapter (2 digits) and heading (4 digits), over the topmost codes
/// present: a chapter is its own row when the file has it, else the sum of its topmost codes (its
/// headings, or its subheadings where a heading has no row); a heading likewise. No code is counted
/// twice at a level, whatever levels the file gives each chapter (see `TopmostHSSum`).
///
/// Chapters are computed for all codes; headings only for the chapters asked for (the largest, which
/// list their headings), so that the work and the memory do not grow with headings never written.
enum HSDetail {
    /// Figures by chapter number, 0…99 (77, 98, 99 included: they are not HS chapters, and the
    /// composition leaves them out).
    typealias Chapters = [HSFigure?]

    static var noChapters: Chapters { Chapters(repeating: nil, count: 100) }

    /// Adds the chapters of `codes` (one month, or a year) to `sum`. A chapter present in both keeps
    /// their sum; present in one, that one's figure (the other had no row for it).
    static func addChapters<Codes: HSCodeSet>(_ codes: Codes, to sum: inout Chapters) {
        var rows = [Bool](repeating: false, count: 100)
        codes.forEach { code, _ in if code.level == 2 { rows[code.value] = true } }
        var own = noChapters
        codes.forEach { code, v in
            if code.level == 2 {
                own[code.value] = HSFigure(v)
                return
            }
            let chapter = code.chapter
            // The chapter's sum: codes under a chapter without a row, none of whose headings… is present.
            if rows[chapter] || TopmostHSSum.hasAncestor(code, in: codes, fromLevel: 4) { return }
            if own[chapter] == nil { own[chapter] = .sum }
            own[chapter]!.add(code: code.level, v)
        }
        for k in 0..<100 {
            guard let f = own[k] else { continue }
            if sum[k] == nil { sum[k] = f } else { sum[k]!.add(f) }
        }
    }

    /// Adds the headings of `codes` under the chapters marked in `wanted` (by chapter number) to `sum`,
    /// by heading as a number of four digits (2709).
    static func addHeadings<Codes: HSCodeSet>(_ codes: Codes, of wanted: [Bool], to sum: inout [Int: HSFigure]) {
        var own = [Int: HSFigure]()
        codes.forEach { code, v in
            guard code.level >= 4, wanted[code.chapter] else { return }
            if code.level == 4 {
                own[code.value] = HSFigure(v)
            } else if !TopmostHSSum.hasAncestor(code, in: codes, fromLevel: 4) {
                own[code.ancestor(level: 4).value, default: .sum].add(code: code.level, v)
            }
        }
        for (k, f) in own { if sum[k] == nil { sum[k] = f } else { sum[k]!.add(f) } }
    }
}
