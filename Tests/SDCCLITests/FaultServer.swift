import Foundation
import SDCTestSupport
import Testing

/// Fixtures/fault_http.py, started for one test and stopped when the value goes away (its stdin closes).
final class FaultServer {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fault_http.py").path

    let process = Process()
    private let input = Pipe()
    let port: Int

    init() throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = input
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        port = try #require(Int(String(decoding: line, as: UTF8.self)), "fault_http.py did not print its port")
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    /// "<method> <path> <status>" per request so far.
    func log() throws -> [String] {
        // Foundation on Linux cannot read http: URLs synchronously; Python is here anyway for the server.
        let get = try Subprocess.run(
            "/usr/bin/env", ["python3", "-c", "import sys,urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())", url("log")])
        return get.stdoutText.split(separator: "\n").map(String.init).filter { !$0.contains(" /log ") }
    }

    deinit {
        try? input.fileHandleForWriting.close()
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
