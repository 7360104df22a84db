import Foundation
import Testing

/// The `sdc fetch` binary's contract with init-container tooling: exit codes, stdout/stderr, the
/// termination message (spec/storage.md §7.11–§7.13).
struct FetchCLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func sdc(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FetchSignalTests.sdc)
        process.arguments = arguments
        // A clean environment: no inherited rclone or AWS settings.
        process.environment = ["PATH": "/usr/bin:/bin", "RCLONE_CONFIG": "/dev/null"].merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-cli-fetch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: FetchSignalTests.sdc), "the sdc binary is not built next to the tests"))
    func undefinedRemoteIsExit1WithTheDefinedRemotesNamed() throws {
        let run = try sdc(["fetch", "minio://models/iris", "/tmp/unused-\(UUID().uuidString)"], environment: ["RCLONE_CONFIG_MINIO2_TYPE": "s3"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("[remote-undefined]"))
        #expect(run.stderr.contains("minio2"))
        #expect(run.stdout.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: FetchSignalTests.sdc), "the sdc binary is not built next to the tests"))
    func successPrintsASummaryOnStderrAndJSONOnlyWhenAsked() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/src", withIntermediateDirectories: true)
        try Data("m".utf8).write(to: URL(fileURLWithPath: dir + "/src/model.bin"))
        let plain = try sdc(["fetch", dir + "/src", dir + "/a"])
        #expect(plain.status == 0)
        #expect(plain.stdout.isEmpty)
        #expect(plain.stderr.hasPrefix("fetched 1 file"))
        let json = try sdc(["fetch", "--output", "json", "-q", dir + "/src", dir + "/b"])
        #expect(json.status == 0)
        #expect(json.stdout.contains(#""path":"model.bin""#))
        #expect(json.stderr.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: FetchSignalTests.sdc), "the sdc binary is not built next to the tests"))
    func terminationMessageIsOneRedactedLine() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try sdc([
            "fetch", "--low-level-retries", "1", "--retries", "1", "--termination-log", dir + "/termination-log",
            "http://user:hunter2@127.0.0.1:1/model.bin?sig=topsecret", dir + "/dest",
        ])
        #expect(run.status == 5)
        let message = try String(contentsOfFile: dir + "/termination-log", encoding: .utf8)
        #expect(message.split(separator: "\n").count == 1)
        #expect(!message.contains("hunter2") && !message.contains("topsecret"))
        #expect(!run.stderr.contains("hunter2") && !run.stderr.contains("topsecret"))
    }
}
