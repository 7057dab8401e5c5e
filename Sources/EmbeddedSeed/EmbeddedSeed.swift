/// The bundled Kazakhstan–Turkmenistan dataset, embedded in the binary at build time from
/// `seeds/kazakhstan-turkmenistan.json` (the `EmbedSeed` plugin generates `embeddedSeedText`), so
/// that the binary needs no source tree and no data file beside it.
public enum EmbeddedSeed {
    /// The file's bytes, exactly.
    public static var bytes: [UInt8] {
        embeddedSeedText.withUTF8Buffer { Array($0) }
    }

    /// The file it was made from, relative to the package: "seeds/kazakhstan-turkmenistan.json".
    public static var source: String { embeddedSeedSource.description }

    /// The number of bytes the generator read (checked against `bytes` by the tests).
    public static var byteCount: Int { embeddedSeedByteCount }
}
