#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TradeModel

/// Why a CSV file could not be read further.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based physical line of the file; 0 for the file as a whole.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

/// A streaming reader of comma-separated values (RFC 4180).
///
/// - Fields may be quoted with `"`; quoted fields may hold commas, line breaks and doubled quotes (`""`).
/// - Lines end with LF or CRLF; the last line may lack its line break. Blank lines are skipped.
/// - A UTF-8 byte order mark at the start is skipped; a UTF-16 one is refused with a clear message.
/// - Text is checked to be UTF-8 as it passes: invalid bytes are counted (with the first line holding
///   one) rather than refused, so that a caller that only needs the ASCII columns can go on.
///
/// It reads the file in chunks into one buffer that it reuses, so memory stays constant whatever the
/// size of the file (the buffer grows only for a single record longer than a chunk, up to
/// `maximumRecordBytes`). It works on bytes: a record is a list of byte ranges into that buffer,
/// valid until the next call to `next()`; no string is made unless the caller asks for one.
///
/// The scanner looks at eight bytes at a time (SWAR): one 64-bit load tells whether the word holds
/// a comma, a quote, a line feed or a non-ASCII byte, so ordinary text is skipped a word at a time.
public final class CSVReader {
    public static let defaultChunkSize = 1 << 20
    public static let maximumRecordBytes = 64 << 20
    public static let maximumFields = 100_000

    /// A field: bytes `start..<end` of the buffer. `escaped` means the field was quoted and holds
    /// doubled quotes still to be collapsed.
    public struct Span {
        public var start: Int
        public var end: Int
        public var quoted: Bool
        public var escaped: Bool
    }

    // The stored properties below are marked `@exclusivity(unchecked)`: the reader is used by one
    // thread at a time and never hands out inout access to them, and the run-time exclusivity checks
    // of class properties otherwise cost about a tenth of the import's time (one check per access,
    // several per record). Those the scanner (CSVScanner.swift) updates are internal rather than
    // private, as it is an extension in another file; nothing outside the reader sets them.

    private enum Input {
        case file(Int32)
        case memory([UInt8], Int)
    }

    @exclusivity(unchecked) private var input: Input
    private let ownsDescriptor: Bool
    private let chunkSize: Int
    /// Bytes `0..<capacity` plus 16 bytes of slack so that 8-byte loads never leave the allocation.
    @exclusivity(unchecked) var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    /// Valid bytes are `0..<dataEnd`; `buffer[dataEnd]` always holds a line feed (the sentinel).
    @exclusivity(unchecked) var dataEnd = 0
    /// Start of the next record.
    @exclusivity(unchecked) var pos = 0
    @exclusivity(unchecked) var atEOF = false
    @exclusivity(unchecked) private var started = false

    @exclusivity(unchecked) var spans: UnsafeMutablePointer<Span>
    @exclusivity(unchecked) var spanCapacity: Int
    @exclusivity(unchecked) public internal(set) var fieldCount = 0

    /// Line on which the record last returned begins.
    @exclusivity(unchecked) public internal(set) var recordLine = 0
    /// Line on which the next record begins.
    @exclusivity(unchecked) var nextLine = 1
    /// Bytes consumed before `buffer[0]` (for progress reports).
    @exclusivity(unchecked) private var consumedBefore = 0

    /// Number of invalid UTF-8 sequences met so far, and the line of the first.
    @exclusivity(unchecked) public internal(set) var invalidUTF8Count = 0
    @exclusivity(unchecked) public internal(set) var firstInvalidUTF8Line = 0
    /// Whether the file began with a UTF-8 byte order mark.
    @exclusivity(unchecked) public private(set) var hadByteOrderMark = false
    /// Whether any line ended with CRLF.
    @exclusivity(unchecked) public internal(set) var sawCRLF = false

    /// Opens `path` for reading. Only a regular file is read: a FIFO, a device or a socket is refused
    /// at once (a FIFO would block the open or the reads forever, /dev/zero never end).
    /// The reader of an import's file: a failure to open it is the import's, named `name`.
    static func forImport(path: String, chunkSize: Int, name: String) throws(ImportFailure) -> CSVReader {
        do {
            return try CSVReader(path: path, chunkSize: chunkSize)
        } catch {
            throw ImportFailure(file: name, line: error.line, error.message)
        }
    }

    public convenience init(path: String, chunkSize: Int = CSVReader.defaultChunkSize) throws(CSVError) {
        let fd: Int32
        do {
            fd = try SystemIO.openRegularFile(path).fd
        } catch {
            throw CSVError(line: 0, message: error.message)
        }
        #if os(Linux)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
        self.init(input: .file(fd), owns: true, chunkSize: chunkSize)
    }

    /// Reads CSV text held in memory, `chunkSize` bytes at a time (tests use tiny chunks to exercise
    /// records that straddle two reads).
    public convenience init(bytes: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize) {
        self.init(input: .memory(bytes, 0), owns: false, chunkSize: chunkSize)
    }

    private init(input: Input, owns: Bool, chunkSize: Int) {
        self.input = input
        self.ownsDescriptor = owns
        self.chunkSize = max(1, chunkSize)
        self.capacity = max(16, self.chunkSize)
        self.buffer = .allocate(capacity: capacity + 16)
        self.buffer.initialize(repeating: 0x0A, count: capacity + 16)
        self.spanCapacity = 64
        self.spans = .allocate(capacity: spanCapacity)
    }

    deinit {
        if ownsDescriptor, case .file(let fd) = input { close(fd) }
        buffer.deallocate()
        spans.deallocate()
    }

    /// Bytes of the file read and consumed so far.
    public var bytesConsumed: Int { consumedBefore + pos }

    // MARK: - Reading records

    /// Reads the next record; false at the end of the file. The fields are then `span(0)..<span(fieldCount)`.
    public func next() throws(CSVError) -> Bool {
        if !started { try start() }
        while true {
            if pos >= dataEnd {
                if atEOF { return false }
                try refill()
                continue
            }
            switch try parseRecord() {
            case .complete:
                if fieldCount == 1 && spans[0].start == spans[0].end && !spans[0].quoted { continue } // a blank line
                return true
            case .needMore:
                // parseRecord never asks for more at the end of the file; guard against a loop all the same.
                if atEOF { throw CSVError(line: nextLine, message: "internal error: the reader could not finish a record") }
                try refill()
            }
        }
    }

    @inline(__always)
    public func span(_ i: Int) -> Span { spans[i] }

    /// The raw bytes of field `i` (doubled quotes not collapsed; see `Span.escaped`).
    @inline(__always)
    public func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let s = spans[i]
        return UnsafeBufferPointer(start: buffer + s.start, count: s.end - s.start)
    }

    /// Field `i` as text, doubled quotes collapsed and invalid UTF-8 replaced by U+FFFD.
    public func string(_ i: Int) -> String { record.string(i) }

    /// A view of the current record, valid until the next call to `next()`. Reading fields through it
    /// touches no property of the reader (no exclusivity check per field).
    public struct Record {
        let base: UnsafeMutablePointer<UInt8>?
        let spans: UnsafeMutablePointer<Span>?
        public let count: Int

        public static var empty: Record { Record(base: nil, spans: nil, count: 0) }

        @inline(__always)
        public func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let s = spans![i]
            return UnsafeBufferPointer(start: base! + s.start, count: s.end - s.start)
        }

        @inline(__always)
        public func span(_ i: Int) -> Span { spans![i] }

        /// Field `i` as text, doubled quotes collapsed and invalid UTF-8 replaced by U+FFFD.
        public func string(_ i: Int) -> String {
            let s = spans![i]
            let raw = bytes(i)
            guard s.escaped else { return String(decoding: raw, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(raw.count)
            var k = 0
            while k < raw.count {
                out.append(raw[k])
                k += raw[k] == 0x22 ? 2 : 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    public var record: Record { Record(base: buffer, spans: spans, count: fieldCount) }

    /// All fields of the current record as text.
    public func strings() -> [String] { (0..<fieldCount).map { string($0) } }

    // MARK: - Buffer management

    private func start() throws(CSVError) {
        started = true
        try refill()
        if dataEnd >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)) {
            throw CSVError(line: 1, message: "the file is UTF-16 text; save it as UTF-8 CSV")
        }
        // CR line endings (old Mac programs): the first chunk has carriage returns and not one line
        // feed. Said here, before the whole file is taken for one record of the header.
        if CSVReader.hasOnlyCRLineBreaks(buffer, dataEnd) {
            throw CSVError(line: 1, message: CSVReader.crLineEndingsMessage)
        }
        while dataEnd < 3 && !atEOF { try refill() }
        if dataEnd >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            pos = 3
            hadByteOrderMark = true
        }
    }

    public static let crLineEndingsMessage = "the file uses CR line endings; save it with LF or CRLF"

    /// Whether `0..<count` holds no line feed but a carriage return followed by another byte (a CR at
    /// the very end may be the first half of a CRLF split between two reads).
    private static func hasOnlyCRLineBreaks(_ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Bool {
        var sawCR = false
        var k = 0
        while k < count {
            let b = buffer[k]
            if b == 0x0A { return false }
            if b == 0x0D && k + 1 < count { sawCR = true }
            k += 1
        }
        return sawCR
    }

    /// Moves the unread bytes to the front and reads more after them, growing the buffer when a single
    /// record fills it.
    private func refill() throws(CSVError) {
        if pos > 0 {
            let keep = dataEnd - pos
            if keep > 0 { (buffer).update(from: buffer + pos, count: keep) }
            consumedBefore += pos
            dataEnd = keep
            pos = 0
        }
        if capacity - dataEnd < chunkSize {
            // The pending record is longer than the room left: grow.
            if dataEnd >= CSVReader.maximumRecordBytes {
                throw CSVError(line: nextLine, message: "a record longer than \(CSVReader.maximumRecordBytes >> 20) MB begins here (an unbalanced quote?)")
            }
            let newCapacity = max(capacity * 2, dataEnd + chunkSize)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity + 16)
            grown.initialize(repeating: 0x0A, count: newCapacity + 16)
            grown.update(from: buffer, count: dataEnd)
            buffer.deallocate()
            buffer = grown
            capacity = newCapacity
        }
        let want = min(chunkSize, capacity - dataEnd)
        var got = 0
        switch input {
        case .file(let fd):
            while got < want {
                let n = read(fd, buffer + dataEnd + got, want - got)
                if n < 0 {
                    if errno == EINTR { continue }
                    let e = errno
                    throw CSVError(line: nextLine, message: "cannot read the file: \(String(cString: strerror(e)))")
                }
                if n == 0 { atEOF = true; break }
                got += n
            }
        case .memory(let bytes, let offset):
            got = min(want, bytes.count - offset)
            if got > 0 {
                bytes.withUnsafeBufferPointer { src in
                    (buffer + dataEnd).update(from: src.baseAddress! + offset, count: got)
                }
            }
            input = .memory(bytes, offset + got)
            if offset + got >= bytes.count { atEOF = true }
        }
        dataEnd += got
        // The sentinel and 8 bytes of line feeds after the data: every special byte the scanner
        // finds at or beyond dataEnd is the sentinel.
        (buffer + dataEnd).update(repeating: 0x0A, count: 9)
    }
}
