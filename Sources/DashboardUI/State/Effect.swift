/// What `update` asks the outside world to do. The front end performs it; the state stays pure.
public enum Effect: Hashable, Sendable {
    /// Leave the program.
    case quit
    /// Read the data file again, then call `AppState.reloaded(with:)` or `AppState.reloadFailed(problems:)`.
    case reload
    /// Repaint every cell of the terminal (Ctrl-L).
    case redrawAll
    /// Suspend to the shell (Ctrl-Z); the front end redraws when resumed.
    case suspend
    /// Put this text on the terminal's clipboard (OSC 52); `what` names it ("1 row") for the status
    /// line. The state's status line already says it was copied; a front end that cannot tell the
    /// terminal says so instead.
    case copy(text: String, what: String)
}
