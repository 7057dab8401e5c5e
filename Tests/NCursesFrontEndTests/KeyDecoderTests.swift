import CNCurses
import DashboardUI
@testable import NCursesFrontEnd
import Testing

@Suite("Keys from wget_wch")
struct KeyDecoderTests {
    @Test("control bytes in raw mode become named keys or Ctrl-letters")
    func controlBytes() {
        #expect(KeyDecoder.character(0x03) == .ctrl("c"))
        #expect(KeyDecoder.character(0x1A) == .ctrl("z"))
        #expect(KeyDecoder.character(0x0C) == .ctrl("l"))
        #expect(KeyDecoder.character(0x01) == .ctrl("a"))
        #expect(KeyDecoder.character(0x0D) == .enter)
        #expect(KeyDecoder.character(0x0A) == .enter)
        #expect(KeyDecoder.character(0x09) == .tab)
        #expect(KeyDecoder.character(0x1B) == .escape)
        #expect(KeyDecoder.character(0x7F) == .backspace)
        #expect(KeyDecoder.character(0x08) == .backspace)
        #expect(KeyDecoder.character(0x1C) == .ctrl("\\"))
        #expect(KeyDecoder.character(0x00) == nil)
        #expect(KeyDecoder.character(0x85) == nil)
    }

    @Test("printable characters, ASCII or not, are characters")
    func printable() {
        #expect(KeyDecoder.character(UInt32(UInt8(ascii: "q"))) == .char("q"))
        #expect(KeyDecoder.character(UInt32(UInt8(ascii: "/"))) == .char("/"))
        #expect(KeyDecoder.character(UInt32(UInt8(ascii: "7"))) == .char("7"))
        #expect(KeyDecoder.character(0xE9) == .char("é"))
        #expect(KeyDecoder.character(0x015F) == .char("ş"))
        #expect(KeyDecoder.character(0x65E5) == .char("日"))
        #expect(KeyDecoder.character(0xD800) == nil, "a lone surrogate is not a character")
    }

    @Test("function keys, arrows and paging keys")
    func keyCodes() {
        #expect(KeyDecoder.keyCode(KEY_UP) == .up)
        #expect(KeyDecoder.keyCode(KEY_DOWN) == .down)
        #expect(KeyDecoder.keyCode(KEY_LEFT) == .left)
        #expect(KeyDecoder.keyCode(KEY_RIGHT) == .right)
        #expect(KeyDecoder.keyCode(KEY_PPAGE) == .pageUp)
        #expect(KeyDecoder.keyCode(KEY_NPAGE) == .pageDown)
        #expect(KeyDecoder.keyCode(KEY_HOME) == .home)
        #expect(KeyDecoder.keyCode(KEY_END) == .end)
        #expect(KeyDecoder.keyCode(KEY_FIND) == .home, "Home on vt220-style keyboards")
        #expect(KeyDecoder.keyCode(KEY_SELECT) == .end, "End on vt220-style keyboards")
        #expect(KeyDecoder.keyCode(KEY_BTAB) == .backTab)
        #expect(KeyDecoder.keyCode(KEY_ENTER) == .enter)
        #expect(KeyDecoder.keyCode(KEY_BACKSPACE) == .backspace)
        #expect(KeyDecoder.keyCode(KEY_DC) == .delete)
        #expect(KeyDecoder.keyCode(tdsh_key_f(1)) == .function(1))
        #expect(KeyDecoder.keyCode(tdsh_key_f(12)) == .function(12))
        #expect(KeyDecoder.keyCode(KEY_RESIZE) == nil, "the loop handles KEY_RESIZE with the new size")
        #expect(KeyDecoder.keyCode(KEY_MOUSE) == nil, "the loop reads the mouse event")
        #expect(KeyDecoder.keyCode(KEY_IC) == nil)
    }

    @Test("mouse: button 1 clicks, buttons 4 and 5 are the wheel")
    func mouse() {
        #expect(KeyDecoder.mouse(buttons: tdsh_button1_pressed(), x: 12, y: 3) == .click(x: 12, y: 3))
        #expect(KeyDecoder.mouse(buttons: tdsh_button1_clicked(), x: 0, y: 0) == .click(x: 0, y: 0))
        #expect(KeyDecoder.mouse(buttons: tdsh_button4_pressed(), x: 5, y: 6) == .wheelUp(x: 5, y: 6))
        #expect(KeyDecoder.mouse(buttons: tdsh_button5_pressed(), x: 5, y: 6) == .wheelDown(x: 5, y: 6))
        #expect(KeyDecoder.mouse(buttons: tdsh_button1_released(), x: 5, y: 6) == nil, "a release is not a second click")
        #expect(KeyDecoder.mouse(buttons: tdsh_button1_pressed(), x: -1, y: 2) == nil)
    }
}
