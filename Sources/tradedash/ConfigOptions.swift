import ArgumentParser
import DashboardUI
import TradeConfig
import TradeModel

/// `--config FILE` and `--no-config`, shared by the dashboard and `render`.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read this config file (default for the dashboard: $XDG_CONFIG_HOME/tradedash/config.toml, see `tradedash config --path`).", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Read no config file: the defaults and the flags only.")
    var noConfig = false

    func validate() throws {
        if noConfig && config != nil { throw ValidationError("--config and --no-config cannot be used together") }
    }

    /// The file to read: the one named, else (when `byDefault`) the user's; nil for none.
    func path(byDefault: Bool) throws -> (path: String, required: Bool)? {
        if noConfig { return nil }
        if let config { return (config, true) }
        guard byDefault else { return nil }
        return ConfigLocation.defaultPath(environment: SystemIO.environment).map { ($0, false) }
    }

    /// The file's settings, or nil when there is no file; a broken file's problems are printed on
    /// stderr as `path:line:column: message` and returned.
    func read(byDefault: Bool) throws -> (file: ConfigFile, path: String?, problems: [ConfigProblem]) {
        guard let (path, required) = try path(byDefault: byDefault) else { return (ConfigFile(), nil, []) }
        switch ConfigLoader.load(path: path, required: required) {
        case .absent: return (ConfigFile(), nil, [])
        case .loaded(let file): return (file, path, [])
        case .broken(let problems):
            for p in problems { StandardError.print(p.line(path: path)) }
            return (ConfigFile(), path, problems)
        }
    }
}
