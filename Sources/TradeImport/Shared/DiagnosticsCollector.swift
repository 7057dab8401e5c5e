/// What an import has to say about its file, collected during the pass and handed out in the order
/// they are printed: by line, whole-file messages last (`ImportDiagnostic.ordered`).
///
/// - Errors are all counted; the first `maximumErrors` are kept and the rest summed up in one line.
/// - Warnings are kept one per kind: the line it first arose on, its message then, and
///   "(and N more like it)", so that 100,000 monthly rows make one warning and not 100,000.
///
/// Messages are made by the caller, quoting the file's text through `FieldParsing.excerpt` or
/// `TerminalSafe.excerpt` (shortened, control characters shown); `ImportDiagnostic.description`
/// escapes the printed line as a whole.
struct DiagnosticsCollector<Kind: Hashable> {
    static var maximumErrors: Int { 20 }

    /// The file the messages are about, as the user named it.
    let file: String
    private(set) var errorCount = 0
    private var errors = [ImportDiagnostic]()
    /// One per kind, in the order the kinds first arose (the order of warnings of the same line).
    private var warnings = [Warning]()
    private var index = [Kind: Int]()
    /// The kind last warned of: a run of rows of the same kind counts without a lookup.
    private var lastKind: Kind?
    private var lastIndex = 0

    private struct Warning {
        var line: Int
        var count: Int
        var message: String
    }

    init(file: String) { self.file = file }

    var hasErrors: Bool { errorCount > 0 }

    /// Counts an error at `line`; the message is made only for the first `maximumErrors`, the ones kept.
    mutating func error(_ line: Int, _ message: @autoclosure () -> String) {
        errorCount += 1
        if errors.count < Self.maximumErrors { errors.append(ImportDiagnostic(.error, file: file, line: line, message())) }
    }

    /// Counts one more warning of `kind` if there was one already (then true); false for a new kind,
    /// which `warn` is then to be told of. Lets a caller skip forming the message's closure.
    mutating func countIfSeen(_ kind: Kind) -> Bool {
        if lastKind == kind {
            warnings[lastIndex].count += 1
            return true
        }
        if let k = index[kind] {
            warnings[k].count += 1
            lastIndex = k
            lastKind = kind
            return true
        }
        return false
    }

    /// Notes a warning of `kind` at `line`; the message is made only for the first of its kind.
    mutating func warn(_ kind: Kind, _ line: Int, _ message: @autoclosure () -> String) {
        if countIfSeen(kind) { return }
        lastIndex = warnings.count
        index[kind] = lastIndex
        warnings.append(Warning(line: line, count: 1, message: message()))
        lastKind = kind
    }

    /// One per kind, by line (whole-file ones last).
    var warningDiagnostics: [ImportDiagnostic] {
        ImportDiagnostic.ordered(warnings.map { w in
            let more = w.count > 1 ? " (and \(w.count - 1) more like it)" : ""
            return ImportDiagnostic(.warning, file: file, line: w.line, w.message + more)
        })
    }

    /// The errors of the pass (and how many more there were), with the warnings.
    func failure() -> ImportFailure {
        var all = errors
        if errorCount > errors.count {
            all.append(ImportDiagnostic(.error, file: file, "\(errorCount - errors.count) more errors not shown"))
        }
        return ImportFailure(all + warningDiagnostics)
    }

    /// One error that ends the import (at `line`, or about the whole file), with the warnings.
    func failure(line: Int = 0, _ message: String) -> ImportFailure {
        ImportFailure([ImportDiagnostic(.error, file: file, line: line, message)] + warningDiagnostics)
    }
}
