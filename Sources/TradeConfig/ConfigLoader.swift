import TradeModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What reading a config file came to.
public enum ConfigLoad: Equatable, Sendable {
    /// The default file does not exist: the defaults, silently.
    case absent
    case loaded(ConfigFile)
    /// Every problem found; the whole file is then ignored and the defaults are used.
    case broken([ConfigProblem])
}

public enum ConfigLoader {
    /// A config file is small; anything larger is not one.
    public static let sizeLimit = 1 << 20

    /// Reads and checks a config file. `required`: the file was named (`--config FILE`,
    /// `config --check FILE`), so its absence is a problem, not the defaults.
    public static func load(path: String, required: Bool) -> ConfigLoad {
        if !required && !SystemIO.exists(path) { return .absent }
        let bytes: [UInt8]
        do throws(SystemIO.Failure) {
            let (fd, size) = try SystemIO.openRegularFile(path)
            close(fd)
            if size > sizeLimit { return .broken([ConfigProblem(at: nil, message: "the file is \(size) bytes; a config file may be at most \(sizeLimit)")]) }
            bytes = try SystemIO.read(path, limit: sizeLimit)
        } catch {
            return .broken([ConfigProblem(at: nil, message: error.message)])
        }
        return check(bytes: bytes)
    }

    /// Checks a file's bytes: UTF-8, the TOML subset, then the keys and values.
    public static func check(bytes: [UInt8]) -> ConfigLoad {
        let text: String
        switch decode(bytes) {
        case .success(let t): text = t
        case .failure(let p): return .broken([p])
        }
        return check(text: text)
    }

    public static func check(text: String) -> ConfigLoad {
        let entries: [TOMLEntry]
        do throws(TOMLError) { entries = try TOMLSubset.parse(text) } catch { return .broken([ConfigProblem(at: error.at, message: error.message)]) }
        let (file, problems) = ConfigFile.interpret(entries)
        return problems.isEmpty ? .loaded(file) : .broken(problems)
    }

    /// UTF-8 text, or where the first byte that is not.
    static func decode(_ bytes: [UInt8]) -> Result<String, ConfigProblem> {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s):
                if s == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return .success(String(decoding: bytes, as: UTF8.self))
            case .error:
                return .failure(ConfigProblem(at: TOMLPosition(line: line, column: column), message: "the file is not UTF-8 text (an invalid byte here)"))
            }
        }
    }
}
