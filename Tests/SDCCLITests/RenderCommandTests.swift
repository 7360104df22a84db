import Foundation
import Testing

/// `sdc render` through the built binary (next to the test bundle, or `SDC_BIN`): flags, stdin, output forms,
/// and the rule that nothing reaches stdout when any input has an error.
@Suite struct RenderCommandTests {
    static let binary: String? = {
        if let bin = ProcessInfo.processInfo.environment["SDC_BIN"], !bin.isEmpty { return bin }
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("sdc").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func sdc(_ arguments: [String], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.binary, "sdc binary not found; set SDC_BIN"))
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func temp(_ name: String, _ content: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try content.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let sdep = """
        apiVersion: machinelearning.seldon.io/v1
        kind: SeldonDeployment
        metadata:
          name: iris
        spec:
          predictors:
          - name: default
            graph:
              name: classifier
              implementation: SKLEARN_SERVER
              modelUri: s3://bucket/iris
        """

    @Test func rendersAnExampleLikeItsGoldenFile() throws {
        let run = try sdc(["render", "examples/helm-values-defaults/seldondeployment.yaml", "-f", "examples/helm-values-defaults/values.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try String(contentsOf: Self.packageRoot.appendingPathComponent("examples/helm-values-defaults/expected.yaml"), encoding: .utf8)
        #expect(run.stdout == expected)
    }

    @Test func readsStdinAndAppliesNamespaceAndSet() throws {
        let run = try sdc(
            ["render", "-", "--namespace", "ml", "--set", "predictiveUnit.defaultEnvSecretRefName=from-set",
             "--set-string", "storageInitializer.image=example.com/init:1"], stdin: Self.sdep)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  namespace: ml\n"))
        #expect(run.stdout.contains("name: from-set"))
        #expect(run.stdout.contains("image: example.com/init:1"))
    }

    @Test func laterValuesFileWins() throws {
        let a = try temp("a.yaml", "storageInitializer:\n  image: a/init:1\n")
        let b = try temp("b.yaml", "storageInitializer:\n  image: b/init:2\n")
        let run = try sdc(["render", "-", "-f", a, "-f", b], stdin: Self.sdep)
        #expect(run.stdout.contains("image: b/init:2") && !run.stdout.contains("a/init:1"))
    }

    @Test func unknownValuesKeyIsAWarningOnStderr() throws {
        let v = try temp("v.yaml", "executor:\n  imge: x\n")
        let run = try sdc(["render", "-", "-f", v], stdin: Self.sdep)
        #expect(run.status == 0)
        #expect(run.stderr.contains("executor.imge"))
        #expect(!run.stdout.isEmpty)
    }

    @Test func errorsPrintNothingOnStdoutAndAreLocated() throws {
        let bad = try temp("bad.yaml", Self.sdep.replacingOccurrences(of: "SKLEARN_SERVER", with: "SKLEARN_SERVER\n      logger:\n        url: http://x") + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n")
        let run = try sdc(["render", bad])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("bad.yaml:"))
        #expect(run.stderr.contains("spec.predictors[0].graph.logger"))
    }

    @Test func jsonOutputIsAList() throws {
        let run = try sdc(["render", "-", "-o", "json"], stdin: Self.sdep)
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == "List")
        #expect(object?["apiVersion"] as? String == "v1")
        let kinds = (object?["items"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds == ["Service", "Service", "Deployment"])
    }

    @Test func ownerUidAndFaithful() throws {
        let owned = try sdc(["render", "-", "--owner-uid", "1234-abcd"], stdin: Self.sdep)
        #expect(owned.stdout.components(separatedBy: "uid: 1234-abcd").count == 4)
        #expect(!owned.stdout.contains("last-applied"))
        let faithful = try sdc(["render", "-", "--faithful"], stdin: Self.sdep)
        #expect(faithful.stdout.contains("seldon.io/last-applied: <OFFLINE-UNKNOWN:last-applied>"))
        #expect(faithful.stdout.contains("uid: <OFFLINE-UNKNOWN:seldondeployment-uid>"))
    }

    @Test func rcloneConfigBecomesASecretWithoutLeakingValues() throws {
        let conf = try temp("rclone.conf", "[minio]\ntype = s3\nsecret_access_key = TOPSECRET\n")
        let run = try sdc(["render", "-", "--rclone-config", conf, "--secret-name", "models-rclone", "-n", "ml"], stdin: Self.sdep)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("apiVersion: v1\nkind: Secret\nmetadata:\n  name: models-rclone\n  namespace: ml\nstringData:\n  RCLONE_CONFIG_MINIO_SECRET_ACCESS_KEY: TOPSECRET\n  RCLONE_CONFIG_MINIO_TYPE: s3\ntype: Opaque\n---\n"))
        #expect(run.stdout.components(separatedBy: "TOPSECRET").count == 2, "the value appears only in the Secret")
        #expect(!run.stderr.contains("TOPSECRET"))
        // rclone's own grammar, through the parser fetch uses: `key: value`, DEFAULT keys inherited, %(x)s expanded.
        let rich = try temp("rich.conf", "region = eu-west-1\n[minio]\ntype: s3\nendpoint = http://%(host)s:9000\nhost = minio\n")
        let richRun = try sdc(["render", "-", "--rclone-config", rich, "--secret-name", "s"], stdin: Self.sdep)
        #expect(richRun.status == 0, "\(richRun.stderr)")
        #expect(richRun.stdout.contains("RCLONE_CONFIG_MINIO_ENDPOINT: http://minio:9000\n"))
        #expect(richRun.stdout.contains("RCLONE_CONFIG_MINIO_REGION: eu-west-1\n"))
        #expect(richRun.stdout.contains("RCLONE_CONFIG_MINIO_TYPE: s3\n"))
        let broken = try temp("broken.conf", "[minio]\nsecret_access_key TOPSECRET\n")
        let failed = try sdc(["render", "-", "--rclone-config", broken, "--secret-name", "s"], stdin: Self.sdep)
        #expect(failed.status == 1 && failed.stdout.isEmpty)
        #expect(failed.stderr.contains("broken.conf:2:1: error: [rclone-config-syntax]"))
        #expect(!failed.stderr.contains("TOPSECRET"))
    }

    @Test func rcloneConfigNeedsSecretName() throws {
        let run = try sdc(["render", "-", "--rclone-config", "x.conf"], stdin: Self.sdep)
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
    }
}
