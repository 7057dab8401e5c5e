import DashboardUI

/// What the dashboard starts with: flags beat the config file, the file beats the defaults.
/// NO_COLOR is not here: it turns colour off afterwards, whatever the theme (as documented).
public struct Settings: Equatable, Sendable {
    public var theme: Theme.Name = .color
    public var mouse = false
    public var screen: Screen = .overview
    /// nil: the bundled dataset.
    public var dataPath: String?
    public var keys = KeyOverrides()

    public init() {}

    /// What the command line gave; nil where it said nothing.
    public struct Flags: Equatable, Sendable {
        public var theme: Theme.Name?
        public var mouse: Bool?
        public var screen: Screen?
        public var data: String?
        public init(theme: Theme.Name? = nil, mouse: Bool? = nil, screen: Screen? = nil, data: String? = nil) {
            self.theme = theme; self.mouse = mouse; self.screen = screen; self.data = data
        }
    }

    /// `configPath` places the file's relative `data` path; `home` expands its `~/`.
    public static func resolve(flags: Flags, file: ConfigFile, configPath: String?, home: String?) -> Settings {
        var s = Settings()
        s.theme = flags.theme ?? file.theme ?? s.theme
        s.mouse = flags.mouse ?? file.mouse ?? s.mouse
        s.screen = flags.screen ?? file.screen ?? s.screen
        s.dataPath = flags.data ?? configPath.flatMap { file.dataPath(configPath: $0, home: home) } ?? file.data
        s.keys = file.keys
        return s
    }

    /// The status line's text after a broken config file: the count first (a long message is cut
    /// at the screen's edge), then the first problem.
    public static func brokenStatus(path: String, problems: [ConfigProblem]) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "Config file ignored, started with the defaults (\(count); tradedash config --check): "
            + (problems.first?.line(path: name) ?? "")
    }
}
