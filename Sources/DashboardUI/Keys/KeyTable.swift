/// Every key binding, once, by where it applies. The key map dispatches from these lists in order
/// (the first binding that matches wins), the help view lists their `help` lines in the same order,
/// and the footer shows their hints sorted by `hintOrder`.
enum KeyTable {
    /// Work whatever is open, with the state's key overrides.
    static func global(_ s: AppState) -> [KeyBinding] { s.keyOverrides.apply(to: globalDefaults) }

    static let globalDefaults: [KeyBinding] = [ctrlC, redraw, suspend]

    /// Has no name, so no override can take it away: Ctrl-C always quits.
    static let ctrlC = KeyBinding([.ctrl("c")], .quit)
    static let redraw = KeyBinding([.ctrl("l")], .redrawAll, name: "redraw", help: ("Ctrl-L", "redraw the screen"))
    static let suspend = KeyBinding([.ctrl("z")], .suspend, name: "suspend", help: ("Ctrl-Z", "suspend to the shell (fg returns)"))

    static let digits: [Key] = (1...min(9, ScreenRegistry.all.count)).map { .char(Character(String($0))) }

    // MARK: Browsing a screen: the head, the screen's own keys, the list keys, the tail.

    static let browsingHead: [KeyBinding] = [
        KeyBinding(digits, .jumpToScreen, help: (Screen.numberKeys, "jump to a screen"), hint: (Screen.numberKeys, "screens"), order: 22),
        KeyBinding([.tab], .nextScreen, name: "next-screen", pair: "previous-screen", help: ("Tab / Shift-Tab", "next / previous screen")),
        KeyBinding([.backTab], .previousScreen, name: "previous-screen"),
    ]

    static let list: [KeyBinding] = [
        KeyBinding([.down, .char("j")], .move(1), name: "down", pair: "up", help: ("↑↓ j k", "move the selection"), hint: ("j/k", "move"), order: 10),
        KeyBinding([.up, .char("k")], .move(-1), name: "up"),
        KeyBinding([.pageDown, .char(" ")], .page(1), name: "page-down", pair: "page-up", help: ("PgUp PgDn Space", "a page up / down")),
        KeyBinding([.pageUp], .page(-1), name: "page-up"),
        KeyBinding([.home, .char("g")], .first, name: "first", pair: "last", help: ("g G Home End", "first / last row")),
        KeyBinding([.end, .char("G")], .last, name: "last"),
        KeyBinding([.enter], .open, name: "detail", help: ("Enter", "detail with sources"), hint: ("Enter", "detail"), order: 11),
        KeyBinding([.escape], .clearFilter, name: "clear-filter", help: { _ in ("Esc", "back; clears the filter") },
                   hint: { s in s.filter.isActive ? ("Esc", "clear") : nil }, order: 14),
        KeyBinding([.char("/")], .startFilter, name: "filter", help: { _ in ("/", "filter the list as you type") },
                   hint: { s in ("/", s.filter.isActive ? "filter: \(s.filter.query)" : "filter") }, order: 12),
        KeyBinding([.char("n")], .nextMatch(1), name: "next-match", pair: "previous-match", help: { _ in ("n / N", "next / previous match") },
                   hint: { s in s.filter.isActive ? ("n/N", "next/prev") : nil }, order: 13),
        KeyBinding([.char("N")], .nextMatch(-1), name: "previous-match"),
        KeyBinding([.char("s")], .custom { Sorting.next(&$0) }, name: "sort", pair: "sort-reverse",
                   help: { s in Sorting.helpText(s).map { ("s / S", $0) } },
                   hint: { s in ScreenRegistry.view(s.screen).sortKeys(s.dataset).isEmpty ? nil : ("s", "sort") }, order: 15),
        KeyBinding([.char("S")], .custom { Sorting.reverse(&$0) }, name: "sort-reverse"),
        KeyBinding([.left, .char("h")], .previousScreen, name: "left", pair: "right", help: ("h l ←→", "previous / next screen")),
        KeyBinding([.right, .char("l")], .nextScreen, name: "right"),
    ]

    static let browsingTail: [KeyBinding] = [
        KeyBinding([.char("r")], .reload, name: "reload", help: ("r", "reload the data file"), hint: ("r", "reload"), order: 23),
        KeyBinding([.char("y")], .custom { CopyText.copyRow(&$0) }, name: "copy-row", pair: "copy-table", help: ("y / Y", "copy the row / the whole table (OSC 52)")),
        KeyBinding([.char("Y")], .custom { CopyText.copyTable(&$0) }, name: "copy-table"),
        openAddress,
        KeyBinding([.char("e")], .openProblems, name: "problems", help: ("e", "show the problems of a failed reload")),
        redraw,
        suspend,
        KeyBinding([.char("?")], .openHelp, name: "help", help: ("?", "this help"), hint: ("?", "help"), order: 20),
        KeyBinding([.char("q")], .quit, name: "quit", helpNote: "  Ctrl-C", help: ("q  Ctrl-C", "quit"), hint: ("q", "quit"), order: 21),
    ]

    /// Browsing the screen: what the key map tries, in order, and the help view lists.
    static func browsing(_ screen: Screen) -> [KeyBinding] {
        let view = ScreenRegistry.view(screen)
        return browsingHead + view.bindings + list + browsingTail
    }

    /// What the help view and the footer describe while browsing: the list keys only where the
    /// screen uses them as they are.
    static func described(_ screen: Screen) -> [KeyBinding] {
        let view = ScreenRegistry.view(screen)
        return browsingHead + view.bindings + (view.usesListKeys ? list : []) + browsingTail
    }

    static let openAddress = KeyBinding([.char("o")], .custom { AddressView.open(&$0) }, name: "addresses",
                                        help: ("o", "addresses of the row's sources, a line each"))

    // MARK: Overlays and the filter prompt.

    static let detail: [KeyBinding] = [
        KeyBinding([.escape, .backspace, .enter, .char("h"), .left], .close, hint: ("Esc", "back"), order: 1),
        KeyBinding([.char("q")], .quit, name: "quit", hint: ("q", "quit"), order: 4),
        KeyBinding([.down, .char("j")], .scroll(1), name: "down", pair: "up", hint: ("j/k", "scroll"), order: 2),
        KeyBinding([.up, .char("k")], .scroll(-1), name: "up"),
        KeyBinding([.pageDown, .char(" ")], .scrollPage(1), name: "page-down"),
        KeyBinding([.pageUp], .scrollPage(-1), name: "page-up"),
        KeyBinding([.home, .char("g")], .scrollTop, name: "first"),
        KeyBinding([.end, .char("G")], .scrollBottom, name: "last"),
        KeyBinding([.char("?")], .openHelp, name: "help"),
        KeyBinding(digits, .jumpToScreen, hint: (Screen.numberKeys, "screens"), order: 3),
        KeyBinding([.char("o")], .custom { AddressView.open(&$0) }, name: "addresses", hint: ("o", "addresses"), order: 5),
    ]

    /// The addresses `o` shows.
    static let address: [KeyBinding] = [
        KeyBinding([.escape, .char("o"), .enter, .backspace, .char("h"), .left], .close, hint: ("Esc", "back"), order: 1),
        KeyBinding([.char("y")], .custom { AddressView.copy(&$0) }, name: "copy-row", hint: ("y", "copy"), order: 2),
        KeyBinding([.char("q")], .quit, name: "quit", hint: ("q", "quit"), order: 3),
        KeyBinding([.down, .char("j")], .scroll(1), name: "down"),
        KeyBinding([.up, .char("k")], .scroll(-1), name: "up"),
        KeyBinding([.pageDown, .char(" ")], .scrollPage(1), name: "page-down"),
        KeyBinding([.pageUp], .scrollPage(-1), name: "page-up"),
    ]

    static let help: [KeyBinding] = [
        KeyBinding([.escape, .char("?"), .enter, .backspace], .close, hint: ("Esc", "close help"), order: 1),
        KeyBinding([.char("q")], .quit, name: "quit", hint: ("q", "quit"), order: 2),
        KeyBinding([.down, .char("j")], .scroll(1), name: "down"),
        KeyBinding([.up, .char("k")], .scroll(-1), name: "up"),
    ]

    static let problems: [KeyBinding] = [
        KeyBinding([.escape, .char("e"), .enter, .backspace], .close, hint: ("Esc", "close"), order: 2),
        KeyBinding([.char("q")], .quit, name: "quit"),
        KeyBinding([.down, .char("j")], .scroll(1), name: "down", pair: "up", hint: ("j/k", "scroll"), order: 1),
        KeyBinding([.up, .char("k")], .scroll(-1), name: "up"),
        KeyBinding([.pageDown, .char(" ")], .scrollPage(1), name: "page-down"),
        KeyBinding([.pageUp], .scrollPage(-1), name: "page-up"),
        KeyBinding([.home, .char("g")], .scrollTop, name: "first"),
        KeyBinding([.end, .char("G")], .scrollBottom, name: "last"),
        KeyBinding([.char("r")], .reload, name: "reload", hint: ("r", "reload"), order: 3),
    ]

    /// The filter prompt; any other character is typed into the query.
    static let filtering: [KeyBinding] = [
        KeyBinding([.enter], .keepFilter, hint: ("Enter", "keep filter"), order: 1),
        KeyBinding([.escape], .dropFilter, hint: ("Esc", "clear"), order: 2),
        KeyBinding([.backspace, .delete], .deleteFilterCharacter),
        KeyBinding([.down], .move(1), hint: ("↑↓", "move"), order: 3),
        KeyBinding([.up], .move(-1)),
    ]

    /// The bindings of the current mode, in dispatch order.
    static func current(_ s: AppState) -> [KeyBinding] {
        let bindings: [KeyBinding]
        switch s.mode {
        case .browsing: bindings = browsing(s.screen)
        case .filtering: bindings = filtering
        case .detail: bindings = detail
        case .problems: bindings = problems
        case .help: bindings = help
        case .address: bindings = address
        }
        return s.keyOverrides.apply(to: bindings)
    }

    /// The footer's hints for the current state, in order.
    static func hints(_ s: AppState) -> [(key: String, action: String)] {
        let bindings = s.mode == .browsing ? s.keyOverrides.apply(to: described(s.screen)) : current(s)
        return bindings.enumerated()
            .compactMap { i, b in b.hint?(s).map { (order: b.hintOrder, index: i, hint: $0) } }
            .sorted { ($0.order, $0.index) < ($1.order, $1.index) }
            .map(\.hint)
    }

    /// The help view's lines for a screen.
    static func helpLines(_ s: AppState) -> [(keys: String, text: String)] {
        s.keyOverrides.apply(to: described(s.screen)).compactMap { $0.help?(s) ?? nil }
    }
}
