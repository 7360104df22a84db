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
        // Insecure.MD5 for the operator's hashed names (render.md §4).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // The system libyaml (apt: libyaml-dev). Never a vendored copy: see DEVELOPERS.md.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
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
        .target(
            name: "SDCCLI",
            dependencies: [
                "SDCDiagnostics",
                "SDCYAML",
                "SDCModel",
                "SDCRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sdc", dependencies: ["SDCCLI"]),

        .testTarget(name: "SDCDiagnosticsTests", dependencies: ["SDCDiagnostics"]),
        .testTarget(name: "SDCYAMLTests", dependencies: ["SDCYAML"]),
        .testTarget(name: "SDCCLITests", dependencies: ["SDCCLI", "sdc"]),
        .testTarget(name: "SDCModelTests", dependencies: ["SDCModel", "SDCYAML", "SDCDiagnostics"]),
        .testTarget(name: "SDCRenderTests", dependencies: ["SDCRender", "SDCModel", "SDCYAML", "SDCDiagnostics"]),
    ]
)
