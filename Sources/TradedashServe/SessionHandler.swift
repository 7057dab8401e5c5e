import Foundation
import Logging
import NIOCore
import NIOSSH

/// One SSH session channel: the dashboard on a pseudo-terminal when the client asked for one and
/// a shell, a read-only command for an exec request, and nothing else.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    static let needsTerminal = "tradedash serve needs a terminal: ssh -t"

    let settings: ServeSettings
    let state: ServerState
    var logger: Logger
    private var terminal: (term: String, size: WindowSize)?
    /// The largest window asked for after the start, when over --max-window (told at the end).
    private var oversize: WindowSize?
    /// What the client sent of LANG, LC_* and NO_COLOR.
    private var clientEnvironment: [String: String] = [:]
    private var child: ChildProcess?
    private var started = false
    private var startTime = Date()
    private var sessionID = 0
    private var shuttingDown = false
    private var lastInput = NIODeadline.now()
    private var idleCheck: RepeatedTask?

    /// Set when the connection is over a limit: every session gets this line and status 1.
    let refusal: String?

    init(settings: ServeSettings, state: ServerState, logger: Logger, refusal: String?) {
        self.refusal = refusal
        self.settings = settings
        self.state = state
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let child, !child.hasEnded {
            child.signal(SIGHUP)
            let weak = child
            context.eventLoop.scheduleTask(in: .seconds(2)) { weak.signal(SIGKILL) }
        }
        idleCheck?.cancel()
        if sessionID != 0 { state.unregister(sessionID) }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        lastInput = .now()
        guard message.type == .channel, case .byteBuffer(let buffer) = message.data, let child else { return }
        child.write(Array(buffer.readableBytesView))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            // Only the locale and NO_COLOR are taken from the client (as sshd's AcceptEnv LANG LC_* NO_COLOR).
            let ok = (request.name == "LANG" || request.name.hasPrefix("LC_") || request.name == "NO_COLOR") && request.value.count < 64
                && request.value.allSatisfy { $0.isLetter || $0.isNumber || "._-@".contains($0) }
            if ok { clientEnvironment[request.name] = request.value }
            reply(context, request.wantReply, ok)
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            let term = request.term.isEmpty || request.term.count > 64 || !request.term.allSatisfy({ $0.isLetter || $0.isNumber || "-_.+".contains($0) })
                ? "vt100" : request.term
            // A client without a terminal of its own (ssh -tt from a script) says 0×0: 80×24, as a terminal would be.
            terminal = (term, WindowSize(cols: request.terminalCharacterWidth > 0 ? request.terminalCharacterWidth : 80,
                                         rows: request.terminalRowHeight > 0 ? request.terminalRowHeight : 24))
            reply(context, request.wantReply, !started)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            windowChanged(WindowSize(cols: request.terminalCharacterWidth, rows: request.terminalRowHeight))
        case let request as SSHChannelRequestEvent.ShellRequest:
            guard begin(context, wantReply: request.wantReply) else { return }
            if terminal == nil {
                logger.notice("session refused: no terminal (pty-req) asked for")
                finish(context, message: Self.needsTerminal, status: 1)
            } else if let why = tooLarge() {
                finish(context, message: why, status: 1)
            } else {
                startDashboard(context)
            }
        case let request as SSHChannelRequestEvent.ExecRequest:
            guard begin(context, wantReply: request.wantReply) else { return }
            switch ExecCommand.arguments(for: request.command, data: settings.data, maxWindow: settings.maxWindow) {
            case .failure(let why):
                logger.notice("exec refused", metadata: ["command": "\(request.command.loggable())"])
                finish(context, message: why.description, status: 1)
            case .success(let arguments):
                startExec(context, arguments)
            }
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            logger.notice("subsystem refused", metadata: ["subsystem": "\(request.subsystem.loggable(40))"])
            reply(context, request.wantReply, false)
        case ChannelEvent.inputClosed:
            break
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    /// A window over --max-window at the start: the session is refused, with this line.
    private func tooLarge() -> String? {
        guard let size = terminal?.size, !size.fits(in: settings.maxWindow) else { return nil }
        logger.notice("session refused: window \(size) is over --max-window \(settings.maxWindow)")
        return "tradedash serve: your window is \(size); this server draws at most \(settings.maxWindow) (--max-window): make it smaller and connect again"
    }

    /// A window change: the new size, within --max-window (a larger one is drawn at the limit,
    /// logged once, and told when the session ends). 0×0 (no size) changes nothing.
    private func windowChanged(_ asked: WindowSize) {
        guard terminal != nil, asked.cols > 0, asked.rows > 0 else { return }
        let size = asked.clamped(to: settings.maxWindow)
        if size != asked {
            if oversize == nil { logger.notice("window \(asked) is over --max-window \(settings.maxWindow): drawn at \(size)") }
            oversize = asked
        }
        terminal!.size = size
        child?.resize(rows: size.rows, cols: size.cols)
    }

    private func reply(_ context: ChannelHandlerContext, _ wantReply: Bool, _ ok: Bool) {
        guard wantReply else { return }
        if ok {
            context.channel.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.channel.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// One line on the client's stderr, then the exit status, then the channel's close.
    private func finish(_ context: ChannelHandlerContext, message: String, status: Int) {
        let channel = context.channel
        var buffer = channel.allocator.buffer(capacity: message.utf8.count + 2)
        buffer.writeString(message + (terminal == nil ? "\n" : "\r\n"))
        channel.writeAndFlush(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer)), promise: nil)
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    private func environment(term: String?) -> [String] {
        var env = ["XDG_CONFIG_HOME=/nonexistent", "PATH=/usr/local/bin:/usr/bin:/bin"]
        if let term { env.append("TERM=" + term) }
        if clientEnvironment.keys.allSatisfy({ $0 == "NO_COLOR" }) { env.append("LANG=C.UTF-8") }
        env += clientEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // Passed on from the server's own environment (the tests turn Swift's backtracer off).
        if let backtrace = ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] { env.append("SWIFT_BACKTRACE=" + backtrace) }
        return env
    }

    private func startDashboard(_ context: ChannelHandlerContext) {
        guard let terminal else { return }
        var argv = [settings.dashboard]
        if let data = settings.data { argv += ["--data", data] }
        start(context, kind: "dashboard", metadata: ["term": "\(terminal.term)", "size": "\(terminal.size)"]) { output, ended in
            try ChildProcess.onTerminal(argv, environment: self.environment(term: terminal.term), rows: terminal.size.rows, cols: terminal.size.cols,
                                        output: output, ended: ended)
        }
    }

    private func startExec(_ context: ChannelHandlerContext, _ arguments: [String]) {
        let argv = [settings.dashboard] + arguments
        let command = arguments.joined(separator: " ").loggable(200)
        // With a terminal (`ssh -t host render`), on a pseudo-terminal of that size, as if run
        // there: newlines reach the client's raw terminal as CR LF, and --color auto sees a terminal.
        if let terminal {
            if let why = tooLarge() { return finish(context, message: why, status: 1) }
            start(context, kind: "exec on a terminal", metadata: ["command": "\(command)"]) { output, ended in
                try ChildProcess.onTerminal(argv, environment: self.environment(term: terminal.term), rows: terminal.size.rows, cols: terminal.size.cols,
                                            output: output, ended: ended)
            }
        } else {
            start(context, kind: "exec", metadata: ["command": "\(command)"]) { output, ended in
                try ChildProcess.onPipes(argv, environment: self.environment(term: nil), output: output, ended: ended)
            }
        }
    }

    /// The one shell or exec request a session may make: answered, and false when it is a second
    /// one or the connection is over a limit (then the client is told and the session ends).
    private func begin(_ context: ChannelHandlerContext, wantReply: Bool) -> Bool {
        guard !started else { reply(context, wantReply, false); return false }
        started = true
        reply(context, wantReply, true)
        guard let refusal else { return true }
        logger.notice("session refused: \(refusal)")
        finish(context, message: "tradedash serve: " + refusal, status: 1)
        return false
    }

    private func start(_ context: ChannelHandlerContext, kind: String, metadata: Logger.Metadata,
                       _ spawn: (@escaping @Sendable ([UInt8], Bool) -> Void, @escaping @Sendable (ChildEnd) -> Void) throws -> ChildProcess) {
        let channel = context.channel
        let loop = context.eventLoop
        let bound = NIOLoopBound(self, eventLoop: loop)
        let output: @Sendable ([UInt8], Bool) -> Void = { bytes, isStdErr in
            var buffer = channel.allocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
            let written = channel.writeAndFlush(SSHChannelData(type: isStdErr ? .stdErr : .channel, data: .byteBuffer(buffer)))
            // Backpressure: while the client's window is full, the reader (a thread of its own,
            // never the event loop) waits, and so the child blocks on its terminal or pipe.
            if !channel.isWritable { try? written.wait() }
        }
        let ended: @Sendable (ChildEnd) -> Void = { end in
            loop.execute { bound.value.childEnded(channel: channel, end) }
        }
        do {
            child = try spawn(output, ended)
        } catch {
            logger.error("session failed: \(error)")
            finish(context, message: "tradedash serve: the dashboard could not start", status: 1)
            return
        }
        startTime = Date()
        var all = metadata
        all["pid"] = "\(child!.pid)"
        logger.info("session start (\(kind))", metadata: all)
        if let idle = settings.idleTimeout {
            lastInput = .now()
            let every = TimeAmount.nanoseconds(min(idle.nanoseconds, 1_000_000_000))
            idleCheck = loop.scheduleRepeatedTask(initialDelay: every, delay: every) { _ in bound.value.checkIdle(channel: channel, idle) }
        }
        // Only a dashboard reloads; an exec (render, export) has read its data already.
        var reload: (@Sendable () -> Void)?
        if kind == "dashboard", let child { reload = { @Sendable in child.signal(SIGUSR1) } }
        sessionID = state.register({ [child] in
            loop.execute {
                bound.value.shuttingDown = true
                child?.signal(SIGHUP)
            }
        }, reload: reload)
    }

    /// No input for `idle`: the client is told, the child gets SIGHUP (and ends the session as on shutdown).
    private func checkIdle(channel: Channel, _ idle: TimeAmount) {
        guard let child, !child.hasEnded, !shuttingDown, NIODeadline.now() - lastInput >= idle else { return }
        idleCheck?.cancel()
        let minutes = idle.nanoseconds / 60_000_000_000
        let text = minutes > 0 && idle.nanoseconds % 60_000_000_000 == 0 ? "\(minutes) min" : "\(idle.nanoseconds / 1_000_000_000) s"
        logger.notice("session idle for \(text): closing")
        closingReason = "tradedash serve: no key for \(text); session closed"
        child.signal(SIGHUP)
        let doomed = child
        channel.eventLoop.scheduleTask(in: .seconds(2)) { doomed.signal(SIGKILL) }
        // A client that reads nothing keeps the child's last output pending: close the channel
        // in the end, which fails that write and lets the reader reap the child.
        channel.eventLoop.scheduleTask(in: .seconds(3)) { channel.close(promise: nil) }
    }

    private var closingReason: String?

    private func childEnded(channel: Channel, _ end: ChildEnd) {
        let seconds = String(format: "%.1f", Date().timeIntervalSince(startTime))
        var reasons = [String]()
        if let oversize {
            reasons.append("tradedash serve: your window grew to \(oversize), larger than this server's \(settings.maxWindow) (--max-window): the dashboard was drawn within \(settings.maxWindow)")
        }
        if let reason = shuttingDown ? "tradedash serve: server shutting down" : closingReason { reasons.append(reason) }
        for reason in reasons {
            var buffer = channel.allocator.buffer(capacity: 64)
            buffer.writeString(reason + "\r\n")
            channel.writeAndFlush(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer)), promise: nil)
        }
        let sent: EventLoopFuture<Void>
        switch end {
        case .exited(let status):
            logger.info("session end", metadata: ["status": "\(status)", "duration": "\(seconds)s"])
            sent = channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: Int(status)))
        case .signaled(let signal):
            let name = Self.signalNames[signal] ?? "SIG\(signal)"
            logger.info("session end", metadata: ["signal": "\(name)", "duration": "\(seconds)s"])
            sent = channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitSignal(signalName: name, errorMessage: "", language: "", dumpedCore: false))
        }
        sent.whenComplete { _ in channel.close(promise: nil) }
    }

    static let signalNames: [Int32: String] = [SIGHUP: "HUP", SIGINT: "INT", SIGQUIT: "QUIT", SIGILL: "ILL", SIGABRT: "ABRT",
                                               SIGFPE: "FPE", SIGKILL: "KILL", SIGSEGV: "SEGV", SIGPIPE: "PIPE", SIGALRM: "ALRM",
                                               SIGTERM: "TERM", SIGUSR1: "USR1", SIGUSR2: "USR2"]
}
