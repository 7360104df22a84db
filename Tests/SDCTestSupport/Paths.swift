import Foundation

/// Where things are when tests run: the package root, the shared folder beside it, the built `sdc`.
public enum TestPaths {
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` next to the checkout (present in CI, absent on a bare clone).
    public static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The `sdc` binary built for this test run: `SDC_BIN`, else beside the test bundle.
    public static let sdc: String = {
        if let bin = ProcessInfo.processInfo.environment["SDC_BIN"] { return bin }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("sdc").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/sdc").path
    }()
}
