import DashboardUI
import Foundation
import Testing

/// One screen of a golden suite: its file name, screen, size, theme and the keys pressed first.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    var name: String
    var screen: Screen
    var width: Int
    var height: Int
    var theme: Theme.Name
    var keys: [Key] = []
    var testDescription: String { name }
}

/// One golden file: written when recording (`TRADEDASH_RECORD=1`), else compared, a difference
/// reported with its first differing line and the whole screen as it is now.
enum GoldenFile {
    static func check(_ text: String, name: String, in directory: URL, record: Bool, label: String? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent(name + ".txt")
        if record {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let shown = label ?? file.lastPathComponent
        let expected = try #require(try? String(contentsOf: file, encoding: .utf8), "missing golden \(shown): record with TRADEDASH_RECORD=1",
                                    sourceLocation: sourceLocation)
        guard text != expected else { return }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("""
        \(name) differs from its golden at line \(first + 1):
        expected: \(first < a.count ? String(a[first]) : "<end>")
        actual:   \(first < b.count ? String(b[first]) : "<end>")
        whole screen now:
        \(text)
        """, sourceLocation: sourceLocation)
    }
}
