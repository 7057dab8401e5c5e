// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tradedash",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tradedash", targets: ["tradedash"]),
        // The dashboard as an SSH service (docs/serve.md): its own binary, so that SwiftNIO and
        // swift-crypto never reach the interactive dashboard's start-up.
        .executable(name: "tradedash-serve", targets: ["TradedashServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // The only place that sees ncurses' C headers.
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        // Types, loading, validation and metrics. No terminal code.
        .target(name: "TradeModel"),
        // Importers of official statistics (UN Comtrade CSV). Needs only the model.
        .target(name: "TradeImport", dependencies: ["TradeModel"]),
        // State, keys, screens and widgets drawing into a Canvas. No terminal.
        .target(name: "DashboardUI", dependencies: ["TradeModel"]),
        // The config file: its TOML subset, its keys, where it is. No terminal, no Foundation.
        .target(name: "TradeConfig", dependencies: ["DashboardUI", "TradeModel"]),
        // The only code that talks to the terminal.
        .target(name: "NCursesFrontEnd", dependencies: ["DashboardUI", "CNCurses"]),
        // The bundled dataset inside the binary: seeds/kazakhstan-turkmenistan.json as a string
        // literal, generated at build time (editing the seed rebuilds it). No dependencies.
        .executableTarget(name: "EmbedSeedTool"),
        .plugin(name: "EmbedSeed", capability: .buildTool(), dependencies: ["EmbedSeedTool"]),
        .target(name: "EmbeddedSeed", plugins: ["EmbedSeed"]),
        .executableTarget(
            name: "tradedash",
            dependencies: [
                "TradeModel", "TradeImport", "DashboardUI", "NCursesFrontEnd", "TradeConfig", "EmbeddedSeed",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The pseudo-terminal and the child's spawn (fork, setsid, TIOCSCTTY, exec) in C.
        .target(name: "CServePTY"),
        // `tradedash-serve`: the SSH server on swift-nio-ssh; each session runs the tradedash binary.
        .executableTarget(
            name: "TradedashServe",
            dependencies: [
                "CServePTY",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The broken-file corpus is read from the source tree by path, not bundled.
        .testTarget(name: "TradeModelTests", dependencies: ["TradeModel"], exclude: ["Corpus", "LoadFixtures", "ExportGoldens"]),
        .testTarget(name: "EmbeddedSeedTests", dependencies: ["EmbeddedSeed", "TradeModel"]),
        .testTarget(name: "TradeImportTests", dependencies: ["TradeImport", "TradeModel"]),
        .testTarget(name: "DashboardUITests", dependencies: ["DashboardUI", "TradeModel"], exclude: ["Goldens", "Fixtures"]),
        .testTarget(name: "TradeConfigTests", dependencies: ["TradeConfig", "DashboardUI", "TradeModel"]),
        .testTarget(name: "NCursesFrontEndTests", dependencies: ["NCursesFrontEnd", "DashboardUI", "CNCurses"]),
        // Runs the built binary: the command line, and the dashboard inside tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["TradeModel"]),
    ],
    swiftLanguageModes: [.v6]
)
