/// Where the bundled Kazakhstan–Turkmenistan dataset is.
public enum BundledDataset {
    public static let fileName = "kazakhstan-turkmenistan.json"

    /// The first existing of: `$TRADEDASH_SEEDS/<file>`, `<executable>/../share/tradedash/<file>`
    /// (an installed copy), and `seeds/<file>` of the source tree this binary was built from.
    public static var path: String {
        var candidates = [String]()
        if let dir = SystemIO.environment("TRADEDASH_SEEDS"), !dir.isEmpty {
            candidates.append(dir + "/" + fileName)
        }
        if let exe = SystemIO.executablePath() {
            candidates.append(parent(parent(exe)) + "/share/tradedash/" + fileName)
        }
        candidates.append(sourceTreePath)
        return candidates.first { SystemIO.exists($0) } ?? sourceTreePath
    }

    /// `seeds/<file>` next to `Sources/` in the checkout this was compiled from.
    public static var sourceTreePath: String {
        parent(parent(parent(parent(#filePath)))) + "/seeds/" + fileName
    }

    /// The directory part of a path ("/a/b/c" → "/a/b").
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
