import Testing
import TradeModel
@testable import DashboardUI

/// Transport volumes on the Infrastructure screen: bars by period, the both-directions total
/// preferred, the sum of the two directions derived, conflicts marked `!`, plans and unknowns said.
@Suite struct TransportChartTests {
    static let d = GoodsFixture.dataset
    static var rail: Indicator { d.indicators.first { $0.id == "rail-cargo" }! }

    static func figure(_ label: String) -> TransportChart.Figure? {
        TransportChart.figures(d, rail).first { $0.period.label == label }
    }

    @Test func conflictingValuesOfAPeriodAreMarked() {
        // 2019: "over 1.245" and "1" from two sources cannot both be true.
        let f = Self.figure("2019")!
        #expect(f.conflict)
        #expect(TransportChart.valueText(f) == "1!", "the exact figure is shown, marked")
        #expect(f.note == "2019: sources disagree: >1.245 [press-c], 1 [press-b]")
        // Figures that agree within their rounding are no conflict; one source never conflicts with itself.
        let agree = Indicator(id: "a", title: "a", unit: .Mt, values: [
            IndicatorValue(period: Period(year: 2023), value: 1.3, source: "x"),
            IndicatorValue(period: Period(year: 2023), value: 1.3, qualifier: .about, source: "y"),
            IndicatorValue(period: Period(year: 2024), value: 1, source: "x"), IndicatorValue(period: Period(year: 2024), value: 2, source: "x")])
        #expect(TransportChart.figures(Self.d, agree).allSatisfy { !$0.conflict })
        // A conflict between the values of one direction marks the bar too.
        let directional = Indicator(id: "b", title: "b", unit: .Mt, values: [
            IndicatorValue(period: Period(year: 2022), from: "KZ", to: "TM", value: 1, source: "x"),
            IndicatorValue(period: Period(year: 2022), from: "KZ", to: "TM", value: 2, source: "y"),
            IndicatorValue(period: Period(year: 2022), from: "TM", to: "KZ", value: 0.2, source: "x")])
        #expect(TransportChart.figures(Self.d, directional).first?.conflict == true)
    }

    @Test func totalsArePreferredAndTheDirectionsSummedWhenThereIsNone() {
        // 2020 Jan–Mar has a total and both directions: the total is shown, partial.
        let q1 = Self.figure("2020 Jan–Mar")!
        #expect(q1.value == 0.27296 && !q1.derived && q1.direction == nil)
        // Its parts, from the same source, add to 0.282959 Mt: the total fails the arithmetic (#).
        #expect(q1.check && TransportChart.valueText(q1) == "0.273#")
        #expect(q1.note == "2020 Jan–Mar: the two directions add up to 0.283, not 0.273 [press-c]")
        // 2022 has only the two directions: their sum, derived, about (both are "about").
        let y2022 = Self.figure("2022")!
        #expect(abs(y2022.value! - 1.2) < 1e-9 && y2022.derived)
        #expect(TransportChart.valueText(y2022) == "~1.2*")
        #expect(y2022.note == "2022: KZ→TM ~1 + TM→KZ ~0.2 (the sum is ours*)")
        // One direction alone is named on its bar.
        let one = Indicator(id: "c", title: "c", unit: .Mt, values: [IndicatorValue(period: Period(year: 2021), from: "TM", to: "KZ", value: 0.3, source: "x")])
        let f = TransportChart.figures(Self.d, one)[0]
        #expect(TransportChart.label(f) == "2021 TM→KZ" && !f.derived)
    }

    @Test func barsByYearWithTheMissingYearsShown() {
        let labels = TransportChart.figures(Self.d, Self.rail).map { TransportChart.label($0) }
        #expect(labels == ["2018", "2019", "2020 Jan–Mar", "2021", "2022", "2023", "2024", "2025 Jan–Oct"])
        #expect(Self.figure("2021")?.value == nil)
        let lines = TransportChart.bars(TransportChart.figures(Self.d, Self.rail), width: 40, eighths: ["#"], ascii: true).map(\.plainText)
        // 40 columns: the label (12), the bar (19), the value ("unknown" is the widest, 7), two spaces.
        #expect(lines[6] == "2024         " + String(repeating: "#", count: 19) + "     1.6", "the largest fills the bar")
        #expect(lines[5] == "2023         " + String(repeating: "#", count: 15) + "         1.3", "1.3 / 1.6 of 19 cells, rounded")
        #expect(lines[3].hasSuffix("unknown"))
        #expect(lines.allSatisfy { $0.count == 40 })
    }

    @Test func plansAndIndicatorsWithoutValues() {
        let list = TransportChart.indicators(Self.d)
        #expect(list.map(\.id) == ["rail-cargo", "line-capacity", "sea-cargo"])
        let (title, chart) = TransportChart.layout(Self.d, list, boxWidth: 80, rows: 30, eighths: ["#"], ascii: true)
        let lines = chart.map(\.plainText)
        #expect(title == "Transport volumes: Rail cargo between Kazakhstan and Turkmenistan (Mt)")
        #expect(lines.contains("line capacity: plan 2030 20 Mt/yr [press-a]"), "an indicator of plans alone: one line")
        #expect(lines.contains("sea cargo: unknown"))
        #expect(lines.contains("2019: sources disagree: >1.245 [press-c], 1 [press-b]"))
        // Too few rows: the latest bars, and the title says so.
        let (short, few) = TransportChart.layout(Self.d, list, boxWidth: 36, rows: 7, eighths: ["#"], ascii: true)
        #expect(short == "rail cargo (Mt), latest 4 of 8")
        // The plan of line capacity wraps onto two lines rather than being cut; sea cargo takes one.
        // 34 columns: label 12, value 5 ("~1.2*"), bars of 15 cells: 1.6 fills them, 1.5 → 14, 1.3 → 12, 1.2 → 11.
        #expect(few.map(\.plainText) == ["2022         ###########     ~1.2*", "2023         ############      1.3", "2024         ###############   1.6",
                                          "2025 Jan-Oct ##############    1.5", "line capacity: plan 2030 20 Mt/yr", "  [press-a]", "sea cargo: unknown"])
        // A plan under the bars of its own indicator.
        var withPlan = Self.rail
        withPlan.values.append(IndicatorValue(period: Period(year: 2030), value: 20, planned: true, source: "press-a"))
        #expect(TransportChart.layout(Self.d, [withPlan], boxWidth: 62, rows: 30, eighths: ["#"], ascii: true).lines.map(\.plainText).contains("plan 2030: 20 Mt [press-a]"))
        // Indicators of deals only are left to the Energy screen's details.
        var d = Self.d
        d.deals = [Deal(id: "gas-deal", title: "Gas", sector: "gas", parties: ["A", "B"], status: .signed, sources: ["press-a"])]
        d.indicators.append(Indicator(id: "gas", title: "Gas delivered", unit: .bcm, related: ["gas-deal"]))
        #expect(!TransportChart.indicators(d).contains { $0.id == "gas" })
        // ... where the deal's detail says, under its volumes, that the delivered volume is unknown.
        let deal = EnergyScreen.detail(d, d.deals[0]).lines.map(\.plainText)
        let k = deal.firstIndex { $0.hasPrefix("Volume: ") }
        #expect(k != nil && deal[k! + 1] == "  Gas delivered (bcm): unknown (no figure found)")
    }

    @Test func theInfrastructureScreenShowsTheChartAndTheDetailEveryValue() {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let text = GoodsFixture.text(GoodsFixture.state(screen: .infrastructure, width: w, height: h))
            #expect(text.contains("rail cargo (Mt)") || text.contains("Transport volumes: Rail cargo"), "\(w)x\(h)")
            #expect(text.contains("~1.2*") && text.contains("1.6"), "\(w)x\(h)")
            #expect(text.contains("sea cargo: unknown"), "\(w)x\(h)")
        }
        let big = GoodsFixture.text(GoodsFixture.state(screen: .infrastructure, width: 200, height: 60))
        #expect(big.contains("2019") && big.contains("1!"))
        var s = GoodsFixture.state(screen: .infrastructure, width: 100, height: 40)
        Fixture.press(&s, .enter)
        let detail = GoodsFixture.text(s)
        for expected in ["Rail cargo between Kazakhstan and Turkmenistan (Mt)", "2019  both directions  >1.245! [press-c]", "2019  both directions  1! [press-b]",
                         "2020 Jan–Mar  KZ→TM  0.256 [press-c]", "2022  TM→KZ  ~0.2 [press-b]", "2030 plan  both directions  20 [press-a]"] {
            #expect(detail.contains(expected), "missing \(expected)")
        }
    }

    @Test func withoutIndicatorsTheMapKeepsItsPlace() {
        var s = Fixture.state(.mono, screen: .infrastructure, width: 80, height: 24)
        s.dataset.indicators = []
        #expect(InfrastructureScreen.mapAndChart(s, Rect(x: 0, y: 10, width: 80, height: 9)).chart == nil)
        let g = GoodsFixture.state(screen: .infrastructure, width: 80, height: 24)
        let (map, chart) = InfrastructureScreen.mapAndChart(g, Rect(x: 0, y: 10, width: 80, height: 9))
        #expect(map?.width == 44 && chart?.width == 36, "beside the map when it is low")
        let (tallMap, tallChart) = InfrastructureScreen.mapAndChart(g, Rect(x: 0, y: 10, width: 70, height: 25))
        // 8 bars, 3 notes (2019, 2020 Jan–Mar, 2022), 2 indicators without bars of 2 rows each, the box.
        #expect(TransportChart.wantedRows(g.dataset, TransportChart.indicators(g.dataset)) == 17)
        #expect(tallChart?.height == 15)
        #expect(tallMap?.height == 10, "under the map when it is tall; the map keeps 10 rows")
    }
}

/// Gas and power volumes are the Energy screen's: each energy indicator a row after the deals (an
/// empty one "unknown"), its values in the detail; the Infrastructure chart keeps to transport.
@Suite struct EnergyIndicatorRowsTests {
    @Test func energyIndicatorsAreRowsOfTheEnergyScreen() throws {
        let text = Fixture.text(Fixture.state(.mono, screen: .energy, width: 120, height: 40))
        let gas = try #require(text.split(separator: "\n").first { $0.contains("Turkmen gas delivered to Kazakhstan") })
        #expect(gas.contains("unknown") && !gas.contains("bcm"), "\(gas)")
        let transit = try #require(text.split(separator: "\n").first { $0.contains("Transit of Turkmen and Uzbek gas") })
        #expect(transit.contains("plan only") && transit.contains("37.1 bcm plan") && transit.contains("2024"), "\(transit)")
        #expect(!text.contains("both directions"), "a gas transit has no direction of the pair")
        let infra = Fixture.text(Fixture.state(.mono, screen: .infrastructure, width: 120, height: 40))
        #expect(!infra.contains("37.1") && !infra.contains("gas transit"))
        #expect(infra.contains("rail cargo"))
    }

    @Test func anIndicatorRowsDetailListsItsValuesOrSaysUnknown() throws {
        let d = Fixture.dataset
        let transit = try #require(d.indicators.first { $0.values.contains { $0.planned } && TransportChart.isEnergy($0) })
        let detail = EnergyScreen.detail(d, transit).lines.map(\.plainText)
        #expect(detail.contains { $0.contains("2024 plan") && $0.contains("37.1") && $0.contains("[\(transit.values[0].source)]") }, "\(detail)")
        let empty = try #require(d.indicators.first { $0.values.isEmpty && TransportChart.isEnergy($0) })
        #expect(EnergyScreen.detail(d, empty).lines.map(\.plainText).contains("Values: unknown (no figure found)"))
        #expect(EnergyScreen.cells(empty).map(\.plainText) == [empty.title, empty.unit.dimension == .gas ? "gas" : "power", "—", "no figure", "unknown", "unknown"])
    }
}
