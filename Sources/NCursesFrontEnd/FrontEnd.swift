import CNCurses
import DashboardUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Choices the command line makes for the interactive session.
public struct FrontEndOptions: Sendable, Equatable {
    /// Report clicks and the wheel (`--mouse`); off by default so the terminal's own selection works.
    public var mouse: Bool

    public init(mouse: Bool = false) {
        self.mouse = mouse
    }
}

/// How the session ended.
public enum FrontEndOutcome: Sendable, Equatable {
    /// q or Ctrl-C (a key: the terminal is in raw mode).
    case quit
    /// SIGINT, SIGTERM or SIGHUP from outside: the terminal is restored; the process should now die of it.
    case signal(Int32)
    /// The terminal went away (end of input without SIGHUP).
    case hangup
    /// ncurses could not set up the terminal (nothing was drawn).
    case failedToStart(String)
}

/// A change to the state computed away from the main thread (a reload's result), applied by the loop.
public typealias StateUpdate = @Sendable (inout AppState) -> Void

/// The interactive dashboard on a real terminal: the only code that talks to ncurses.
///
/// The event loop sleeps in `poll` on the keyboard, the signal pipe and two background threads —
/// no timers, no CPU while idle — then reads every waiting key with `wget_wch`, lets
/// `Dashboard.update` change the state and performs the effects. It never computes a frame or loads
/// a file itself, so it is never deaf: `Dashboard.render` runs on a drawing thread (the loop paints
/// each canvas it gets back through `wnoutrefresh`/`doupdate` and asks for the next one when the
/// state has changed meanwhile), and a reload runs on a loading thread while the old data stays
/// on screen. `SignalWatch` ends the process even if the loop itself is stuck.
public enum FrontEnd {
    /// Runs the dashboard until it is left. `reload` re-reads the data file on the loading thread and
    /// returns what to do with the state (`AppState.reloaded(with:)` or
    /// `AppState.reloadFailed(problems:)`); the loop applies it when it is ready. The terminal is given
    /// back before this returns, whatever the outcome.
    public static func run(_ state: AppState, terminal: TerminalInfo, options: FrontEndOptions = FrontEndOptions(),
                           reload: @escaping @Sendable () -> StateUpdate) -> FrontEndOutcome {
        // The watch thread first, so that the handlers find its pipe, and before ncurses takes the terminal.
        guard SignalWatch.start() else { return .failedToStart("cannot start the thread that watches for signals") }
        guard SignalPipe.install() else { return .failedToStart("cannot create a pipe for signals") }
        var exitSequence = terminal.exitSequence
        if options.mouse && terminal.hasMouse {
            exitSequence = Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8) + exitSequence
        }
        TerminalGuard.install(exitSequence: exitSequence)
        var state = state
        // The help view says which entry stands in for TERM, as stderr does after the dashboard ends.
        if let notice = TerminalPreflight.fallbackNotice(terminal) { state.terminalNotice = notice }
        guard let session = Session(state: state, options: options, termName: terminal.termName,
                                    clearOnLeave: !terminal.hasAlternateScreen, reload: reload) else {
            return .failedToStart("cannot start the drawing and loading threads")
        }
        return session.run()
    }

    /// Ends the process as the outcome asks: exit 0 after q, death by the signal after SIGTERM and
    /// friends (so that the parent sees it), status 1 after a hangup or a failed start.
    public static func exitProcess(after outcome: FrontEndOutcome) -> Never {
        switch outcome {
        case .quit:
            exit(0)
        case .signal(let sig):
            signal(sig, SIG_DFL)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, sig)
            sigprocmask(SIG_UNBLOCK, &set, nil)
            raise(sig)
            _exit(128 + sig)
        case .hangup:
            exit(1)
        case .failedToStart:
            exit(2)
        }
    }
}

extension FrontEnd {
    /// Esc must not lag: ncurses waits this long (ms) after Esc for the rest of an escape sequence.
    static let escapeDelayMilliseconds: Int32 = 25

    /// Input modes. Raw mode: Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys, and Ctrl-S/Ctrl-Q do not freeze
    /// output. Keys are read without blocking (the loop sleeps in poll), the cursor is hidden.
    static func configureInput(_ window: UnsafeMutablePointer<WINDOW>) {
        raw()
        noecho()
        nonl()
        keypad(window, true)
        meta(window, true)
        set_escdelay(escapeDelayMilliseconds)
        nodelay(window, true)
        curs_set(0)
        leaveok(window, true)
    }
}
