import Foundation
import Testing
@testable import DashboardUI

/// One grapheme cluster and the columns a terminal gives it (Python wcwidth 0.7's `wcswidth`,
/// except control characters: wcwidth says −1, the canvas draws nothing for them).
struct WidthCase: CustomStringConvertible, Sendable {
    let text: String
    let width: Int
    let name: String
    var description: String { "\(name) [\(text.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: " "))]" }
}

enum WidthCases {
    static let all: [WidthCase] = [
        // ASCII and controls
        .init(text: "a", width: 1, name: "ASCII letter"),
        .init(text: " ", width: 1, name: "space"),
        .init(text: "~", width: 1, name: "tilde"),
        .init(text: "\u{7}", width: 0, name: "BEL (control)"),
        .init(text: "\u{1B}", width: 0, name: "ESC (control)"),
        .init(text: "\u{7F}", width: 0, name: "DEL"),
        .init(text: "\u{85}", width: 0, name: "NEL (C1 control)"),
        .init(text: "\r\n", width: 0, name: "CR LF"),
        .init(text: "\u{0}", width: 0, name: "NUL"),
        // Latin and Cyrillic, with and without combining marks
        .init(text: "\u{E9}", width: 1, name: "e acute, precomposed"),
        .init(text: "e\u{301}", width: 1, name: "e + combining acute"),
        .init(text: "\u{15F}", width: 1, name: "s cedilla"),
        .init(text: "\u{18F}", width: 1, name: "capital schwa"),
        .init(text: "\u{416}", width: 1, name: "Cyrillic Zhe"),
        .init(text: "\u{438}\u{306}", width: 1, name: "Cyrillic i + combining breve"),
        .init(text: "\u{AD}", width: 1, name: "soft hyphen"),
        // East Asian wide and fullwidth
        .init(text: "\u{65E5}", width: 2, name: "CJK ideograph"),
        .init(text: "\u{D55C}", width: 2, name: "Hangul syllable"),
        .init(text: "\u{30A2}", width: 2, name: "katakana"),
        .init(text: "\u{FF71}", width: 1, name: "halfwidth katakana"),
        .init(text: "\u{FF21}", width: 2, name: "fullwidth A"),
        .init(text: "\u{31350}", width: 2, name: "CJK Extension H"),
        .init(text: "\u{17000}", width: 2, name: "Tangut"),
        .init(text: "\u{18800}", width: 2, name: "Tangut component"),
        .init(text: "\u{18B00}", width: 2, name: "Khitan small script"),
        .init(text: "\u{1B000}", width: 2, name: "Kana Supplement"),
        .init(text: "\u{1B11F}", width: 2, name: "Kana Extended-A"),
        .init(text: "\u{1B132}", width: 2, name: "small kana extension"),
        .init(text: "\u{1F210}", width: 2, name: "squared CJK ideograph"),
        .init(text: "\u{FE10}", width: 2, name: "presentation form for vertical comma"),
        .init(text: "\u{2329}", width: 2, name: "left-pointing angle bracket"),
        .init(text: "\u{232A}", width: 2, name: "right-pointing angle bracket"),
        .init(text: "\u{65E5}\u{301}", width: 2, name: "ideograph + combining acute"),
        // Keycaps
        .init(text: "1\u{FE0F}\u{20E3}", width: 2, name: "keycap one"),
        .init(text: "#\u{FE0F}\u{20E3}", width: 2, name: "keycap number sign"),
        .init(text: "1\u{20E3}", width: 1, name: "keycap without VS16"),
        // Hangul conjoining jamo
        .init(text: "\u{1100}\u{1161}\u{11A8}", width: 2, name: "Hangul jamo L+V+T"),
        .init(text: "\u{1100}\u{1161}", width: 2, name: "Hangul jamo L+V"),
        .init(text: "\u{1100}\u{1100}\u{1161}", width: 4, name: "Hangul jamo L+L+V"),
        .init(text: "\u{A960}\u{D7B0}", width: 2, name: "Hangul extended jamo L+V"),
        .init(text: "\u{AC00}\u{11A8}", width: 2, name: "Hangul LV syllable + T"),
        .init(text: "\u{1161}", width: 0, name: "lone Hangul medial vowel"),
        .init(text: "\u{3164}", width: 0, name: "Hangul filler"),
        .init(text: "\u{FFA0}", width: 0, name: "halfwidth Hangul filler"),
        // Prepended concatenation marks
        .init(text: "\u{600}1", width: 2, name: "Arabic number sign + digit"),
        .init(text: "\u{6DD}\u{661}", width: 2, name: "Arabic end of ayah + Arabic-Indic digit"),
        .init(text: "\u{110BD}1", width: 2, name: "Kaithi number sign + digit"),
        .init(text: "\u{600}", width: 1, name: "lone Arabic number sign"),
        // Emoji
        .init(text: "\u{1F600}", width: 2, name: "grinning face"),
        .init(text: "\u{2764}", width: 1, name: "heavy black heart, text presentation"),
        .init(text: "\u{2764}\u{FE0F}", width: 2, name: "heavy black heart + VS16"),
        .init(text: "\u{2764}\u{FE0E}", width: 1, name: "heavy black heart + VS15"),
        .init(text: "\u{231A}", width: 2, name: "watch (emoji presentation)"),
        .init(text: "\u{231A}\u{FE0E}", width: 2, name: "watch + VS15 (stays wide)"),
        .init(text: "\u{263A}", width: 1, name: "white smiling face, text"),
        .init(text: "\u{263A}\u{FE0F}", width: 2, name: "white smiling face + VS16"),
        .init(text: "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", width: 2, name: "ZWJ family"),
        .init(text: "\u{1F469}\u{200D}\u{1F4BB}", width: 2, name: "woman technologist"),
        .init(text: "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}", width: 2, name: "rainbow flag"),
        .init(text: "\u{1F1F0}\u{1F1FF}", width: 2, name: "flag of Kazakhstan"),
        .init(text: "\u{1F1F9}\u{1F1F2}", width: 2, name: "flag of Turkmenistan"),
        .init(text: "\u{1F1E6}", width: 2, name: "lone regional indicator"),
        .init(text: "\u{1F44D}\u{1F3FD}", width: 2, name: "thumbs up + skin tone"),
        .init(text: "\u{270B}\u{1F3FD}", width: 2, name: "raised hand + skin tone"),
        .init(text: "\u{1F3FD}", width: 2, name: "lone skin tone modifier"),
        .init(text: "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", width: 2, name: "flag of England (tag sequence)"),
        // Indic and Thai
        .init(text: "\u{915}", width: 1, name: "Devanagari ka"),
        .init(text: "\u{915}\u{93E}", width: 2, name: "ka + vowel sign aa (spacing mark)"),
        .init(text: "\u{915}\u{93F}", width: 2, name: "ka + vowel sign i (spacing mark)"),
        .init(text: "\u{915}\u{902}", width: 1, name: "ka + anusvara (nonspacing)"),
        .init(text: "\u{915}\u{94D}\u{937}", width: 2, name: "conjunct ksha"),
        .init(text: "\u{915}\u{94D}\u{937}\u{93E}", width: 2, name: "conjunct ksha + aa"),
        .init(text: "\u{93F}", width: 0, name: "lone spacing mark"),
        .init(text: "\u{E01}\u{E33}", width: 2, name: "Thai ko kai + sara am"),
        .init(text: "\u{E01}\u{E34}", width: 1, name: "Thai ko kai + sara i (nonspacing)"),
        // Joiners, selectors, invisible characters
        .init(text: "a\u{200D}", width: 1, name: "letter + ZWJ"),
        .init(text: "\u{200B}", width: 0, name: "zero width space"),
        .init(text: "a\u{FE00}", width: 1, name: "letter + VS1"),
        .init(text: "a\u{34F}", width: 1, name: "letter + combining grapheme joiner"),
        .init(text: "\u{2028}", width: 0, name: "line separator"),
        .init(text: "a\u{20DD}", width: 1, name: "letter + enclosing circle"),
    ]
}

@Suite("Display width by the Unicode tables")
struct DisplayWidthTableTests {
    @Test("every cluster of the table has the width a terminal gives it", arguments: WidthCases.all)
    func tableCase(_ c: WidthCase) {
        #expect(c.text.count == 1, "\(c) is one grapheme cluster")
        #expect(DisplayWidth.of(Character(c.text)) == c.width, "\(c)")
        #expect(DisplayWidth.of(c.text) == c.width, "\(c) as a string")
        // Line feeds keep the cluster apart from the letters (a mark would join a letter before it).
        #expect(DisplayWidth.of("ab\n" + c.text + "\ncd") == 4 + c.width, "\(c) between ASCII letters")
    }

    @Test("strings add up their clusters; ASCII strings count their printable bytes")
    func strings() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("Aktau – Türkmenbaşy") == 19)
        #expect(DisplayWidth.of("a\tb\u{7}c\r\n") == 3)
        #expect(DisplayWidth.of("日本語テキスト") == 14)
        #expect(DisplayWidth.of("\u{1F1F0}\u{1F1FF}\u{1F1F9}\u{1F1F2}") == 4)
        #expect(DisplayWidth.of("\u{1F1F0}\u{1F1FF}\u{1F1F9}") == 4, "a lone regional indicator after a flag")
        let mixed = WidthCases.all.map(\.text).joined(separator: "|")
        #expect(DisplayWidth.of(mixed) == mixed.reduce(0) { $0 + DisplayWidth.of($1) })
    }

    @Test("a string is the sum of its clusters, whichever way it is measured")
    func stringShortcutAgreesWithClusters() {
        let texts = WidthCases.all.map(\.text) + ["\u{1F3FD}", "\u{A9}", "\u{1F1E6}", "\u{94D}", "\u{937}"]
        for a in texts {
            for b in texts {
                let s = "x" + a + b + "\u{FC}\u{65E5}"
                #expect(DisplayWidth.of(s) == DisplayWidth.byClusters(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test("the table is sorted, its ranges do not overlap, and lookups agree with a linear scan")
    func tableIsSorted() {
        let r = UnicodeWidthTable.ranges
        #expect(r.count > 500)
        var previousLast: UInt64? = nil
        for e in r {
            let first = e >> 43, last = (e >> 22) & 0x1F_FFFF
            #expect(first <= last && last <= 0x10FFFF)
            if let p = previousLast { #expect(first > p, "range \(String(first, radix: 16)) overlaps or is out of order") }
            previousLast = last
        }
        func linear(_ v: UInt32) -> UInt8 {
            for e in r where e >> 43 <= UInt64(v) && (e >> 22) & 0x1F_FFFF >= UInt64(v) { return UInt8(truncatingIfNeeded: e) }
            return 1
        }
        for v in stride(from: UInt32(0), through: 0x10FFFF, by: 97) { #expect(DisplayWidth.lookup(v) == linear(v)) }
        for e in r {
            for v in [UInt32(e >> 43), UInt32((e >> 22) & 0x1F_FFFF)] { #expect(DisplayWidth.lookup(v) == linear(v)) }
        }
        #expect(UnicodeWidthTable.unicodeVersion == "17.0.0")
    }

    @Test("our widths agree with Python wcwidth for every scalar and every cluster of the table",
          .enabled(if: PythonWcwidth.available, PythonWcwidth.missing))
    func agreesWithPythonWcwidth() throws {
        // Every Unicode scalar alone.
        let runs = try PythonWcwidth.run(["all"], input: "")
        var checked = 0, disagreements = [String](), controls = 0
        for line in runs.split(separator: "\n") {
            let f = line.split(separator: " ").map { Int($0, radix: 16)! }
            let (first, last, theirs) = (f[0], f[1], f[2] - 1)
            for v in first...last {
                guard let u = Unicode.Scalar(UInt32(v)) else { continue }
                let ours = DisplayWidth.of(Character(u))
                checked += 1
                if theirs == -1 { controls += 1; if ours != 0 { disagreements.append("U+\(String(v, radix: 16)) control: \(ours)") } }
                else if ours != theirs { disagreements.append("U+\(String(v, radix: 16)): ours \(ours), wcwidth \(theirs)") }
            }
        }
        #expect(checked == 0x110000 - 0x800, "every scalar was compared")
        #expect(disagreements.isEmpty, "\(disagreements.count) scalars differ: \(disagreements.prefix(20))")
        // The clusters of the table.
        let input = WidthCases.all.map { $0.text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") }.joined(separator: "\n") + "\n"
        let widths = try PythonWcwidth.run(["strings"], input: input).split(separator: "\n").map { Int($0)! }
        #expect(widths.count == WidthCases.all.count)
        var clusterDisagreements = [String]()
        for (c, theirs) in zip(WidthCases.all, widths) {
            let expected = max(theirs, 0)
            if c.width != expected || DisplayWidth.of(Character(c.text)) != expected { clusterDisagreements.append("\(c): wcwidth \(theirs)") }
        }
        #expect(clusterDisagreements.isEmpty, "\(clusterDisagreements)")
        print("DisplayWidth vs Python wcwidth \(PythonWcwidth.version ?? "?"): \(checked) scalars, \(disagreements.count) disagree "
              + "(\(controls) controls: wcwidth −1, ours 0); \(WidthCases.all.count) clusters, \(clusterDisagreements.count) disagree")
    }
}

/// Python's wcwidth package, run as an oracle (`python3` with `pip install wcwidth`).
enum PythonWcwidth {
    static let script = """
    import sys, wcwidth
    if sys.argv[1] == 'version':
        print(wcwidth.__version__)
    elif sys.argv[1] == 'all':
        # Runs of equal width over every scalar, as 'first last width+1' in hex.
        out, start, prev = [], None, None
        for v in list(range(0, 0xD800)) + list(range(0xE000, 0x110000)):
            w = wcwidth.wcwidth(chr(v))
            if start is not None and (w != prev or v != last + 1):
                out.append('%x %x %x' % (start, last, prev + 1)); start = None
            if start is None: start, prev = v, w
            last = v
        out.append('%x %x %x' % (start, last, prev + 1))
        print('\\n'.join(out))
    else:
        # wcswidth of each input line, given as hex scalars separated by spaces.
        for line in sys.stdin.read().split('\\n')[:-1]:
            print(wcwidth.wcswidth(''.join(chr(int(h, 16)) for h in line.split())))
    """

    /// Every python3 on PATH (then the usual places), in order.
    static let pythons: [String] = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin"]
        var seen = Set<String>()
        return dirs.map { "\($0)/python3" }.filter { FileManager.default.isExecutableFile(atPath: $0) && seen.insert($0).inserted }
    }()
    /// The first of them that has the wcwidth package, and its version.
    static let found: (python: String, version: String)? = pythons.lazy.compactMap { p in
        (try? run(["version"], input: "", python: p)).map { (p, $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }.first
    static var version: String? { found?.version }
    static let available = found != nil
    static var missing: Comment {
        pythons.isEmpty ? "python3 is not installed: skipping the comparison with Python wcwidth"
            : "Python's wcwidth package is not installed (pip install wcwidth): skipping the comparison with it"
    }

    struct Failed: Error, CustomStringConvertible { let description: String }

    static func run(_ args: [String], input: String, python: String? = nil) throws -> String {
        guard let python = python ?? found?.python else { throw Failed(description: "no python3 with wcwidth") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", script] + args
        let stdin = Pipe(), stdout = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = FileHandle.nullDevice
        try p.run()
        let writer = Thread { stdin.fileHandleForWriting.write(Data(input.utf8)); try? stdin.fileHandleForWriting.close() }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw Failed(description: "python3 \(args) exited with \(p.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }
}
