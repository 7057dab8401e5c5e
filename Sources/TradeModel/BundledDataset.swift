import Foundation

/// Where the bundled Kazakhstan–Turkmenistan dataset is.
public enum BundledDataset {
    public static let fileName = "kazakhstan-turkmenistan.json"

    /// The first existing of: `$TRADEDASH_SEEDS/<file>`, `<executable>/../share/tradedash/<file>`
    /// (an installed copy), and `seeds/<file>` of the source tree this binary was built from.
    public static var path: String {
        var candidates = [String]()
        if let dir = ProcessInfo.processInfo.environment["TRADEDASH_SEEDS"], !dir.isEmpty {
            candidates.append(dir + "/" + fileName)
        }
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(exe.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/tradedash/" + fileName).path)
        }
        candidates.append(sourceTreePath)
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? sourceTreePath
    }

    /// `seeds/<file>` next to `Sources/` in the checkout this was compiled from.
    public static var sourceTreePath: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds/" + fileName).path
    }
}
