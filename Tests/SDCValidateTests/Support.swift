import Foundation
import SDCDiagnostics
import SDCModel
import SDCTestSupport
import SDCValidate
import SDCYAML

/// Fixtures found from this file's path, never from bundles.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let badInputs = directory.appendingPathComponent("BadInputs").path
    static let examples = TestPaths.packageRoot.appendingPathComponent("examples").path
    static let corpus = TestPaths.shared.appendingPathComponent("corpus/seldon-core-v1.18.2").path

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    static func list(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}

/// Validates files in-process, as the CLI does, with values from `values` files (chart defaults otherwise).
func validate(files: [String], values: [String] = [], set: [String] = []) throws -> [Diagnostic] {
    var documents: [Document] = []
    for file in files {
        documents += try YAMLParser().parse(try Fixtures.read(file), file: file).filter { !$0.root.isNull }
    }
    let valuesFiles = try values.flatMap { path in
        try YAMLParser().parse(try Fixtures.read(path), file: path).map { ValuesFile(root: $0.root, name: path) }
    }
    let loaded = try ValuesLoader().load(files: valuesFiles, set: set, setString: [])
    return loaded.diagnostics + Validator.validate(documents, values: loaded.values)
}

/// Runs the real `sdc` binary, as users and CI do.
func sdc(_ arguments: [String], stdin: String? = nil) throws -> Subprocess.Result {
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    return try Subprocess.run(TestPaths.sdc, arguments, stdin: stdin.map { Data($0.utf8) }, environment: env)
}
