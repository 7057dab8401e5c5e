import Foundation
import Testing
import TradeModel
@testable import DashboardUI

/// Source addresses as links in the canvas (the front end turns them into OSC 8), and `o`.
@Suite struct LinksAndAddressTests {
    /// The addresses linked anywhere on a canvas, by the cells that carry them.
    func linkedTexts(_ c: Canvas) -> [String: String] {
        var out: [String: String] = [:]
        for y in 0..<c.height {
            for x in 0..<c.width { if let u = c.link(x: x, y: y) { out[u, default: ""] += c[x, y].text } }
        }
        return out
    }

    @Test func theSourcesTableLinksEachTitleToItsAddress() {
        let s = Fixture.state(screen: .sources, width: 120, height: 40)
        let c = Dashboard.render(s, width: 120, height: 40)
        let linked = linkedTexts(c)
        #expect(!linked.isEmpty)
        let urls = Set(Fixture.dataset.sources.compactMap(\.url))
        #expect(linked.keys.allSatisfy { urls.contains($0) }, "only the data's own addresses")
        // A title cut with an ellipsis still links to the whole address.
        #expect(linked.values.contains { $0.contains("…") })
        #expect(!c.text.contains("\u{1B}") && !c.ansiText().contains("\u{1B}]8"), "never an escape in text or ANSI output")
    }

    @Test func aDetailLinksItsAddressEvenWrappedAndTheListUnderItLosesItsLinks() {
        var s = Fixture.state(screen: .sources, width: 60, height: 30)
        // A source with a long address, selected, and its detail opened at 60 columns.
        let long = Fixture.dataset.sources.firstIndex { ($0.url?.count ?? 0) > 70 }!
        for _ in 0..<long { Fixture.press(&s, .char("j")) }
        Fixture.press(&s, .enter)
        let c = Dashboard.render(s, width: 60, height: 30)
        let url = Fixture.dataset.sources[long].url!
        let linked = linkedTexts(c)
        #expect(linked.keys.sorted() == [url], "the detail's own address only: the table under it is covered")
        #expect(linked[url].map { $0.replacingOccurrences(of: " ", with: "") }.map { url.hasPrefix($0) || $0.contains(url.prefix(40)) } == true, "\(linked)")
        // Its lines wrap: the link is on more than one row.
        let rows = Set((0..<c.height).filter { y in (0..<c.width).contains { c.link(x: $0, y: y) == url } })
        #expect(rows.count >= 2)
    }

    @Test func onlyWebAddressesAreLinks() {
        #expect(DetailText.linkTarget("https://a.org") == "https://a.org")
        #expect(DetailText.linkTarget("HTTP://a.org") == "HTTP://a.org")
        #expect(DetailText.linkTarget("file:///etc/passwd") == nil)
        #expect(DetailText.linkTarget("javascript:alert(1)") == nil)
        #expect(DetailText.linkTarget(nil) == nil)
    }

    @Test func linksFollowTheirTextWhenWrappedCutAndMerged() {
        let line: Line = [Span("a "), Span("https://example.org/very/long/path", link: "L")]
        let wrapped = TextLayout.wrap(line, width: 12)
        #expect(wrapped.count > 2)
        #expect(wrapped.dropFirst().allSatisfy { $0.allSatisfy { $0.link == "L" } })
        let cut = line.truncated(to: 10, ellipsis: "…")
        #expect(cut.last?.text == "…" && cut.last?.link == "L")
        #expect(([Span("x", link: "A"), Span("y", link: "B")] as Line).coalesced.count == 2, "two links stay two")
    }

    @Test func oOnSourcesShowsTheAddressAndYCopiesIt() throws {
        var s = Fixture.state(screen: .sources)
        let i = try #require(Fixture.dataset.sources.firstIndex { $0.url != nil })
        for _ in 0..<i { Fixture.press(&s, .char("j")) }
        let src = Fixture.dataset.sources[i]
        Fixture.press(&s, .char("o"))
        guard case .address(let o, let ids, nil) = s.mode else { Issue.record("no address overlay: \(s.mode)"); return }
        #expect(ids == [src.id])
        #expect(o.lines.contains { $0.plainText == src.url! }, "the address alone on its line")
        // Drawn without side borders: the address's row starts with it, nothing after it.
        let rows = Fixture.text(s).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if src.url!.count < 98 { #expect(rows.contains { $0.trimmingCharacters(in: .whitespaces) == src.url! }, "\(rows)") }
        let effects = Fixture.press(&s, .char("y"))
        #expect(effects == [.copy(text: src.url!, what: "1 address")])
        #expect(s.status?.text == "copied 1 address, \(src.url!.utf8.count) bytes")
        Fixture.press(&s, .escape)
        #expect(s.mode == .browsing)
    }

    @Test func oInADetailListsItsSourcesAndEscReturnsToIt() {
        var s = Fixture.state(screen: .trade)
        Fixture.press(&s, .enter)
        guard case .detail(let detail) = s.mode else { Issue.record("no detail"); return }
        Fixture.press(&s, .char("o"))
        guard case .address(_, let ids, let under) = s.mode else { Issue.record("no addresses"); return }
        #expect(!ids.isEmpty)
        #expect(under == detail)
        let effects = Fixture.press(&s, .char("y"))
        let urls = ids.compactMap { Fixture.dataset.source($0)?.url }
        #expect(effects == (urls.isEmpty ? [] : [.copy(text: urls.joined(separator: "\n"), what: urls.count == 1 ? "1 address" : "\(urls.count) addresses")]))
        Fixture.press(&s, .escape)
        #expect(s.mode == .detail(detail))
    }

    @Test func aSourceWithoutAnAddressSaysSoAndCopiesNothing() throws {
        var s = Fixture.state(screen: .sources)
        let i = try #require(Fixture.dataset.sources.firstIndex { $0.url == nil })
        for _ in 0..<i { Fixture.press(&s, .char("j")) }
        Fixture.press(&s, .char("o"))
        #expect(Fixture.text(s).contains("no address in the data (unknown)"))
        #expect(Fixture.press(&s, .char("y")).isEmpty)
        #expect(s.status?.text.hasPrefix("Nothing to copy") == true)
    }

    @Test func oWhereNoRowHasSourcesSaysSo() {
        var s = Fixture.state(screen: .overview)
        Fixture.press(&s, .char("o"))
        #expect(s.mode == .browsing)
        #expect(s.status?.text.hasPrefix("No source here") == true)
    }
}
