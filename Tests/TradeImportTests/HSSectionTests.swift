import Testing
import TradeModel

@Suite struct HSSectionTests {
    @Test func twentyOneSectionsCoverChaptersOneToNinetySevenWithoutGapsOrOverlaps() {
        #expect(HSSection.all.count == 21)
        #expect(HSSection.all.map(\.number) == Array(1...21))
        var next = 1
        for s in HSSection.all {
            #expect(s.chapters.lowerBound == next)
            next = s.chapters.upperBound + 1
        }
        #expect(next == 98)
    }

    @Test func chaptersMapToTheirSections() {
        #expect(HSSection.ofChapter(1)?.number == 1)
        #expect(HSSection.ofChapter(27)?.number == 5)
        #expect(HSSection.ofChapter(27)?.name == "Mineral products")
        #expect(HSSection.ofChapter(10)?.number == 2)
        #expect(HSSection.ofChapter(15)?.number == 3)
        #expect(HSSection.ofChapter(72)?.number == 15)
        #expect(HSSection.ofChapter(85)?.number == 16)
        #expect(HSSection.ofChapter(97)?.number == 21)
        #expect(HSSection.ofChapter(77) == nil)
        #expect(HSSection.ofChapter(98) == nil)
        #expect(HSSection.ofChapter(99) == nil)
        #expect(HSSection.ofChapter(0) == nil)
        #expect(HSSection.ofCode("271121")?.number == 5)
        #expect(HSSection.ofCode("TOTAL") == nil)
        #expect(HSSection.number(16)?.roman == "XVI")
        #expect(HSSection.number(22) == nil)
        #expect(HSSection.all.allSatisfy { $0.shortName.count <= 21 })
        #expect(HSSection.number(5)?.chapterLabel == "chapters 25–27")
    }
}
