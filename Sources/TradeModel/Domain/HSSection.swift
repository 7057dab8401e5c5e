/// One of the 21 sections of the Harmonized System (HS 2022 nomenclature), with the range of its
/// chapters. Chapter 77 is reserved for future use and belongs to no section; chapters 98 and 99 are
/// for national use (special transactions, goods not specified by kind) and belong to no section either.
public struct HSSection: Hashable, Sendable, Identifiable, CustomStringConvertible {
    /// 1–21.
    public var number: Int
    /// The chapters the section covers, e.g. 25...27 for mineral products.
    public var chapters: ClosedRange<Int>
    /// The heading of the section, shortened as trade statistics usually print it.
    public var name: String
    /// A label of at most 20 characters for narrow tables and charts.
    public var shortName: String

    public var id: Int { number }

    /// "V", "XVI".
    public var roman: String { HSSection.romanNumerals[number - 1] }

    /// "chapters 25–27" or "chapter 15".
    public var chapterLabel: String {
        chapters.count == 1 ? "chapter \(two(chapters.lowerBound))" : "chapters \(two(chapters.lowerBound))–\(two(chapters.upperBound))"
    }

    /// "V Mineral products".
    public var description: String { "\(roman) \(name)" }

    public init(number: Int, chapters: ClosedRange<Int>, name: String, shortName: String) {
        self.number = number
        self.chapters = chapters
        self.name = name
        self.shortName = shortName
    }

    /// The section numbered `number` (1–21), or nil.
    public static func number(_ number: Int) -> HSSection? {
        (1...all.count).contains(number) ? all[number - 1] : nil
    }

    /// The section of HS chapter `chapter` (1–97), or nil for chapter 77 (reserved), 98, 99 and
    /// numbers that are not chapters.
    public static func ofChapter(_ chapter: Int) -> HSSection? {
        guard chapter >= 1, chapter <= 97, chapter != 77 else { return nil }
        return sectionOfChapter[chapter]
    }

    /// The section of an HS commodity code of two or more digits ("2709", "100199"); nil for codes
    /// that are not HS codes ("TOTAL", "AG2", "9999").
    public static func ofCode(_ code: String) -> HSSection? {
        let digits = Array(code.utf8)
        guard digits.count >= 2, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return ofChapter(Int(digits[0] - 0x30) * 10 + Int(digits[1] - 0x30))
    }

    /// The 21 sections in order.
    public static let all: [HSSection] = [
        HSSection(number: 1, chapters: 1...5, name: "Live animals; animal products", shortName: "Animal products"),
        HSSection(number: 2, chapters: 6...14, name: "Vegetable products", shortName: "Vegetable products"),
        HSSection(number: 3, chapters: 15...15, name: "Animal, vegetable or microbial fats and oils", shortName: "Fats and oils"),
        HSSection(number: 4, chapters: 16...24, name: "Prepared foodstuffs; beverages, spirits and vinegar; tobacco", shortName: "Foodstuffs, tobacco"),
        HSSection(number: 5, chapters: 25...27, name: "Mineral products", shortName: "Mineral products"),
        HSSection(number: 6, chapters: 28...38, name: "Products of the chemical or allied industries", shortName: "Chemicals"),
        HSSection(number: 7, chapters: 39...40, name: "Plastics and rubber, and articles thereof", shortName: "Plastics, rubber"),
        HSSection(number: 8, chapters: 41...43, name: "Raw hides and skins, leather, furskins; saddlery, handbags", shortName: "Hides, leather, furs"),
        HSSection(number: 9, chapters: 44...46, name: "Wood and articles of wood; cork; basketware", shortName: "Wood, cork"),
        HSSection(number: 10, chapters: 47...49, name: "Pulp of wood; paper and paperboard, and articles thereof", shortName: "Pulp, paper"),
        HSSection(number: 11, chapters: 50...63, name: "Textiles and textile articles", shortName: "Textiles"),
        HSSection(number: 12, chapters: 64...67, name: "Footwear, headgear, umbrellas; prepared feathers", shortName: "Footwear, headgear"),
        HSSection(number: 13, chapters: 68...70, name: "Articles of stone, plaster, cement, asbestos, mica; ceramics; glass", shortName: "Stone, ceramic, glass"),
        HSSection(number: 14, chapters: 71...71, name: "Pearls, precious stones, precious metals; imitation jewellery; coin", shortName: "Precious metals"),
        HSSection(number: 15, chapters: 72...83, name: "Base metals and articles of base metal", shortName: "Base metals"),
        HSSection(number: 16, chapters: 84...85, name: "Machinery and mechanical appliances; electrical equipment", shortName: "Machinery, electrical"),
        HSSection(number: 17, chapters: 86...89, name: "Vehicles, aircraft, vessels and associated transport equipment", shortName: "Vehicles, transport"),
        HSSection(number: 18, chapters: 90...92, name: "Optical, photographic, measuring, medical instruments; clocks; musical instruments", shortName: "Instruments, clocks"),
        HSSection(number: 19, chapters: 93...93, name: "Arms and ammunition; parts and accessories thereof", shortName: "Arms, ammunition"),
        HSSection(number: 20, chapters: 94...96, name: "Miscellaneous manufactured articles", shortName: "Misc. manufactures"),
        HSSection(number: 21, chapters: 97...97, name: "Works of art, collectors' pieces and antiques", shortName: "Works of art"),
    ]

    private static let romanNumerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
                                        "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"]

    /// Index by chapter (0–97) of its section.
    private static let sectionOfChapter: [HSSection?] = {
        var table = [HSSection?](repeating: nil, count: 98)
        for s in all { for c in s.chapters { table[c] = s } }
        return table
    }()

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
