/// A key press or mouse action, independent of any terminal library.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Ctrl with a letter: `.ctrl("l")` for Ctrl-L, `.ctrl("c")` for Ctrl-C.
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    /// The terminal changed size (the front end re-renders at the new size).
    case resize(width: Int, height: Int)
    /// A mouse click at a cell (column, row), 0-based.
    case click(x: Int, y: Int)
    case wheelUp(x: Int, y: Int)
    case wheelDown(x: Int, y: Int)
}
