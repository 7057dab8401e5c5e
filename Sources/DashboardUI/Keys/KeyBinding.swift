/// One binding: the keys, what they do, and how the help view and the footer describe it. The key
/// map, the help view and the footer are all read from these (see `KeyTable`).
struct KeyBinding: Sendable {
    var keys: [Key]
    var action: Action
    /// The stable name a config file's `[keys]` table overrides the keys by (`quit`, `copy-row`);
    /// nil for a binding that cannot be rebound. Bindings of one name in several modes (`quit` while
    /// browsing, in a detail, in the help) are one binding to the user: an override changes them all.
    var name: String?
    /// The binding whose keys this one's help line and hint also show (`down` lists `up`'s: "j/k").
    var pair: String?
    /// Appended to the help line's keys when they are derived from overridden keys ("  Ctrl-C").
    var helpNote = ""
    /// Set by `KeyOverrides.apply` when the keys are not the defaults: the help and hint show them.
    var isOverridden = false
    /// The help view's line: the keys as written there and what they do; nil when the binding is
    /// described by another line (Shift-Tab under Tab) or not listed.
    var help: (@Sendable (AppState) -> (keys: String, text: String)?)?
    /// The footer's hint, when it shows one in the current state; `order` sorts the footer.
    var hint: (@Sendable (AppState) -> (key: String, action: String)?)?
    var hintOrder = 0

    init(_ keys: [Key], _ action: Action, name: String? = nil, pair: String? = nil, helpNote: String = "",
         help: (String, String)? = nil, hint: (String, String)? = nil, order: Int = 0) {
        self.keys = keys
        self.action = action
        self.name = name
        self.pair = pair
        self.helpNote = helpNote
        if let help { self.help = { _ in help } }
        if let hint { self.hint = { _ in hint } }
        self.hintOrder = order
    }

    init(_ keys: [Key], _ action: Action, name: String? = nil, pair: String? = nil,
         help: (@Sendable (AppState) -> (keys: String, text: String)?)?,
         hint: (@Sendable (AppState) -> (key: String, action: String)?)?, order: Int = 0) {
        self.keys = keys
        self.action = action
        self.name = name
        self.pair = pair
        self.help = help
        self.hint = hint
        self.hintOrder = order
    }

    func matches(_ key: Key) -> Bool { keys.contains(key) }
}

/// What a binding does. The common actions are performed by `KeyMap`; a screen's own action is a
/// `custom` function of the state, so that a new screen's keys need no change here.
enum Action: Sendable {
    case quit, reload, redrawAll, suspend
    case openHelp, openProblems
    /// The screen whose number is the key's digit.
    case jumpToScreen
    case nextScreen, previousScreen
    case move(Int)
    case page(Int)
    case first, last
    /// Enter on the selected row: its detail, or the screen it opens.
    case open
    /// Esc in the list: clears the filter.
    case clearFilter
    case startFilter
    case nextMatch(Int)
    /// Closes the overlay that has the keyboard (help returns to the detail under it).
    case close
    case scroll(Int)
    case scrollPage(Int)
    case scrollTop
    /// To the overlay's last page.
    case scrollBottom
    /// Filter prompt: keep the query, drop it, delete its last character.
    case keepFilter, dropFilter, deleteFilterCharacter
    case custom(@Sendable (inout AppState) -> [Effect])
}
