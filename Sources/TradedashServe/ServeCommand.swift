import ArgumentParser
import Dispatch
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// `tradedash-serve`: the dashboard as an SSH service (docs/serve.md).
@main
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tradedash-serve",
        abstract: "Serve the tradedash dashboard over SSH (ssh -p PORT host).",
        discussion: """
        Each session runs the tradedash binary (found beside this one, or --dashboard) on a \
        pseudo-terminal of its own. An exec request may run render, export or validate. No shell, \
        no forwarding. Logs go to stderr, one line per event. See docs/serve.md.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Address and port to listen on ([::]:2222 for IPv6).", valueName: "addr:port"))
    var listen = "127.0.0.1:2222"

    @Option(name: .customLong("host-key"), help: ArgumentHelp("The ed25519 host key (made on first start; default: $XDG_STATE_HOME/tradedash/host_ed25519).", valueName: "file"))
    var hostKey: String?

    @Option(name: .customLong("authorized-keys"), help: ArgumentHelp("An OpenSSH authorized_keys file: the keys let in.", valueName: "file"))
    var authorizedKeys: String?

    @Flag(name: .customLong("public"), help: "Let anyone with any key in (read-only dashboard for everyone).")
    var anyone = false

    @Option(name: .long, help: ArgumentHelp("The dataset every session shows (default: the bundled one).", valueName: "file"))
    var data: String?

    @Option(name: .customLong("max-sessions"), help: "At most this many connections at once.")
    var maxSessions = 32

    @Option(name: .customLong("max-per-address"), help: "At most this many connections from one address.")
    var maxPerAddress = 4

    @Option(name: .long, help: ArgumentHelp("The tradedash binary to run (default: the one beside tradedash-serve).", valueName: "path"))
    var dashboard: String?

    @Option(name: .customLong("max-attempts-per-minute"), help: "At most this many new connections from one address in a minute; more are closed at once.")
    var maxAttemptsPerMinute = 30

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Close a session after this long without a key from the client: 30m, 90s, 1h; 0 for never.", valueName: "duration"))
    var idleTimeout = "30m"

    @Option(name: .customLong("max-window"), help: ArgumentHelp("The largest terminal a session is drawn in, COLSxROWS; a larger one is refused at the start and drawn at this size after a resize.", valueName: "colsxrows"))
    var maxWindow = "500x200"

    @Option(name: .customLong("auth-timeout"), help: ArgumentHelp("Seconds a connection may take to authenticate.", visibility: .hidden))
    var authTimeout = 20

    func validate() throws {
        if (authorizedKeys == nil) == !anyone {
            throw ValidationError(anyone ? "--authorized-keys and --public cannot be used together"
                                         : "say who may connect: --authorized-keys FILE, or --public for anyone")
        }
        guard (1...10_000).contains(maxSessions) else { throw ValidationError("--max-sessions must be between 1 and 10000 (got \(maxSessions))") }
        guard (1...10_000).contains(maxPerAddress) else { throw ValidationError("--max-per-address must be between 1 and 10000 (got \(maxPerAddress))") }
        guard (1...100_000).contains(maxAttemptsPerMinute) else { throw ValidationError("--max-attempts-per-minute must be between 1 and 100000 (got \(maxAttemptsPerMinute))") }
        guard (1...3600).contains(authTimeout) else { throw ValidationError("--auth-timeout must be between 1 and 3600 seconds") }
        _ = try Self.split(listen)
        _ = try Self.seconds(idleTimeout)
        _ = try Self.window(maxWindow)
    }

    /// `COLSxROWS`, e.g. 500x200: at least 20x5 (the dashboard's smallest useful size), at most 10000x10000.
    static func window(_ text: String) throws -> WindowSize {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let cols = Int(parts[0]), let rows = Int(parts[1]),
              (20...10_000).contains(cols), (5...10_000).contains(rows) else {
            throw ValidationError("--max-window must be COLSxROWS, from 20x5 to 10000x10000, e.g. 500x200 (got \"\(text)\")")
        }
        return WindowSize(cols: cols, rows: rows)
    }

    /// `90s`, `30m`, `1h` or a number of seconds; 0 is none.
    static func seconds(_ text: String) throws -> Int64 {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
        var digits = Substring(text)
        var unit: Int64 = 1
        if let last = text.last, let u = units[last] { unit = u; digits = digits.dropLast() }
        guard let n = Int64(digits), n >= 0, n <= 7 * 24 * 3600 / unit else {
            throw ValidationError("--idle-timeout must be a duration such as 30m, 90s or 1h, or 0 for none (got \"\(text)\")")
        }
        return n * unit
    }

    static func split(_ listen: String) throws -> (String, Int) {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--listen must be ADDRESS:PORT, e.g. 0.0.0.0:2222 (got \"\(listen)\")")
        }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        // Every address must be asked for by name: an empty one is not taken to mean it.
        if host.isEmpty {
            throw ValidationError("--listen needs an address before :\(port): 127.0.0.1:\(port) for this machine only, 0.0.0.0:\(port) for every IPv4 address, [::]:\(port) for IPv6")
        }
        return (host, port)
    }

    func run() throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let logger = Logger(label: "tradedash-serve")
        do {
            try serve(logger)
        } catch let error as ServeError {
            logger.critical("\(error.description)")
            throw ExitCode(1)
        } catch {
            logger.critical("cannot serve: \(error)")
            throw ExitCode(1)
        }
    }

    private func serve(_ logger: Logger) throws {
        let (host, port) = try Self.split(listen)
        let dashboard = self.dashboard ?? (URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path + "/tradedash")
        var isFolder: ObjCBool = false
        guard FileManager.default.isExecutableFile(atPath: dashboard),
              FileManager.default.fileExists(atPath: dashboard, isDirectory: &isFolder), !isFolder.boolValue else {
            throw ServeError("the dashboard \(dashboard) is not an executable file (build tradedash, or give --dashboard PATH)")
        }
        if let data { try Self.checkData(data, dashboard: dashboard) }
        if geteuid() == 0 {
            logger.warning("running as root: every session's dashboard runs as root too; run tradedash-serve as a user of its own (docs/serve.md, \"Running it as a service\")")
        }
        let keyPath = hostKey ?? HostKey.defaultPath()
        let (key, generated) = try HostKey.loadOrCreate(path: keyPath)
        if generated { logger.notice("host key generated", metadata: ["file": "\(keyPath)"]) }
        let keys = try authorizedKeys.map { try AuthorizedKeys.load(path: $0, logger: logger) } ?? AuthorizedKeys()
        if let authorizedKeys {
            logger.info("authorized keys read", metadata: ["file": "\(authorizedKeys)", "keys": "\(keys.keys.count)"])
        } else {
            logger.warning("--public: anyone with any key gets the dashboard")
        }
        let settings = ServeSettings(host: host, port: port, hostKey: key.sshKey, keys: NIOLockedValueBox(keys), anyone: anyone, data: data,
                                     dashboard: dashboard, authTimeout: .seconds(Int64(authTimeout)),
                                     idleTimeout: try Self.seconds(idleTimeout) == 0 ? nil : .seconds(try Self.seconds(idleTimeout)),
                                     maxWindow: try Self.window(maxWindow))
        let state = ServerState(maxSessions: maxSessions, maxPerAddress: maxPerAddress, maxAttemptsPerMinute: maxAttemptsPerMinute)
        signal(SIGPIPE, SIG_IGN)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: min(4, System.coreCount))
        let server: Channel
        do {
            server = try Listener.bind(settings, state: state, group: group, logger: logger)
        } catch let error as IOError {
            throw ServeError("cannot listen on \(listen): \(String(cString: strerror(error.errnoCode)).lowercased())")
        } catch {
            throw ServeError("cannot listen on \(listen): \(error)")
        }
        let bound = server.localAddress.map { "\($0.ipAddress ?? host):\($0.port ?? port)" } ?? listen
        logger.info("listening", metadata: ["address": "\(bound)", "hostkey": "\(key.fingerprint)", "dashboard": "\(dashboard)",
                                            "max-sessions": "\(maxSessions)", "max-per-address": "\(maxPerAddress)",
                                            "max-attempts-per-minute": "\(maxAttemptsPerMinute)", "idle-timeout": "\(idleTimeout)", "max-window": "\(maxWindow)"])

        let signals = [SIGTERM, SIGINT].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Self.shutDown(server: server, state: state, logger: logger, signal: number == SIGTERM ? "SIGTERM" : "SIGINT")
            }
            source.resume()
            return source
        }
        // SIGHUP: read the authorized keys again; a file that cannot be read keeps the keys before.
        signal(SIGHUP, SIG_IGN)
        let reload = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        reload.setEventHandler { [authorizedKeys] in
            guard let authorizedKeys else { return logger.notice("SIGHUP: --public, no keys to read") }
            KeysReload.reload(authorizedKeys, into: settings.keys, logger: logger, why: "SIGHUP")
        }
        reload.resume()
        if let authorizedKeys {
            KeysReload.watch(authorizedKeys, logger: logger) {
                KeysReload.reload(authorizedKeys, into: settings.keys, logger: logger, why: "the file changed")
            }
        }
        // Live data: when the data file changes, every dashboard reads it again (as `r` does); a
        // broken file keeps each session's old data and shows the problem.
        if let dataFile = data {
            KeysReload.watch(dataFile, logger: logger) {
                let n = state.reloadAll()
                logger.notice("the data file changed: \(n) dashboard\(n == 1 ? "" : "s") told to reload", metadata: ["file": "\(dataFile)"])
            }
        }
        try server.closeFuture.wait()
        withExtendedLifetime((signals, reload)) {}
        // Only the shutdown closes the listener; it exits the process.
        while true { pause() }
    }

    /// The data file as a session would read it: the dashboard loads it once (`render` at its smallest
    /// screen), so that a file no session could show is one line at start, not an error per session.
    /// Later changes are each session's to report (live data keeps the old data).
    static func checkData(_ data: String, dashboard: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isFolder) else { throw ServeError("the data file \(data): no such file") }
        guard !isFolder.boolValue else { throw ServeError("the data file \(data) is a directory") }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: dashboard)
        check.arguments = ["render", "--data", data, "--width", "60", "--height", "20", "--color", "never", "--no-config"]
        check.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "XDG_CONFIG_HOME": "/nonexistent"]
        let errors = Pipe()
        check.standardOutput = FileHandle.nullDevice
        check.standardError = errors
        check.standardInput = FileHandle.nullDevice
        do { try check.run() } catch { throw ServeError("cannot run the dashboard \(dashboard) to check the data file: \(error.localizedDescription)") }
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        check.waitUntilExit()
        guard check.terminationStatus == 0 else {
            let first = String(decoding: said, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "status \(check.terminationStatus)"
            throw ServeError("the dashboard cannot show the data file: \(first.loggable(300))")
        }
    }

    /// Stop accepting, end each session (its dashboard gets SIGHUP and the client a line), then
    /// close what is left and exit 0, all within 2 s.
    static func shutDown(server: Channel, state: ServerState, logger: Logger, signal: String) {
        let start = Date()
        logger.notice("shutting down", metadata: ["signal": "\(signal)", "sessions": "\(state.sessionCount)"])
        server.close(promise: nil)
        state.beginShutdown()
        func elapsed() -> Double { Date().timeIntervalSince(start) }
        while state.sessionCount > 0 && elapsed() < 1.0 { usleep(20_000) }
        while state.connectionCount > 0 && elapsed() < 1.2 { usleep(20_000) }
        state.closeConnections()
        while state.connectionCount > 0 && elapsed() < 1.6 { usleep(20_000) }
        logger.notice("stopped", metadata: ["after": "\(String(format: "%.2f", elapsed()))s", "left": "\(state.sessionCount)"])
        Glibc.exit(0)
    }
}
