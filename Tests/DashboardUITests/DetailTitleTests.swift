import Testing
@testable import DashboardUI

/// A detail (Enter) whose title is cut in its top border starts with the title in full (a newcomer's
/// review: at 80 columns "…partly of Turkmen origin by swa…" hid "swap (2012)"), as a preview does.
@Suite struct DetailTitleTests {
    @Test func aCutTitleIsWrittenInFullFirst() {
        var s = Fixture.state(.mono, screen: .energy, width: 80, height: 24)
        Fixture.press(&s, .char("j"), .char("j"), .char("j"), .char("j"), .enter)
        let lines = Fixture.text(s).split(separator: "\n").map(String.init)
        let top = lines.firstIndex { $0.hasPrefix("┌─ Gas for southern Kazakhstan") } ?? -1
        #expect(top >= 0 && lines[top].contains("…"), "the border cuts the title:\n\(lines.joined(separator: "\n"))")
        #expect(top >= 0 && lines[top + 1].hasPrefix("│Gas for southern Kazakhstan from Gazprom, partly of Turkmen origin by swap"), "\(lines.joined(separator: "\n"))")
        #expect(top >= 0 && lines[top + 2].hasPrefix("│(2012)"), "\(lines.joined(separator: "\n"))")
        // Wide enough for the border: the title is not repeated.
        var wide = Fixture.state(.mono, screen: .energy, width: 200, height: 60)
        Fixture.press(&wide, .char("j"), .char("j"), .char("j"), .char("j"), .enter)
        let text = Fixture.text(wide)
        #expect(text.components(separatedBy: "by swap (2012)").count == 2, "once, in the border, at 200 columns:\n\(text)")
    }
}
