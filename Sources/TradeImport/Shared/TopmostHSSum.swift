import TradeModel

/// A commodity code of the Harmonized System as level (number of digits: 2, 4, 6… up to 12) and
/// value: "0101" is (4, 101), so that a code whose leading zero a spreadsheet dropped is the same code.
struct HSCode: Hashable, Sendable {
    var level: Int
    var value: Int

    /// The code's first two digits.
    var chapter: Int { ancestor(level: 2).value }

    /// The code cut to its first `l` digits: the chapter (2) or heading (4) it belongs to.
    func ancestor(level l: Int) -> HSCode {
        var v = value
        for _ in 0..<(level - l) { v /= 10 }
        return HSCode(level: l, value: v)
    }

    /// One word to hash (a level of at most 12 and a value of at most 12 digits): hashing is half of
    /// the work of the import's dictionary of codes.
    func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(truncatingIfNeeded: level) << 56 ^ UInt64(truncatingIfNeeded: value))
    }

    /// "0101".
    var text: String {
        let s = String(value)
        return String(repeating: "0", count: max(0, level - s.count)) + s
    }
}

/// A value in thousandths of a dollar and the line of the file it was read on, with the row's net
/// weight (thousandths of a kilogram; `LineValue.noWeight` when the row reports none).
struct LineValue: Equatable, Sendable {
    static let noWeight: Int64 = -1

    var milli: Int64
    var line: Int
    var weightMilli: Int64 = LineValue.noWeight

    var weight: Int64? { weightMilli >= 0 ? weightMilli : nil }
}

/// One series' commodity rows summed per HS section.
struct HSSectionSums: Equatable, Sendable {
    struct Section: Equatable, Sendable {
        var section: Int
        var milli: Int64
    }

    /// The sections with at least one counted code, by number.
    var sections: [Section] = []
    /// All counted codes, in a section or not.
    var counted: Int64 = 0
    /// Counted codes under chapters of no section (77, 98, 99), and the first line of one; 0 if none.
    var unassigned: Int64 = 0
    var unassignedLine = 0
}

/// Sums commodity values per HS section over the topmost codes present: a code is counted only when
/// none of its ancestors (its chapter, its heading…) is present too. A chapter and its headings are
/// so never both counted, whatever level each chapter is given at (chapter 27 as a chapter, chapter
/// 10 only as subheadings). Each counted code goes to the section of its chapter (`HSSection`).
enum TopmostHSSum {
    static func sum<Codes: HSCodeSet>(_ codes: Codes) -> HSSectionSums {
        var bySection = [Int: Int64]()
        var result = HSSectionSums()
        codes.forEach { code, cell in
            if hasAncestor(code, in: codes) { return }
            result.counted = saturatingSum(result.counted, cell.milli)
            if let s = HSSection.ofChapter(code.chapter) {
                bySection[s.number] = saturatingSum(bySection[s.number] ?? 0, cell.milli)
            } else {
                result.unassigned = saturatingSum(result.unassigned, cell.milli)
                result.unassignedLine = result.unassignedLine == 0 ? cell.line : min(result.unassignedLine, cell.line)
            }
        }
        result.sections = bySection.keys.sorted().map { HSSectionSums.Section(section: $0, milli: bySection[$0]!) }
        return result
    }

    /// Whether the chapter, heading… of `code` (any shorter code it starts with, of `fromLevel` digits
    /// or more) is among `codes`.
    static func hasAncestor<Codes: HSCodeSet>(_ code: HSCode, in codes: Codes, fromLevel: Int = 2) -> Bool {
        var l = fromLevel
        while l < code.level {
            if codes.value(code.ancestor(level: l)) != nil { return true }
            l += 2
        }
        return false
    }

    /// Sums of values each below 2^62 cannot wrap a second time, but many of them can pass Int64.max:
    /// stay there (the plausibility check then refuses the figure) rather than wrap to a negative.
    static func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
        let (s, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int64.max : Int64.min) : s
    }
}

/// Commodity codes with their values, as `TopmostHSSum` reads them: a dictionary, or the table the
/// pass over a file keeps (`CodeTable`).
protocol HSCodeSet {
    func value(_ code: HSCode) -> LineValue?
    func forEach(_ body: (HSCode, LineValue) -> Void)
}

extension Dictionary: HSCodeSet where Key == HSCode, Value == LineValue {
    func value(_ code: HSCode) -> LineValue? { self[code] }
    func forEach(_ body: (HSCode, LineValue) -> Void) {
        for (code, value) in self { body(code, value) }
    }
}
