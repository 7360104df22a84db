// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sdc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sdc", targets: ["sdc"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // The system libyaml (apt: libyaml-dev). Never a vendored copy: see DEVELOPERS.md.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The system zlib (apt: zlib1g-dev), for archive extraction in `sdc fetch --extract`.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "SDCDiagnostics"),
        .target(name: "SDCYAML", dependencies: ["CLibYAML", "SDCDiagnostics"]),
        .target(name: "SDCRender", dependencies: ["SDCDiagnostics", "SDCYAML"]),
        // Model download (`sdc fetch`): rclone-compatible config, backends, signers, atomic transfer.
        .target(
            name: "SDCStorage",
            dependencies: [
                "SDCDiagnostics",
                "CZlib",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "SDCCLI",
            dependencies: [
                "SDCDiagnostics",
                "SDCYAML",
                "SDCRender",
                "SDCStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sdc", dependencies: ["SDCCLI"]),

        .testTarget(name: "SDCDiagnosticsTests", dependencies: ["SDCDiagnostics"]),
        .testTarget(name: "SDCYAMLTests", dependencies: ["SDCYAML"]),
        .testTarget(name: "SDCCLITests", dependencies: ["SDCCLI", "sdc"]),
        .testTarget(
            name: "SDCStorageTests",
            dependencies: [
                "SDCStorage",
                "SDCDiagnostics",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            // Stand-in servers the tests start themselves; located via #filePath, not bundled.
            exclude: ["Fixtures"]
        ),
    ]
)
