import ArgumentParser

/// `tradedash import comtrade ...` (issue 5 fills this in).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import official trade statistics into a dataset.")
    func run() throws {}
}
