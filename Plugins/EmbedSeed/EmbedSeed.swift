import Foundation
import PackagePlugin

/// Generates the Swift source holding the bundled dataset (`seeds/kazakhstan-turkmenistan.json`)
/// as a string literal, for the target it is applied to. The seed is the command's input: editing
/// it regenerates the source and rebuilds the binary.
@main
struct EmbedSeed: BuildToolPlugin {
    static let seed = "seeds/kazakhstan-turkmenistan.json"

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: Self.seed)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSeedText.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(Self.seed)",
                executable: try context.tool(named: "EmbedSeedTool").url,
                arguments: [input.path(percentEncoded: false), output.path(percentEncoded: false), Self.seed],
                inputFiles: [input],
                outputFiles: [output]
            ),
        ]
    }
}
