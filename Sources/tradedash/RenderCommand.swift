import ArgumentParser

/// `tradedash render`: a screen as text on stdout.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Print a screen of the dashboard as text.")
    func run() throws {}
}
