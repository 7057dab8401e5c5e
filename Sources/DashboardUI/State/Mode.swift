/// What has the keyboard. One value, so that two overlays can never be open at once except the one
/// combination that exists: help opened from a detail, which Esc returns to.
public enum Mode: Hashable, Sendable {
    /// The current screen and its list.
    case browsing
    /// Typing the `/` filter's query.
    case filtering
    /// The detail (Enter) of the selected row.
    case detail(Overlay)
    /// Every problem of the last failed reload (key `e`).
    case problems(Overlay)
    /// The keys (`?`), over the detail it was opened from, if any.
    case help(Overlay, over: Overlay?)
    /// The addresses of sources (`o`), over the detail it was opened from, if any.
    case address(Overlay, sources: [String], over: Overlay?)

    /// The overlay that has the keyboard, if any.
    public var overlay: Overlay? {
        switch self {
        case .browsing, .filtering: return nil
        case .detail(let o), .problems(let o), .help(let o, _), .address(let o, _, _): return o
        }
    }

    /// The same mode with the overlay that has the keyboard changed.
    func withOverlay(_ change: (inout Overlay) -> Void) -> Mode {
        switch self {
        case .browsing, .filtering: return self
        case .detail(var o): change(&o); return .detail(o)
        case .problems(var o): change(&o); return .problems(o)
        case .help(var o, let under): change(&o); return .help(o, over: under)
        case .address(var o, let ids, let under): change(&o); return .address(o, sources: ids, over: under)
        }
    }

    public var isDetail: Bool { if case .detail = self { return true } else { return false } }
    public var isHelp: Bool { if case .help = self { return true } else { return false } }
    public var isAddress: Bool { if case .address = self { return true } else { return false } }
    public var isProblems: Bool { if case .problems = self { return true } else { return false } }
}
