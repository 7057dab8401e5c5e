import Testing
@testable import TradeModel

/// The bundled target's statements: those of the facts file (sections A, B and D5), in date order,
/// each citing sources the file defines, with the deadline each wording implies.
@Suite struct BundledTargetStatementsTests {
    static func target() throws -> (Dataset, Target) {
        let d = try BundledDatasetTests.load()
        return (d, try #require(d.targets.first { $0.id == "trade-1bn" }))
    }

    @Test func statementsAreInDateOrderAndCiteExistingSources() throws {
        let (d, t) = try Self.target()
        #expect(t.statements.count == 7)
        // In the file as on screen: each date not before the one above it.
        for (a, b) in zip(t.statements, t.statements.dropFirst()) {
            #expect(!(b.date < a.date), "\(b.date.iso) (\(b.wording)) comes after \(a.date.iso) (\(a.wording))")
        }
        #expect(t.statements.map(\.wording) == t.statementsByDate.map(\.wording))
        let ids = Set(d.sources.map(\.id))
        for st in t.statements {
            #expect(!st.sources.isEmpty)
            for s in st.sources {
                #expect(ids.contains(s), "\(st.wording): unknown source \(s)")
                #expect(d.citations(of: s).contains("target \(t.title)"), "\(s) is not counted as cited by the target")
            }
            #expect(!(d.asOf < st.date), "\(st.wording) is dated after the data's as-of date")
        }
    }

    /// Every wording of the facts, on its date, with its source and the deadline it implies.
    @Test func theFactsStatementsWithTheirDeadlines() throws {
        let (_, t) = try Self.target()
        struct Row: Equatable { var date: String; var wording: String; var quoted: Bool; var sources: [String]; var deadline: Int?; var kind: FigureKind? }
        let rows = t.statements.map { Row(date: $0.date.iso, wording: $0.wording, quoted: $0.quoted, sources: $0.sources, deadline: $0.deadline, kind: $0.deadlineKind) }
        #expect(rows == [
            // D5: set on 25 Oct 2021; section B reads the ambassador's "in the next five years", written in 2022, as about 2027 (derived).
            Row(date: "2021-10-25", wording: "in the next five years", quoted: true, sources: ["yerzemin-214820"], deadline: 2027, kind: .derived),
            // A: the seed, no deadline stated.
            Row(date: "2022-10-15", wording: "raise bilateral trade to up to USD 1 billion", quoted: false, sources: ["seed-astana-times-2022-10"], deadline: nil, kind: nil),
            // B: the 2025–2027 programme, signed 10 Oct 2024: its last year, 2027 (derived).
            Row(date: "2024-10-10", wording: "restated in the Comprehensive Program of cooperation for 2025–2027", quoted: false, sources: ["trend-az-4121416"], deadline: 2027, kind: .derived),
            Row(date: "2024-10-10", wording: "in the near future", quoted: true, sources: ["astana-times-2024-10-priorities"], deadline: nil, kind: nil),
            Row(date: "2025-04-22", wording: "in the coming years", quoted: true, sources: ["astana-times-2025-04-turkistan"], deadline: nil, kind: nil),
            // B: November 2025 only (a month sorts before its days).
            Row(date: "2025-11", wording: "achievable in the medium term", quoted: true, sources: ["kazpravda-2025-11"], deadline: nil, kind: nil),
            // D5: "the next three years" of the 2025–2027 programme → 2027 (derived, as the facts say).
            Row(date: "2025-11-24", wording: "the next three years", quoted: true, sources: ["trend-az-4121760", "newscentralasia-2025-11-26"], deadline: 2027, kind: .derived),
        ])
        #expect(t.statements.last?.endDate == DateValue(year: 2025, month: 11, day: 25))
        // The target's own deadline stays 2027, derived, and its note names the statements it comes from.
        #expect(t.deadline == 2027 && t.deadlineKind == .derived)
        let note = try #require(t.deadlineNote)
        for phrase in ["Comprehensive Program of cooperation for 2025–2027", "\"the next three years\"", "\"in the next five years\"", "implies about 2027 too", "name no year"] {
            #expect(note.contains(phrase), "deadlineNote lacks \(phrase)")
        }
    }

    @Test func theNewSourcesHaveFullAddresses() throws {
        let (d, _) = try Self.target()
        for id in ["astana-times-2024-10-priorities", "astana-times-2025-04-turkistan", "trend-az-4121760", "newscentralasia-2025-11-26"] {
            let s = try #require(d.source(id), "no source \(id)")
            #expect(s.url?.hasPrefix("https://") == true, "\(id): \(s.url ?? "no address")")
            #expect(s.note != nil)
        }
    }
}
