import ArgumentParser
import DashboardUI
import TradeConfig
import TradeModel

/// `tradedash config --path | --print-default | --check [FILE]`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show where the config file is, print a default one, or check one.",
        discussion: """
        The dashboard reads $XDG_CONFIG_HOME/tradedash/config.toml, or ~/.config/tradedash/config.toml \
        when XDG_CONFIG_HOME is unset, empty or relative. Flags beat the file, the file beats the \
        defaults. `tradedash config --print-default > "$(tradedash config --path)"` starts one. \
        docs/configuration.md describes every key.

        --path prints the path on stdout and, on stderr, whether it exists. --check exits 1 when the \
        file has a problem (each printed as FILE:LINE:COLUMN: message), 0 when it is fine or absent.
        """
    )

    @Flag(name: .long, help: "Print the path of the config file the dashboard reads.")
    var path = false

    @Flag(name: .long, help: "Print a config file with every default, commented.")
    var printDefault = false

    @Flag(name: .long, help: "Check the config file (or FILE) and list its problems.")
    var check = false

    @Argument(help: ArgumentHelp("The file to check (with --check; default: the one --path prints).", valueName: "file"))
    var file: String?

    func validate() throws {
        let n = [path, printDefault, check].filter { $0 }.count
        if n != 1 { throw ValidationError("give one of --path, --print-default or --check") }
        if file != nil && !check { throw ValidationError("a FILE goes with --check only") }
    }

    func run() throws {
        if printDefault {
            SystemIO.writeStandardOutput(DefaultConfig.text)
            return
        }
        let named = file
        guard let target = named ?? ConfigLocation.defaultPath(environment: SystemIO.environment) else {
            StandardError.print("tradedash: no config path: neither XDG_CONFIG_HOME (absolute) nor HOME is set")
            throw ExitCode(1)
        }
        if path {
            SystemIO.writeStandardOutput(target + "\n")
            StandardError.print(SystemIO.exists(target) ? "exists" : "does not exist (the defaults are used)")
            return
        }
        switch ConfigLoader.load(path: target, required: named != nil) {
        case .absent:
            SystemIO.writeStandardOutput("\(target): does not exist; the defaults are used\n")
        case .loaded:
            SystemIO.writeStandardOutput("\(target): OK\n")
        case .broken(let problems):
            for p in problems { StandardError.print(p.line(path: target)) }
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            StandardError.print("\(target): \(count); the dashboard would start with the defaults")
            throw ExitCode(1)
        }
    }
}
