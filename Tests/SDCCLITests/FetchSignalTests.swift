import Foundation
import Testing

/// SIGTERM/SIGINT during a download: temporaries removed, exit 143/130 (spec/storage.md §7.5, §7.13).
/// Runs the real `sdc` binary against a stand-in that sends a large file slowly.
struct FetchSignalTests {
    static let sdc = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("sdc").path
    static let slowServer = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SDCStorageTests/Fixtures/slow_http.py").path

    func start(_ executable: String, _ arguments: [String], stdout: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = stdout ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = Pipe()
        try process.run()
        return process
    }

    func files(in directory: String) -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: sdc), "the sdc binary is not built next to the tests"),
          arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func interruptedDownloadLeavesNoTemporary(signal: Int32, expected: Int32) async throws {
        let output = Pipe()
        let server = try start("/usr/bin/env", ["python3", Self.slowServer], stdout: output)
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        let port = try #require(Int(String(decoding: line, as: UTF8.self)))
        let dest = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-signal-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dest) }

        let fetch = try start(Self.sdc, ["fetch", "-q", "http://127.0.0.1:\(port)/model.bin", dest])
        // Wait until the download is really in flight: its temporary exists.
        var sawTemporary = false
        for _ in 0..<600 where !sawTemporary {
            sawTemporary = files(in: dest).contains { $0.hasSuffix(".sdc-partial") }
            if !sawTemporary { try await Task.sleep(nanoseconds: 50_000_000) }
        }
        #expect(sawTemporary)
        kill(fetch.processIdentifier, signal)
        fetch.waitUntilExit()
        #expect(fetch.terminationStatus == expected)
        #expect(files(in: dest).isEmpty)
    }
}
