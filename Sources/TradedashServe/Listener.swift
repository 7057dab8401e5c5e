import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSH

/// What the command line settled, for every connection.
struct ServeSettings: Sendable {
    var host: String
    var port: Int
    var hostKey: NIOSSHPrivateKey
    /// The authorized keys now: SIGHUP replaces them; each connection takes them as it opens.
    var keys: NIOLockedValueBox<AuthorizedKeys>
    var anyone: Bool
    var data: String?
    var dashboard: String
    var authTimeout: TimeAmount
    /// A session with no input from the client for this long is closed; nil: never.
    var idleTimeout: TimeAmount?
    /// The largest window a session is drawn in (--max-window): bigger at the start is refused,
    /// bigger later is drawn at this size.
    var maxWindow: WindowSize = .init(cols: 500, rows: 200)
}

/// A terminal's size in characters.
struct WindowSize: Sendable, Equatable, CustomStringConvertible {
    var cols: Int
    var rows: Int
    var description: String { "\(cols)x\(rows)" }

    func fits(in limit: WindowSize) -> Bool { cols <= limit.cols && rows <= limit.rows }
    func clamped(to limit: WindowSize) -> WindowSize { .init(cols: min(cols, limit.cols), rows: min(rows, limit.rows)) }
}

/// The listening socket and each connection's SSH handler, limits and authentication timeout.
enum Listener {
    static func bind(_ settings: ServeSettings, state: ServerState, group: EventLoopGroup, logger: Logger) throws -> Channel {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                setUp(channel, settings, state, logger)
            }
        return try bootstrap.bind(host: settings.host, port: settings.port).wait()
    }

    private static func setUp(_ channel: Channel, _ settings: ServeSettings, _ state: ServerState, _ base: Logger) -> EventLoopFuture<Void> {
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        var logger = base
        logger[metadataKey: "peer"] = "\(address):\(channel.remoteAddress?.port ?? 0)"
        let admission = state.admit(address)
        if case .dropped(let why) = admission {
            if let why { logger.notice("connection dropped: \(why)") }
            return channel.close()
        }
        let opened = Date()
        logger.info("connection")
        channel.closeFuture.whenComplete { [logger] _ in
            state.release(admission, address)
            logger.info("connection closed", metadata: ["duration": "\(String(format: "%.1f", Date().timeIntervalSince(opened)))s"])
        }
        let refusal: String?
        switch admission {
        case .admitted: refusal = nil
        case .refused(let why):
            logger.notice("connection refused: \(why)")
            refusal = why
        case .dropped: return channel.close()  // above
        }
        let connectionID = state.add(connection: channel)
        channel.closeFuture.whenComplete { _ in state.remove(connection: connectionID) }

        let authenticated = NIOLockedValueBox(false)
        let sessions = NIOLockedValueBox(0)
        let timeout = channel.eventLoop.scheduleTask(in: settings.authTimeout) { [logger] in
            if !authenticated.withLockedValue({ $0 }) {
                logger.notice("connection refused: no authentication within \(settings.authTimeout.nanoseconds / 1_000_000_000) s")
                channel.close(promise: nil)
            }
        }
        channel.closeFuture.whenComplete { _ in timeout.cancel() }
        // A connection over a limit is authenticated as any other (nothing is told to an unknown
        // key), then each session gets the refusal as its one line and status 1.
        let delegate = KeyAuthDelegate(keys: settings.keys.withLockedValue { $0 }, anyone: settings.anyone, peer: address, logger: logger) { _ in
            authenticated.withLockedValue { $0 = true }
            timeout.cancel()
        }
        var configuration = SSHServerConfiguration(
            hostKeys: [settings.hostKey], userAuthDelegate: delegate,
            globalRequestDelegate: RefuseGlobalRequests(logger: logger))
        configuration.maxAuthAttempts = 6
        return channel.eventLoop.makeCompletedFuture {
            let ssh = NIOSSHHandler(role: .server(configuration), allocator: channel.allocator) { child, type in
                switch type {
                case .session:
                    // One session at a time per connection: the limits count connections, and a
                    // multiplexing client (ControlMaster) must not start dashboards past them.
                    let admitted = sessions.withLockedValue { n -> Bool in
                        guard n < 1 else { return false }
                        n += 1
                        return true
                    }
                    guard admitted else {
                        logger.notice("session refused: one session at a time per connection")
                        return child.eventLoop.makeFailedFuture(ServeError("one session per connection"))
                    }
                    child.closeFuture.whenComplete { _ in sessions.withLockedValue { $0 -= 1 } }
                    return child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(SessionHandler(settings: settings, state: state, logger: logger, refusal: refusal))
                    }
                case .directTCPIP(let target):
                    logger.notice("port forwarding refused", metadata: ["to": "\(target.targetHost.loggable()):\(target.targetPort)"])
                    return child.eventLoop.makeFailedFuture(ServeError("no port forwarding"))
                case .forwardedTCPIP:
                    logger.notice("port forwarding refused (forwarded-tcpip)")
                    return child.eventLoop.makeFailedFuture(ServeError("no port forwarding"))
                }
            }
            try channel.pipeline.syncOperations.addHandlers([ssh, ConnectionErrors(logger: logger)])
        }
    }
}

/// `-R` and every other global request: refused, and logged.
struct RefuseGlobalRequests: GlobalRequestDelegate {
    let logger: Logger
    func tcpForwardingRequest(_ request: GlobalRequest.TCPForwardingRequest, handler: NIOSSHHandler,
                              promise: EventLoopPromise<GlobalRequest.TCPForwardingResponse>) {
        logger.notice("port forwarding refused (global request)")
        promise.fail(ServeError("no port forwarding"))
    }
}

/// A protocol error (garbage on the port, a broken packet) ends that connection with a log line.
final class ConnectionErrors: ChannelInboundHandler {
    typealias InboundIn = Any
    let logger: Logger
    init(logger: Logger) { self.logger = logger }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        logger.notice("connection error: \(String(describing: error).prefix(200))")
        context.close(promise: nil)
    }
}
