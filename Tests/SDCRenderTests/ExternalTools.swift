import Foundation

/// Runs the external checkers the golden files must pass; each is optional and located through env vars.
enum ExternalTools {
    struct Run {
        var status: Int32
        var output: String
    }

    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// `kubernetes-validate` as a command line: `SDC_KUBERNETES_VALIDATE`, else `$SDC_PYTHON -m kubernetes_validate`,
    /// else the `.venv` of the package, else PATH.
    static var kubernetesValidate: [String]? {
        if let path = TestPaths.env("SDC_KUBERNETES_VALIDATE"), TestPaths.isExecutable(path) { return [path] }
        if let python = TestPaths.env("SDC_PYTHON"), TestPaths.isExecutable(python) {
            if let r = try? run(python, ["-c", "import kubernetes_validate"]), r.status == 0 {
                return [python, "-m", "kubernetes_validate"]
            }
        }
        let venv = TestPaths.packageRoot + "/.venv/bin/kubernetes-validate"
        if TestPaths.isExecutable(venv) { return [venv] }
        return TestPaths.which("kubernetes-validate").map { [$0] }
    }

    static var kubectl: String? { TestPaths.env("SDC_KUBECTL") ?? TestPaths.which("kubectl") }

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-render-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
