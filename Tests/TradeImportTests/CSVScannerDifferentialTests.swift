import Testing
@testable import TradeImport

/// The scanner's fast paths (16 bytes at a time over plain and quoted text, issue 9) against a plain
/// byte-by-byte reading of the same text, on generated files: fields of every kind, placed at every
/// offset from the 8- and 16-byte blocks, read whole and in small chunks.
@Suite struct CSVScannerDifferentialTests {
    /// The records of well-formed CSV text, read one byte at a time (the reference): quotes open a
    /// field only at its start, `""` in a quoted field is a quote, a CR before the LF that ends a
    /// record is dropped, a record of one empty unquoted field (a blank line) is skipped.
    static func reference(_ bytes: [UInt8]) -> [[String]] {
        var records = [[String]]()
        var fields = [String]()
        var field = [UInt8]()
        var quoted = false, inQuotes = false, wasQuoted = false
        var i = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            wasQuoted = quoted
            quoted = false
        }
        func endRecord() {
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) { records.append(fields) }
            fields = []
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    inQuotes = false
                } else {
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22 where field.isEmpty && !quoted:
                quoted = true
                inQuotes = true
            case 0x2C:
                endField()
            case 0x0A:
                if !quoted, field.last == 0x0D { field.removeLast() }
                endField()
                endRecord()
            case 0x0D where quoted:
                break // the CR of a CRLF after a closing quote
            default:
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty || quoted {
            endField()
            endRecord()
        }
        return records
    }

    static func generate(_ rng: inout SplitMix) -> [UInt8] {
        let plainBytes = Array("abcdefghijklmnopqrstuvwxyz0123456789 .;-_/:".utf8)
        let wide: [[UInt8]] = ["é", "ж", "中", "😀", "²", "–"].map { Array($0.utf8) }
        func plain(_ n: Int) -> [UInt8] { (0..<n).map { _ in plainBytes[rng.int(0...(plainBytes.count - 1))] } }
        var out = [UInt8]()
        for _ in 0..<rng.int(1...40) {
            let fields = rng.int(1...60)
            for f in 0..<fields {
                if f > 0 { out.append(0x2C) }
                switch rng.int(0...9) {
                case 0: break // empty
                case 1, 2, 3: out += plain(rng.int(1...(rng.chance(0.2) ? 70 : 9)))
                case 4: // plain with non-ASCII letters
                    out += plain(rng.int(0...5)) + wide[rng.int(0...(wide.count - 1))] + plain(rng.int(0...20))
                case 5: // a quote inside an unquoted field is data
                    out += plain(rng.int(1...6)) + [0x22] + plain(rng.int(0...6))
                default: // quoted: commas, doubled quotes, line breaks, non-ASCII
                    out.append(0x22)
                    for _ in 0..<rng.int(0...6) {
                        switch rng.int(0...6) {
                        case 0: out += [0x2C]
                        case 1: out += [0x22, 0x22]
                        case 2: out += rng.chance(0.5) ? [0x0A] : [0x0D, 0x0A]
                        case 3: out += wide[rng.int(0...(wide.count - 1))]
                        default: out += plain(rng.int(0...(rng.chance(0.3) ? 60 : 12)))
                        }
                    }
                    out.append(0x22)
                }
            }
            out += rng.chance(0.3) ? [0x0D, 0x0A] : [0x0A]
            if rng.chance(0.05) { out += [0x0A] } // a blank line
        }
        if rng.chance(0.3), out.last == 0x0A { out.removeLast(); if out.last == 0x0D { out.removeLast() } }
        return out
    }

    static func read(_ bytes: [UInt8], chunk: Int) throws -> [[String]] {
        let reader = CSVReader(bytes: bytes, chunkSize: chunk)
        var records = [[String]]()
        while try reader.next() { records.append(reader.strings()) }
        return records
    }

    @Test func generatedFilesReadAsByteByByte() throws {
        var rng = SplitMix(seed: 2026_12_03)
        var compared = 0
        for round in 0..<250 {
            let bytes = Self.generate(&rng)
            let expected = Self.reference(bytes)
            for chunk in [CSVReader.defaultChunkSize, 1, 7, 16, 61] where round % 5 == 0 || chunk == CSVReader.defaultChunkSize {
                let got = try Self.read(bytes, chunk: chunk)
                #expect(got == expected, "round \(round), chunk \(chunk)")
                if got != expected { return }
                compared += got.count
            }
        }
        #expect(compared > 3_000)
    }

    /// A field that begins with a quote at each offset from a 16-byte block, after plain fields.
    @Test func quotedFieldsAtEveryOffset() throws {
        for lead in 0..<40 {
            let text = String(repeating: "x", count: lead) + ",ab,\"q,\"\"r\"\"\",c\n" + String(repeating: "y,", count: lead) + "\"z\"\n"
            let got = try Self.read(Array(text.utf8), chunk: CSVReader.defaultChunkSize)
            #expect(got == Self.reference(Array(text.utf8)), "lead \(lead)")
            #expect(got.first == [String(repeating: "x", count: lead), "ab", "q,\"r\"", "c"])
        }
    }
}
