import NIOConcurrencyHelpers
import NIOCore

/// What every connection shares: the limits' counts, and the sessions and connections to end on
/// SIGTERM.
final class ServerState: @unchecked Sendable {
    let maxSessions: Int
    let maxPerAddress: Int
    private let lock = NIOLock()
    private var total = 0
    private var perAddress: [String: Int] = [:]
    private var refusedOpen = 0
    private var nextID = 1
    private var sessions: [Int: @Sendable () -> Void] = [:]
    /// What tells each dashboard session to read the data file again (SIGUSR1 to its process).
    private var reloads: [Int: @Sendable () -> Void] = [:]
    private var connections: [Int: Channel] = [:]
    private(set) var shuttingDown = false

    let maxAttemptsPerMinute: Int
    /// Each address's connection times in the last minute.
    private var attempts: [String: [NIODeadline]] = [:]

    init(maxSessions: Int, maxPerAddress: Int, maxAttemptsPerMinute: Int) {
        self.maxSessions = maxSessions
        self.maxPerAddress = maxPerAddress
        self.maxAttemptsPerMinute = maxAttemptsPerMinute
    }

    /// Records an attempt from `address`: how many in the last minute, this one included.
    private func countAttempt(_ address: String) -> Int {
        let now = NIODeadline.now()
        let since = now - .seconds(60)
        if attempts.count > 10_000 { attempts = attempts.filter { $0.value.last.map { $0 > since } ?? false } }
        var times = attempts[address, default: []].filter { $0 > since }
        times.append(now)
        attempts[address] = times
        return times.count
    }

    enum Admission {
        case admitted
        /// Over a limit: the client is told why (the auth banner) and refused.
        case refused(String)
        /// Over a limit and many refused connections open already, or over the bound on attempts:
        /// closed at once. The reason is nil when it has been logged for this address this minute.
        case dropped(String?)
    }

    /// Counts a new connection from `address` against the limits.
    func admit(_ address: String) -> Admission {
        lock.withLock {
            let recent = countAttempt(address)
            if recent > maxAttemptsPerMinute {
                // Logged once per address and minute, so that a flood does not flood the log.
                return .dropped(recent == maxAttemptsPerMinute + 1 ? "more than \(maxAttemptsPerMinute) connections from \(address) in a minute" : nil)
            }
            var why: String?
            if shuttingDown { why = "server shutting down" }
            else if total >= maxSessions { why = "too many sessions (the limit is \(maxSessions)); try again later" }
            else if perAddress[address, default: 0] >= maxPerAddress { why = "too many sessions from \(address) (the limit is \(maxPerAddress))" }
            guard let why else {
                total += 1
                perAddress[address, default: 0] += 1
                return .admitted
            }
            if refusedOpen >= 8 { return .dropped(why) }
            refusedOpen += 1
            return .refused(why)
        }
    }

    func release(_ admission: Admission, _ address: String) {
        lock.withLock {
            switch admission {
            case .admitted:
                total -= 1
                perAddress[address, default: 1] -= 1
                if perAddress[address] == 0 { perAddress[address] = nil }
            case .refused: refusedOpen -= 1
            case .dropped: break
            }
        }
    }

    /// A session's way to end on shutdown; the id unregisters it.
    func register(_ shutdown: @escaping @Sendable () -> Void, reload: (@Sendable () -> Void)? = nil) -> Int {
        lock.withLock {
            defer { nextID += 1 }
            sessions[nextID] = shutdown
            if let reload { reloads[nextID] = reload }
            return nextID
        }
    }

    func unregister(_ id: Int) {
        lock.withLock {
            sessions.removeValue(forKey: id)
            reloads.removeValue(forKey: id)
        }
    }

    /// The data file changed: every dashboard reads it again (as `r` does); returns how many were told.
    func reloadAll() -> Int {
        let all = lock.withLock { Array(reloads.values) }
        for r in all { r() }
        return all.count
    }

    func add(connection: Channel) -> Int {
        lock.withLock {
            defer { nextID += 1 }
            connections[nextID] = connection
            return nextID
        }
    }

    func remove(connection id: Int) { _ = lock.withLock { connections.removeValue(forKey: id) } }

    var sessionCount: Int { lock.withLock { sessions.count } }
    var connectionCount: Int { lock.withLock { connections.count } }

    /// Refuses new connections and asks each session to end (its dashboard gets SIGHUP).
    func beginShutdown() {
        let all = lock.withLock { () -> [@Sendable () -> Void] in
            shuttingDown = true
            return Array(sessions.values)
        }
        all.forEach { $0() }
    }

    /// Closes every connection still open.
    func closeConnections() {
        let all = lock.withLock { Array(connections.values) }
        all.forEach { $0.close(promise: nil) }
    }
}
