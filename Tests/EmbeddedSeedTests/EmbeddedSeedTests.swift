import Foundation
import Testing
import EmbeddedSeed
import TradeModel

/// The copy of the bundled dataset inside the binary is the file in `seeds/`, byte for byte.
@Suite struct EmbeddedSeedTests {
    @Test func theEmbeddedBytesAreTheSeedFile() throws {
        let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: BundledDataset.sourceTreePath)))
        let embedded = EmbeddedSeed.bytes
        #expect(embedded.count == file.count, "embedded \(embedded.count) bytes, the file \(file.count)")
        #expect(EmbeddedSeed.byteCount == file.count)
        if let i = zip(embedded, file).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("the first difference is at byte \(i)")
        }
        #expect(embedded == file)
        #expect(EmbeddedSeed.source == "seeds/" + BundledDataset.fileName)
    }

    @Test func theEmbeddedCopyLoads() throws {
        let d = try DatasetLoader.load(bytes: EmbeddedSeed.bytes, file: BundledDataset.embeddedName)
        let fromFile = try DatasetLoader.load(path: BundledDataset.sourceTreePath)
        #expect(d.title == fromFile.title)
        #expect(d.asOf == fromFile.asOf)
        #expect(d.trade.count == fromFile.trade.count && d.sources.count == fromFile.sources.count)
    }
}
