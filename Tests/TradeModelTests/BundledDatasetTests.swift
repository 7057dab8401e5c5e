import Foundation
import Testing
@testable import TradeModel

/// The bundled Kazakhstan–Turkmenistan dataset: it loads without a single problem, and its key figures
/// are those of the shared facts file (facts/kazakhstan-turkmenistan.md), each with its source.
@Suite struct BundledDatasetTests {
    static func load() throws -> Dataset {
        do {
            return try DatasetLoader.load(path: BundledDataset.sourceTreePath)
        } catch {
            Issue.record("the bundled dataset does not load:\n\(error.description)")
            throw error
        }
    }

    func turnover(_ d: Dataset, _ year: Int, months: ClosedRange<Int>? = nil) -> [TradeObservation] {
        d.trade.filter { $0.flow == .turnover && $0.period == Period(year: year, months: months) }
    }

    @Test func loadsWithZeroProblems() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: BundledDataset.sourceTreePath)))
        let (dataset, problems) = DatasetLoader.decode(try JSONParser.parse(bytes))
        #expect(problems.isEmpty, "\(problems.map(\.description))")
        #expect(dataset != nil)
        let d = try Self.load()
        #expect(d.schema == 1)
        #expect(d.countries.map(\.code) == ["KZ", "TM"])
        #expect(d.countries.map(\.isoNumeric) == [398, 795])
        #expect(d.countries.map(\.iso3) == ["KAZ", "TKM"])
        // The newest fact: PRIME, 22 February 2026 (facts D3); the note says so.
        #expect(d.asOf == DateValue(year: 2026, month: 2, day: 22))
        #expect(d.note?.contains("22 February 2026") == true && d.note?.contains("1prime.ru") == true)
        #expect(d.sources.contains { $0.date == d.asOf && $0.url?.contains("1prime.ru") == true })
    }

    @Test func turnover2021KeepsBothSources() throws {
        let d = try Self.load()
        let obs = turnover(d, 2021)
        #expect(obs.filter { $0.usd == 254.3e6 }.count == 2, "254.3 M is stated by two sources")
        let precise = try #require(obs.first { $0.usd == 254.3e6 })
        let rounded = try #require(obs.first { $0.usd == 250e6 })
        #expect(precise.kind == .stated && rounded.kind == .stated)
        #expect(precise.source != rounded.source)
        #expect(rounded.qualifier == .about)
        #expect(d.source(rounded.source)?.publisher == "The Astana Times (presidential press office)")
        #expect(d.source(rounded.source)?.date == DateValue(year: 2022, month: 10, day: 15))
        // "About 250 M" is rounded to 10 M (245–255 M), and 254.3 M rounds to it: rounding is not a
        // conflict, so 2021 has none.
        #expect(!d.conflicts.contains { $0.key.period == Period(year: 2021) })
        #expect(d.agree(precise, rounded))
    }

    @Test func turnover2023HasTwoStatedGrowthRates() throws {
        let d = try Self.load()
        let obs = turnover(d, 2023)
        #expect(obs.count == 5)
        // Two sources bound 2023 (and 2024) at over 500 M: they agree with 563 M.
        let bounds = obs.filter { $0.qualifier == .over }
        #expect(bounds.map(\.usd) == [500e6, 500e6] && Set(bounds.map(\.source)).count == 2)
        #expect(bounds.allSatisfy { b in obs.filter { $0.usd == 563e6 }.allSatisfy { d.agree(b, $0) } })
        // 563 M, +28 %: stated by two sources that agree.
        let agreeing = obs.filter { $0.usd == 563e6 }
        #expect(agreeing.count == 2)
        #expect(Set(agreeing.map(\.source)).count == 2)
        #expect(agreeing.allSatisfy { $0.kind == .stated && $0.growth == 0.28 })
        let main = try #require(agreeing.first)
        let other = try #require(obs.first { $0.growth == 0.225 })
        #expect(other.kind == .stated)
        #expect(other.usd == nil, "the Ministry of Industry's value is not known")
        #expect(other.source != main.source)
        #expect(d.conflicts.contains { $0.key.period == Period(year: 2023) && $0.kind == .growth })
    }

    @Test func derivedValuesAreMarkedDerived() throws {
        let d = try Self.load()
        let y2020 = turnover(d, 2020)
        #expect(y2020.contains { $0.usd == 130e6 && $0.qualifier == .about && $0.kind == .derived })
        #expect(y2020.contains { $0.usd == 125e6 && $0.qualifier == .under && $0.kind == .derived })
        #expect(turnover(d, 2020, months: 1...10).map(\.usd) == [109.7e6])
        let y2022 = turnover(d, 2022)
        #expect(Set(y2022.map(\.usd)) == [440e6, 460e6])
        #expect(y2022.allSatisfy { $0.kind == .derived && $0.qualifier == .about })
        let janJul = turnover(d, 2022, months: 1...7)
        #expect(janJul.map(\.usd) == [228.8e6, 228.8e6])
        #expect(janJul.allSatisfy { $0.kind == .stated })
        #expect(Set(janJul.map(\.source)).count == 2)
        // Every derived figure says how it was derived.
        for o in d.trade where o.kind == .derived {
            #expect(!(o.note ?? "").isEmpty, "\(o.period.label) \(o.flow) has no note")
        }
    }

    @Test func figures2024And2011To2012() throws {
        let d = try Self.load()
        let t = turnover(d, 2024)
        #expect(t.count == 3)
        #expect(t.first?.usd == 555e6)
        #expect(t.first?.qualifier == .over)
        #expect(t.first?.kind == .stated)
        // The two "over 500 M" bounds (facts D1) are older and looser: over 555 M stays the preferred figure.
        #expect(t.dropFirst().allSatisfy { $0.usd == 500e6 && $0.qualifier == .over && $0.kind == .stated })
        #expect(d.preferred(.turnover, year: 2024)?.usd == 555e6)
        // The quarter and the half-year (facts D1).
        #expect(Set(turnover(d, 2024, months: 1...3).map(\.usd)) == [105e6, 100e6])
        #expect(turnover(d, 2024, months: 1...6).map(\.usd) == [237.2e6])
        let exports = d.trade.filter { $0.period == Period(year: 2024) && $0.flow == .exports }
        #expect(exports.count == 1)
        #expect(exports.first?.from == "KZ" && exports.first?.to == "TM")
        #expect(exports.first?.usd == 335e6 && exports.first?.kind == .stated)
        let imports = d.trade.filter { $0.period == Period(year: 2024) && $0.flow == .imports }
        #expect(imports.first?.from == "TM" && imports.first?.to == "KZ")
        #expect(imports.first?.usd == 220e6 && imports.first?.kind == .derived && imports.first?.qualifier == .over,
                "derived from a lower bound (over 555 M), so itself a lower bound")
        #expect(d.latestFullYear == 2024)
        #expect(d.value(.turnover, year: 2024) == 555e6)
        #expect(turnover(d, 2011).map(\.usd) == [183e6])
        #expect(turnover(d, 2012).first?.usd == 345e6)
        #expect(turnover(d, 2012).first?.growth == 0.9)
    }

    @Test func partial2025IsJanuaryToSeptember() throws {
        let d = try Self.load()
        let t = try #require(turnover(d, 2025, months: 1...9).first)
        #expect(!t.period.isFullYear)
        #expect(t.period.months == 1...9)
        #expect(t.period.monthCount == 9)
        #expect(t.usd == 363.6e6 && t.growth == 0.054 && t.kind == .stated)
        #expect(turnover(d, 2025).isEmpty, "no full-year 2025 figure exists")
        let exports = try #require(d.trade.first { $0.period.year == 2025 && $0.flow == .exports })
        #expect(exports.period.months == 1...9)
        #expect(exports.usd == 221.7e6 && exports.growth == 0.068 && exports.from == "KZ" && exports.to == "TM")
        let imports = try #require(d.trade.first { $0.period.year == 2025 && $0.flow == .imports })
        // "141,…" M, cut after the comma (facts D1): over 141 M, stated, +3.2 %; and 363.6 − 221.7 = 141.9 M derived.
        #expect(imports.period.months == 1...9 && imports.kind == .stated && imports.qualifier == .over)
        #expect(imports.usd == 141e6 && imports.growth == 0.032)
        let derived = d.trade.filter { $0.period == Period(year: 2025, months: 1...9) && $0.flow == .imports && $0.kind == .derived }
        #expect(derived.map(\.usd) == [141.9e6])
        #expect(d.preferred(.goods(from: "TM", to: "KZ"), period: Period(year: 2025, months: 1...9))?.usd == 141e6, "stated before derived")
        // January–September 2024 ≈ 363.6 ÷ 1.054 = 345 M, derived (facts D1).
        let before = turnover(d, 2024, months: 1...9)
        #expect(before.map(\.usd) == [345e6] && before.first?.kind == .derived && before.first?.qualifier == .about)
        // A partial year never becomes the latest full year.
        #expect(d.latestFullYear != 2025)
    }

    @Test func targetIsOneBillionByADerived2027() throws {
        let d = try Self.load()
        #expect(d.targets.count == 1)
        let t = try #require(d.targets.first { $0.id == "trade-1bn" })
        #expect(t.usd == 1e9)
        #expect(t.metric == .turnover)
        #expect(t.set == DateValue(year: 2022, month: 10, day: 15))
        #expect(t.deadline == 2027)
        #expect(t.deadlineKind == .derived)
        #expect(!(t.deadlineNote ?? "").isEmpty)
        #expect(t.sources.count >= 3)
    }

    @Test func energyDeals() throws {
        let d = try Self.load()
        // The seed reports the gas import deal as signed but gives no date of signing.
        let gas = try #require(d.deals.first { $0.parties == ["QazaqGaz", "Turkmengaz"] && $0.status == .signed && $0.sources.contains("seed-astana-times-2022-10") })
        // The seed gives no date of signing; facts D3 date the contract 15 October 2022 (sknews.kz).
        #expect(gas.milestones.first { $0.source == "seed-astana-times-2022-10" }?.date == nil)
        #expect(gas.firstDate == DateValue(year: 2022, month: 10, day: 15))
        #expect(gas.milestones.first { $0.date == gas.firstDate }?.source == "sknews-qazaqgaz-turkmengaz")
        #expect(gas.sector == "gas")
        let volume = try #require(d.deals.flatMap(\.volumes).first { $0.unit == "bcm/yr" })
        #expect(volume.value == 1.5 && volume.qualifier == .upTo)
        #expect(d.deals.contains { $0.firstDate == DateValue(year: 2024, month: 10, day: 10) && $0.status == .signed })
        #expect(d.deals.contains { $0.sector == "gas-chemistry" && $0.status == .proposed })
    }

    @Test func infrastructure() throws {
        let d = try Self.load()
        let road = try #require(d.projects.first { $0.id == "road-turkmenbashi-garabogaz-border" })
        #expect(road.kind == .road)
        #expect(road.length?.value == 225 && road.length?.unit == "km")
        #expect(road.places.first == "turkmenbashi" && road.places.last == "garabogaz")
        #expect(road.milestones.contains { $0.date == DateValue(year: 2022, month: 8, day: 8) })
        #expect(road.milestones.contains { $0.date == DateValue(year: 2025, month: 11, day: 2) })
        #expect(d.projects.contains { $0.kind == .bridge && $0.length?.value == 354 && $0.length?.unit == "m" })
        #expect(d.projects.contains { $0.kind == .road && $0.length?.value == 164 })
        #expect(d.projects.contains { $0.kind == .borderCrossing })
        let grain = try #require(d.projects.first { $0.kind == .terminal })
        #expect(grain.status == .planned && grain.places == ["serhetabat"] && grain.capacity.first?.value == 100_000)
        let rail = try #require(d.projects.first { $0.kind == .rail })
        #expect(rail.milestones.contains { $0.date == DateValue(year: 2014, month: 12, day: 3) && $0.status == .operational })
        #expect(d.projects.contains { $0.places == ["kuryk"] && $0.capacity.contains { $0.value == 4.1 && $0.unit == "Mt/yr" } })
        #expect(d.projects.contains { $0.places == ["turkmenbashi"] && $0.capacity.contains { $0.value == 400_000 } })
    }

    @Test func diplomaticRelationsSince1992IsDerived() throws {
        let d = try Self.load()
        let since = try #require(d.relationship.diplomaticRelationsSince)
        #expect(since.year == 1992 && since.kind == .derived)
        // The seed's two, and "over 500 M, stable" of November 2025 from two sources (no value, no year: facts D1).
        #expect(d.relationship.notes.count == 4)
        #expect(d.relationship.notes.filter { $0.text.contains("over USD 500 M") }.count == 2)
        #expect(d.exportPotential.contains { $0.categories == 80 && $0.from == "KZ" && $0.to == "TM" })
        #expect(d.exportPotential.contains { $0.commodities == ["wheat"] })
    }

    @Test func visitsAreOnTheTimeline() throws {
        let d = try Self.load()
        let dates = Set(d.events.map(\.date.iso))
        for day in ["2021-10-25", "2022-10-14", "2022-10-15", "2024-10-10", "2025-11-24", "2014-12-03", "2018-05-02", "2025-11-02",
                    "2023-10-31", "2025-04-22", "2025-12", "2026-02-22"] {
            #expect(dates.contains(day), "no event on \(day)")
        }
        let stateVisit = try #require(d.events.first { $0.date.iso == "2025-11-24" })
        #expect(stateVisit.endDate == DateValue(year: 2025, month: 11, day: 25))
    }

    /// Every reference in the file names something the file defines (the loader checks this too; this
    /// test walks the model so that a loader bug cannot hide a dangling reference).
    @Test func everySourceAndPlaceResolves() throws {
        let d = try Self.load()
        let sources = Set(d.sources.map(\.id))
        var cited = [String]()
        cited += d.trade.map(\.source)
        cited += d.targets.flatMap(\.sources)
        cited += d.deals.flatMap { $0.sources + $0.milestones.map(\.source) + $0.volumes.compactMap(\.source) }
        cited += d.projects.flatMap { $0.sources + $0.milestones.map(\.source) + $0.capacity.compactMap(\.source) + [$0.length?.source].compactMap { $0 } }
        cited += d.events.flatMap(\.sources)
        cited += d.exportPotential.map(\.source)
        cited += d.composition.map(\.source) + d.indicators.flatMap { $0.values.map(\.source) }
        cited += d.relationship.notes.map(\.source) + [d.relationship.diplomaticRelationsSince?.source].compactMap { $0 }
        for id in cited { #expect(sources.contains(id), "unknown source \(id)") }
        // Every source is cited by something.
        for s in d.sources { #expect(!d.citations(of: s.id).isEmpty, "source \(s.id) is cited by nothing") }
        let places = Set(d.places.map(\.id))
        for id in d.projects.flatMap(\.places) + d.events.flatMap(\.places) { #expect(places.contains(id), "unknown place \(id)") }
        let codes = Set(d.countries.map(\.code))
        for p in d.places { #expect(codes.contains(p.country)) }
        for o in d.trade where o.flow != .turnover { #expect(codes.contains(o.from ?? "") && codes.contains(o.to ?? "")) }
    }

    /// Facts D4: rail cargo is data, not milestone titles; 2019's two figures are both kept and conflict;
    /// the first quarter of 2020 keeps its total and parts as given although they do not add up.
    @Test func railCargoIsAnIndicatorWithItsConflict() throws {
        let d = try Self.load()
        let rail = try #require(d.indicators.first { $0.id == "rail-cargo-kz-tm" })
        #expect(rail.unit == .Mt && rail.related == ["railway-north-south"])
        let y2019 = rail.values.indices.filter { rail.values[$0].period == Period(year: 2019) }
        #expect(y2019.map { rail.values[$0].value } == [1.245, 1])
        #expect(rail.conflicts.map { [$0.0, $0.1] } == [y2019])
        let q1 = rail.values.filter { $0.period == Period(year: 2020, months: 1...3) && $0.source == "trend-az-3298182" }
        let total = try #require(q1.first { $0.from == nil }), there = try #require(q1.first { $0.from == "KZ" }), back = try #require(q1.first { $0.from == "TM" })
        #expect(abs(there.value + back.value - 0.282959) < 1e-12 && abs(total.value - 0.27296) < 1e-12)
        #expect(rail.note?.contains("255,574 t + 27,385 t = 282,959 t") == true && rail.note?.contains("272,960 t") == true)
        // The milestones that held the figures as text are gone; their source still gives values.
        let line = try #require(d.projects.first { $0.id == "railway-north-south" })
        #expect(!line.milestones.contains { $0.title.contains("Mt") && $0.title.contains("cargo") })
        #expect(rail.values.filter { $0.source == "newscentralasia-2025-01-31" }.map(\.value) == [1.3, 1.6])
        // The 20 Mt/yr plan is the line's capacity (a plan of the line, with no year of its own), not cargo.
        #expect(line.capacity.contains { $0.value == 20 && $0.unit == "Mt/yr" && $0.source == "ria-2054106712" })
        #expect(!rail.values.contains { $0.planned })
    }

    /// Facts D3: no delivered volume of Turkmen gas or electricity was found, nor a sea cargo tonnage
    /// (D4): indicators without values, which the screens show as unknown.
    @Test func whatWasNotFoundIsAnIndicatorWithoutValues() throws {
        let d = try Self.load()
        for id in ["gas-delivered-tm-kz", "power-delivered-tm-kz", "sea-cargo-aktau-kuryk-turkmenbashi"] {
            let i = try #require(d.indicators.first { $0.id == id }, "no indicator \(id)")
            #expect(i.values.isEmpty && i.note?.contains("unknown") == true, "\(id)")
        }
        // The 2012 Interfax reprint is weak and says why; the "do not use" item of D3 is left out.
        let weak = try #require(d.source("onzonanetveru-2012"))
        #expect(weak.weak && weak.note?.contains("weak") == true)
        #expect(!d.sources.contains { ($0.url ?? "").contains("centralasianlight") })
    }

    /// Facts D2: a row of both directions is split where the page says which good goes which way; an
    /// aggregate of both has no direction; Turkmenistan's tomato exports to all countries are the share's base.
    @Test func compositionKeepsDirectionsAndShareBases() throws {
        let d = try Self.load()
        let y2022 = d.composition.filter { $0.period == Period(year: 2022) }
        #expect(Set(y2022.map { "\($0.from ?? "-")→\($0.to ?? "-")" }) == ["KZ→TM", "TM→KZ"])
        let agri = try #require(d.composition.first { $0.goods.contains { $0.usd == 103e6 } })
        #expect(agri.bothDirections && agri.to == nil && agri.period == Period(year: 2025, months: 1...9))
        let tomatoes = try #require(d.composition.first { $0.period == Period(year: 2020) && $0.from == "TM" }?.goods.first)
        #expect(tomatoes.share == 26.7 && tomatoes.usd == nil && tomatoes.quantity == nil)
        #expect(tomatoes.shareOf?.quantity == 33.78 && tomatoes.shareOf?.unit == .kt && tomatoes.shareOf?.usd == 37.6e6)
        let gas = try #require(d.composition.first { $0.source == "turkmenportal-96731" && $0.from == "TM" })
        #expect(gas.goods.map(\.name) == ["natural gas", "fruit and vegetables"] && gas.goods.map(\.rank) == [1, 2])
        // The potential and the interest rows are export potential, with their value and date.
        #expect(d.exportPotential.contains { $0.usd == 130e6 && $0.qualifier == .over && $0.date == DateValue(year: 2021, month: 10) })
        #expect(d.exportPotential.contains { $0.commodities.contains("leonardite") && $0.from == "KZ" && $0.to == "TM" })
    }

    /// The places table of the facts file, to the digit.
    @Test func placesHaveTheFactsCoordinates() throws {
        let d = try Self.load()
        let facts: [(id: String, lat: Double, lon: Double, approximate: Bool)] = [
            ("aktau", 43.650, 51.150, false),
            ("kuryk", 43.20, 51.65, false),
            ("turkmenbashi", 40.017, 52.967, false),
            ("garabogaz", 41.537, 52.570, false),
            ("garabogazkol-strait", 41.079, 52.907, true),
            ("serhetabat", 35.276, 62.342, false),
            ("zhanaozen", 43.34, 52.86, true),
            ("astana", 51.17, 71.45, true),
            ("ashgabat", 37.95, 58.38, true),
        ]
        #expect(d.places.count == facts.count)
        for f in facts {
            let p = try #require(d.place(f.id), "missing place \(f.id)")
            #expect(p.lat == f.lat && p.lon == f.lon, "\(f.id): \(p.lat), \(p.lon)")
            #expect(p.approximate == f.approximate, "\(f.id)")
        }
        #expect(d.place("aktau")?.country == "KZ")
        #expect(d.place("serhetabat")?.country == "TM")
    }
}
