import CNCurses
import DashboardUI

/// Turns what `wget_wch` returns into a `Key`. Pure functions of the codes, so they are tested without
/// a terminal; the front end asks ncurses only for the size (KEY_RESIZE) and the mouse event (KEY_MOUSE).
public enum KeyDecoder {
    /// A character read with status OK. The terminal is in raw mode, so control characters arrive
    /// here as bytes: 0x03 is Ctrl-C, 0x1A Ctrl-Z, 0x0D Enter, 0x1B Esc, 0x7F Backspace.
    public static func character(_ code: UInt32) -> Key? {
        switch code {
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x01...0x1A:
            return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0x1C: return .ctrl("\\")
        case 0x1D: return .ctrl("]")
        case 0x1E: return .ctrl("^")
        case 0x1F: return .ctrl("_")
        case 0x00: return nil
        case 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// A function key read with status KEY_CODE_YES. KEY_RESIZE and KEY_MOUSE need the terminal and
    /// are handled by the front end; keys that mean nothing here give nil.
    public static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_LL, KEY_C1: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case tdsh_key_f(1)...tdsh_key_f(63): return .function(Int(code - tdsh_key_f(0)))
        default: return nil
        }
    }

    /// A mouse event: button 1 press is a click, buttons 4 and 5 are the wheel. Other events give nil.
    public static func mouse(buttons: mmask_t, x: Int32, y: Int32) -> Key? {
        guard x >= 0, y >= 0 else { return nil }
        if buttons & tdsh_button4_pressed() != 0 { return .wheelUp(x: Int(x), y: Int(y)) }
        if buttons & tdsh_button5_pressed() != 0 { return .wheelDown(x: Int(x), y: Int(y)) }
        if buttons & (tdsh_button1_pressed() | tdsh_button1_clicked()) != 0 { return .click(x: Int(x), y: Int(y)) }
        return nil
    }
}
