import TradeModel

/// The pure heart of the dashboard: `update` turns a key into a new state (and effects for the
/// front end to perform), `render` draws a state into a canvas of any size.
public enum Dashboard {
    /// The smallest size the screens are laid out for.
    public static let minimumWidth = 60
    public static let minimumHeight = 20

    public static func update(_ state: inout AppState, _ key: Key) -> [Effect] {
        KeyMap.update(&state, key)
    }

    /// Opens a screen, as its number key does.
    public static func show(_ screen: Screen, in state: inout AppState) {
        KeyMap.go(&state, screen)
    }

    public static func render(_ state: AppState, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height, asciiOnly: state.theme.ascii)
        ScreenRenderer.draw(state, into: &canvas)
        if !state.theme.usesColor { canvas.mapStyles { $0.withoutColor } }
        return canvas
    }
}
