import Foundation
import SDCTestSupport
import Testing

/// Symlinks already in DEST must never carry a write outside it (issue 7): a file symlink at an object's final
/// path and a directory symlink on its way, through the real binary, against the local and moto backends.
@Suite("fetch: symlinks already in DEST", .enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.sdc), "the sdc binary is not built"))
struct FetchPathSafetyTests {
    static let environment = ProcessInfo.processInfo.environment

    /// Plants `DEST/<file>` → outside/target and `DEST/<dir>` → outside/dir, fetches, and checks that nothing
    /// outside changed and that whatever DEST now holds at those names is not a link.
    func fetchOverSymlinks(source: String, file: String, dir: String?, environment: [String: String]) async throws {
        let scratch = try FetchFaultTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: scratch + "/outside/dir", withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: URL(fileURLWithPath: scratch + "/outside/target"))
        try fm.createDirectory(atPath: scratch + "/dest", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: scratch + "/dest/" + file, withDestinationPath: scratch + "/outside/target")
        if let dir { try fm.createSymbolicLink(atPath: scratch + "/dest/" + dir, withDestinationPath: scratch + "/outside/dir") }

        let result = try await MeasuredRun.run(
            TestPaths.sdc, ["fetch", source, scratch + "/dest"], environment: environment.merging(["RCLONE_CONFIG": "/dev/null"]) { $1 })
        #expect(!result.signaled && result.status < 128)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch + "/outside/target")) == Data("precious".utf8))
        #expect(FetchFaultTests.files(in: scratch + "/outside") == ["dir", "target"], "written outside DEST")
        if result.status == 0 {
            let type = try fm.attributesOfItem(atPath: scratch + "/dest/" + file)[.type] as? FileAttributeType
            #expect(type == .typeRegular, "the final path is still a link")
        } else {
            #expect(result.status == 12, "\(result.stderrText)")
        }
    }

    @Test("local backend")
    func local() async throws {
        let scratch = try FetchFaultTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch + "/src/sub", withIntermediateDirectories: true)
        try Data("model".utf8).write(to: URL(fileURLWithPath: scratch + "/src/model.bin"))
        try Data("inner".utf8).write(to: URL(fileURLWithPath: scratch + "/src/sub/inner.bin"))
        try await fetchOverSymlinks(source: scratch + "/src", file: "model.bin", dir: "sub", environment: [:])
        try await fetchOverSymlinks(source: scratch + "/src", file: "model.bin", dir: nil, environment: [:])
    }

    @Test("moto (S3)", .enabled(if: environment["SDC_TEST_MOTO_ENDPOINT"] != nil,
        "SDC_TEST_MOTO_ENDPOINT is not set: run under scripts/testservers.sh to test against moto"))
    func moto() async throws {
        let env = [
            "RCLONE_CONFIG_MOTO_TYPE": "s3", "RCLONE_CONFIG_MOTO_PROVIDER": "Minio", "RCLONE_CONFIG_MOTO_ACCESS_KEY_ID": "testing",
            "RCLONE_CONFIG_MOTO_SECRET_ACCESS_KEY": "testing", "RCLONE_CONFIG_MOTO_ENDPOINT": Self.environment["SDC_TEST_MOTO_ENDPOINT"] ?? "",
        ]
        try await fetchOverSymlinks(source: "moto:models/paged", file: "f1.txt", dir: nil, environment: env)
    }
}
