/// The screens in tab order. The tab bar, the number keys, `render --screen`, the help texts and the
/// help view all come from this list: adding a screen is its file plus one line here.
enum ScreenRegistry {
    static let all: [any ScreenView.Type] = [
        OverviewScreen.self,
        TradeScreen.self,
        TargetScreen.self,
        EnergyScreen.self,
        InfrastructureScreen.self,
        TimelineScreen.self,
        SourcesScreen.self,
        GoodsScreen.self,
    ]

    static func index(of screen: Screen) -> Int? { all.firstIndex { $0.screen == screen } }

    /// The view of a screen; the first screen for a name no screen has (a `Screen` is only made by
    /// the screens themselves, so that cannot happen).
    static func view(_ screen: Screen) -> any ScreenView.Type { all[index(of: screen) ?? 0] }
}
