/// What an exec request (`ssh host render --screen target`) may run: `render`, `export` or
/// `validate` of the tradedash binary, with the options that name no file. No shell: the command
/// is split on spaces (no quoting). The server's own `--data` is added; a client can name no
/// file to read or write (`--data`, `--config`, `--output` and file arguments are refused).
enum ExecCommand {
    /// Options taking a value, and flags, per subcommand.
    static let valued: [String: Set<String>] = [
        "render": ["--screen", "--width", "--height", "--theme", "--color", "--keys"],
        "export": ["--format"],
        "validate": [],
    ]
    static let flags: [String: Set<String>] = [
        "render": ["--ascii", "--no-config", "--help"],
        "export": ["--help"],
        "validate": ["--quiet", "-q", "--all", "-a", "--help"],
    ]

    /// At most this many keys in `render --keys` (each one is a redraw of the server's CPU).
    static let maxKeys = 1000

    /// The arguments for tradedash, or why not (one line for the client). `render --width` and
    /// `--height` are held to `maxWindow`, as a session's window is.
    static func arguments(for command: String, data: String?, maxWindow: WindowSize) -> Result<[String], ServeError> {
        let words = command.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first else { return .failure(ServeError("tradedash serve: no command")) }
        guard let valued = valued[name], let flags = flags[name] else {
            return .failure(ServeError("tradedash serve runs the dashboard (ssh -t) and the commands render, export and validate; not \"\(name.loggable(40))\""))
        }
        var out = [name]
        var positional = 0
        var i = 1
        while i < words.count {
            let word = words[i]
            let option = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if flags.contains(word) {
                out.append(word)
            } else if valued.contains(option) {
                let value: String
                if word.contains("=") {
                    value = String(word.dropFirst(option.count + 1))
                    out.append(word)
                } else {
                    guard i + 1 < words.count else { return .failure(ServeError("tradedash serve: \(word) needs a value")) }
                    value = words[i + 1]
                    out += [word, value]
                    i += 1
                }
                if let why = overLimit(option, value, maxWindow) { return .failure(ServeError("tradedash serve: " + why)) }
            } else if word.hasPrefix("-") {
                return .failure(ServeError("tradedash serve: \(name) \(option.loggable(40)) is not allowed here"))
            } else if name == "export" && positional == 0 {
                out.append(word)  // the kind to export
                positional += 1
            } else {
                return .failure(ServeError("tradedash serve: \(name) takes no file or other argument here (\"\(word.loggable(40))\")"))
            }
            i += 1
        }
        if let data {
            if name == "validate" { out.append(data) } else { out += ["--data", data] }
        }
        return .success(out)
    }
}

extension ExecCommand {
    /// A `--width`, `--height` or `--keys` larger than this server allows, said in one line.
    static func overLimit(_ option: String, _ value: String, _ maxWindow: WindowSize) -> String? {
        switch option {
        case "--width":
            if let n = Int(value), n > maxWindow.cols { return "--width \(n) is over this server's --max-window \(maxWindow)" }
        case "--height":
            if let n = Int(value), n > maxWindow.rows { return "--height \(n) is over this server's --max-window \(maxWindow)" }
        case "--keys":
            if value.count > maxKeys { return "--keys has \(value.count) keys; this server takes at most \(maxKeys)" }
        default: break
        }
        return nil
    }
}

extension String {
    /// What the client sent, safe for one log line: control characters as `?`, at most `limit` characters.
    func loggable(_ limit: Int = 80) -> String {
        String(String.UnicodeScalarView(unicodeScalars.prefix(limit).map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }
}
