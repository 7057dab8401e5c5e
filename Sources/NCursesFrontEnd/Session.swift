import CNCurses
import DashboardUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A frame to compute on the drawing thread: the state and the size it is drawn at.
struct FrameRequest: Sendable {
    var state: AppState
    var width: Int
    var height: Int
}

struct RenderedFrame: Sendable {
    var canvas: Canvas
    var width: Int
    var height: Int
}

/// Keys to apply on the update thread, in order, to the state.
struct KeyBatch: Sendable {
    var state: AppState
    var keys: [Key]

    /// Applies the keys up to the first that asks for an effect (the loop performs it before the
    /// keys after it are applied).
    func apply() -> AppliedKeys {
        var s = state
        var used = 0
        for key in keys {
            used += 1
            let effects = Dashboard.update(&s, key)
            if !effects.isEmpty { return AppliedKeys(state: s, effects: effects, used: used) }
        }
        return AppliedKeys(state: s, effects: [], used: used)
    }
}

struct AppliedKeys: Sendable {
    var state: AppState
    var effects: [Effect]
    /// How many keys of the batch were applied.
    var used: Int
}

/// One run of the dashboard: the ncurses screen, the painter and the state.
final class Session {
    private var state: AppState
    private let options: FrontEndOptions
    private let clearOnLeave: Bool
    /// The terminfo entry ncurses starts with: TERM, or the one standing in for it.
    private let termName: String
    private var painter: CursesPainter!
    /// The state changed since the last frame was asked for.
    private var dirty = true
    /// A frame is being computed on the drawing thread.
    private var drawing = false
    private var pendingSignals: [Int32] = []
    private var renderedSize = (width: -1, height: -1)
    private var lastFrame: Canvas?
    /// Text to put on the clipboard once the next frame is on the terminal (`y`, `Y`).
    private var pendingCopy: String?
    /// Whether the terminal accepts OSC 52 (decided once ncurses knows the terminal).
    private var canCopy = false
    /// Keys read and not yet applied (while the update thread works on earlier ones).
    private var keyQueue: [Key] = []
    /// The update thread owns the state: keys are being applied to a copy of it.
    private var updating = false
    private let renderer: BackgroundWorker<FrameRequest, RenderedFrame>
    private let loader: BackgroundWorker<Bool, StateUpdate>
    private let updater: BackgroundWorker<KeyBatch, AppliedKeys>

    init?(state: AppState, options: FrontEndOptions, termName: String, clearOnLeave: Bool, reload: @escaping @Sendable () -> StateUpdate) {
        guard let renderer = BackgroundWorker<FrameRequest, RenderedFrame>({ request in
            RenderedFrame(canvas: Dashboard.render(request.state, width: request.width, height: request.height),
                          width: request.width, height: request.height)
        }), let loader = BackgroundWorker<Bool, StateUpdate>({ _ in reload() }),
              let updater = BackgroundWorker<KeyBatch, AppliedKeys>({ $0.apply() }) else { return nil }
        self.state = state
        self.options = options
        self.termName = termName
        self.clearOnLeave = clearOnLeave
        self.renderer = renderer
        self.loader = loader
        self.updater = updater
    }

    func run() -> FrontEndOutcome {
        // The kernel knows the size; LINES/COLUMNS in the environment may be stale. (use_env(false)
        // would mean the terminfo default of 80x24; use_tioctl(true) prefers the kernel's size.)
        use_env(true)
        use_tioctl(true)
        guard newterm(termName, tdsh_stdout(), tdsh_stdin()) != nil, let window = tdsh_stdscr() else {
            return .failedToStart("ncurses could not initialise the terminal")
        }
        TerminalGuard.armed.store(true, ordering: .sequentiallyConsistent)
        TerminalGuard.captureStderr()
        FrontEnd.configureInput(window)
        canCopy = Clipboard.terminalCanCopy()
        let color = ColorSupport.start(wanted: state.theme.usesColor)
        if state.theme.usesColor && !color.enabled { state.theme = state.theme.withoutColor }
        painter = CursesPainter(window: window, color: color)
        painter.links = Hyperlinks.enabled(term: getenv("TERM").map { String(cString: $0) }, setting: getenv("TRADEDASH_LINKS").map { String(cString: $0) })
        if options.mouse {
            mouseinterval(0)
            _ = mousemask(tdsh_button1_pressed() | tdsh_button4_pressed() | tdsh_button5_pressed(), nil)
        }
        let outcome = loop(window)
        if options.mouse { _ = mousemask(0, nil) }
        leaveScreen()
        // Disarmed only now: until endwin is done, the watch thread may still restore the terminal itself.
        TerminalGuard.armed.store(false, ordering: .sequentiallyConsistent)
        TerminalGuard.releaseStderr()
        return outcome
    }

    /// `endwin`, after clearing the screen on a terminal without an alternate screen (the dashboard
    /// would otherwise stay, with the shell prompt written over its last line).
    private func leaveScreen() {
        if clearOnLeave, let window = tdsh_stdscr() {
            werase(window)
            wnoutrefresh(window)
            doupdate()
            painter.invalidate()
        }
        endwin()
    }

    // MARK: - The loop

    private func loop(_ window: WindowPointer) -> FrontEndOutcome {
        _ = Dashboard.update(&state, .resize(width: Int(tdsh_cols()), height: Int(tdsh_lines())))
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: SignalPipe.readEnd, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: renderer.readyDescriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: loader.readyDescriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: updater.readyDescriptor, events: Int16(POLLIN), revents: 0)]
        var emptyWakeups = 0
        while true {
            // Every key already waiting, then one frame for all of them.
            while true {
                var code: wint_t = 0
                let status = wget_wch(window, &code)
                if status == ERR { break }
                if let outcome = handleInput(status: status, code: code) { return outcome }
            }
            pendingSignals += SignalPipe.drain()
            while !pendingSignals.isEmpty {
                let sig = pendingSignals.removeFirst()
                if let outcome = handleSignal(sig) { return outcome }
            }
            if let applied = updater.take() {
                updating = false
                state = applied.state
                keyQueue.removeFirst(min(applied.used, keyQueue.count))
                dirty = true
                if let outcome = perform(applied.effects) { return outcome }
            }
            // The state is the main thread's again: a finished reload, then the keys read meanwhile.
            if !updating {
                if let update = loader.take() {
                    update(&state)
                    state.isReloading = false
                    dirty = true
                }
                if !keyQueue.isEmpty {
                    updater.submit(KeyBatch(state: state, keys: keyQueue))
                    updating = true
                }
            }
            if let frame = renderer.take() {
                drawing = false
                paint(frame)
            }
            // The state of the keys applied so far, even if more are being applied.
            if dirty && !drawing { requestFrame() }

            // Sleep until a key, a signal, a frame, applied keys or the end of a reload.
            for k in fds.indices { fds[k].revents = 0 }
            // A finished reload waits while keys are being applied: its descriptor would wake the loop
            // again and again until then, so it is not watched meanwhile (poll skips a negative one).
            fds[3].fd = updating ? -1 : loader.readyDescriptor
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return .hangup
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                pendingSignals += SignalPipe.drain()
                if pendingSignals.contains(SIGHUP) { return .signal(SIGHUP) }
                return .hangup
            }
            // "Readable" with not one byte to read is the end of input on a terminal that stays open
            // (its other side was closed without a hangup): nothing will ever come, so leave rather
            // than spin.
            if fds[0].revents & Int16(POLLIN) != 0 && tdsh_bytes_available(0) == 0 {
                emptyWakeups += 1
                if emptyWakeups >= 3 { return .hangup }
            } else {
                emptyWakeups = 0
            }
        }
    }

    private func handleInput(status: Int32, code: wint_t) -> FrontEndOutcome? {
        let key: Key?
        if status == KEY_CODE_YES {
            switch Int32(bitPattern: code) {
            case KEY_RESIZE:
                sizeChanged()
                return nil
            case KEY_MOUSE:
                var event = MEVENT()
                key = getmouse(&event) == OK ? KeyDecoder.mouse(buttons: event.bstate, x: event.x, y: event.y) : nil
            default:
                key = KeyDecoder.keyCode(Int32(bitPattern: code))
            }
        } else {
            key = KeyDecoder.character(code)
        }
        guard let key else { return nil }
        // Ctrl-C always quits (the global binding of KeyTable): at once, even while the keys before it
        // are still being applied.
        if key == .ctrl("c") { return .quit }
        keyQueue.append(key)
        return nil
    }

    /// The effects asked for by the keys just applied, on the main thread.
    private func perform(_ effects: [Effect]) -> FrontEndOutcome? {
        for effect in effects {
            switch effect {
            case .quit:
                return .quit
            case .reload:
                reload()
            case .redrawAll:
                clearok(tdsh_curscr(), true)
                painter.invalidate()
            case .suspend:
                suspend()
            case .copy(let text, _):
                if canCopy {
                    pendingCopy = text
                } else {
                    state.status = StatusLine(text: Clipboard.cannotCopyMessage(term: getenv("TERM").map { String(cString: $0) }), isError: true)
                }
                dirty = true
            }
        }
        return nil
    }

    /// `r`, or SIGUSR1: the data file read again in the background, the old data shown meanwhile.
    private func reload() {
        if state.isReloading {
            state.status = StatusLine(text: "Still loading \(state.dataPath ?? "the data"); the new data shows when it is ready", isError: false)
        } else {
            state.isReloading = true
            loader.submit(true)
        }
    }

    private func handleSignal(_ sig: Int32) -> FrontEndOutcome? {
        switch sig {
        case SIGUSR1:
            reload()
            dirty = true
        case SIGINT, SIGTERM, SIGHUP:
            return .signal(sig)
        case SIGTSTP:
            suspend()
        case SIGWINCH:
            resizeToKernelSize()
            sizeChanged()
        case SIGCONT:
            // Stopped and continued by someone else (SIGSTOP): the shell may have changed the modes
            // and the screen. Take them back and repaint everything.
            reset_prog_mode()
            clearok(tdsh_curscr(), true)
            painter.invalidate()
            dirty = true
        default:
            break
        }
        return nil
    }

    /// Follows the size the kernel knows (after SIGWINCH, or a resize while suspended). ncurses
    /// queues KEY_RESIZE and will repaint the whole terminal; the painter starts from scratch too.
    private func resizeToKernelSize() {
        var rows: Int32 = 0, cols: Int32 = 0
        guard tdsh_window_size(1, &rows, &cols) == 0, rows != tdsh_lines() || cols != tdsh_cols() else { return }
        resizeterm(rows, cols)
        painter.invalidate()
        dirty = true
    }

    /// Tells the dashboard about a new size (once per size, in turn with the keys) and repaints everything.
    private func sizeChanged() {
        let size = (width: Int(tdsh_cols()), height: Int(tdsh_lines()))
        guard size != state.lastSize || size != renderedSize else { return }
        if case .resize(let w, let h)? = keyQueue.last, (w, h) == size {} else {
            keyQueue.append(.resize(width: size.width, height: size.height))
        }
        painter.invalidate()
        dirty = true
    }

    /// Asks the drawing thread for a frame of the current state at the current size.
    private func requestFrame() {
        renderer.submit(FrameRequest(state: state, width: Int(tdsh_cols()), height: Int(tdsh_lines())))
        drawing = true
        dirty = false
    }

    /// Puts a computed frame on the terminal (even when the state has changed since: the next frame
    /// is already asked for, and a slow screen still shows each step).
    private func paint(_ frame: RenderedFrame) {
        painter.draw(frame.canvas)
        lastFrame = frame.canvas
        // Between frames, after ncurses has written this one: never inside a frame.
        if let text = pendingCopy {
            pendingCopy = nil
            Clipboard.send(text)
        }
        renderedSize = (frame.width, frame.height)
    }

    /// Ctrl-Z (or SIGTSTP): give the terminal back, stop the process group with the default action
    /// of SIGTSTP, and when `fg` continues us, take the terminal again and repaint at the current size.
    private func suspend() {
        leaveScreen()
        TerminalGuard.armed.store(false, ordering: .sequentiallyConsistent)
        TerminalGuard.releaseStderr()
        SignalPipe.setDefault(SIGTSTP)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTSTP)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        kill(0, SIGTSTP)
        // Continued.
        SignalPipe.reinstall(SIGTSTP)
        TerminalGuard.armed.store(true, ordering: .sequentiallyConsistent)
        TerminalGuard.captureStderr()
        pendingSignals += SignalPipe.drain().filter { $0 != SIGTSTP && $0 != SIGCONT }
        resizeToKernelSize()
        sizeChanged()
        clearok(tdsh_curscr(), true)
        painter.invalidate()
        dirty = true
        // doupdate after endwin puts the terminal back in program mode (raw, keypad, alternate screen):
        // the last frame again at once, the current state's as soon as it is drawn.
        if let lastFrame { painter.draw(lastFrame) } else { doupdate() }
    }
}
