#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `EmbedSeedTool INPUT OUTPUT NAME`: writes OUTPUT, a Swift source declaring INPUT's bytes as one
/// string literal (`embeddedSeedText`, a `StaticString`) and NAME as `embeddedSeedSource`.
///
/// A string literal, not an array of bytes: the seed's 81,982 bytes as a `[UInt8]` literal took
/// 8.1 s to compile (debug) and 18.1 s (-O); as a string literal 0.14 s. The bytes are kept exactly:
/// `\`, `"` and control characters are escaped, everything else (UTF-8 included) is copied. A file
/// that is not UTF-8 cannot be a string literal and is refused (the loader refuses it too).

func fail(_ message: String) -> Never {
    let line = Array("EmbedSeedTool: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

let args = CommandLine.arguments
guard args.count == 4 else { fail("usage: EmbedSeedTool INPUT OUTPUT NAME") }

func read(_ path: String) -> [UInt8] {
    guard let f = fopen(path, "rb") else { fail("\(path): cannot open: \(String(cString: strerror(errno)))") }
    defer { fclose(f) }
    var bytes = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&chunk, 1, chunk.count, f)
        bytes += chunk[0..<n]
        if n < chunk.count { break }
    }
    if ferror(f) != 0 { fail("\(path): cannot read") }
    return bytes
}

let bytes = read(args[1])
guard String(validating: bytes, as: UTF8.self) != nil else { fail("\(args[1]): not UTF-8, cannot be embedded") }

func swiftLiteral(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\0": out += "\\0"
        default:
            if u.value < 0x20 || u.value == 0x7F { out += "\\u{" + String(u.value, radix: 16) + "}" } else { out.unicodeScalars.append(u) }
        }
    }
    return out + "\""
}

var text = "// Generated at build time by EmbedSeedTool from \(args[3]); do not edit.\n"
text += "let embeddedSeedSource: StaticString = \(swiftLiteral(args[3]))\n"
text += "let embeddedSeedByteCount = \(bytes.count)\n"
text += "let embeddedSeedText: StaticString = "
text += swiftLiteral(String(decoding: bytes, as: UTF8.self))
text += "\n"

// Written beside and renamed: a build stopped half-way never leaves half a source.
let temporary = args[2] + ".tmp"
guard let out = fopen(temporary, "wb") else { fail("\(temporary): cannot create: \(String(cString: strerror(errno)))") }
let utf8 = Array(text.utf8)
let written = fwrite(utf8, 1, utf8.count, out)
if written != utf8.count || fclose(out) != 0 { fail("\(temporary): cannot write") }
if rename(temporary, args[2]) != 0 { fail("\(args[2]): cannot write: \(String(cString: strerror(errno)))") }
