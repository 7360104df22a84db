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
        // Insecure.MD5 for the operator's hashed names (render.md §4); SHA-256, HMAC and RSA for the signers.
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
        // sync_file_range for `sdc fetch`: start writing downloaded bytes to disk early (C, as Glibc hides it).
        .target(name: "CWriteback"),
        .target(name: "SDCDiagnostics"),
        .target(name: "SDCYAML", dependencies: ["CLibYAML", "SDCDiagnostics"]),
        // Typed SeldonDeployment and operator Helm values, decoded from YAML nodes with located errors.
        .target(name: "SDCModel", dependencies: ["SDCDiagnostics", "SDCYAML"]),
        .target(
            name: "SDCRender",
            dependencies: [
                "SDCDiagnostics", "SDCYAML", "SDCModel",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Model download (`sdc fetch`): rclone-compatible config, backends, signers, atomic transfer.
        .target(
            name: "SDCStorage",
            dependencies: [
                "SDCDiagnostics",
                "CZlib",
                "CWriteback",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // `sdc validate`: one rule a file, each finding located; render's own findings included.
        .target(
            name: "SDCValidate",
            dependencies: ["SDCDiagnostics", "SDCYAML", "SDCModel", "SDCRender", "SDCStorage"]
        ),
        .target(
            name: "SDCCLI",
            dependencies: [
                "SDCDiagnostics",
                "SDCValidate",
                "SDCYAML",
                "SDCModel",
                "SDCRender",
                "SDCStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sdc", dependencies: ["SDCCLI"]),

        // Helpers shared by the test targets: the PyYAML oracle, subprocesses, paths.
        .target(name: "SDCTestSupport", dependencies: ["SDCYAML"], path: "Tests/SDCTestSupport",
                exclude: ["pyyaml_oracle.py"]),
        .testTarget(name: "SDCDiagnosticsTests", dependencies: ["SDCDiagnostics"]),
        .testTarget(name: "SDCYAMLTests", dependencies: ["SDCYAML", "SDCTestSupport"]),
        .testTarget(
            name: "SDCCLITests", dependencies: ["SDCCLI", "sdc", "SDCTestSupport"], exclude: ["Fixtures", "BadInputs"]),
        .testTarget(name: "SDCModelTests", dependencies: ["SDCModel", "SDCYAML", "SDCDiagnostics"]),
        .testTarget(name: "SDCRenderTests", dependencies: ["SDCRender", "SDCModel", "SDCYAML", "SDCDiagnostics"]),
        .testTarget(
            name: "SDCValidateTests",
            dependencies: ["SDCValidate", "SDCModel", "SDCYAML", "SDCDiagnostics", "SDCTestSupport", "sdc"],
            // One small YAML file per bad input, read at run time via #filePath.
            exclude: ["BadInputs"]
        ),
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

// libFuzzer targets, only when asked for (scripts/fuzz sets SDC_FUZZ=1 and builds them with
// -sanitize=fuzzer,address in .build-fuzz): they have no main and would not link in a normal build.
if Context.environment["SDC_FUZZ"] != nil {
    package.targets += [
        // libFuzzer's driver, shared; each target keeps only its `<module>_main` entry in Entry.swift.
        .target(name: "SDCFuzzDriver", path: "Fuzz/Driver"),
        .executableTarget(name: "sdc-fuzz-yaml", dependencies: ["SDCYAML"], path: "Fuzz/YAMLRoundTrip"),
        .executableTarget(name: "sdc-fuzz-set", dependencies: ["SDCFuzzDriver", "SDCModel", "SDCYAML"], path: "Fuzz/SetArgument"),
        .executableTarget(name: "sdc-fuzz-uri", dependencies: ["SDCFuzzDriver", "SDCStorage"], path: "Fuzz/URI"),
        .executableTarget(
            name: "sdc-fuzz-rclone-conf", dependencies: ["SDCFuzzDriver", "SDCModel", "SDCStorage"], path: "Fuzz/RcloneConf"),
        .executableTarget(
            name: "sdc-fuzz-render", dependencies: ["SDCFuzzDriver", "SDCRender", "SDCYAML"], path: "Fuzz/Render"),
    ]
}
