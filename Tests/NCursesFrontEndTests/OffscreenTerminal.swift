import CNCurses
import DashboardUI
@testable import NCursesFrontEnd
#if canImport(Glibc)
import Glibc
#endif

/// An ncurses screen without a terminal: output to a temporary file (so the bytes can be counted),
/// input from /dev/null, the size set with `resizeterm`. ncurses is not thread-safe: the suites that
/// use this are serialized, and no other test of this process calls ncurses.
final class OffscreenTerminal {
    let screen: OpaquePointer
    let output: UnsafeMutablePointer<FILE>
    let input: UnsafeMutablePointer<FILE>
    let painter: CursesPainter

    init(term: String = "xterm-256color", width: Int, height: Int, color: Bool = true) {
        // Wide characters need a UTF-8 locale before newterm.
        setlocale(LC_CTYPE, "C.UTF-8")
        output = tmpfile()!
        input = fopen("/dev/null", "r")!
        screen = newterm(term, output, input)!
        set_term(screen)
        resizeterm(Int32(height), Int32(width))
        curs_set(0)
        leaveok(tdsh_stdscr(), true)
        painter = CursesPainter(window: tdsh_stdscr()!, color: ColorSupport.start(wanted: color))
    }

    /// Bytes ncurses has written so far.
    var bytesWritten: Int {
        fflush(output)
        var st = stat()
        fstat(fileno(output), &st)
        return Int(st.st_size)
    }

    /// Bytes that `body` makes ncurses write.
    func bytes(_ body: () -> Void) -> Int {
        let before = bytesWritten
        body()
        return bytesWritten - before
    }

    /// What ncurses believes is on the terminal at a cell: the characters, attributes and colour pair.
    func cell(x: Int, y: Int) -> (text: String, attrs: attr_t, pair: Int16) {
        let cur = tdsh_curscr()!
        let oy = getcury(cur), ox = getcurx(cur)
        defer { wmove(cur, oy, ox) }
        var cc = cchar_t()
        wmove(cur, Int32(y), Int32(x))
        win_wch(cur, &cc)
        var chars = [wchar_t](repeating: 0, count: 8)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cc, &chars, &attrs, &pair, nil)
        let scalars = chars.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        return (String(String.UnicodeScalarView(scalars)), attrs & ~tdsh_a_color(), pair)
    }

    /// The row as ncurses believes it is on the terminal, trailing spaces removed.
    func row(_ y: Int) -> String {
        var s = ""
        var x = 0
        while x < Int(tdsh_cols()) {
            let c = cell(x: x, y: y)
            s += c.text
            // ncurses keeps a wide character in both of its cells.
            let wide = c.text.unicodeScalars.first.map { tdsh_wcwidth(wchar_t(bitPattern: $0.value)) == 2 } ?? false
            x += wide ? 2 : 1
        }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The colours of a pair.
    func colors(ofPair pair: Int16) -> (fg: Int16, bg: Int16) {
        var f: Int16 = 0, b: Int16 = 0
        pair_content(pair, &f, &b)
        return (f, b)
    }

    func close() {
        endwin()
        delscreen(screen)
        fclose(output)
        fclose(input)
    }
}
