import ArgumentParser
import TradeModel
#if canImport(Glibc)
import Glibc
#endif

/// `tradedash serve …`: runs `tradedash-serve` (the SSH service, installed beside this binary)
/// with the same arguments. The service is its own executable so that SwiftNIO and swift-crypto
/// never reach the interactive dashboard's start-up or memory; this command only finds it.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The dashboard as an SSH service (runs tradedash-serve; see docs/serve.md).",
        discussion: "Every argument goes to tradedash-serve unchanged: `tradedash serve --help` shows its options.",
        // --help too goes to tradedash-serve, whose options are the ones that matter.
        helpNames: []
    )

    @Argument(parsing: .allUnrecognized, help: "Options for tradedash-serve (--listen, --authorized-keys | --public, --data, ...).")
    var arguments: [String] = []

    func run() throws {
        guard let me = SystemIO.executablePath() else {
            StandardError.print("tradedash: cannot find where this binary is, to run tradedash-serve beside it; run tradedash-serve directly")
            throw ExitCode(1)
        }
        let folder = me.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let serve = folder + "/tradedash-serve"
        guard access(serve, X_OK) == 0 else {
            StandardError.print("tradedash: \(serve) is not there (build it with `swift build --product tradedash-serve`, or install it beside tradedash)")
            throw ExitCode(1)
        }
        let argv = [serve] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        execv(serve, &cArgs)
        StandardError.print("tradedash: cannot run \(serve): \(String(cString: strerror(errno)))")
        throw ExitCode(1)
    }
}
