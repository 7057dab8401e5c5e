import TradeModel

/// Everything the dashboard shows, as a value. `Dashboard.update` changes it; `Dashboard.render` draws it.
public struct AppState: Sendable {
    public var dataset: Dataset { didSet { goodsCache = GoodsLayoutCache() } }
    /// The Goods screen's lines, kept between frames for this dataset.
    var goodsCache = GoodsLayoutCache()
    /// Where the data came from (shown in the status line after a reload).
    public var dataPath: String?
    public var theme: Theme
    public var screen: Screen = .overview
    /// Selected row per screen (the list of that screen: years, deals, projects, events, sources).
    public var selection: [Screen: Int] = [:]
    /// What has the keyboard: the list, the filter prompt, or an overlay (detail, help, problems).
    public var mode: Mode = .browsing
    public var filter = FilterState()
    /// How each screen's list is sorted (`s`, `S`); a screen not in it shows its own order.
    public var sort: [Screen: SortOrder] = [:]
    /// The deadline year the Target screen computes the required growth for (+ and −).
    public var targetYear: Int
    /// The year the Goods screen shows (+ and −); nil: the latest year with goods.
    public var goodsYear: Int?
    /// A one-line message at the bottom (reload results), cleared by the next key.
    public var status: StatusLine?
    /// Every problem of the last failed reload.
    public var loadProblems: [String] = []
    /// A reload is under way in the background (the data shown is the old one until it is done).
    public var isReloading = false
    /// What the front end says about the terminal in the help view (an entry standing in for TERM).
    public var terminalNotice: String?
    /// Size of the last render, for mouse hit-testing and page sizes.
    public var lastSize = (width: 100, height: 30)
    /// The keys a config file chose for named bindings (empty: the defaults; see `KeyOverrides`).
    public var keyOverrides = KeyOverrides()

    public init(dataset: Dataset, dataPath: String? = nil, theme: Theme = .color) {
        self.dataset = dataset
        self.dataPath = dataPath
        self.theme = theme
        self.targetYear = AppState.defaultTargetYear(dataset)
    }

    /// The deadline of the first target, else five years after the latest full year.
    public static func defaultTargetYear(_ d: Dataset) -> Int {
        if let t = d.targets.first, let y = t.deadline { return y }
        let latest = d.trade.filter { $0.period.isFullYear }.map(\.period.year).max() ?? d.asOf.year
        return latest + 5
    }

    /// Replaces the data after a successful reload, keeping the screen and, where possible, the selection.
    public mutating func reloaded(with dataset: Dataset) {
        let keepYear = self.dataset.targets.first?.deadline == self.targetYear
        self.dataset = dataset
        if keepYear { targetYear = AppState.defaultTargetYear(dataset) }
        loadProblems = []
        switch mode {
        case .problems: mode = .browsing
        // An open detail shows the new data.
        case .detail(let o): mode = .detail(ListRow.selected(self, screen).map { Overlay.detail($0.detail, scroll: o.scroll) } ?? o)
        default: break
        }
        status = StatusLine(text: "Reloaded \(dataPath ?? "the data")", isError: false)
    }

    /// What the status line says while a reload is under way (when nothing more recent is to be said).
    public var reloadingStatus: StatusLine? {
        isReloading ? StatusLine(text: "Loading \(dataPath ?? "the data")... (the old data stays until it is ready)", isError: false) : nil
    }

    /// Keeps the old data on screen and shows the first problem; `e` lists them all.
    public mutating func reloadFailed(problems: [String]) {
        loadProblems = problems
        // The count and the key come first: a long first problem is truncated at the screen's edge.
        let count = problems.count == 1 ? "1 problem, e: show" : "\(problems.count) problems, e: show all"
        // The file is the one being reloaded: its path, which starts each problem, would take the room
        // the problem needs ("/srv/dash/data.json: line 3, column 8: …" reads "line 3, column 8: …").
        var first = problems.first ?? "unknown problem"
        if let path = dataPath, first.hasPrefix(path + ": ") { first = String(first.dropFirst(path.count + 2)) }
        status = StatusLine(text: "Reload failed, keeping the old data (\(count)): \(first)", isError: true)
        if case .problems(let o) = mode { mode = .problems(Overlay.problems(self, scroll: o.scroll)) }
    }
}

public struct StatusLine: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}

/// The `/` filter: typing narrows the current list (in `Mode.filtering`); n and N move between matches.
public struct FilterState: Hashable, Sendable {
    public var query = ""

    public init() {}

    public var isActive: Bool { !query.isEmpty }
}
