import Foundation
import Testing

/// OSC 8 links as a terminal receives them: every byte the dashboard writes to a pseudo-terminal.
@Suite("Links to sources (OSC 8) in a real pseudo-terminal", .serialized)
struct TerminalLinkTests {
    /// Runs the dashboard on a fresh pseudo-terminal, types `keys` one at a time (waiting for the
    /// output to settle after each), then q; returns every byte written after each key, in order.
    static func session(term: String, keys: [String], extra: [String: String] = [:]) throws -> [String] {
        let bin = try TerminalStartupTests.binary()
        let (master, slave) = try #require(TerminalPTY.open(width: 120, height: 30))
        var env = TerminalStartupTests.cleanEnvironment
        env["TERM"] = term
        env["TRADEDASH_LINKS"] = nil
        for (k, v) in extra { env[k] = v }
        let pid = TerminalProcess.spawn([bin], environment: env, stdin: slave, stdout: slave, stderr: slave)
        close(slave)
        defer { close(master) }
        #expect(pid > 0)
        var chunks = [String(decoding: TerminalPTY.read(master, timeout: 30) { String(decoding: $0, as: UTF8.self).contains("quit") }, as: UTF8.self)]
        for key in keys + ["q"] {
            var bytes = Array(key.utf8)
            _ = write(master, &bytes, bytes.count)
            // Until nothing more comes for half a second.
            var got = [UInt8]()
            while true {
                let more = TerminalPTY.read(master, timeout: 0.5)
                if more.isEmpty { break }
                got += more
            }
            chunks.append(String(decoding: got, as: UTF8.self))
        }
        let status = TerminalPTY.wait(pid, timeout: 10)
        if status == nil { kill(pid, SIGKILL); _ = TerminalPTY.wait(pid, timeout: 5) }
        #expect(status == 0)
        return chunks
    }

    /// The OSC 8 links in some output: (address, the text between start and end).
    static func links(_ out: String) -> [(url: String, text: String)] {
        var result: [(String, String)] = []
        var rest = Substring(out)
        while let start = rest.range(of: "\u{1B}]8;id=") {
            rest = rest[start.upperBound...]
            guard let semi = rest.firstIndex(of: ";"), let st = rest.range(of: "\u{1B}\\") else { break }
            let url = String(rest[rest.index(after: semi)..<st.lowerBound])
            rest = rest[st.upperBound...]
            guard let end = rest.range(of: "\u{1B}]8;;\u{1B}\\") else { result.append((url, "<unterminated>")); break }
            // The text without its SGR sequences.
            let raw = String(rest[..<end.lowerBound])
            result.append((url, raw.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)))
            rest = rest[end.upperBound...]
        }
        return result
    }

    @Test("on xterm the Sources screen's titles and the detail's address are OSC 8 links to the data's addresses; moving resends only what changed")
    func linksOnXterm() throws {
        let chunks = try Self.session(term: "xterm-256color", keys: ["7", "j", "\r"])
        let sources = Self.links(chunks[1])
        #expect(sources.count >= 10, "titles of the Sources table: \(sources.count)")
        let data = try String(contentsOf: ValidateSummaryTests.seed, encoding: .utf8)
        for l in sources {
            #expect(l.url.hasPrefix("https://") && l.url.utf8.allSatisfy { $0 > 32 && $0 < 127 }, "\(l.url)")
            #expect(data.contains("\"\(l.url)\""), "\(l.url) is an address of the data")
            #expect(!l.text.isEmpty && l.text != "<unterminated>")
        }
        // j moves the selection: the preview's address changes, the titles do not.
        let moved = Self.links(chunks[2])
        #expect(moved.count < sources.count, "after j: \(moved.count) links resent, first frame \(sources.count)")
        // Enter: the detail, its address a link whose text is the address (or its first part, wrapped).
        let detail = Self.links(chunks[3])
        #expect(detail.contains { $0.url.hasPrefix($0.text.trimmingCharacters(in: .whitespaces)) && $0.text.count > 8 }, "\(detail)")
    }

    @Test("no OSC 8 on a terminal that does not know it (TERM=vt100), nor with TRADEDASH_LINKS=0")
    func noLinks() throws {
        for (term, extra) in [("vt100", [String: String]()), ("xterm-256color", ["TRADEDASH_LINKS": "0"])] {
            let chunks = try Self.session(term: term, keys: ["7", "\r"], extra: extra)
            #expect(chunks.allSatisfy { !$0.contains("\u{1B}]8;") }, "\(term) \(extra)")
            #expect(chunks[1].contains("Sources"), "the screen was drawn")
        }
    }
}
