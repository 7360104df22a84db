import Foundation
import SDCTestSupport
import Testing

/// The three Secrets of the Seldon Core v1 documentation, used as the environment of the real
/// `sdc fetch` binary against the local servers (scripts/testservers.sh). Each Secret's stringData is
/// taken as written; the only change is the endpoint, which points at 127.0.0.1 instead of a cluster
/// (or AWS). SeaweedFS holds an identity with the docs' keys (minioadmin/minioadmin) for that reason.
/// Each fetches the fixture's "many/" subtree (hundreds of small files, nested folders, names with
/// spaces and non-ASCII characters) and compares every byte with the fixture.
struct SeldonDocSecretTests {
    static let environment = ProcessInfo.processInfo.environment
    static let haveSeaweedFS = environment["SDC_TEST_S3_ENDPOINT"] != nil && environment["SDC_TEST_FIXTURE_DIR"] != nil
    static let haveGCS = environment["SDC_TEST_GCS_ENDPOINT"] != nil && environment["SDC_TEST_FIXTURE_DIR"] != nil
    static let haveSdc = FileManager.default.isExecutableFile(atPath: FetchSignalTests.sdc)

    /// docs: "MinIO" — examples/s3-env-secret/seldondeployment.yaml, the same text as the Seldon docs.
    static var minioSecret: String {
        get throws {
            try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("examples/s3-env-secret/seldondeployment.yaml"), encoding: .utf8)
        }
    }

    /// docs: "AWS S3 with env_auth" — credentials come from the pod's environment (or IRSA), not the Secret.
    static let awsEnvAuthSecret = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: seldon-rclone-secret
        type: Opaque
        stringData:
          RCLONE_CONFIG_S3_TYPE: s3
          RCLONE_CONFIG_S3_PROVIDER: aws
          RCLONE_CONFIG_S3_ENV_AUTH: "true"
          RCLONE_CONFIG_S3_REGION: us-east-1
        """

    /// The flat `stringData` map of the first Secret in a YAML text (keys and plain or quoted scalars,
    /// which is all the documentation's Secrets use).
    static func stringData(_ yaml: String) -> [String: String] {
        var out: [String: String] = [:]
        var inSecret = false, inStringData = false
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("---") { if !out.isEmpty { break }; inSecret = false; inStringData = false; continue }
            if line == "kind: Secret" { inSecret = true; continue }
            if !line.hasPrefix(" ") { inStringData = inSecret && line == "stringData:"; continue }
            guard inStringData, let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            out[key] = value
        }
        return out
    }

    /// Runs `sdc fetch URI DEST` with exactly `environment` (plus PATH, and no rclone.conf).
    func fetch(_ uri: String, environment: [String: String]) throws -> (Subprocess.Result, String) {
        let dest = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-docsecret-\(UUID().uuidString)").path
        let run = try Subprocess.run(FetchSignalTests.sdc, ["fetch", uri, dest],
            environment: ["PATH": "/usr/bin:/bin", "RCLONE_CONFIG": "/dev/null"].merging(environment) { $1 })
        return (run, dest)
    }

    /// Every file of `fixture/many` is in `dest` with the same bytes, and nothing else is.
    func expectSameBytes(_ dest: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let source = (Self.environment["SDC_TEST_FIXTURE_DIR"] ?? "") + "/many"
        let want = files(source), got = files(dest)
        #expect(want.count >= 300, "the fixture's many/ has \(want.count) files", sourceLocation: sourceLocation)
        #expect(got == want, sourceLocation: sourceLocation)
        let differing = want.filter { !FileManager.default.contentsEqual(atPath: source + "/" + $0, andPath: dest + "/" + $0) }
        #expect(differing.isEmpty, "bytes differ: \(differing.prefix(5))", sourceLocation: sourceLocation)
    }

    func files(_ root: String) -> [String] {
        var out: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(relative)
            }
        }
        return out.sorted()
    }

    @Test func theSecretsAreReadAsTheDocsWriteThem() throws {
        let minio = Self.stringData(try Self.minioSecret)
        #expect(minio["RCLONE_CONFIG_S3_PROVIDER"] == "minio")
        #expect(minio["RCLONE_CONFIG_S3_ENV_AUTH"] == "false")
        #expect(minio["RCLONE_CONFIG_S3_ACCESS_KEY_ID"] == "minioadmin")
        #expect(minio.count == 6)
        #expect(Self.stringData(Self.awsEnvAuthSecret) == [
            "RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_PROVIDER": "aws",
            "RCLONE_CONFIG_S3_ENV_AUTH": "true", "RCLONE_CONFIG_S3_REGION": "us-east-1",
        ])
    }

    @Test(.enabled(if: haveSeaweedFS && haveSdc, "SDC_TEST_S3_ENDPOINT (or the sdc binary) is missing: run under scripts/test"))
    func minioSecretWithKeys() throws {
        var env = Self.stringData(try Self.minioSecret)
        env["RCLONE_CONFIG_S3_ENDPOINT"] = Self.environment["SDC_TEST_S3_ENDPOINT"]
        let (run, dest) = try fetch("s3://models/model/many", environment: env)
        defer { try? FileManager.default.removeItem(atPath: dest) }
        #expect(run.status == 0, "\(run.stderrText)")
        #expect(!run.stderrText.contains("minioadmin"))
        expectSameBytes(dest)
    }

    @Test(.enabled(if: haveSeaweedFS && haveSdc, "SDC_TEST_S3_ENDPOINT (or the sdc binary) is missing: run under scripts/test"))
    func awsSecretWithEnvAuth() throws {
        var env = Self.stringData(Self.awsEnvAuthSecret)
        env["RCLONE_CONFIG_S3_ENDPOINT"] = Self.environment["SDC_TEST_S3_ENDPOINT"]
        // What a pod gets from `env:`/`envFrom:` besides the Secret (or from IRSA on EKS).
        env["AWS_ACCESS_KEY_ID"] = "minioadmin"
        env["AWS_SECRET_ACCESS_KEY"] = "minioadmin"
        let (run, dest) = try fetch("s3://models/model/many", environment: env)
        defer { try? FileManager.default.removeItem(atPath: dest) }
        #expect(run.status == 0, "\(run.stderrText)")
        expectSameBytes(dest)
    }

    @Test(.enabled(if: haveGCS && haveSdc, "SDC_TEST_GCS_ENDPOINT (or the sdc binary) is missing: run under scripts/test"))
    func publicGCSWithNoSecret() throws {
        let endpoint = ["RCLONE_CONFIG_GS_ENDPOINT": Self.environment["SDC_TEST_GCS_ENDPOINT"] ?? ""]
        // No Secret at all: sdc's built-in `gs` remote...
        let (builtin, dest) = try fetch("gs://models/model/many", environment: endpoint)
        defer { try? FileManager.default.removeItem(atPath: dest) }
        #expect(builtin.status == 0, "\(builtin.stderrText)")
        expectSameBytes(dest)
        // ...and the storage-initializer image's own variables, which say the same.
        let image = ["RCLONE_CONFIG_GS_TYPE": "google cloud storage", "RCLONE_CONFIG_GS_ANONYMOUS": "true"]
        let (imageRun, imageDest) = try fetch("gs://models/model/many", environment: image.merging(endpoint) { $1 })
        defer { try? FileManager.default.removeItem(atPath: imageDest) }
        #expect(imageRun.status == 0, "\(imageRun.stderrText)")
        expectSameBytes(imageDest)
    }
}
