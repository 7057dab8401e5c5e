import Foundation
import Testing

/// scripts/install without its release build (2-3 minutes from clean, too slow for the suite:
/// scripts/check-install runs it end to end, and .ci/run runs that after the tests): its usage,
/// and the static binaries it built last, when there are any.
@Suite struct InstallScriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = root.appendingPathComponent("scripts/install").path

    @Test("--help says what it installs; two arguments are a usage error (64) that builds nothing")
    func usage() throws {
        let help = TerminalProcess.run([Self.script, "--help"])
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.contains("scripts/install [PREFIX]"), "\(help.stdout)")
        #expect(help.stdout.contains("PREFIX/bin/tradedash and PREFIX/share/man/man1/tradedash.1"), "\(help.stdout)")
        #expect(help.stdout.contains("PREFIX/bin/tradedash-serve") && help.stdout.contains("INSTALL_SERVE=0"), "\(help.stdout)")
        let badServe = TerminalProcess.run(["/usr/bin/env", "INSTALL_SERVE=yes", Self.script, "/tmp/a"])
        #expect(badServe.status == 64 && badServe.stderr.contains("INSTALL_SERVE must be 0 or 1"), "\(badServe.status) \(badServe.stderr)")
        #expect(badServe.stdout.isEmpty, "nothing built: \(badServe.stdout)")
        let two = TerminalProcess.run([Self.script, "/tmp/a", "/tmp/b"])
        #expect(two.status == 64)
        #expect(two.stderr.contains("usage: scripts/install [PREFIX]"))
        #expect(two.stdout.isEmpty, "nothing built: \(two.stdout)")
        for script in ["scripts/install", "scripts/check-install"] {
            let syntax = TerminalProcess.run(["/bin/bash", "-n", Self.root.appendingPathComponent(script).path])
            #expect(syntax.status == 0, "\(script): \(syntax.stderr)")
        }
    }

    static func built(_ product: String) -> String { root.appendingPathComponent(".build-install/release/" + product).path }

    @Test("the tradedash scripts/install built links no Swift library",
          .enabled(if: FileManager.default.isExecutableFile(atPath: InstallScriptTests.built("tradedash")),
                   "scripts/install has not been run here (no .build-install/release/tradedash): scripts/check-install checks it end to end"))
    func builtDashboardIsSelfContained() throws { try Self.expectSelfContained("tradedash") }

    @Test("the tradedash-serve scripts/install built links no Swift library",
          .enabled(if: FileManager.default.isExecutableFile(atPath: InstallScriptTests.built("tradedash-serve")),
                   "scripts/install has not built tradedash-serve here (no .build-install/release/tradedash-serve): scripts/check-install checks it end to end"))
    func builtServeIsSelfContained() throws { try Self.expectSelfContained("tradedash-serve") }

    static func expectSelfContained(_ product: String) throws {
        let ldd = try #require(TerminalTools.which("ldd"), "ldd is not installed")
        let r = TerminalProcess.run([ldd, built(product)])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.lowercased().contains("swift"), "\(r.stdout)")
        // Only the dashboard draws with ncurses.
        #expect(r.stdout.contains("libncursesw") == (product == "tradedash"), "\(r.stdout)")
        #expect(!r.stdout.contains("not found"), "\(r.stdout)")
    }
}
