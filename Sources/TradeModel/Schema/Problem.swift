/// One thing wrong with a dataset, with its place: a path such as `deals[2].status` and the line of the file.
public struct Problem: Hashable, Sendable, CustomStringConvertible {
    /// Where in the document: `trade[3].source`; empty for the document as a whole (syntax errors).
    public var path: String
    /// 1-based line and column in the file; 0 when unknown.
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int = 0, column: Int = 0, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `trade[3].source: unknown source "x" (line 40)`, or `line 3, column 7: …` for syntax errors.
    public var description: String {
        if path.isEmpty {
            return line > 0 ? "line \(line), column \(column): \(message)" : message
        }
        return "\(path): \(message)" + (line > 0 ? " (line \(line))" : "")
    }
}

/// Why a dataset could not be loaded: every problem found, for one file.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [Problem]

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    /// One line per problem: `FILE: path: message`.
    public var lines: [String] { problems.map { "\(file): \($0)" } }
    public var description: String { lines.joined(separator: "\n") }
}
