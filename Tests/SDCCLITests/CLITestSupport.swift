import Foundation
import SDCTestSupport

/// Runs the real `sdc` binary, as users and CI do.
func sdc(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Subprocess.Result {
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.merge(environment) { $1 }
    return try Subprocess.run(TestPaths.sdc, arguments, stdin: stdin.map { Data($0.utf8) }, environment: env)
}

func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
}

/// Writes `contents` to a fresh temporary file and returns its path.
func temporaryFile(_ contents: [UInt8], name: String = "input.yaml") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(contents).write(to: url)
    return url.path
}

func temporaryFile(_ contents: String, name: String = "input.yaml") throws -> String {
    try temporaryFile(Array(contents.utf8), name: name)
}
