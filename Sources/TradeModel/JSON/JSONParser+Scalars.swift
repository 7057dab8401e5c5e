/// The parser's scanning of the text itself: the UTF-8 check that also records line checkpoints,
/// and the scalars (literals, numbers, strings). The structure (values, arrays, objects) is in
/// JSONParser.swift.
extension JSONParser {
    /// Checks that the whole text is UTF-8 and records the line checkpoints of `LineIndex`.
    mutating func checkUTF8() throws(JSONSyntaxError) {
        var k = 0
        var ln = 1
        var ls = 0
        let n = count
        let blockSize = 1 << LineIndex.blockShift
        var checkpoints = [UInt64]()
        checkpoints.reserveCapacity(n / blockSize + 2)
        var nextCheckpoint = 0
        while k < n {
            if k >= nextCheckpoint {
                // No line break lies between the checkpoint and k: the state there is the state here.
                while nextCheckpoint <= k {
                    checkpoints.append(UInt64(ln) << 32 | UInt64(ls))
                    nextCheckpoint += blockSize
                }
            }
            // Eight ASCII bytes without a line break at a time, up to the next checkpoint.
            while k + 8 <= nextCheckpoint && k + 8 <= n {
                let w = UnsafeRawPointer(bytes.baseAddress! + k).loadUnaligned(as: UInt64.self)
                let x = w ^ 0x0A0A_0A0A_0A0A_0A0A
                let hasNewline = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                if (w & 0x8080_8080_8080_8080) | hasNewline != 0 { break }
                k += 8
            }
            if k >= n { break }
            if k >= nextCheckpoint { continue } // record the checkpoint first
            let b = bytes[k]
            if b < 0x80 {
                if b == 0x0A { ln += 1; ls = k + 1 }
                k += 1
                continue
            }
            var need = 0
            var minScalar: UInt32 = 0
            var scalar: UInt32 = 0
            switch b {
            case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F); minScalar = 0x80
            case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F); minScalar = 0x800
            case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07); minScalar = 0x10000
            default: need = -1
            }
            var ok = need > 0 && k + need < n
            if ok {
                for j in 1...need {
                    let c = bytes[k + j]
                    if c & 0xC0 != 0x80 { ok = false; break }
                    scalar = (scalar << 6) | UInt32(c & 0x3F)
                }
                if ok && (scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar)) { ok = false }
            }
            if !ok {
                // Column in characters from the line's start (a byte order mark counts here).
                var c = 1
                for j in ls..<k where bytes[j] & 0xC0 != 0x80 { c += 1 }
                throw JSONSyntaxError(line: ln, column: c,
                                      message: "invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true)) (the file must be UTF-8 text)")
            }
            k += need + 1
        }
        while checkpoints.count <= n / blockSize {
            checkpoints.append(UInt64(ln) << 32 | UInt64(ls))
        }
        lines.checkpoints = checkpoints
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard i + w.count <= count, (0..<w.count).allSatisfy({ bytes[i + $0] == w[$0] }) else {
            throw fail("expected a value (a misspelt true, false or null?)")
        }
        i += w.count
    }

    private static let powersOfTen: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { r, _ in r * 10 } }

    mutating func number() throws(JSONSyntaxError) -> Double {
        let start = i
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { i += 1; negative = true }
        guard i < count, isDigit(bytes[i]) else { throw fail("expected a digit in the number") }
        // The digits as an integer while they fit exactly (for the exact fast path below).
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < count, isDigit(bytes[i]) { throw fail("numbers must not have leading zeros") }
        } else {
            while i < count, isDigit(bytes[i]) {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(bytes[i] - 0x30) }
                digits += 1
                i += 1
            }
        }
        if i < count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < count, isDigit(bytes[i]) else { throw fail("expected a digit after the decimal point") }
            while i < count, isDigit(bytes[i]) {
                if mantissa != 0 || bytes[i] != 0x30 {
                    if digits < 19 { mantissa = mantissa * 10 + UInt64(bytes[i] - 0x30) }
                    digits += 1
                }
                fractionDigits += 1
                i += 1
            }
        }
        var exponent = 0
        if i < count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { expNegative = bytes[i] == UInt8(ascii: "-"); i += 1 }
            guard i < count, isDigit(bytes[i]) else { throw fail("expected a digit in the exponent") }
            while i < count, isDigit(bytes[i]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[i] - 0x30) }
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        // Exact fast path: an integer below 2^53 times or divided by a power of ten up to 10^22 is one
        // correctly rounded operation on exact operands, so it equals the correctly rounded decimal.
        let scale = exponent - fractionDigits
        if digits <= 19 && mantissa <= 1 << 53 && abs(scale) <= 22 {
            var d = Double(mantissa)
            if scale >= 0 { d *= JSONParser.powersOfTen[scale] } else { d /= JSONParser.powersOfTen[-scale] }
            return negative ? -d : d
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let d = Double(text), d.isFinite else {
            i = start
            throw fail("number \(text.prefix(40)) is out of range")
        }
        if d == 0 {
            // `183e-400` underflows to zero: a figure silently becoming 0 is worse than an error.
            // (Only the digits before the exponent count: `0e5` and `-0.0` are zero as written.)
            let mantissaEnd = text.utf8.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? text.utf8.endIndex
            if text.utf8[..<mantissaEnd].contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) {
                i = start
                throw fail("number \(text.prefix(40)) is too small to represent")
            }
        }
        return d
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Checks a string from its opening quote to past its closing quote; returns the length of its raw
    /// text (between the quotes) and whether it has escapes.
    mutating func string() throws(JSONSyntaxError) -> (length: Int, escaped: Bool) {
        i += 1 // opening quote
        let start = i
        var escaped = false
        while true {
            guard i < count else { throw fail("unterminated string") }
            let b = bytes[i]
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { i += 1; continue }
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return (i - 1 - start, escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                i += 1
                guard i < count else { throw fail("unterminated string") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    let scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 1 < count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw fail("lone UTF-16 surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid UTF-16 surrogate pair in \\u escape") }
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw fail("lone UTF-16 surrogate in \\u escape")
                    }
                default:
                    i -= 2
                    throw fail("invalid escape \\\(Character(Unicode.Scalar(e)))")
                }
            case 0x0A:
                throw fail("unterminated string (a line break inside a string must be written \\n)")
            default:
                throw fail("control character \(describe(b)) inside a string must be escaped")
            }
        }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= count else { throw fail("expected four hex digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("expected four hex digits after \\u")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
