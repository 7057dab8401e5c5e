import EmbeddedSeed
import TradeModel

/// Where the dataset comes from: `--data FILE` (or the config file's `data`), else
/// `$TRADEDASH_SEEDS/kazakhstan-turkmenistan.json`, else the copy embedded in the binary, which
/// needs no file at all (`scp tradedash server:` is enough).
enum DataSource: Equatable {
    case file(String)
    case embedded

    /// The source for a `--data` value (nil: none given).
    static func resolve(_ data: String?) -> DataSource {
        if let data { return .file(data) }
        if let path = BundledDataset.overridePath { return .file(path) }
        return .embedded
    }

    /// The name messages use: the file's path, or "the bundled dataset (embedded)".
    var name: String {
        switch self {
        case .file(let path): return path
        case .embedded: return BundledDataset.embeddedName
        }
    }

    /// Reads and validates it.
    func load() throws(LoadError) -> Dataset {
        switch self {
        case .file(let path): return try DatasetLoader.load(path: path)
        case .embedded: return try DatasetLoader.load(bytes: EmbeddedSeed.bytes, file: name)
        }
    }

    /// The bytes of the embedded copy, for a command that reads them itself (`import --output`).
    var embeddedBytes: [UInt8]? { self == .embedded ? EmbeddedSeed.bytes : nil }

    /// What `r` says on the embedded copy: the data cannot change while the binary runs.
    static let embeddedReloadStatus = "Nothing to reload: the bundled dataset is embedded in this binary and cannot change "
        + "(--data FILE or TRADEDASH_SEEDS=DIR shows a file r can reload)"
}
