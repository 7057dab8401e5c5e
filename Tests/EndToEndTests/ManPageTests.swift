import Foundation
import Testing

/// docs/tradedash.1: it renders without a warning, and names every command `tradedash --help` lists.
@Suite("The man page", .enabled(if: ManPage.renderer != nil, "neither groff, man nor mandoc is installed: skipping the man page check"))
struct ManPageTests {
    @Test("renders without warnings (groff -ww, man --warnings, or mandoc -T lint)")
    func rendersWithoutWarnings() throws {
        let (argv, name) = try #require(ManPage.renderer)
        let r = TerminalProcess.run(argv + [ManPage.path], environment: ManPage.environment)
        #expect(r.status == 0, "\(name) exit \(r.status): \(r.stderr)")
        #expect(r.stderr.isEmpty, "\(name) warns:\n\(r.stderr)")
    }

    @Test("every command of tradedash --help (and of import --help) has its entry")
    func everySubcommandIsDocumented() throws {
        let bin = try TerminalBinary.path.get()
        let source = try String(contentsOfFile: ManPage.path, encoding: .utf8)
        let help = TerminalProcess.run([bin, "--help"], environment: ManPage.environment)
        #expect(help.status == 0)
        let commands = ManPage.subcommands(help.stdout)
        #expect(commands.count >= 6, "\(help.stdout)")
        for command in commands {
            #expect(source.contains(".It Cm \(command)"), "no entry for \(command) in docs/tradedash.1")
            #expect(source.contains("Cm \(command)"), "\(command) is not in the synopsis")
            let sub = TerminalProcess.run([bin, command, "--help"], environment: ManPage.environment)
            for nested in ManPage.subcommands(sub.stdout) {
                #expect(source.contains(".It Cm \(command) \(nested)"), "no entry for \(command) \(nested) in docs/tradedash.1")
            }
        }
        // The help is wrapped at 80 columns: the words may be on two lines.
        let flowed = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flowed.contains("`man tradedash`"), "--help points to the man page:\n\(help.stdout)")
        // The exit statuses the code uses, and the environment it reads.
        for word in ["NO_COLOR", "TERM", "LANG", "LC_ALL", "XDG_CONFIG_HOME", "TRADEDASH_SEEDS", "TRADEDASH_LINKS"] {
            #expect(source.contains(".It Ev \(word)") || source.contains("Ev \(word)"), "\(word) is not in ENVIRONMENT")
        }
    }

    @Test("the rendered page has every section the issue asks for")
    func hasTheSections() throws {
        let (argv, _) = try #require(ManPage.renderer)
        // The text itself (no -z): groff's or man's output, its bold and underline left out.
        guard argv.first?.hasSuffix("groff") == true else { return }
        let r = TerminalProcess.run([argv[0], "-mandoc", "-Tutf8", "-P-cbou", ManPage.path], environment: ManPage.environment)
        for section in ["NAME", "SYNOPSIS", "COMMANDS", "KEYS", "MARKS", "FILES", "ENVIRONMENT", "EXIT STATUS"] {
            #expect(r.stdout.contains("\n\(section)\n"), "no \(section) section")
        }
        for mark in ["~", ">, <", "≥, ≤", "*", "!", "?", "#", "^"] {
            #expect(r.stdout.contains("     \(mark) "), "the mark \(mark) is not explained")
        }
    }
}

enum ManPage {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/tradedash.1").path

    static let environment: [String: String] = {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["MANWIDTH"] = "100"
        env["SWIFT_BACKTRACE"] = "enable=no"
        return env
    }()

    /// The command that checks the page, warnings on stderr: groff, else man, else mandoc.
    static let renderer: (argv: [String], name: String)? = {
        if let groff = TerminalTools.which("groff") { return ([groff, "-mandoc", "-Tutf8", "-ww", "-z"], "groff") }
        if let man = TerminalTools.which("man") { return ([man, "--warnings", "-l"], "man") }
        if let mandoc = TerminalTools.which("mandoc") { return ([mandoc, "-T", "lint", "-W", "warning"], "mandoc") }
        return nil
    }()

    /// The first words of the lines under "SUBCOMMANDS:" in an argument parser's help.
    static func subcommands(_ help: String) -> [String] {
        var names = [String]()
        var inside = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("SUBCOMMANDS:") { inside = true; continue }
            guard inside else { continue }
            if line.isEmpty { if !names.isEmpty { break } else { continue } }
            // "  name (default)   What it does." — a continuation line starts with more spaces.
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
            if let name = line.split(separator: " ").first { names.append(String(name)) }
        }
        return names
    }
}
