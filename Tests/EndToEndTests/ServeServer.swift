import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// A private `tradedash-serve` for the serve tests: on 127.0.0.1 and a free port, with its host
// key, client keys and authorized_keys in a temporary folder, and the OpenSSH client run with
// `-F /dev/null`, that folder's known_hosts and `IdentitiesOnly=yes` (as SSHServer does for sshd).

/// Every serve test runs in this one serialized suite.
@Suite("tradedash-serve over a real SSH client", .serialized, .enabled(if: ServeTools.skipReason == nil, "\(ServeTools.skipReason ?? "")"))
struct ServeTests {}

enum ServeTools {
    /// `tradedash-serve`, built beside tradedash (`swift test` builds every product).
    static var binary: String? {
        guard case .success(let bin) = TerminalBinary.path else { return nil }
        let path = (bin as NSString).deletingLastPathComponent + "/tradedash-serve"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static var skipReason: String? {
        if SSHTools.ssh == nil || SSHTools.keygen == nil {
            return "the OpenSSH client is not installed (apt-get install openssh-client): skipping the serve tests"
        }
        if let why = TerminalTools.tmuxSkipReason { return why }
        if binary == nil { return "tradedash-serve is not built beside tradedash (swift build): skipping the serve tests" }
        return nil
    }
}

final class ServeServer {
    let directory: String
    private(set) var port: UInt16 = 0
    private(set) var pid: pid_t = -1
    private(set) var exitStatus: Int32?
    static let counter = TerminalCounter()

    var log: String { (try? String(contentsOfFile: directory + "/serve.log", encoding: .utf8)) ?? "" }
    let throughTradedash: Bool
    var clientKey: String { directory + "/client_key" }
    var otherKey: String { directory + "/other_key" }
    var hostKey: String { directory + "/state/tradedash/host_ed25519" }

    /// `public`: `--public` instead of `--authorized-keys`. `extraKeys`: more lines for the file.
    /// `throughTradedash`: started as `tradedash serve …` (which runs tradedash-serve beside it).
    init(public anyone: Bool = false, extraKeys: [String] = [], arguments: [String] = [], throughTradedash: Bool = false) throws {
        self.throughTradedash = throughTradedash
        directory = NSTemporaryDirectory() + "/tradedash-serve-\(getpid())-\(Self.counter.next())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        do {
            try Self.keygen(["-t", "ed25519", "-C", "serve-test-client", "-f", clientKey])
            try Self.keygen(["-t", "ed25519", "-C", "serve-test-other", "-f", otherKey])
            let listed = try String(contentsOfFile: clientKey + ".pub", encoding: .utf8)
            try (([listed.trimmingCharacters(in: .newlines)] + extraKeys).joined(separator: "\n") + "\n")
                .write(toFile: directory + "/authorized_keys", atomically: true, encoding: .utf8)
            try start((anyone ? ["--public"] : ["--authorized-keys", directory + "/authorized_keys"]) + arguments)
        } catch { stop(); throw error }
    }

    static func keygen(_ arguments: [String]) throws {
        let r = TerminalProcess.run([SSHTools.keygen ?? "ssh-keygen", "-q", "-N", ""] + arguments, timeout: 30)
        if r.status != 0 { throw SSHServerError(description: "ssh-keygen \(arguments.joined(separator: " ")) failed: \(r.stderr)") }
    }

    /// The server's environment: its own state folder, no backtrace prompt.
    var environment: [String: String] {
        ["PATH": "/usr/bin:/bin", "XDG_STATE_HOME": directory + "/state", "SWIFT_BACKTRACE": "enable=no"]
    }

    private func start(_ arguments: [String]) throws {
        guard let serve = ServeTools.binary, case .success(let dashboard) = TerminalBinary.path else {
            throw SSHServerError(description: "tradedash-serve is not built")
        }
        var failures = [String]()
        for _ in 0..<3 {
            port = try SSHServer.freePort()
            let logFD = open(directory + "/serve.log", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
            let command = throughTradedash ? [dashboard, "serve"] : [serve]
            pid = TerminalProcess.spawn(command + ["--listen", "127.0.0.1:\(port)", "--dashboard", dashboard] + arguments,
                                        environment: environment, stdin: devNull, stdout: logFD, stderr: logFD)
            close(logFD)
            close(devNull)
            guard pid > 0 else { throw SSHServerError(description: "cannot start \(serve)") }
            var exited = false
            let listening = TerminalWait.until(timeout: 15) {
                if log.contains("listening") { return true }
                if let status = TerminalPTY.wait(pid, timeout: 0) { exitStatus = status; exited = true; return true }
                return false
            } && !exited
            if listening && SSHServer.accepts(port) {
                let pub = try String(contentsOfFile: hostKey + ".pub", encoding: .utf8)
                try "[127.0.0.1]:\(port) \(pub)".write(toFile: directory + "/known_hosts", atomically: true, encoding: .utf8)
                return
            }
            failures.append("port \(port): " + (exited ? "tradedash-serve exited" : "it did not listen within 15 s") + ":\n" + log)
            if !exited { kill(pid, SIGKILL); _ = TerminalPTY.wait(pid, timeout: 5) }
            pid = -1
            if !log.contains("in use") { break }
        }
        throw SSHServerError(description: "tradedash-serve did not start: " + failures.joined(separator: "\n"))
    }

    /// The OpenSSH client's arguments up to the destination, with `key` (default: the listed one).
    func client(_ options: [String] = [], key: String? = nil) -> [String] {
        [SSHTools.ssh ?? "ssh", "-F", "/dev/null"] + options
            + ["-i", key ?? clientKey, "-o", "IdentitiesOnly=yes",
               "-o", "UserKnownHostsFile=\(directory)/known_hosts", "-o", "GlobalKnownHostsFile=/dev/null",
               "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
               "-o", "LogLevel=ERROR", "-p", String(port), "viewer@127.0.0.1"]
    }

    /// Runs the client to its end (an exec request, or none) and returns what it printed.
    func run(_ command: [String], options: [String] = [], key: String? = nil, timeout: Double = 30) -> TerminalProcess.Result {
        TerminalProcess.run(client(options, key: key) + command, environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], timeout: timeout)
    }

    /// The dashboard this server runs for a session.
    func dashboardPID(timeout: Double = 10) -> pid_t? {
        var found: pid_t?
        TerminalWait.until(timeout: timeout) {
            found = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid_t($0) }.first {
                SSHProc.parent($0) == pid && SSHProc.name($0) == "tradedash" && SSHProc.state($0) != "Z"
            }
            return found != nil
        }
        return found
    }

    /// SIGTERM, and how long it took to exit with which status (nil: not within `timeout`).
    func terminate(timeout: Double) -> (status: Int32, seconds: Double)? {
        guard pid > 0 else { return nil }
        let start = Date()
        kill(pid, SIGTERM)
        guard let status = TerminalPTY.wait(pid, timeout: timeout) else { return nil }
        pid = -1
        exitStatus = status
        return (status, Date().timeIntervalSince(start))
    }

    func stop() {
        if pid > 0 {
            kill(pid, SIGTERM)
            if TerminalPTY.wait(pid, timeout: 5) == nil { kill(pid, SIGKILL); _ = TerminalPTY.wait(pid, timeout: 5) }
            pid = -1
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { stop() }
}
