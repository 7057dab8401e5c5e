/// Where the config file is: `$XDG_CONFIG_HOME/tradedash/config.toml`, or
/// `~/.config/tradedash/config.toml` when XDG_CONFIG_HOME is unset, empty or relative (the XDG
/// Base Directory specification says a relative path is to be ignored).
public enum ConfigLocation {
    public static func defaultPath(environment: (String) -> String?) -> String? {
        if let x = environment("XDG_CONFIG_HOME"), x.hasPrefix("/") { return join(x, "tradedash/config.toml") }
        if let home = environment("HOME"), !home.isEmpty { return join(home, ".config/tradedash/config.toml") }
        return nil
    }

    static func join(_ dir: String, _ rest: String) -> String {
        dir.hasSuffix("/") ? dir + rest : dir + "/" + rest
    }
}
