/// The bundled Kazakhstan–Turkmenistan dataset: its file in the source tree, the directory that
/// replaces it (`TRADEDASH_SEEDS`), and the name the copy embedded in the binary goes by.
public enum BundledDataset {
    public static let fileName = "kazakhstan-turkmenistan.json"

    /// What messages call the copy embedded in the binary (the `EmbeddedSeed` target), where a
    /// file would be named by its path: "the bundled dataset (embedded): OK: …".
    public static let embeddedName = "the bundled dataset (embedded)"

    /// `$TRADEDASH_SEEDS/<file>` when TRADEDASH_SEEDS is set and not empty, whether the file exists
    /// or not (a directory asked for and missing is an error, not a silent fallback); else nil, and
    /// the embedded copy is used.
    public static var overridePath: String? {
        guard let dir = SystemIO.environment("TRADEDASH_SEEDS"), !dir.isEmpty else { return nil }
        return (dir.hasSuffix("/") ? dir : dir + "/") + fileName
    }

    /// `seeds/<file>` next to `Sources/` in the checkout this was compiled from: what the embedded
    /// copy is made from, and what the tests read.
    public static var sourceTreePath: String {
        parent(parent(parent(parent(#filePath)))) + "/seeds/" + fileName
    }

    /// The directory part of a path ("/a/b/c" → "/a/b").
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
