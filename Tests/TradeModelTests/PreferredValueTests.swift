import Testing
@testable import TradeModel

/// Issue 10 item 3, "one consistent series": which of several figures for a period the dashboard
/// uses. The rule: stated before derived; the figure most (stated) sources agree with, within
/// rounding (`ValueRange`); for derived figures, the one the sources' stated growth rates imply; then
/// the more precise; then the newer source, only where every remaining figure's source has a date
/// (a missing date never wins by default); then file order.
///
/// Sources (AF.sources): old 2022-03, mid 2023-06, new 2025-02; u1, u2, u3 undated.
/// Ranges used below (see AgreementTests): a 4-digit or 3-digit exact figure allows ±0.5 %; a
/// 2-digit one ± half of its last digit (270 M: 265–275 M); 1 digit likewise (100 M: 50–150 M).
@Suite struct PreferredValueTests {
    func preferred(_ d: Dataset, _ year: Int = 2021) -> TradeObservation? { d.preferred(.turnover, year: year) }

    @Test func twoAgreeingStatedSourcesBeatANewerDisagreeingOne() {
        // 254.3 M (old): 253.03–255.57; 254.5 M (mid): 253.23–255.77; 270 M (new): 265–275.
        // Support: 254.3 → 2 (itself, 254.5), 254.5 → 2, 270 → 1: the newest source loses.
        // 254.3 and 254.5 are equally precise (±0.5 %), both dated: the newer (mid 2023) wins.
        let d = AF.dataset([
            AF.obs(2021, 254.3e6, source: "old"),
            AF.obs(2021, 254.5e6, source: "mid"),
            AF.obs(2021, 270e6, source: "new"),
        ])
        #expect(preferred(d)?.usd == 254.5e6)
        #expect(d.preferredIndex(.turnover, period: Period(year: 2021)) == 1)
        #expect(d.support(of: 0, direction: .turnover) == 2)
        #expect(d.support(of: 1, direction: .turnover) == 2)
        #expect(d.support(of: 2, direction: .turnover) == 1)
    }

    @Test func theBriefsExampleWithAOneDigitFigure() {
        // 100 M (old), 100.2 M (mid), 120 M (new, the newest). 100 M has one significant digit but is
        // never taken as rounded more coarsely than its second digit (10 M): it allows 95–105 M and
        // agrees with 100.2 M (99.699–100.701) but not with 120 M (115–125): support 2, 2 and 1.
        // 100 M and 100.2 M tie on support; 100.2 M is given to 100 k, 100 M only to 100 M: 100.2 M
        // is the more precise and wins. The newest, 120 M, does not win.
        let d = AF.dataset([
            AF.obs(2021, 100e6, source: "old"),
            AF.obs(2021, 100.2e6, source: "mid"),
            AF.obs(2021, 120e6, source: "new"),
        ])
        #expect(preferred(d)?.usd != 120e6)
        #expect(preferred(d)?.usd == 100.2e6)
        #expect(d.support(of: 0, direction: .turnover) == 2)
        #expect(d.support(of: 1, direction: .turnover) == 2)
        #expect(d.support(of: 2, direction: .turnover) == 1)
    }

    @Test func agreementComesBeforePrecision() {
        // 254.3 M (u1, exact): 253.03–255.57, agrees with nothing else: support 1.
        // About 270 M (u2): 265–275; about 272 M (u3): ±max(0.5 M, 0.5 % = 1.36 M) = 270.64–273.36.
        // They agree: support 2 each. Then the more precise of the two: about 272 M (±0.5 %) over
        // about 270 M (±1.85 %). The exact 254.3 M loses although it is the most precise.
        let d = AF.dataset([
            AF.obs(2021, 254.3e6, source: "u1"),
            AF.obs(2021, 270e6, q: .about, source: "u2"),
            AF.obs(2021, 272e6, q: .about, source: "u3"),
        ])
        #expect(preferred(d)?.usd == 272e6)
    }

    @Test func morePreciseWinsAmongAgreeingFigures() {
        // About 250 M (new, newest, first in file) and 254.3 M (u1, undated) agree (support 2 each):
        // the exact 254.3 M is more precise and wins; neither the date nor the order decides.
        let d = AF.dataset([
            AF.obs(2021, 250e6, q: .about, source: "new"),
            AF.obs(2021, 254.3e6, source: "u1"),
        ])
        #expect(preferred(d)?.usd == 254.3e6)
        // Both dated, the about one newer: still the exact one.
        let e = AF.dataset([
            AF.obs(2021, 250e6, q: .about, source: "new"),
            AF.obs(2021, 254.3e6, source: "old"),
        ])
        #expect(preferred(e)?.usd == 254.3e6)
    }

    @Test func aMissingDateNeitherWinsNorLoses() {
        // 441 M (438.80–443.21) and 463 M (460.69–465.32) disagree: support 1 each, both ±0.5 %.
        // One source has no date, so the date cannot decide: the first in the file wins.
        let undatedFirst = AF.dataset([AF.obs(2021, 441e6, source: "u1"), AF.obs(2021, 463e6, source: "new")])
        #expect(preferred(undatedFirst)?.usd == 441e6)
        let datedFirst = AF.dataset([AF.obs(2021, 463e6, source: "new"), AF.obs(2021, 441e6, source: "u1")])
        #expect(preferred(datedFirst)?.usd == 463e6)
        // Both dated: the newer wins, wherever it is in the file.
        let bothDated = AF.dataset([AF.obs(2021, 463e6, source: "old"), AF.obs(2021, 441e6, source: "new")])
        #expect(preferred(bothDated)?.usd == 441e6)
        // None dated: file order.
        let noneDated = AF.dataset([AF.obs(2021, 463e6, source: "u2"), AF.obs(2021, 441e6, source: "u1")])
        #expect(preferred(noneDated)?.usd == 463e6)
    }

    @Test
    func figuresToTheSameUnitAreEquallyPrecise() {
        // About 440 M (u1, first) and about 460 M (new): both to the nearest 10 M (±5 M), disagree
        // (435–445 vs 455–465), support 1 each. Equally precise, one undated → file order: 440 M.
        // (precisionRank ranks by width ÷ value: 10/440 = 22.7 ‰ → 23, 10/460 = 21.7 ‰ → 22, so 460 M.)
        let d = AF.dataset([
            AF.obs(2021, 440e6, q: .about, source: "u1"),
            AF.obs(2021, 460e6, q: .about, source: "new"),
        ])
        #expect(preferred(d)?.usd == 440e6)
    }

    @Test func exactBeforeABound() {
        // Over 555 M (new) and 560 M (u1) agree (support 2 each): the exact figure is more precise.
        let d = AF.dataset([AF.obs(2024, 555e6, q: .over, source: "new"), AF.obs(2024, 560e6, source: "u1")])
        #expect(preferred(d, 2024)?.usd == 560e6)
    }

    @Test func statedBeforeDerived() {
        // A derived 254.3 M from the newest source, first in the file, against a stated about 250 M
        // (undated): the stated figure wins whatever its precision or date.
        let d = AF.dataset([
            AF.obs(2021, 254.3e6, kind: .derived, source: "new"),
            AF.obs(2021, 250e6, q: .about, source: "u1"),
        ])
        #expect(preferred(d)?.usd == 250e6)
        #expect(preferred(d)?.kind == .stated)
    }

    @Test func aSourceRepeatingAFigureCountsOnce() {
        // new (the newest) states 270.3 M twice; old 254.3 M, mid 254.5 M (agreeing). All ±0.5 %.
        // Counted per source: 270.3 → 1, 254.3 → 2, 254.5 → 2 → of the two, the newer: 254.5 M (mid).
        // (Counted per row, 270.3 M would tie at 2 and win as the newest.)
        let d = AF.dataset([
            AF.obs(2021, 270.3e6, source: "new"),
            AF.obs(2021, 270.3e6, source: "new"),
            AF.obs(2021, 254.3e6, source: "old"),
            AF.obs(2021, 254.5e6, source: "mid"),
        ])
        #expect(preferred(d)?.usd == 254.5e6)
        #expect(d.support(of: 0, direction: .turnover) == 1)
    }

    @Test
    func oneSourceWithTwoCloseFiguresCountsOnce() {
        // new states 270.1 M (268.75–271.45) and 270.3 M (268.95–271.65); old 254.3 M, mid 254.5 M.
        // "Most stated sources agree with": 270.x is supported by one source (new), 254.x by two
        // (old, mid) → 254.5 M (the newer of old and mid). All four are ±0.5 %, all dated.
        // (Counting figures: 2 against 2, then the newest source, new, wins with 270.1 M.)
        let d = AF.dataset([
            AF.obs(2021, 270.1e6, source: "new"),
            AF.obs(2021, 270.3e6, source: "new"),
            AF.obs(2021, 254.3e6, source: "old"),
            AF.obs(2021, 254.5e6, source: "mid"),
        ])
        #expect(preferred(d)?.usd == 254.5e6)
        #expect(d.support(of: 0, direction: .turnover) == 1)
    }

    // MARK: Derived figures: the one the stated growth rates imply

    /// 2022 derived about 460 M (new) and about 440 M (u1); 2023 563 M stated (560.185–565.815 M).
    /// A stated +28 % (27.5–28.5 %) implies 2022 = 560.185/1.285 – 565.815/1.275 = 435.94–443.78 M:
    /// about 440 M (435–445) agrees, about 460 M (455–465) does not. +22.5 % (22–23 %) implies
    /// 563 × 0.995/1.23 – 563 × 1.005/1.22 = 455.43–463.78 M: about 460 M agrees, 440 M does not.
    static func derivedOnly(growth28: [String], growth225: [String]) -> Dataset {
        var trade = [
            AF.obs(2022, 460e6, q: .about, kind: .derived, source: "new"),
            AF.obs(2022, 440e6, q: .about, kind: .derived, source: "u1"),
        ]
        trade += growth28.map { AF.obs(2023, 563e6, growth: 0.28, source: $0) }
        trade += growth225.map { AF.obs(2023, nil, growth: 0.225, source: $0) }
        return AF.dataset(trade)
    }

    @Test func derivedOnlyPeriodTakesTheValueMostStatedGrowthRatesImply() {
        // +28 % by u1 and mid, +22.5 % by new: about 440 M (support 2) over about 460 M (support 1),
        // although 460 M is first in the file and from the newest source.
        let d = Self.derivedOnly(growth28: ["u1", "mid"], growth225: ["new"])
        #expect(preferred(d, 2022)?.usd == 440e6)
        #expect(preferred(d, 2022)?.source == "u1")
        #expect(d.support(of: 1, direction: .turnover) == 2)   // 440 M
        #expect(d.support(of: 0, direction: .turnover) == 1)   // 460 M
        // The other way round: +22.5 % by two sources, +28 % by one → about 460 M.
        let e = Self.derivedOnly(growth28: ["u1"], growth225: ["new", "mid"])
        #expect(preferred(e, 2022)?.usd == 460e6)
        #expect(e.support(of: 0, direction: .turnover) == 2)
        #expect(e.support(of: 1, direction: .turnover) == 1)
    }

    @Test func derivedOnlyPeriodUsesThisPeriodsStatedGrowthOnThePreviousValue() {
        // 2021 254.3 M stated (253.03–255.57); 2022 has no stated value, but u2 and u3 state +73 %
        // (72.5–73.5 %): 253.0285 × 1.725 – 255.5715 × 1.735 = 436.47–443.42 M, which about 440 M
        // (435–445) meets and about 460 M (455–465) does not → 440 M, support 2.
        let d = AF.dataset([
            AF.obs(2021, 254.3e6, source: "old"),
            AF.obs(2022, 460e6, q: .about, kind: .derived, source: "new"),
            AF.obs(2022, 440e6, q: .about, kind: .derived, source: "u1"),
            AF.obs(2022, nil, growth: 0.73, source: "u2"),
            AF.obs(2022, nil, growth: 0.73, source: "u3"),
        ])
        #expect(preferred(d, 2022)?.usd == 440e6)
        #expect(d.support(of: 2, direction: .turnover) == 2)
        #expect(d.support(of: 1, direction: .turnover) == 0)
    }

    // MARK: The bundled data

    @Test func bundled2022IsTheValueThe28PercentImplies() throws {
        // 2022: about 440 M (inform-kz-four-fold, undated) and about 460 M (newscentralasia-2024-05-03,
        // dated). 2023: 563 M +28 % by inform-kz-four-fold and astana-times-2024-05, +22.5 % by
        // newscentralasia-2024-05-03: 440 M is implied by two sources, 460 M by one (computation in
        // `derivedOnly`) → about 440 M.
        let d = AF.bundled
        let p = try #require(preferred(d, 2022))
        #expect(p.usd == 440e6)
        #expect(p.qualifier == .about && p.kind == .derived)
        #expect(p.source == "inform-kz-four-fold")
        let i440 = try #require(d.wholeGoodsPositions(.turnover, period: Period(year: 2022)).first { d.trade[$0].usd == 440e6 })
        let i460 = try #require(d.wholeGoodsPositions(.turnover, period: Period(year: 2022)).first { d.trade[$0].usd == 460e6 })
        #expect(d.support(of: i440, direction: .turnover) == 2)
        #expect(d.support(of: i460, direction: .turnover) == 1)
    }

    @Test func bundled2021IsThePreciseFigure() {
        // 254.3 M (two sources) and about 250 M agree; 254.3 M is exact: it wins. Of the two 254.3 M
        // rows, yerzemin-214820 (2022) and business-com-tm-9249 (undated): not all dated → file order.
        let p = preferred(AF.bundled, 2021)
        #expect(p?.usd == 254.3e6)
        #expect(p?.source == "yerzemin-214820")
    }

    @Test func aYearOnlyDateTiesWithTheDatesOfItsYear() {
        // Two figures that disagree, each stated once, equally precise (both to 100 k): support 1 each. One
        // source is dated 2024 (year only), the other 5 Jan 2024: the year-only date says nothing
        // about which is newer, so the first in the file wins. A source dated 2025 would win.
        var d = AF.dataset([AF.obs(2021, 100.2e6, source: "yearOnly"), AF.obs(2021, 120.4e6, source: "fullDate")])
        d.sources = [Source(id: "yearOnly", publisher: "A", date: DateValue(year: 2024)),
                     Source(id: "fullDate", publisher: "B", date: DateValue(year: 2024, month: 1, day: 5))]
        #expect(d.preferred(.turnover, year: 2021)?.usd == 100.2e6)
        d.sources[1].date = DateValue(year: 2025, month: 1, day: 5)
        #expect(d.preferred(.turnover, year: 2021)?.usd == 120.4e6, "a later year decides")
    }
}
