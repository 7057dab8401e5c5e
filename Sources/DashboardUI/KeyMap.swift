import TradeModel

/// The keys and what they do: a pure function of the state.
enum KeyMap {
    static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
        if case .resize(let w, let h) = key {
            s.lastSize = (w, h)
            return []
        }
        s.status = nil
        switch key {
        case .char("q"), .ctrl("c"): return [.quit]
        case .char("r"): return [.reload]
        case .ctrl("l"): return [.redrawAll]
        case .ctrl("z"): return [.suspend]
        case .char(let c) where c.isNumber:
            if let n = c.wholeNumberValue, let sc = Screen(rawValue: n) { s.screen = sc }
        case .tab: s.screen = s.screen.next
        case .backTab: s.screen = s.screen.previous
        default: break
        }
        return []
    }
}
