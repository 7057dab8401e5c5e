import Testing
@testable import TradeImport

/// Reads every record of `text` with the given chunk size: (line, fields) pairs.
private func records(_ bytes: [UInt8], chunk: Int = CSVReader.defaultChunkSize) throws -> [(Int, [String])] {
    let r = CSVReader(bytes: bytes, chunkSize: chunk)
    var out = [(Int, [String])]()
    while try r.next() { out.append((r.recordLine, r.strings())) }
    return out
}

private func records(_ text: String, chunk: Int = CSVReader.defaultChunkSize) throws -> [(Int, [String])] {
    try records(Array(text.utf8), chunk: chunk)
}

@Suite struct CSVReaderTests {
    static let tricky = "a,b,c\n" +
        "1,\"x, y\",\"he said \"\"hi\"\"\"\n" +
        "2,\"line one\nline two\",\n" +
        "\"\",,\"\"\"\"\n" +
        "3,plain,ünïcödé €\n"

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let rs = try records(Self.tricky)
        #expect(rs.map(\.1) == [["a", "b", "c"], ["1", "x, y", "he said \"hi\""], ["2", "line one\nline two", ""],
                                ["", "", "\""], ["3", "plain", "ünïcödé €"]])
        // Physical line numbers: the record after the two-line field starts on line 5.
        #expect(rs.map(\.0) == [1, 2, 3, 5, 6])
    }

    @Test func everyChunkSizeGivesTheSameRecords() throws {
        let whole = try records(Self.tricky)
        for chunk in [1, 2, 3, 5, 7, 8, 9, 13, 64] {
            let rs = try records(Self.tricky, chunk: chunk)
            #expect(rs.map(\.1) == whole.map(\.1), "chunk \(chunk)")
            #expect(rs.map(\.0) == whole.map(\.0), "chunk \(chunk)")
        }
    }

    @Test func crlfLineEndingsAreStripped() throws {
        let text = Self.tricky.replacingOccurrences(of: "\n", with: "\r\n")
        for chunk in [1, 4, 1 << 20] {
            let rs = try records(text, chunk: chunk)
            #expect(rs.map(\.1) == [["a", "b", "c"], ["1", "x, y", "he said \"hi\""], ["2", "line one\r\nline two", ""],
                                    ["", "", "\""], ["3", "plain", "ünïcödé €"]])
            #expect(rs.map(\.0) == [1, 2, 3, 5, 6])
        }
        let r = CSVReader(bytes: Array("a,b\r\n1,2\r\n".utf8))
        while try r.next() {}
        #expect(r.sawCRLF)
    }

    @Test func aUTF8ByteOrderMarkIsSkipped() throws {
        for chunk in [1, 2, 1 << 20] {
            let r = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("refYear,x\n2021,1\n".utf8), chunkSize: chunk)
            #expect(try r.next())
            #expect(r.strings() == ["refYear", "x"])
            #expect(r.hadByteOrderMark)
            #expect(try r.next())
            #expect(r.strings() == ["2021", "1"])
        }
    }

    @Test func theLastLineMayLackItsLineBreakAndBlankLinesAreSkipped() throws {
        #expect(try records("a,b\n\n1,2\n\r\n3,4").map(\.1) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(try records("a,b\n\"q\"").map(\.1) == [["a", "b"], ["q"]])
        #expect(try records("").isEmpty)
        #expect(try records("\n\n").isEmpty)
    }

    @Test func anUnterminatedQuoteAtTheEndIsAnErrorWithItsLine() throws {
        for chunk in [1, 3, 1 << 20] {
            let r = CSVReader(bytes: Array("a,b\n1,2\n3,\"never\nclosed".utf8), chunkSize: chunk)
            #expect(try r.next())
            #expect(try r.next())
            let e = #expect(throws: CSVError.self) { _ = try r.next() }
            #expect(e?.line == 4)
            #expect(e?.message.contains("unterminated quoted field (opened on line 3)") == true)
        }
    }

    @Test func textAfterAClosingQuoteIsAnError() throws {
        let r = CSVReader(bytes: Array("a,b\n\"x\"y,2\n".utf8))
        #expect(try r.next())
        let e = #expect(throws: CSVError.self) { _ = try r.next() }
        #expect(e?.line == 2)
        #expect(e?.message.contains("after the closing quote") == true)
    }

    @Test func invalidUTF8IsCountedWithTheLineOfTheFirst() throws {
        // 0xE9 is "é" in Latin-1; 0xC3 0x28 is a broken two-byte sequence.
        let bytes = Array("a,b\n1,ok\n2,caf".utf8) + [0xE9] + Array("\n3,\"x".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
        for chunk in [1, 2, 1 << 20] {
            let r = CSVReader(bytes: bytes, chunkSize: chunk)
            var n = 0
            while try r.next() { n += 1 }
            #expect(n == 4)
            #expect(r.invalidUTF8Count == 2)
            #expect(r.firstInvalidUTF8Line == 3)
        }
        // A truncated multi-byte sequence at the very end of the file.
        let r = CSVReader(bytes: Array("a\n€".utf8).dropLast())
        while try r.next() {}
        #expect(r.invalidUTF8Count == 1)
    }

    @Test func utf16IsRefusedWithAHint() throws {
        let r = CSVReader(bytes: [0xFF, 0xFE, 0x61, 0x00])
        let e = #expect(throws: CSVError.self) { _ = try r.next() }
        #expect(e?.message.contains("UTF-16") == true)
    }

    @Test func longRecordsGrowTheBufferAndManyRecordsKeepItSmall() throws {
        let long = String(repeating: "x", count: 10_000)
        let rs = try records("a,b\n\(long),\"\(long)\"\n1,2\n", chunk: 16)
        #expect(rs.map { $0.1.map(\.count) } == [[1, 1], [10_000, 10_000], [1, 1]])
    }

    @Test func rawBytesKeepEscapesUntilAsked() throws {
        let r = CSVReader(bytes: Array("\"a\"\"b\",c\n".utf8))
        #expect(try r.next())
        #expect(r.span(0).escaped && r.span(0).quoted)
        #expect(String(decoding: r.bytes(0), as: UTF8.self) == "a\"\"b")
        #expect(r.string(0) == "a\"b")
        #expect(!r.span(1).quoted)
    }
}
