import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Helpers for the real-terminal tests: they run the built `tradedash` inside tmux (or on a
// pseudo-terminal), type keys and read the screen. Every name here starts with `Terminal` so as
// not to collide with other tests of this target.
//
// Processes are started with posix_spawn, closing every inherited descriptor: a tmux server started
// through Foundation's Process inherits its socketpair and `waitUntilExit` never returns.

// MARK: - Finding the programs

enum TerminalBinary {
    /// The `tradedash` built beside this test bundle (`swift test` builds every product of the
    /// package into the same directory), or `$TRADEDASH_BIN`. When it is missing (a test bundle built
    /// alone), it is built once with `swift build --product tradedash` into the same scratch path.
    static let path: Result<String, TerminalSkip> = locate()

    private static func locate() -> Result<String, TerminalSkip> {
        let fm = FileManager.default
        if let p = ProcessInfo.processInfo.environment["TRADEDASH_BIN"], !p.isEmpty {
            return fm.isExecutableFile(atPath: p) ? .success(p) : .failure(TerminalSkip("TRADEDASH_BIN=\(p) is not an executable"))
        }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let dir = exe.deletingLastPathComponent()
        let candidate = dir.appendingPathComponent("tradedash").path
        if fm.isExecutableFile(atPath: candidate) { return .success(candidate) }
        // <scratch>/<triple>/<configuration>/tradedashPackageTests.xctest
        let configuration = dir.lastPathComponent
        let scratch = dir.deletingLastPathComponent().deletingLastPathComponent().path
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let result = TerminalProcess.run(["swift", "build", "--package-path", package, "--scratch-path", scratch,
                                          "-c", configuration == "release" ? "release" : "debug", "--product", "tradedash"],
                                         timeout: 900)
        if fm.isExecutableFile(atPath: candidate) { return .success(candidate) }
        return .failure(TerminalSkip("tradedash is not built at \(candidate), and `swift build --product tradedash` failed: "
                                     + result.stderr.suffix(400)))
    }
}

struct TerminalSkip: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

enum TerminalTools {
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    static let tmux: String? = which("tmux")

    /// The terminal type the tmux panes announce: tmux's own entry when terminfo has it.
    static let paneTerm: String = {
        TerminalProcess.run(["infocmp", "tmux-256color"], timeout: 10).status == 0 ? "tmux-256color" : "screen-256color"
    }()

    /// Why the tmux tests cannot run, if they cannot.
    static var tmuxSkipReason: String? {
        if tmux == nil { return "tmux is not installed (apt-get install tmux; .ci/run installs it): skipping the real-terminal tests" }
        if case .failure(let why) = TerminalBinary.path { return why.description }
        return nil
    }
}

// MARK: - Processes

enum TerminalProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: [UInt8]
    }

    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
    static let closeFrom: CloseFrom? = {
        guard let sym = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(sym, to: CloseFrom.self)
    }()

    /// Starts a program with the given descriptors as 0, 1, 2 and nothing else open; signals at their
    /// default actions and none blocked. Returns the pid, or -1.
    static func spawn(_ argv: [String], environment: [String: String]? = nil, stdin: Int32, stdout: Int32, stderr: Int32) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        if let closeFrom { _ = closeFrom(&actions, 3) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGPIPE, SIGQUIT, SIGCHLD, SIGWINCH] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var cArgv = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer {
            for p in cArgv { free(p) }
            for p in cEnv { free(p) }
        }
        var pid: pid_t = -1
        let rc = posix_spawnp(&pid, argv[0], &actions, &attr, &cArgv, &cEnv)
        return rc == 0 ? pid : -1
    }

    /// Runs a program to the end (killed after `timeout` seconds), with stdin from /dev/null (or
    /// the given descriptor) and stdout and stderr captured.
    static func run(_ argv: [String], environment: [String: String]? = nil, stdin: Int32? = nil, timeout: Double = 30) -> Result {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            return Result(status: -1, stdout: "", stderr: "pipe failed", stdoutBytes: [])
        }
        // Not inherited by anything else started meanwhile (the child gets them through dup2).
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer { close(devNull) }
        let pid = spawn(argv, environment: environment, stdin: stdin ?? devNull, stdout: outPipe[1], stderr: errPipe[1])
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        guard pid > 0 else { return Result(status: -1, stdout: "", stderr: "cannot start \(argv[0])", stdoutBytes: []) }
        var out = [UInt8](), err = [UInt8]()
        var open = [outPipe[0], errPipe[0]]
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { kill(pid, SIGKILL); break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let r = poll(&fds, nfds_t(fds.count), Int32(min(left, 1) * 1000))
            if r < 0 && errno != EINTR { break }
            for f in fds where f.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(f.fd, $0.baseAddress, 65536) }
                if n > 0 {
                    if f.fd == outPipe[0] { out += buffer[0..<n] } else { err += buffer[0..<n] }
                } else {
                    open.removeAll { $0 == f.fd }
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: code, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self), stdoutBytes: out)
    }
}

// MARK: - Waiting

enum TerminalWait {
    /// Polls `condition` every 25 ms until it holds or `timeout` seconds pass. Never a fixed sleep.
    @discardableResult
    static func until(timeout: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if condition() { return true }
            if Date() >= deadline { return false }
            usleep(25_000)
        }
    }
}

// MARK: - The expected screen

enum TerminalRender {
    /// What `tradedash render` prints for a screen, size and keys: the interactive dashboard must show
    /// exactly this (same state, same canvas), so a tmux capture can be compared line by line.
    static func lines(screen: Int, width: Int, height: Int, keys: String? = nil, ascii: Bool = false, data: String? = nil) -> [String]? {
        guard case .success(let bin) = TerminalBinary.path else { return nil }
        var argv = [bin, "render", "--screen", String(screen), "--width", String(width), "--height", String(height), "--color", "never"]
        if let keys { argv += ["--keys", keys] }
        if ascii { argv.append("--ascii") }
        if let data { argv += ["--data", data] }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["NO_COLOR"] = nil
        env["LC_ALL"] = nil
        let r = TerminalProcess.run(argv, environment: env, timeout: 30)
        guard r.status == 0 else { return nil }
        return TerminalScreenText.normalise(r.stdout.components(separatedBy: "\n"))
    }
}

enum TerminalScreenText {
    /// Trailing spaces and trailing empty lines removed.
    static func normalise(_ lines: [String]) -> [String] {
        var result = lines.map { line -> String in
            var s = line
            while s.last == " " { s.removeLast() }
            return s
        }
        while result.last == "" { result.removeLast() }
        return result
    }

    /// The first difference between two screens, for a readable failure.
    static func firstDifference(_ got: [String], _ want: [String]) -> String {
        for k in 0..<max(got.count, want.count) {
            let g = k < got.count ? got[k] : "<none>"
            let w = k < want.count ? want[k] : "<none>"
            if g != w { return "row \(k):\n  shown:    \(g)\n  expected: \(w)" }
        }
        return "no difference"
    }
}

// MARK: - tmux

/// A private tmux server (its own socket, no configuration file) running one program in a pane of a
/// detached session. The pane stays after the program ends (remain-on-exit), so that what it left
/// behind can be read. The server is killed by `close()`.
final class TerminalTmux {
    let socket: String
    let directory: String
    private(set) var closed = false
    static let counter = TerminalCounter()

    /// Starts `script` (shell text) in a pane of `width`×`height`.
    init(script: String, width: Int = 100, height: Int = 30) {
        socket = "tdt-\(getpid())-\(TerminalTmux.counter.next())"
        directory = NSTemporaryDirectory() + "/" + socket
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let scriptPath = directory + "/run.sh"
        try? ("#!/bin/sh\n" + script).write(toFile: scriptPath, atomically: true, encoding: .utf8)
        _ = tmux(["start-server", ";",
                  "set-option", "-g", "remain-on-exit", "on", ";",
                  "set-option", "-g", "status", "off", ";",
                  "set-option", "-g", "default-terminal", TerminalTools.paneTerm, ";",
                  "set-option", "-g", "escape-time", "0", ";",
                  "new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height), "/bin/sh " + scriptPath])
    }

    /// A script that runs tradedash with `arguments` in a clean environment (UTF-8 locale, no NO_COLOR,
    /// no backtrace prompt), then reports its exit status and the terminal's modes.
    /// `launcher`: words before the binary (a program that execs it).
    static func dashboardScript(arguments: [String] = [], environment: [String: String] = [:], unset: [String] = [], launcher: [String] = []) -> String {
        guard case .success(let bin) = TerminalBinary.path else { return "exit 1\n" }
        // No config file unless a test gives one: the user's own is never read.
        var env = ["LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no", "XDG_CONFIG_HOME": "/nonexistent/tradedash-tests"]
        for (k, v) in environment { env[k] = v }
        var s = "unset NO_COLOR LC_ALL LC_CTYPE LC_MESSAGES LANGUAGE LINES COLUMNS\n"
        for k in unset { s += "unset \(k)\n" }
        for (k, v) in env.sorted(by: { $0.key < $1.key }) { s += "export \(k)=\(quote(v))\n" }
        s += (launcher + [bin] + arguments).map(quote).joined(separator: " ") + "\n"
        s += "echo \"__EXIT__=$?\"\n"
        s += "stty -a\n"
        s += "echo __END__\n"
        // Stay alive, so that the pane's modes (cursor, keypad, mouse) can still be read; tmux resets them
        // when a pane dies. The server is killed at the end of the test.
        s += "read _\n"
        return s
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ args: [String]) -> TerminalProcess.Result {
        TerminalProcess.run([TerminalTools.tmux ?? "tmux", "-L", socket, "-f", "/dev/null"] + args, timeout: 20)
    }

    /// The pane as text, one string per row, trailing spaces removed.
    func lines() -> [String] {
        TerminalScreenText.normalise(tmux(["capture-pane", "-p", "-t", "t"]).stdout.components(separatedBy: "\n"))
    }

    var text: String { lines().joined(separator: "\n") }

    /// The pane with wrapped lines joined (for long output such as `stty -a`).
    var joinedText: String { tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", "t"]).stdout }

    /// The pane with its attributes and colours as escape sequences.
    var styledText: String { tmux(["capture-pane", "-p", "-e", "-t", "t"]).stdout }

    func format(_ f: String) -> String {
        tmux(["display-message", "-p", "-t", "t", f]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var alternateScreen: Bool { format("#{alternate_on}") == "1" }
    var cursorVisible: Bool { format("#{cursor_flag}") == "1" }
    var paneDead: Bool { format("#{pane_dead}") == "1" }

    /// tmux key names (`Enter`, `Escape`, `C-c`, `Down`) or single characters.
    func send(_ keys: String...) { tmux(["send-keys", "-t", "t"] + keys) }

    /// Text typed as it is.
    func type(_ text: String) { tmux(["send-keys", "-t", "t", "-l", text]) }

    /// Raw bytes typed (for escape sequences such as mouse reports).
    func sendBytes(_ bytes: [UInt8]) { tmux(["send-keys", "-t", "t", "-H"] + bytes.map { String(format: "%02x", $0) }) }

    func resize(width: Int, height: Int) { tmux(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)]) }

    /// The pid of the program the pane's shell started (tradedash).
    func programPID() -> pid_t? {
        guard let shell = Int32(format("#{pane_pid}")) else { return nil }
        guard let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return children.split(separator: " ").compactMap { Int32($0) }.first
    }

    /// Waits for the pane to show the dashboard (the alternate screen is on and `marker` is visible).
    func waitForDashboard(containing marker: String, timeout: Double = 10) -> Bool {
        TerminalWait.until(timeout: timeout) { alternateScreen && text.contains(marker) }
    }

    /// Waits until the pane shows exactly `expected`.
    func waitForScreen(_ expected: [String], timeout: Double = 10) -> Bool {
        TerminalWait.until(timeout: timeout) { lines() == expected }
    }

    /// What the wrapper script printed after tradedash ended: its exit status and the tty's modes.
    struct Exit {
        var status: Int32
        var modes: Set<String>
    }

    func waitForExit(timeout: Double = 10) -> Exit? {
        var result: Exit?
        TerminalWait.until(timeout: timeout) {
            let t = joinedText
            guard let e = t.range(of: "__EXIT__="), let end = t.range(of: "__END__", range: e.upperBound..<t.endIndex) else { return false }
            let after = t[e.upperBound...]
            let status = Int32(after.prefix { $0.isNumber }) ?? -1
            let modes = Set(t[e.upperBound..<end.lowerBound].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
            result = Exit(status: status, modes: modes)
            return true
        }
        return result
    }

    func close() {
        guard !closed else { return }
        closed = true
        tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: directory)
        // tmux leaves its socket file behind.
        let tmpdir = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        unlink("\(tmpdir)/tmux-\(getuid())/\(socket)")
    }

    deinit { close() }
}

final class TerminalCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

// MARK: - Pseudo-terminal

/// A pseudo-terminal made here (not through tmux), to see every byte a program writes to its terminal.
enum TerminalPTY {
    typealias IntFn = @convention(c) (Int32) -> Int32
    typealias PtsnameR = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    /// A fresh pseudo-terminal of the given size: (master, slave), both close-on-exec.
    static func open(width: Int, height: Int) -> (master: Int32, slave: Int32)? {
        let h = dlopen(nil, RTLD_NOW)
        guard let o = dlsym(h, "posix_openpt"), let g = dlsym(h, "grantpt"), let u = dlsym(h, "unlockpt"), let p = dlsym(h, "ptsname_r") else { return nil }
        let master = unsafeBitCast(o, to: IntFn.self)(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { return nil }
        _ = unsafeBitCast(g, to: IntFn.self)(master)
        _ = unsafeBitCast(u, to: IntFn.self)(master)
        var name = [CChar](repeating: 0, count: 256)
        guard unsafeBitCast(p, to: PtsnameR.self)(master, &name, 256) == 0 else { close(master); return nil }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = Glibc.open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { close(master); return nil }
        var ws = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &ws)
        return (master, slave)
    }

    /// Reads what is waiting on `fd` for up to `timeout` seconds, until `enough` says so or EOF.
    static func read(_ fd: Int32, timeout: Double, until enough: ([UInt8]) -> Bool = { _ in false }) -> [UInt8] {
        var out = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        while !enough(out) {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { break }
            let r = poll(&p, 1, Int32(min(left, 1) * 1000))
            if r < 0 && errno != EINTR { break }
            if r > 0 {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 65536) }
                if n > 0 { out += buffer[0..<n] } else { break }   // EIO: every slave descriptor is closed
            }
        }
        return out
    }

    /// Waits for a child for up to `timeout` seconds; its exit status (128 + signal), or nil.
    static func wait(_ pid: pid_t, timeout: Double) -> Int32? {
        var status: Int32 = 0
        var result: Int32?
        TerminalWait.until(timeout: timeout) {
            guard waitpid(pid, &status, WNOHANG) == pid else { return false }
            result = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return true
        }
        return result
    }

    /// Runs argv with a fresh pseudo-terminal as stdin, stdout and stderr; returns the exit status and
    /// every byte written to the terminal.
    static func run(_ argv: [String], environment: [String: String], width: Int = 100, height: Int = 30, timeout: Double = 10) -> (status: Int32, output: [UInt8])? {
        guard let (master, slave) = open(width: width, height: height) else { return nil }
        defer { close(master) }
        let pid = TerminalProcess.spawn(argv, environment: environment, stdin: slave, stdout: slave, stderr: slave)
        close(slave)
        guard pid > 0 else { return nil }
        let out = read(master, timeout: timeout)
        if let status = wait(pid, timeout: 5) { return (status, out) }
        kill(pid, SIGKILL)
        return (wait(pid, timeout: 5) ?? -1, out)
    }
}
