import TradeModel

/// Parsing of the numbers and codes of a CSV field, straight from its bytes (no String is made).
enum FieldParsing {
    /// The bytes without leading and trailing spaces or tabs.
    @inline(__always)
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        // Most fields neither begin nor end with a space or a tab (both below 0x21).
        if b.count > 0 && b[0] > 0x20 && b[b.count - 1] > 0x20 { return b }
        var s = 0, e = b.count
        while s < e && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
        while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
        if s == 0 && e == b.count { return b }
        return UnsafeBufferPointer(rebasing: b[s..<e])
    }

    /// A whole non-negative number of at most 9 digits ("398", " 52 "); nil otherwise. A trailing
    /// ".0" is accepted, as spreadsheets write it.
    @inline(__always)
    static func int(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        var b = trimmed(raw)
        if b.count >= 3 && b[b.count - 2] == 0x2E && b[b.count - 1] == 0x30 {
            b = UnsafeBufferPointer(rebasing: b[0..<(b.count - 2)])
        }
        guard b.count > 0 && b.count <= 9 else { return nil }
        var v = 0
        for c in b {
            let d = Int(c) &- 0x30
            guard d >= 0 && d <= 9 else { return nil }
            v = v &* 10 &+ d
        }
        return v
    }

    /// Whether the field equals `text` (ASCII, compared exactly after trimming spaces).
    @inline(__always)
    static func equals(_ raw: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        let b = trimmed(raw)
        guard b.count == text.utf8CodeUnitCount else { return false }
        let t = text.utf8Start
        for k in 0..<b.count where b[k] != t[k] { return false }
        return true
    }

    /// Whether the field is empty or only spaces.
    @inline(__always)
    static func isBlank(_ raw: UnsafeBufferPointer<UInt8>) -> Bool { trimmed(raw).isEmpty }

    /// The field as text, for messages: at most 40 characters, invalid UTF-8 replaced, control and
    /// bidi characters shown as `\u{1B}` (see `TerminalSafe`). Only the field's first bytes are decoded.
    static func excerpt(_ raw: UnsafeBufferPointer<UInt8>, limit: Int = 40) -> String {
        var b = trimmed(raw)
        // Each character takes at most 4 bytes: this many bytes hold more than `limit` characters.
        let enough = (limit + 1) * 4
        if b.count > enough { b = UnsafeBufferPointer(rebasing: b[0..<enough]) }
        return TerminalSafe.excerpt(String(decoding: b, as: UTF8.self), limit: limit)
    }

    enum MoneyError: Error, Equatable {
        case empty, notANumber, negative, tooLarge
    }

    /// Thousandths of a unit in an `Int64`: sums of such values are exact, so totals do not depend on
    /// the order of the rows and compare equal to an independent computation.
    ///
    /// Accepts `123`, `123.45`, `.5`, `1.5E+07`, `+7`, surrounding spaces. Digits beyond the third
    /// decimal are rounded half up. At most 18 significant digits are read (the rest are dropped, which
    /// cannot change the thousandths of any value accepted); values of 4.6 × 10^15 or more are refused
    /// (`tooLarge`): no trade figure comes near.
    static func milli(_ raw: UnsafeBufferPointer<UInt8>) -> Result<Int64, MoneyError> {
        let b = trimmed(raw)
        let n = b.count
        guard n > 0 else { return .failure(.empty) }
        var i = 0
        var negative = false
        if b[0] == 0x2D { negative = true; i = 1 } else if b[0] == 0x2B { i = 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0          // value = mantissa × 10^exponent
        var digits = 0
        while i < n, b[i] >= 0x30, b[i] <= 0x39 {
            if significant < 18 {
                mantissa = mantissa * 10 + UInt64(b[i] - 0x30)
                if mantissa > 0 { significant += 1 }
            } else {
                exponent += 1
            }
            digits += 1
            i += 1
        }
        if i < n, b[i] == 0x2E {
            i += 1
            while i < n, b[i] >= 0x30, b[i] <= 0x39 {
                if significant < 18 {
                    mantissa = mantissa * 10 + UInt64(b[i] - 0x30)
                    if mantissa > 0 { significant += 1 }
                    exponent -= 1
                }
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return .failure(.notANumber) }
        if i < n, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            var expNegative = false
            if i < n, b[i] == 0x2D { expNegative = true; i += 1 } else if i < n, b[i] == 0x2B { i += 1 }
            var e = 0
            var expDigits = 0
            while i < n, b[i] >= 0x30, b[i] <= 0x39 {
                if e < 100_000 { e = e * 10 + Int(b[i] - 0x30) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return .failure(.notANumber) }
            exponent += expNegative ? -e : e
        }
        guard i == n else { return .failure(.notANumber) }
        if mantissa == 0 { return .success(0) }
        if negative { return .failure(.negative) }
        let limit = UInt64(Int64.max / 2)
        var scale = exponent + 3
        var value = mantissa
        if scale >= 0 {
            while scale > 0 {
                let (m, overflow) = value.multipliedReportingOverflow(by: 10)
                if overflow || m > limit { return .failure(.tooLarge) }
                value = m
                scale -= 1
            }
        } else if -scale > 19 {
            value = 0 // below half a thousandth: mantissa < 10^18
        } else {
            var divisor: UInt64 = 1
            for _ in 0..<(-scale) { divisor *= 10 }
            let q = value / divisor, r = value % divisor
            value = r >= divisor - r ? q + 1 : q
        }
        guard value <= limit else { return .failure(.tooLarge) }
        return .success(Int64(value))
    }
}
