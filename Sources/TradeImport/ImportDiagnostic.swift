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
    public var description: String {
        (line > 0 ? "\(file):\(line)" : file) + ": \(severity.rawValue): \(message)"
    }
}

/// An import that could not be done: its errors (and the warnings met on the way).
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ImportDiagnostic]

    public init(_ diagnostics: [ImportDiagnostic]) { self.diagnostics = diagnostics }

    public init(file: String, line: Int = 0, _ message: String) {
        self.diagnostics = [ImportDiagnostic(.error, file: file, line: line, message)]
    }

    public var errors: [ImportDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
