import Testing
import TradeModel
@testable import DashboardUI

/// Key overrides (a config file's `[keys]`): dispatch, the help view, the footer, clashes, and the
/// vocabulary of names.
@Suite struct KeyOverrideTests {
    static func overrides(_ pairs: [(String, [Key])]) -> KeyOverrides {
        var o = KeyOverrides()
        for (n, k) in pairs { o.set(n, k) }
        return o
    }

    @Test func anOverriddenQuitQuitsWithItsNewKeysOnlyAndCtrlCAlwaysQuits() {
        var s = Fixture.state(screen: .trade)
        s.keyOverrides = Self.overrides([("quit", [.char("x"), .char("Q")])])
        #expect(Fixture.press(&s, .char("q")) == [], "q no longer quits")
        #expect(Fixture.press(&s, .char("x")).contains(.quit))
        #expect(Fixture.press(&s, .char("Q")).contains(.quit))
        #expect(Fixture.press(&s, .ctrl("c")).contains(.quit))
        // In a detail and in the help too: the override replaces the binding everywhere.
        Fixture.press(&s, .enter)
        guard case .detail = s.mode else { Issue.record("Enter opens a detail"); return }
        #expect(Fixture.press(&s, .char("q")) == [])
        #expect(Fixture.press(&s, .char("x")).contains(.quit))
        Fixture.press(&s, .char("?"))
        guard case .help = s.mode else { Issue.record("? opens the help"); return }
        #expect(Fixture.press(&s, .char("x")).contains(.quit))
    }

    @Test func movingKeysMovesTheSelectionInTheListAndScrollsADetail() {
        var s = Fixture.state(screen: .sources)
        s.keyOverrides = Self.overrides([("down", [.ctrl("n")]), ("up", [.ctrl("p")])])
        Fixture.press(&s, .ctrl("n"), .ctrl("n"))
        #expect(s.selection[.sources] == 2)
        Fixture.press(&s, .char("j"))
        #expect(s.selection[.sources] == 2, "j is no longer down")
        Fixture.press(&s, .ctrl("p"))
        #expect(s.selection[.sources] == 1)
    }

    @Test func theHelpViewAndTheFooterShowTheNewKeys() {
        var s = Fixture.state(screen: .trade)
        let before = KeyTable.helpLines(s)
        #expect(before.contains { $0 == ("q  Ctrl-C", "quit") })
        s.keyOverrides = Self.overrides([("quit", [.char("x")]), ("down", [.ctrl("n")]), ("help", [.function(1)])])
        let lines = KeyTable.helpLines(s)
        #expect(lines.contains { $0 == ("x  Ctrl-C", "quit") }, "\(lines)")
        #expect(lines.contains { $0 == ("Ctrl-N / ↑ k", "move the selection") }, "the pair's keys stay: \(lines)")
        #expect(lines.contains { $0 == ("F1", "this help") }, "\(lines)")
        #expect(!lines.contains { $0.keys == "q  Ctrl-C" })
        let hints = KeyTable.hints(s)
        #expect(hints.contains { $0 == ("x", "quit") }, "\(hints)")
        #expect(hints.contains { $0 == ("Ctrl-N/↑", "move") }, "\(hints)")
        #expect(hints.contains { $0 == ("F1", "help") }, "\(hints)")
        // On the screen as drawn: the footer and the help overlay.
        let footer = Fixture.text(s, width: 160, height: 40).split(separator: "\n").last.map(String.init) ?? ""
        #expect(footer.contains("x quit") && footer.contains("F1 help"), "\(footer)")
        Fixture.press(&s, .function(1))
        guard case .help = s.mode else { Issue.record("F1 opens the help"); return }
        let help = Fixture.text(s, width: 160, height: 40)
        #expect(help.contains("x  Ctrl-C") && help.contains("Ctrl-N / ↑ k"), "\(help)")
    }

    @Test func withoutOverridesTheHandWrittenTextsStay() {
        let s = Fixture.state(screen: .trade)
        var t = s
        t.keyOverrides = Self.overrides([("quit", [.char("q")])])
        #expect(t.keyOverrides.isEmpty, "the default keys are no override")
        #expect(KeyTable.helpLines(s).map(\.keys) == KeyTable.helpLines(t).map(\.keys))
        #expect(Fixture.text(s) == Fixture.text(t))
    }

    @Test func clashesAreFoundWithTheOtherBindingAndTheMode() {
        let c = Self.overrides([("copy-row", [.char("q")])]).clashes()
        #expect(c.map(\.description) == ["\"q\" for copy-row is already bound to quit while browsing"], "\(c)")
        // A number key is a screen's.
        let d = Self.overrides([("reload", [.char("3")])]).clashes()
        #expect(d.map(\.description) == ["\"3\" for reload is already bound to a screen's number key while browsing"], "\(d)")
        // Two overrides that take one key: once.
        let e = Self.overrides([("reload", [.char("x")]), ("problems", [.char("x")])]).clashes()
        #expect(e.count == 1 && e.first?.key == .char("x"), "\(e)")
        // Only in a detail: h closes it.
        let f = Self.overrides([("quit", [.char("h")])]).clashes()
        #expect(f.contains { $0.mode == "in a detail" && $0.other == "the key that closes it" }, "\(f)")
        // A screen's own key: + on Target and Goods.
        let g = Self.overrides([("reload", [.char("+")])]).clashes()
        #expect(g.map(\.mode) == ["on the Target, Goods screens"], "\(g)")
        // Swapping two bindings' keys is no clash; nor keeping a shared default (Target's own j).
        #expect(Self.overrides([("copy-row", [.char("Y")]), ("copy-table", [.char("y")])]).clashes().isEmpty)
        #expect(Self.overrides([("down", [.char("j"), .ctrl("n")])]).clashes().isEmpty)
    }

    @Test func everyNamedBindingIsInTheVocabularyWithOneSetOfDefaultKeys() {
        let named = KeyTable.allBindings.filter { $0.name != nil }
        let vocabulary = Set(KeyTable.names.map(\.name))
        #expect(Set(named.compactMap(\.name)) == vocabulary)
        for b in named {
            #expect(KeyTable.defaultKeys(b.name!) == b.keys, "\(b.name!) has other keys in another mode")
            if let p = b.pair { #expect(vocabulary.contains(p), "\(p)") }
        }
        #expect(!KeyTable.allBindings.contains { $0.name != nil && $0.keys.contains(.ctrl("c")) }, "Ctrl-C has no name")
        #expect(KeyOverrides.vocabulary.count == KeyTable.names.count)
    }

    @Test func keySpellingsRoundTripAndRejectWhatCannotBeBound() throws {
        for e in KeyOverrides.vocabulary {
            for k in e.keys { #expect(try KeySpelling.parse(KeySpelling.configName(k)) == k) }
        }
        #expect(try KeySpelling.parse("ctrl-X") == .ctrl("x"))
        #expect(try KeySpelling.parse("F5") == .function(5))
        #expect(try KeySpelling.parse("Q") == .char("Q"))
        #expect(throws: KeySpelling.Problem.ctrlC) { try KeySpelling.parse("ctrl-c") }
        #expect(throws: KeySpelling.Problem.alias("ctrl-m", "enter")) { try KeySpelling.parse("ctrl-m") }
        #expect(throws: KeySpelling.Problem.unknown("f13")) { try KeySpelling.parse("f13") }
        #expect(throws: KeySpelling.Problem.unknown("\t")) { try KeySpelling.parse("\t") }
        #expect(throws: KeySpelling.Problem.empty) { try KeySpelling.parse("") }
    }
}
