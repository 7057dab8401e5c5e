import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// A private OpenSSH server for the SSH tests: `/usr/sbin/sshd -D -e -f CONFIG -p PORT` on
// 127.0.0.1 and a free port, with its own configuration, host key, client key, authorized_keys and
// known_hosts in a temporary folder. It never touches /etc/ssh, the system's sshd or ~/.ssh: the
// client runs with `-F /dev/null`, that folder's known_hosts and key, and `IdentitiesOnly=yes`.
// Every name here starts with `SSH` so as not to collide with other tests of this target.

/// Every SSH test runs in this one serialized suite (its nested suites too): one sshd at a time.
@Suite("Over a real SSH connection", .serialized, .enabled(if: SSHTools.skipReason == nil, "\(SSHTools.skipReason ?? "")"))
struct SSHTests {}

enum SSHTools {
    static let sshd = "/usr/sbin/sshd"
    static let ssh: String? = TerminalTools.which("ssh")
    static let keygen: String? = TerminalTools.which("ssh-keygen")

    /// Why the SSH tests cannot run, if they cannot (they are then skipped with this message).
    static var skipReason: String? {
        if !FileManager.default.isExecutableFile(atPath: sshd) || ssh == nil || keygen == nil {
            return "OpenSSH is not installed (apt-get install openssh-server openssh-client; .ci/run installs them): skipping the SSH tests"
        }
        if let why = TerminalTools.tmuxSkipReason { return why }
        return nil
    }

    /// The package's root (for docs/ and scripts/).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}

struct SSHServerError: Error, CustomStringConvertible {
    var description: String
}

/// One private sshd. `kiosk: true` adds docs/ssh.md's `Match User dash` block, read from the file
/// with the current user and the temporary paths put in, so the documented text is what is tested.
final class SSHServer {
    let directory: String
    let user: String
    private(set) var port: UInt16 = 0
    private(set) var pid: pid_t = -1
    /// What StrictModes is set to (yes unless the temporary folder's parents are writable by others).
    private(set) var strictModes = true
    static let counter = TerminalCounter()

    var log: String { (try? String(contentsOfFile: directory + "/sshd.log", encoding: .utf8)) ?? "" }
    var clientKey: String { directory + "/client_key" }
    var kioskCommand: String { directory + "/tradedash-kiosk" }

    init(kiosk: Bool = false) throws {
        user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        (directory, strictModes) = try Self.makeDirectory()
        do { try start(kiosk: kiosk) } catch { stop(); throw error }
    }

    /// A folder of mode 0700 whose parents StrictModes accepts (owned by root or us, not writable by
    /// group or others): under the build folder when it qualifies (/tmp, 1777, never does).
    private static func makeDirectory() throws -> (String, Bool) {
        let name = "tradedash-ssh-\(getpid())-\(counter.next())"
        let buildDir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path
        for (base, strict) in [(buildDir + "/ssh-tests", true), (NSTemporaryDirectory(), false)] {
            let dir = (base as NSString).appendingPathComponent(name)
            do {
                if strict { try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755]) }
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            } catch { continue }
            if !strict || parentsAreSecure(dir) { return (dir, strict && parentsAreSecure(dir)) }
            try? FileManager.default.removeItem(atPath: dir)
        }
        throw SSHServerError(description: "cannot make a temporary folder for the private sshd")
    }

    static func parentsAreSecure(_ path: String) -> Bool {
        var p = path
        while true {
            var st = stat()
            guard stat(p, &st) == 0, st.st_uid == 0 || st.st_uid == geteuid(), st.st_mode & 0o022 == 0 else { return false }
            if p == "/" { return true }
            p = (p as NSString).deletingLastPathComponent
            if p.isEmpty { return true }
        }
    }

    private func run(_ argv: [String]) throws {
        let r = TerminalProcess.run(argv, timeout: 30)
        if r.status != 0 { throw SSHServerError(description: "\(argv.joined(separator: " ")) failed (\(r.status)): \(r.stderr)") }
    }

    private func write(_ text: String, _ name: String, mode: mode_t = 0o600) throws {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, mode)
    }

    /// docs/ssh.md's sshd configuration block, as written there.
    static func documentedKioskBlock() throws -> String {
        let doc = try String(contentsOfFile: SSHTools.packageRoot + "/docs/ssh.md", encoding: .utf8)
        guard let open = doc.range(of: "```sshd_config\n"),
              let close = doc.range(of: "\n```", range: open.upperBound..<doc.endIndex) else {
            throw SSHServerError(description: "docs/ssh.md has no ```sshd_config block")
        }
        return String(doc[open.upperBound..<close.lowerBound])
    }

    /// The block with this test's user and paths in place of the documented ones; each must be there.
    func kioskBlock() throws -> String {
        var block = try Self.documentedKioskBlock()
        for (documented, here) in [("Match User dash", "Match User \(user)"),
                                   ("/usr/local/bin/tradedash-kiosk", kioskCommand),
                                   ("/etc/tradedash/team_keys", directory + "/authorized_keys")] {
            guard block.contains(documented) else {
                throw SSHServerError(description: "docs/ssh.md's configuration no longer says \(documented); update the test with it")
            }
            block = block.replacingOccurrences(of: documented, with: here)
        }
        return block
    }

    private func start(kiosk: Bool) throws {
        guard case .success(let bin) = TerminalBinary.path else { throw SSHServerError(description: "tradedash is not built") }
        let keygen = SSHTools.keygen ?? "ssh-keygen"
        try run([keygen, "-q", "-t", "ed25519", "-N", "", "-C", "tradedash-test-host", "-f", directory + "/host_key"])
        try run([keygen, "-q", "-t", "ed25519", "-N", "", "-C", "tradedash-test-client", "-f", clientKey])
        let clientPub = try String(contentsOfFile: clientKey + ".pub", encoding: .utf8)
        try write(clientPub, "authorized_keys")
        // Privilege separation needs /run/sshd (Debian's package makes the sshd user; the folder is
        // made by its service, which never runs here).
        if !FileManager.default.fileExists(atPath: "/run/sshd") { mkdir("/run/sshd", 0o755) }

        var config = """
        # The tradedash tests' private sshd: nothing here is the system's.
        ListenAddress 127.0.0.1
        HostKey \(directory)/host_key
        PidFile none
        AuthorizedKeysFile \(directory)/authorized_keys
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin prohibit-password
        UsePAM no
        StrictModes \(strictModes ? "yes" : "no")
        LogLevel VERBOSE
        MaxStartups 100
        # As on a real server (Debian's config has one): file copies reach the ForceCommand.
        Subsystem sftp internal-sftp
        # The tests never read a user's config file.
        SetEnv XDG_CONFIG_HOME=/nonexistent/tradedash-tests SWIFT_BACKTRACE=enable=no

        """
        if kiosk {
            let script = try String(contentsOfFile: SSHTools.packageRoot + "/scripts/tradedash-kiosk", encoding: .utf8)
            try write(script, "tradedash-kiosk", mode: 0o755)
            // Installed beside it, as docs/ssh.md says.
            symlink(bin, directory + "/tradedash")
            config += try kioskBlock() + "\n"
        }
        try write(config, "sshd_config")
        let check = TerminalProcess.run([SSHTools.sshd, "-t", "-f", directory + "/sshd_config"], timeout: 20)
        guard check.status == 0 else {
            throw SSHServerError(description: "sshd -t rejects the configuration (\(check.status)): \(check.stderr)\n--- config:\n\(config)")
        }

        // A free port can be taken between our look and sshd's bind: try a few.
        var failures = [String]()
        for _ in 0..<3 {
            port = try Self.freePort()
            let logFD = open(directory + "/sshd.log", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
            pid = TerminalProcess.spawn([SSHTools.sshd, "-D", "-e", "-f", directory + "/sshd_config", "-p", String(port)],
                                        environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], stdin: devNull, stdout: logFD, stderr: logFD)
            close(logFD)
            close(devNull)
            guard pid > 0 else { throw SSHServerError(description: "cannot start \(SSHTools.sshd)") }
            var exited = false
            let listening = TerminalWait.until(timeout: 10) {
                if log.contains("Server listening on") { return true }
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid { exited = true; return true }
                return false
            } && !exited
            if listening && Self.accepts(port) {
                let knownHost = "[127.0.0.1]:\(port) " + (try String(contentsOfFile: directory + "/host_key.pub", encoding: .utf8))
                try write(knownHost, "known_hosts")
                return
            }
            failures.append("port \(port): " + (exited ? "sshd exited" : "sshd did not listen within 10 s") + ":\n" + log)
            if !exited { kill(pid, SIGKILL); var s: Int32 = 0; waitpid(pid, &s, 0) }
            pid = -1
            if !log.contains("Address already in use") { break }
        }
        throw SSHServerError(description: "the private sshd did not start: " + failures.joined(separator: "\n"))
    }

    /// A port of 127.0.0.1 nobody listens on now.
    static func freePort() throws -> UInt16 {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard s >= 0 else { throw SSHServerError(description: "socket failed") }
        defer { close(s) }
        var addr = loopback(0)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bind(s, sa, len) == 0 && getsockname(s, sa, &len) == 0
            }
        }
        guard ok else { throw SSHServerError(description: "cannot bind a port of 127.0.0.1") }
        return UInt16(bigEndian: addr.sin_port)
    }

    static func loopback(_ port: UInt16) -> sockaddr_in {
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        return addr
    }

    /// A connected socket to 127.0.0.1:port, or -1.
    static func connect(_ port: UInt16) -> Int32 {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard s >= 0 else { return -1 }
        var addr = loopback(port)
        let ok = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        if !ok { close(s); return -1 }
        return s
    }

    static func accepts(_ port: UInt16) -> Bool {
        let s = connect(port)
        if s >= 0 { close(s) }
        return s >= 0
    }

    /// The OpenSSH client's arguments up to the destination: no user configuration, this server's
    /// key and known_hosts only, nothing interactive. `options` come first (ssh takes the first value
    /// given for an option, so they can override LogLevel).
    func client(_ options: [String] = []) -> [String] {
        [SSHTools.ssh ?? "ssh", "-F", "/dev/null"] + options
            + ["-i", clientKey, "-o", "IdentitiesOnly=yes",
               "-o", "UserKnownHostsFile=\(directory)/known_hosts", "-o", "GlobalKnownHostsFile=/dev/null",
               "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
               "-o", "LogLevel=ERROR", "-p", String(port), "\(user)@127.0.0.1"]
    }

    /// Every process below the listener (its sessions and what they run).
    func descendants() -> [pid_t] {
        guard pid > 0 else { return [] }
        var children = [pid_t: [pid_t]]()
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let p = pid_t(entry), let ppid = SSHProc.parent(p) else { continue }
            children[ppid, default: []].append(p)
        }
        var result = [pid_t](), queue = [pid]
        while let p = queue.popLast() {
            for c in children[p] ?? [] { result.append(c); queue.append(c) }
        }
        return result
    }

    /// The server-side dashboard: the `tradedash` process below the listener.
    func dashboardPID(timeout: Double = 10) -> pid_t? {
        var found: pid_t?
        TerminalWait.until(timeout: timeout) {
            found = descendants().first { SSHProc.name($0) == "tradedash" && SSHProc.state($0) != "Z" }
            return found != nil
        }
        return found
    }

    func stop() {
        if pid > 0 {
            let below = descendants()
            kill(pid, SIGTERM)
            for p in below { kill(p, SIGKILL) }
            if TerminalPTY.wait(pid, timeout: 5) == nil { kill(pid, SIGKILL); _ = TerminalPTY.wait(pid, timeout: 5) }
            pid = -1
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { stop() }
}

enum SSHProc {
    /// The fields of /proc/PID/stat after the command's name.
    static func fields(_ pid: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    static func parent(_ pid: pid_t) -> pid_t? { fields(pid).flatMap { $0.count > 1 ? pid_t($0[1]) : nil } }
    static func state(_ pid: pid_t) -> String? { fields(pid)?.first.map(String.init) }

    static func name(_ pid: pid_t) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Ended: gone, or a zombie waiting for its parent.
    static func ended(_ pid: pid_t) -> Bool {
        let s = state(pid)
        return s == nil || s == "Z" || s == "X"
    }
}
