import Foundation
import Testing
import TradeModel
@testable import DashboardUI

/// Every screen at 80×24 and 120×40 in the mono and ASCII themes and at 200×60 in mono, compared
/// with the text in Goldens/.
/// Re-record after an intended change with `TRADEDASH_RECORD=1 swift test --filter GoldenTests`,
/// then read the diff (`git diff Tests/DashboardUITests/Goldens`) before committing it.
@Suite struct GoldenTests {
    static let record = ProcessInfo.processInfo.environment["TRADEDASH_RECORD"] == "1"

    typealias Case = GoldenCase

    /// Every screen at each size in these themes.
    static let sizes: [(width: Int, height: Int, themes: [Theme.Name])] = [(80, 24, [.mono, .ascii]), (120, 40, [.mono, .ascii]), (200, 60, [.mono])]

    static let cases: [Case] = {
        var out = [Case]()
        for screen in Screen.allCases {
            for (w, h, themes) in sizes {
                for theme in themes {
                    out.append(Case(name: "\(screen.name)-\(w)x\(h)-\(theme.rawValue)", screen: screen, width: w, height: h, theme: theme))
                }
            }
        }
        // Overlays and states worth pinning down too.
        out.append(Case(name: "help-trade-100x30-mono", screen: .trade, width: 100, height: 30, theme: .mono, keys: [.char("?")]))
        // 2021 is the tenth period (2011, 2012, 2015, 2019 Jan–Oct, 2020 Jan–Jul, 2020 Jan–Oct, 2020, 2021 Jan–Apr, 2021 Jan–Aug, 2021).
        out.append(Case(name: "detail-2021-100x30-mono", screen: .trade, width: 100, height: 30, theme: .mono, keys: Array(repeating: .char("j"), count: 9) + [.enter]))
        out.append(Case(name: "detail-deal-100x30-ascii", screen: .energy, width: 100, height: 30, theme: .ascii, keys: [.enter]))
        out.append(Case(name: "filter-timeline-100x30-mono", screen: .timeline, width: 100, height: 30, theme: .mono, keys: [.char("/"), .char("v"), .char("i"), .char("s")]))
        out.append(Case(name: "target-deadline-2030-100x30-mono", screen: .target, width: 100, height: 30, theme: .mono, keys: [.char("+"), .char("+"), .char("+")]))
        out.append(Case(name: "target-detail-80x24-mono", screen: .target, width: 80, height: 24, theme: .mono, keys: [.enter]))
        out.append(Case(name: "too-small-59x20-mono", screen: .overview, width: 59, height: 20, theme: .mono))
        return out
    }()

    @Test(arguments: cases)
    func matchesGolden(_ c: Case) throws {
        var s = Fixture.state(Theme.named(c.theme), screen: c.screen, width: c.width, height: c.height)
        for k in c.keys { _ = Dashboard.update(&s, k) }
        let text = Fixture.text(s)
        try GoldenFile.check(text, name: c.name, in: Fixture.goldens, record: Self.record)
    }

    @Test func everyScreenHasAGoldenAtEverySize() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.goldens.path).filter { $0.hasSuffix(".txt") }
        // 8 screens × (2 + 2 + 1) sizes and themes = 40, and 7 overlays and states: 47.
        #expect(files.count >= 47)
        for c in Self.cases { #expect(files.contains(c.name + ".txt"), "no golden for \(c.name)") }
    }
}
