import TradeModel

/// A screen of the dashboard, by its command-line name ("trade"). Which screens exist, their order,
/// titles and number keys come from `ScreenRegistry`; a screen declares its own constant next to its
/// drawing code (`extension Screen { static let trade = Screen("trade") }`).
public struct Screen: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    init(_ name: String) { self.name = name }

    public var description: String { name }

    /// Every screen, in tab order.
    public static var allCases: [Screen] { ScreenRegistry.all.map { $0.screen } }

    /// The number key that opens it: its place in the tab order, from 1.
    public var number: Int { (ScreenRegistry.index(of: self) ?? 0) + 1 }

    /// Title on the tab bar.
    public var title: String { ScreenRegistry.view(self).title }

    /// Title on a tab bar too narrow for every full title ("Infra").
    public var shortTitle: String { ScreenRegistry.view(self).shortTitle }

    /// The screen with this number key, if any.
    public init?(number: Int) {
        guard ScreenRegistry.all.indices.contains(number - 1) else { return nil }
        self = ScreenRegistry.all[number - 1].screen
    }

    /// By name, a prefix of three letters or more ("infra"), or its number ("5").
    public static func named(_ name: String) -> Screen? {
        let n = name.lowercased()
        if let k = Int(n) { return Screen(number: k) }
        return allCases.first { $0.name == n || ($0.name.hasPrefix(n) && n.count >= 3) }
    }

    public var next: Screen { Screen(number: number % ScreenRegistry.all.count + 1)! }
    public var previous: Screen { Screen(number: (number + ScreenRegistry.all.count - 2) % ScreenRegistry.all.count + 1)! }

    /// The number keys of every screen ("1-" and the count), for help texts.
    public static var numberKeys: String { "1-\(ScreenRegistry.all.count)" }
}

/// What a screen does. Each screen is one file: a type conforming to this, listed in `ScreenRegistry`.
protocol ScreenView: SendableMetatype {
    static var screen: Screen { get }
    /// Title on the tab bar and in the help view.
    static var title: String { get }
    /// A shorter title for a narrow tab bar (default: the title).
    static var shortTitle: String { get }
    /// Whether `/` filters the screen's list.
    static var filterable: Bool { get }
    /// The screen's list before filtering: what the selection, the filter, Enter and the mouse act on.
    static func rows(_ s: AppState) -> [ListRow]
    static func draw(_ s: AppState, _ body: Rect, into c: inout Canvas)
    /// The boxed table of the list, where the screen has one: its inner rectangle and the table.
    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)?
    /// The rows area of the list and its scroll offset, for mouse clicks; nil when rows are not clickable.
    static func listArea(_ s: AppState, _ body: Rect) -> (Rect, Int)?
    /// A click in the body that the screen handles itself (true when handled).
    static func click(_ s: inout AppState, x: Int, y: Int, body: Rect) -> Bool
    /// The keys the screen adds, before the common list keys: they win over them.
    static var bindings: [KeyBinding] { get }
    /// The orders `s` steps through, the list's own first; none where the screen has no list to sort.
    static func sortKeys(_ d: Dataset) -> [SortKey]
    /// Why `s` does not sort the screen, where it has no keys ("its goods are ranked within each list").
    static var unsortedReason: String { get }
    /// Whether the common list keys (move, page, filter, Enter…) are listed in the help view and the footer.
    static var usesListKeys: Bool { get }
}

extension ScreenView {
    static var filterable: Bool { true }
    static var shortTitle: String { title }
    static func tableLayout(_ s: AppState, _ body: Rect) -> (Rect, Table)? { nil }
    static func click(_ s: inout AppState, x: Int, y: Int, body: Rect) -> Bool { false }
    static var bindings: [KeyBinding] { [] }
    static func sortKeys(_ d: Dataset) -> [SortKey] { [] }
    static var unsortedReason: String { "it has no list of its own" }
    static var usesListKeys: Bool { true }

    /// The table's rows under its header line.
    static func listArea(_ s: AppState, _ body: Rect) -> (Rect, Int)? {
        guard let (rect, t) = tableLayout(s, body) else { return nil }
        let rows = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        return (rows, t.effectiveOffset(height: rect.height))
    }
}
