import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Escape sequences ncurses does not know (OSC 52, OSC 8), written straight to the terminal.
enum TerminalBytes {
    /// Writes `bytes` to fd 1, where ncurses writes, after what ncurses has buffered, so that they
    /// never land inside a frame. Call after a frame has been sent (`doupdate`).
    static func write(_ bytes: [UInt8]) {
        fflush(tdsh_stdout())
        var done = 0
        while done < bytes.count {
            #if canImport(Glibc)
            let n = bytes.withUnsafeBufferPointer { Glibc.write(1, $0.baseAddress! + done, $0.count - done) }
            #else
            let n = bytes.withUnsafeBufferPointer { Darwin.write(1, $0.baseAddress! + done, $0.count - done) }
            #endif
            if n < 0 { if errno == EINTR { continue }; return }
            done += n
        }
    }
}
