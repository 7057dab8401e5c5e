import TradeModel

/// Something the import has to say about its input file: an error (nothing is imported) or a
/// warning (the import goes on), at a line of the file when there is one.
public struct ImportDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file the message is about, as the user named it.
    public var file: String
    /// 1-based line of the file; 0 for the file as a whole.
    public var line: Int
    public var message: String

    public init(_ severity: Severity, file: String, line: Int = 0, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: error: message`, or `FILE: warning: message` without a line (as compilers write them).
    /// Safe to print to a terminal: control and bidi characters of the file name or of input quoted in
    /// the message are shown as `\u{1B}`, never sent.
    public var description: String {
        TerminalSafe.terminalSafe((line > 0 ? "\(file):\(line)" : file) + ": \(severity.rawValue): \(message)")
    }
}

extension ImportDiagnostic {
    /// By line of the file, whole-file messages (line 0) last; ties keep their order. Messages of
    /// several files (the CSV file and the dataset) are grouped by file, in the order the files first
    /// appear; the whole-file messages of every file come after all the messages with a line.
    public static func ordered(_ list: [ImportDiagnostic]) -> [ImportDiagnostic] {
        var fileOrder = [String: Int]()
        for d in list where fileOrder[d.file] == nil { fileOrder[d.file] = fileOrder.count }
        return list.enumerated().sorted { a, b in
            let wa = a.element.line > 0 ? 0 : 1, wb = b.element.line > 0 ? 0 : 1
            if wa != wb { return wa < wb }
            if wa == 0 {
                let fa = fileOrder[a.element.file]!, fb = fileOrder[b.element.file]!
                if fa != fb { return fa < fb }
                if a.element.line != b.element.line { return a.element.line < b.element.line }
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// An import that could not be done: its errors (and the warnings met on the way).
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ImportDiagnostic]

    /// The diagnostics are kept in the order they are printed: by line, whole-file messages last.
    public init(_ diagnostics: [ImportDiagnostic]) { self.diagnostics = ImportDiagnostic.ordered(diagnostics) }

    public init(file: String, line: Int = 0, _ message: String) {
        self.diagnostics = [ImportDiagnostic(.error, file: file, line: line, message)]
    }

    public var errors: [ImportDiagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The diagnostics in the order they are printed: by line, whole-file messages (line 0) last, and
    /// otherwise as they came (a stable sort, so an error and a warning of one line keep their order).
    public var ordered: [ImportDiagnostic] { ImportDiagnostic.ordered(diagnostics) }
    public var description: String { ordered.map(\.description).joined(separator: "\n") }
}
