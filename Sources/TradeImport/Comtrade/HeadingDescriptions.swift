/// The `cmdDesc` of the headings (codes of four digits) a file describes, kept once per
/// classification and heading: a file gives a heading the same description in every year and flow of
/// one classification, so there are at most 10,000 per classification however many rows repeat them.
/// One flat table of slots per classification met and one buffer of text: no allocation per row, and
/// a row whose heading is described already costs one look at its slot.
struct HeadingDescriptions {
    /// Descriptions longer than this are cut (a name is cut at 120 characters anyway).
    static let maximumLength = 512
    private static let headings = 10_000

    /// The classification codes met ("H5"; empty for a file without the column), by index.
    private var classes: [[UInt8]] = []
    /// `class * 10_000 + heading`: the offset of the text in `bytes` shifted left by 16 bits, or'ed with
    /// its length; -1 when not described.
    private var slots: [Int] = []
    private var bytes: [UInt8] = []

    /// The index of classification `code` (the trimmed `classificationCode`, or nil), added when new.
    mutating func classIndex(_ code: UnsafeBufferPointer<UInt8>?) -> Int {
        let c = code.map(Array.init) ?? []
        if let k = classes.firstIndex(of: c) { return k }
        classes.append(c)
        slots.append(contentsOf: repeatElement(-1, count: Self.headings))
        return classes.count - 1
    }

    @inline(__always)
    func has(_ c: Int, _ heading: Int) -> Bool { slots[c * Self.headings + heading] >= 0 }

    /// Keeps the description `raw` of `heading` (its doubled quotes collapsed when `escaped`).
    mutating func add(_ c: Int, _ heading: Int, _ raw: UnsafeBufferPointer<UInt8>, escaped: Bool) {
        let start = bytes.count
        if escaped {
            var k = 0
            while k < raw.count && bytes.count - start < Self.maximumLength {
                bytes.append(raw[k])
                k += raw[k] == 0x22 ? 2 : 1
            }
        } else {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: raw[0..<min(raw.count, Self.maximumLength)]))
        }
        slots[c * Self.headings + heading] = start << 16 | (bytes.count - start)
    }

    /// The description of `heading` in classification `c`, if the file gave one.
    func text(_ c: Int, _ heading: Int) -> ArraySlice<UInt8>? {
        guard c >= 0, c < classes.count else { return nil }
        let packed = slots[c * Self.headings + heading]
        guard packed >= 0 else { return nil }
        return bytes[(packed >> 16)..<((packed >> 16) + (packed & 0xFFFF))]
    }
}
