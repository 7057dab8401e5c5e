import Foundation
import TradeModel
@testable import TradeImport

/// A deterministic pseudo-random generator (SplitMix64), so that generated files are the same every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
}

/// What a test expects from a generated file, computed while writing it (not by the importer's rules).
struct ExpectedKey: Hashable, CustomStringConvertible {
    /// Reporter's ISO numeric code; "X" or "M"; the year; the HS section or 0 for the total.
    var reporter: Int
    var flow: String
    var year: Int
    var section: Int
    var description: String { "\(reporter) \(flow) \(year) s\(section)" }
}

/// Writes UN Comtrade-like CSV files with known sums.
struct ComtradeFixture {
    static let header = ["typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
                         "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code",
                         "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode", "isOriginalClassification",
                         "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "customsCode", "customsDesc", "mosCode", "motCode", "motDesc",
                         "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty",
                         "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated", "cifvalue",
                         "fobvalue", "primaryValue", "legacyEstimationFlag", "isReported", "isAggregate"]

    static let countries: [(Int, String, String)] = [(398, "KAZ", "Kazakhstan"), (795, "TKM", "Turkmenistan"),
                                                     (860, "UZB", "Uzbekistan"), (643, "RUS", "Russian Federation")]

    /// First chapter of each HS section, written out here independently of `HSSection`.
    static let sectionStarts = [1, 6, 15, 16, 25, 28, 39, 41, 44, 47, 50, 64, 68, 71, 72, 84, 86, 90, 93, 94, 97]
    static func section(ofChapter c: Int) -> Int? {
        if c == 77 || c < 1 || c > 97 { return nil }
        return sectionStarts.lastIndex { $0 <= c }.map { $0 + 1 }
    }

    var crlf = false
    var bom = false
    var shuffleColumns = false
    /// Descriptions with line breaks inside quotes.
    var newlinesInQuotes = false
    var years = [2019, 2020, 2021]
    /// Years in which Turkmenistan reports; in the others its side comes from mirror statistics.
    var turkmenistanReports: Set<Int> = [2019]
    var seed: UInt64 = 42

    var rows: [[String]] = []
    var expected: [ExpectedKey: Int64] = [:]
    /// Kazakhstan's imports that stand for Turkmenistan's exports (the years it does not report): the
    /// imports keep their key (reporter 398, flow M) and carry the mirror note.
    var expectedMirror: [ExpectedKey: Int64] = [:]

    /// "1234.5" style text of a thousandths value, written independently of the importer's formatter.
    static func text(milli: Int64, style: Int) -> String {
        let whole = milli / 1000, frac = milli % 1000
        switch style {
        case 0 where frac == 0: return "\(whole)"
        case 1: return "\(whole).\(String(format: "%03d", frac))"
        case 2 where frac == 0 && whole % 1000 == 0 && whole > 0:
            return "\(Double(whole) / 1e6)E+06".replacingOccurrences(of: ".0E", with: "E")
        default:
            var f = String(format: "%03d", frac)
            while f.hasSuffix("0") { f.removeLast() }
            return f.isEmpty ? "\(whole)" : "\(whole).\(f)"
        }
    }

    mutating func generate() {
        var rng = SplitMix(seed: seed)
        rows = []
        expected = [:]
        expectedMirror = [:]
        for (rep, repISO, repName) in Self.countries {
            for (par, parISO, parName) in [(0, "W00", "World")] + Self.countries where par != rep {
                for year in years {
                    if rep == 795 && !turkmenistanReports.contains(year) { continue }
                    for (flow, flowDesc) in [("X", "Export"), ("M", "Import"), ("RX", "Re-export"), ("RM", "Re-import")] {
                        let pair = (rep == 398 && par == 795) || (rep == 795 && par == 398)
                        let counted = pair && (flow == "X" || flow == "M")
                        func emit(cmd: String, desc: String, level: Int, leaf: Bool, milli: Int64, month: Int = 52,
                                  customs: String = "C00", mot: String = "0") {
                            let style = rng.int(0...3)
                            let monthly = month != 52
                            var fields = ["C", monthly ? "M" : "A", "\(year)\(monthly ? String(format: "%02d", month) : "01")01",
                                          "\(year)", "\(month)", monthly ? "\(year)\(String(format: "%02d", month))" : "\(year)",
                                          "\(rep)", repISO, repName, flow, flowDesc, "\(par)", parISO, parName, "0", "W00", "World",
                                          "H5", "HS", "true", cmd, desc, "\(level)", leaf ? "true" : "false", customs,
                                          customs == "C00" ? "TOTAL CPC" : "Other, procedure", "0", mot, mot == "0" ? "TOTAL MOT" : "Sea",
                                          "8", "kg", "12.5", "false", "-1", "N/A", "0", "false", "1000", "false", "0", "false",
                                          flow == "M" ? Self.text(milli: milli, style: 3) : "",
                                          flow == "X" ? Self.text(milli: milli, style: 3) : "",
                                          Self.text(milli: milli, style: style), "0", "true", level < 6 ? "true" : "false"]
                            if fields.count != Self.header.count { fatalError("fixture row has \(fields.count) fields") }
                            if newlinesInQuotes && rng.chance(0.2) { fields[21] += "\nsecond line, \"quoted\"" }
                            rows.append(fields)
                        }
                        func money() -> Int64 { Int64(rng.int(1...2_000_000_000)) * (rng.chance(0.5) ? 1000 : 1) }

                        let total = money()
                        emit(cmd: "TOTAL", desc: "All Commodities", level: 0, leaf: false, milli: total)
                        if rng.chance(0.3) {   // breakdowns that must not be added
                            emit(cmd: "TOTAL", desc: "All Commodities", level: 0, leaf: false, milli: total / 2, mot: "2100")
                            emit(cmd: "TOTAL", desc: "All Commodities", level: 0, leaf: false, milli: total / 3, customs: "C01")
                        }
                        if rng.chance(0.2) {   // a monthly row that must not be added
                            emit(cmd: "TOTAL", desc: "All Commodities", level: 0, leaf: false, milli: money(), month: rng.int(1...12))
                        }
                        if counted { expected[ExpectedKey(reporter: rep, flow: flow, year: year, section: 0)] = total }

                        // Commodity rows: for each chapter a layout of levels; the expected section sums add
                        // the topmost level present.
                        var sections = [Int: Int64]()
                        let layout = rng.int(0...3) // 0 all levels, 1 chapters only, 2 subheadings only, 3 mixed per chapter
                        for chapter in [1, 2, 10, 15, 27, 28, 52, 72, 84, 85, 87, 97, 99] where rng.chance(0.8) {
                            let ch = String(format: "%02d", chapter)
                            let chapterLayout = layout == 3 ? rng.int(0...2) : layout
                            var chapterTop: Int64 = 0
                            let chapterValue = money()
                            if chapterLayout != 2 {
                                emit(cmd: ch, desc: "Chapter \(ch), \"goods\", other", level: 2, leaf: false, milli: chapterValue)
                                chapterTop = chapterValue
                            }
                            if chapterLayout != 1 {
                                for h in 1...rng.int(1...2) {
                                    let heading = ch + String(format: "%02d", h)
                                    if chapterLayout == 0 {
                                        emit(cmd: heading, desc: "Heading \(heading)", level: 4, leaf: false, milli: money())
                                    }
                                    for s in 1...rng.int(1...3) {
                                        let sub = heading + String(format: "%02d", s * 10)
                                        let v = money()
                                        emit(cmd: sub, desc: "Subheading \(sub), n.e.s.", level: 6, leaf: true, milli: v)
                                        if chapterLayout == 2 { chapterTop += v }
                                    }
                                }
                            }
                            if let s = Self.section(ofChapter: chapter) { sections[s, default: 0] += chapterTop }
                        }
                        if counted {
                            for (s, v) in sections {
                                expected[ExpectedKey(reporter: rep, flow: flow, year: year, section: s)] = v
                            }
                        }
                    }
                }
            }
        }
        // Mirror: in years where Turkmenistan does not report, its exports to Kazakhstan are Kazakhstan's
        // imports, which are marked as such (and not written again as exports).
        for (k, v) in expected where k.reporter == 398 && k.flow == "M" && !turkmenistanReports.contains(k.year) {
            expectedMirror[k] = v
        }
    }

    static func quote(_ s: String) -> String {
        if s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// The CSV text of the generated rows.
    func csv() -> [UInt8] {
        var order = Array(0..<Self.header.count)
        if shuffleColumns {
            var rng = SplitMix(seed: seed ^ 0xABCDEF)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.int(0...i)) }
        }
        let eol = crlf ? "\r\n" : "\n"
        var text = order.map { Self.quote(Self.header[$0]) }.joined(separator: ",") + eol
        for r in rows { text += order.map { Self.quote(r[$0]) }.joined(separator: ",") + eol }
        var bytes = Array(text.utf8)
        if bom { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        return bytes
    }

    static let datasetJSON = """
    {
      "schema": 1,
      "title": "Kazakhstan and Turkmenistan (test)",
      "asOf": "2025-11-26",
      "countries": [
        {"code": "KZ", "name": "Kazakhstan", "isoNumeric": 398, "iso3": "KAZ"},
        {"code": "TM", "name": "Turkmenistan", "isoNumeric": 795, "iso3": "TKM"}
      ],
      "sources": [{"id": "press", "publisher": "A newspaper", "title": "Trade grew"}],
      "trade": [
        {"year": 2021, "flow": "turnover", "usd": 254300000, "kind": "stated", "source": "press"},
        {"year": 2022, "flow": "exports", "from": "KZ", "to": "TM", "usd": 1.5e8, "kind": "stated", "source": "press", "note": "rounded"}
      ]
    }
    """

    static func dataset() throws -> Dataset {
        try DatasetLoader.load(bytes: Array(datasetJSON.utf8), file: "test.json")
    }
}

/// The imported observations as the same keys as `ComtradeFixture.expected`.
func keyed(_ observations: [TradeObservation], kind: FigureKind) -> [ExpectedKey: Int64] {
    var out = [ExpectedKey: Int64]()
    let numeric = ["KZ": 398, "TM": 795]
    for o in observations where o.kind == kind {
        let reporter = o.flow == .exports ? numeric[o.from!]! : numeric[o.to!]!
        let key = ExpectedKey(reporter: reporter, flow: o.flow == .exports ? "X" : "M", year: o.period.year, section: o.hsSection ?? 0)
        precondition(out[key] == nil, "two observations for \(key)")
        out[key] = Int64((o.usd! * 1000).rounded())
    }
    return out
}

/// The stated imports that carry the mirror note, as the same keys as `ComtradeFixture.expectedMirror`.
func mirrored(_ observations: [TradeObservation]) -> [ExpectedKey: Int64] {
    keyed(observations.filter { $0.note?.hasPrefix("mirror: also ") == true }, kind: .stated)
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tradedash-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
