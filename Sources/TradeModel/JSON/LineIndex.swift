/// Finds the line of a byte offset without storing every line start: the line and the start of that
/// line are kept for every 256th byte, and the few bytes from there are scanned when asked. A file with
/// a million one-byte lines costs no more than one with long lines (8 bytes per 256 bytes of text).
struct LineIndex {
    static let blockShift = 8
    /// For each block of 256 bytes: the line number (high 32 bits) and the start of that line (low 32
    /// bits) at the block's first byte.
    var checkpoints: [UInt64]
    /// With a byte order mark, line 1 starts after it (column 1 is the first character after the mark).
    var firstLineStart: Int

    /// The 1-based line of `offset` and the offset at which that line starts.
    func lineAndStart(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, start: Int) {
        let block = offset >> LineIndex.blockShift
        let cp = checkpoints[min(block, checkpoints.count - 1)]
        var line = Int(cp >> 32), start = Int(cp & 0xFFFF_FFFF)
        var k = min(block, checkpoints.count - 1) << LineIndex.blockShift
        while k < offset && k < bytes.count {
            if bytes[k] == 0x0A { line += 1; start = k + 1 }
            k += 1
        }
        if line == 1 { start = max(start, firstLineStart) }
        return (line, start)
    }

    /// For offsets asked in increasing order (building a tree): scans each byte once.
    struct Cursor {
        var offset = -1
        var line = 1
        var start = 0

        mutating func lineAndStart(_ target: Int, in bytes: UnsafeBufferPointer<UInt8>, lines: LineIndex) -> (line: Int, start: Int) {
            if offset < 0 || target < offset || target - offset > (1 << LineIndex.blockShift) {
                (line, start) = lines.lineAndStart(target, in: bytes)
            } else {
                var k = offset
                while k < target {
                    if bytes[k] == 0x0A { line += 1; start = k + 1 }
                    k += 1
                }
                if line == 1 { start = max(start, lines.firstLineStart) }
            }
            offset = target
            return (line, start)
        }
    }
}
