import ArgumentParser

/// `tradedash [--data FILE] ...`: the interactive dashboard (issue 4 fills this in).
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard", abstract: "Open the interactive dashboard (the default).")
    func run() throws {}
}
