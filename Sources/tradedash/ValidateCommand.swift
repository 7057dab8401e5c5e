import ArgumentParser

/// `tradedash validate [FILE...]`.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check dataset files and summarise them.")
    func run() throws {}
}
