/// The scanner of `CSVReader`: finds the fields of one record in the buffer.
///
/// It looks at eight bytes at a time (SWAR): one 64-bit load tells whether the word holds a comma, a
/// quote, a line feed or a non-ASCII byte, so ordinary text is skipped a word at a time.
extension CSVReader {
    enum Outcome { case complete, needMore }

    private static let lo7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let hi: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// High bit set in each byte of `w` equal to `c` (exact: no false positives from borrows).
    @inline(__always)
    private static func eq(_ w: UInt64, _ c: UInt8) -> UInt64 {
        let x = w ^ (ones &* UInt64(c))
        return ~(((x & lo7) &+ lo7) | x) & hi
    }

    @inline(__always)
    private static func load(_ buffer: UnsafeMutablePointer<UInt8>, _ p: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(buffer + p).loadUnaligned(as: UInt64.self))
    }

    /// Length of the valid UTF-8 sequence at `q` (whose first byte is ≥ 0x80): > 0 valid; 0 when it may
    /// continue past the data read so far; -k for an invalid sequence whose first k bytes are to be
    /// skipped as one error (the lead byte and the continuation bytes that were valid, as U+FFFD
    /// replacement counts a "maximal subpart").
    @inline(__always)
    private static func utf8Sequence(_ buffer: UnsafeMutablePointer<UInt8>, at q: Int, end dataEnd: Int, atEOF: Bool) -> Int {
        let b0 = buffer[q]
        var need = 0
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return -1
        }
        for k in 1...need {
            if q + k >= dataEnd { return atEOF ? -k : 0 }
            let b = buffer[q + k]
            if b < lo || b > hi { return -k }
            lo = 0x80; hi = 0xBF
        }
        return need + 1
    }

    /// Takes the 16-byte blocks from `p` on that hold no line feed, quote or non-ASCII byte, noting a
    /// field at each comma, while `fieldCount` is at most `limit` (sixteen fields of room per block);
    /// leaves `p` at the first block it did not take.
    ///
    /// Out of line on purpose: its loop then has few values live, all in registers. The byte
    /// comparisons are vector ones (`SIMD16`, one instruction for 16 bytes); the comma positions are
    /// then read from the two 64-bit halves of the comparison, a byte of 0xFF for each comma.
    @inline(never)
    static func scanPlain(_ buffer: UnsafeMutablePointer<UInt8>, _ position: inout Int, _ start: inout Int,
                          _ spans: UnsafeMutablePointer<Span>, _ count: inout Int, limit: Int) {
        var p = position, fieldStart = start, fieldCount = count
        defer { position = p; start = fieldStart; count = fieldCount }
        let comma = SIMD16<UInt8>(repeating: 0x2C), lineFeed = SIMD16<UInt8>(repeating: 0x0A)
        let quote = SIMD16<UInt8>(repeating: 0x22), high = SIMD16<UInt8>(repeating: 0x80)
        let zero = SIMD16<UInt8>(repeating: 0)
        while fieldCount <= limit {
            let v = UnsafeRawPointer(buffer + p).loadUnaligned(as: SIMD16<UInt8>.self)
            let stop = (v .== lineFeed) .| (v .== quote) .| ((v & high) .!= zero)
            // (`any(stop)` is not inlined: the mask is read as two words instead.)
            let stopWords = unsafeBitCast(zero.replacing(with: 0xFF, where: stop), to: SIMD2<UInt64>.self)
            if stopWords[0] | stopWords[1] != 0 { return }
            let commas = unsafeBitCast(zero.replacing(with: 0x80, where: v .== comma), to: SIMD2<UInt64>.self)
            var c = commas[0]
            while c != 0 {
                let at = p &+ (c.trailingZeroBitCount &>> 3)
                c &= c &- 1
                spans[fieldCount] = Span(start: fieldStart, end: at, quoted: false, escaped: false)
                fieldCount &+= 1
                fieldStart = at &+ 1
            }
            c = commas[1]
            while c != 0 {
                let at = p &+ 8 &+ (c.trailingZeroBitCount &>> 3)
                c &= c &- 1
                spans[fieldCount] = Span(start: fieldStart, end: at, quoted: false, escaped: false)
                fieldCount &+= 1
                fieldStart = at &+ 1
            }
            p &+= 16
        }
    }

    /// Notes field `start..<end` of the record, growing the span storage when it is full.
    @inline(__always)
    static func addField(_ spans: inout UnsafeMutablePointer<Span>, _ spanCapacity: inout Int, _ fieldCount: inout Int, line: Int,
                         _ start: Int, _ end: Int, quoted: Bool, escaped: Bool) throws(CSVError) {
        if fieldCount == spanCapacity {
            if spanCapacity >= CSVReader.maximumFields {
                throw CSVError(line: line, message: "a record with more than \(CSVReader.maximumFields) fields")
            }
            let grown = UnsafeMutablePointer<Span>.allocate(capacity: spanCapacity * 2)
            grown.moveInitialize(from: spans, count: fieldCount)
            spans.deallocate()
            spans = grown
            spanCapacity *= 2
        }
        spans[fieldCount] = Span(start: start, end: end, quoted: quoted, escaped: escaped)
        fieldCount += 1
    }

    /// The first 16-byte block from `q` on that holds a quote, a line feed or a non-ASCII byte (the
    /// text of a quoted field is skipped 16 bytes at a time; the sentinel line feed ends the search).
    @inline(__always)
    static func skipQuotedText(_ buffer: UnsafeMutablePointer<UInt8>, _ start: Int) -> Int {
        let lineFeed = SIMD16<UInt8>(repeating: 0x0A), quote = SIMD16<UInt8>(repeating: 0x22)
        let high = SIMD16<UInt8>(repeating: 0x80), zero = SIMD16<UInt8>(repeating: 0)
        var q = start
        while true {
            let v = UnsafeRawPointer(buffer + q).loadUnaligned(as: SIMD16<UInt8>.self)
            let stop = (v .== lineFeed) .| (v .== quote) .| ((v & high) .!= zero)
            let words = unsafeBitCast(zero.replacing(with: 0xFF, where: stop), to: SIMD2<UInt64>.self)
            if words[0] | words[1] != 0 { return q }
            q &+= 16
        }
    }

    /// Parses one record starting at `pos`. On `.needMore` nothing is consumed: the record is parsed
    /// again from its start once more bytes are in.
    ///
    /// Longer than the 80 lines a function may have, on purpose: this is the import's measured hot
    /// loop (every byte of the file passes through it), and it keeps its whole state in locals of one
    /// function so that nothing is stored back to the object per byte; split into several functions,
    /// that state would have to pass between them.
    func parseRecord() throws(CSVError) -> Outcome {
        // Everything the loop touches is a local: no access to the object's properties per byte.
        let buffer = self.buffer
        let atEOF = self.atEOF
        let nextLine = self.nextLine
        var spans = self.spans
        var spanCapacity = self.spanCapacity
        var fieldCount = 0
        defer {
            self.spans = spans
            self.spanCapacity = spanCapacity
            self.fieldCount = fieldCount
        }
        var newlines = 0
        var invalid = 0
        var firstInvalidOffset = -1
        var crlf = false
        var fieldStart = pos
        var p = pos
        let end = dataEnd

        // (No nested functions here: one that captures and changes these locals costs a run-time
        // exclusivity check per record.)

        while true {
            // At the start of a field, or inside an unquoted one from `fieldStart`.
            if p == fieldStart && buffer[p] == 0x22 {
                // A quoted field.
                let contentStart = p + 1
                var q = contentStart
                var escaped = false
                var closing = -1
                while closing < 0 {
                    q = CSVReader.skipQuotedText(buffer, q)
                    let w = CSVReader.load(buffer, q)
                    var m = CSVReader.eq(w, 0x22) | CSVReader.eq(w, 0x0A) | (w & CSVReader.hi)
                    if m == 0 { q += 8; continue }
                    var advanced = false
                    while m != 0 {
                        let at = q + (m.trailingZeroBitCount >> 3)
                        m &= m &- 1
                        let b = buffer[at]
                        if b == 0x0A {
                            if at >= end {
                                if !atEOF { return .needMore }
                                throw CSVError(line: nextLine + newlines,
                                               message: "unterminated quoted field (opened on line \(nextLine + countNewlines(pos, p))): the file may be truncated")
                            }
                            newlines += 1
                        } else if b == 0x22 {
                            if at + 1 >= end && !atEOF { return .needMore }
                            if buffer[at + 1] == 0x22 && at + 1 < end {
                                escaped = true
                                q = at + 2
                                advanced = true
                                break
                            }
                            closing = at
                            break
                        } else {
                            let n = CSVReader.utf8Sequence(buffer, at: at, end: end, atEOF: atEOF)
                            if n == 0 { return .needMore }
                            if n < 0 { if invalid == 0 { firstInvalidOffset = newlines }; invalid += 1; q = at - n } else { q = at + n }
                            advanced = true
                            break
                        }
                    }
                    if closing < 0 && !advanced { q += 8 }
                }
                try CSVReader.addField(&spans, &spanCapacity, &fieldCount, line: nextLine, contentStart, closing, quoted: true, escaped: escaped)
                // What follows the closing quote: a comma, a line break or the end of the file.
                let a = closing + 1
                if a >= end {
                    if !atEOF { return .needMore }
                    p = end
                    break
                }
                let b = buffer[a]
                if b == 0x2C { p = a + 1; fieldStart = p; continue }
                if b == 0x0A { p = a + 1; break }
                if b == 0x0D {
                    if a + 1 >= end {
                        if !atEOF { return .needMore }
                        p = end
                        break
                    }
                    if buffer[a + 1] == 0x0A { crlf = true; p = a + 2; break }
                }
                throw CSVError(line: nextLine + newlines,
                               message: "field \(fieldCount): unexpected \(describe(b)) after the closing quote (a quote inside a quoted field must be doubled)")
            }

            // An unquoted field. Words holding only commas and plain ASCII are taken by `scanPlain`
            // (the common case); it stops at the first word holding a line feed, a quote or a
            // non-ASCII byte, which is handled below byte by byte.
            if fieldCount + 16 <= spanCapacity {
                let before = p
                CSVReader.scanPlain(buffer, &p, &fieldStart, spans, &fieldCount, limit: spanCapacity - 16)
                // A field beginning with a quote right after the last word taken: parse it quoted.
                if p != before && p == fieldStart && buffer[p] == 0x22 { continue }
            }
            // Find the next comma, line feed, quote or non-ASCII byte.
            let w = CSVReader.load(buffer, p)
            var m = CSVReader.eq(w, 0x2C) | CSVReader.eq(w, 0x0A) | CSVReader.eq(w, 0x22) | (w & CSVReader.hi)
            if m == 0 { p += 8; continue }
            var reload = false
            var recordEnd = -1
            while m != 0 {
                let at = p + (m.trailingZeroBitCount >> 3)
                m &= m &- 1
                let b = buffer[at]
                if b == 0x2C {
                    try CSVReader.addField(&spans, &spanCapacity, &fieldCount, line: nextLine, fieldStart, at, quoted: false, escaped: false)
                    fieldStart = at + 1
                    if buffer[fieldStart] == 0x22 { p = fieldStart; reload = true; break }
                } else if b == 0x0A {
                    if at >= end {
                        if !atEOF { return .needMore }
                        var e = end
                        if e > fieldStart && buffer[e - 1] == 0x0D { e -= 1 }
                        try CSVReader.addField(&spans, &spanCapacity, &fieldCount, line: nextLine, fieldStart, e, quoted: false, escaped: false)
                        recordEnd = end
                    } else {
                        var e = at
                        if e > fieldStart && buffer[e - 1] == 0x0D { e -= 1; crlf = true }
                        try CSVReader.addField(&spans, &spanCapacity, &fieldCount, line: nextLine, fieldStart, e, quoted: false, escaped: false)
                        recordEnd = at + 1
                    }
                    break
                } else if b == 0x22 {
                    // A quote inside an unquoted field is kept as data (as most readers do).
                    continue
                } else {
                    let n = CSVReader.utf8Sequence(buffer, at: at, end: end, atEOF: atEOF)
                    if n == 0 { return .needMore }
                    if n < 0 { if invalid == 0 { firstInvalidOffset = newlines }; invalid += 1; p = at - n } else { p = at + n }
                    reload = true
                    break
                }
            }
            if recordEnd >= 0 { p = recordEnd; break }
            if !reload { p += 8 }
        }

        // The record is complete.
        if invalid > 0 {
            if invalidUTF8Count == 0 { firstInvalidUTF8Line = nextLine + firstInvalidOffset }
            invalidUTF8Count += invalid
        }
        if crlf { sawCRLF = true }
        recordLine = nextLine
        self.nextLine = nextLine + newlines + 1
        pos = p
        return .complete
    }

    private func countNewlines(_ from: Int, _ to: Int) -> Int {
        var n = 0
        var k = from
        while k < to { if buffer[k] == 0x0A { n += 1 }; k += 1 }
        return n
    }

    private func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0x20 { return "space" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }
}
