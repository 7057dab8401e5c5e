/// The names of the bindings a config file's `[keys]` table can override: stable words, one per
/// binding the user sees as one (`quit` is `q` while browsing, in a detail and in the help). A new
/// binding becomes overridable by giving it a `name` in `KeyTable` and a line here.
extension KeyTable {
    /// Every name, in the order `tradedash config --print-default` lists them, with what it does.
    static let names: [(name: String, text: String)] = [
        ("quit", "quit (Ctrl-C always quits too)"),
        ("help", "the keys of this screen"),
        ("reload", "reload the data file"),
        ("redraw", "redraw the screen"),
        ("suspend", "suspend to the shell"),
        ("next-screen", "next screen"),
        ("previous-screen", "previous screen"),
        ("left", "previous screen (on the Overview: the panel to the left)"),
        ("right", "next screen (on the Overview: the panel to the right)"),
        ("down", "move the selection down; scroll a detail"),
        ("up", "move the selection up; scroll a detail"),
        ("page-down", "a page down"),
        ("page-up", "a page up"),
        ("first", "the first row; the top of a detail"),
        ("last", "the last row; the end of a detail"),
        ("detail", "the selected row's detail with its sources"),
        ("filter", "filter the list as you type"),
        ("clear-filter", "clear the filter"),
        ("next-match", "next match of the filter"),
        ("previous-match", "previous match of the filter"),
        ("copy-row", "copy the selected row (OSC 52)"),
        ("copy-table", "copy the whole table (OSC 52)"),
        ("sort", "sort the list by its next column"),
        ("sort-reverse", "reverse the list's order"),
        ("addresses", "the web addresses of the row's sources"),
        ("problems", "the problems of a failed reload"),
    ]

    /// Every binding of the table, in every mode (the screens' own bindings have no names).
    static var allBindings: [KeyBinding] {
        globalDefaults + browsingHead + list + browsingTail + detail + help + problems + filtering + address
    }

    /// A name's default keys: those of its first binding (every binding of one name has the same).
    static func defaultKeys(_ name: String) -> [Key]? {
        allBindings.first { $0.name == name }?.keys
    }

    static var vocabulary: [KeyOverrides.Entry] {
        names.compactMap { n in defaultKeys(n.name).map { KeyOverrides.Entry(name: n.name, keys: $0, text: n.text) } }
    }

    /// What a binding without a name does, for a clash message.
    static func describe(_ action: Action) -> String {
        switch action {
        case .quit: return "Ctrl-C (quit; cannot be rebound)"
        case .jumpToScreen: return "a screen's number key"
        case .close: return "the key that closes it"
        case .keepFilter: return "the key that keeps the filter"
        case .dropFilter: return "the key that drops the filter"
        case .deleteFilterCharacter: return "the key that deletes a character of the filter"
        case .move: return "the key that moves the selection"
        case .nextScreen, .previousScreen: return "a key that changes the screen"
        case .custom: return "one of the screen's own keys"
        default: return "another key of the table"
        }
    }
}
