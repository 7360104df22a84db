import Foundation
import SDCTestSupport
import Testing

/// Credentials given to sdc must never come back out (issue 7): every subcommand, every output (stdout, stderr,
/// the termination log, JSON and SARIF reports), including a server error that echoes the request headers.
/// Each secret is checked as given and in the encodings it travels in (base64, percent-encoding).
@Suite("secrets never leak", .enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.sdc), "the sdc binary is not built"))
struct SecretSweepTests {
    static let secrets = ["Sw33pPassw0rd", "Sw33pSasSignature", "Sw33pSecretKey", "Sw33pStringData", "Sw33pAccessKey"]

    /// Every form a secret could be printed in.
    static func forms(_ secret: String) -> [String] {
        [secret, Data(secret.utf8).base64EncodedString(), Data("user:\(secret)".utf8).base64EncodedString(),
         secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? secret]
    }

    static func leaks(in outputs: [String: String]) -> [String] {
        var hits: [String] = []
        for (name, text) in outputs {
            for secret in secrets {
                for form in forms(secret) where text.contains(form) { hits.append("\(form) in \(name)") }
            }
        }
        return hits
    }

    @Test("fetch -vv, with a URL password, a SAS signature and keys, against a server that echoes headers")
    func fetch() async throws {
        let server = try FaultServer()
        let dir = try FetchFaultTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let environment = [
            "RCLONE_CONFIG": "/dev/null",
            "RCLONE_CONFIG_WEB_TYPE": "http", "RCLONE_CONFIG_WEB_URL": "http://127.0.0.1:\(server.port)/",
            "RCLONE_CONFIG_WEB_HEADERS": "Authorization,Bearer Sw33pSecretKey",
            "AWS_SECRET_ACCESS_KEY": "Sw33pSecretKey", "AWS_ACCESS_KEY_ID": "Sw33pAccessKey",
            // An S3 look-alike whose error body repeats the signed request (Authorization: …Credential=<key id>…).
            "RCLONE_CONFIG_S3E_TYPE": "s3", "RCLONE_CONFIG_S3E_PROVIDER": "Minio",
            "RCLONE_CONFIG_S3E_ENDPOINT": "http://127.0.0.1:\(server.port)",
            "RCLONE_CONFIG_S3E_ACCESS_KEY_ID": "Sw33pAccessKey", "RCLONE_CONFIG_S3E_SECRET_ACCESS_KEY": "Sw33pSecretKey",
        ]
        let uris = [
            "http://user:Sw33pPassw0rd@127.0.0.1:\(server.port)/echo?sv=2020-08-04&sig=Sw33pSasSignature",
            "http://user:Sw33pPassw0rd@127.0.0.1:\(server.port)/ok.bin?sig=Sw33pSasSignature",
            "web:echo",
            "s3e:echo/model",
        ]
        for (i, uri) in uris.enumerated() {
            for extra in [["-vv"], ["-vv", "--output", "json"], ["--diagnostics", "json"]] {
                let log = dir + "/termination-\(i)-\(extra.count)"
                let result = try await MeasuredRun.run(
                    TestPaths.sdc, ["fetch", "--low-level-retries", "1", "--retries", "1", "--termination-log", log] + extra + [uri, dir + "/d\(i)"],
                    environment: environment)
                let outputs = [
                    "stdout": String(decoding: result.stdout, as: UTF8.self), "stderr": result.stderrText,
                    "termination log": (try? String(contentsOfFile: log, encoding: .utf8)) ?? "",
                ]
                #expect(Self.leaks(in: outputs).isEmpty, "\(uri) \(extra): \(Self.leaks(in: outputs))\n\(result.stderrText)")
            }
        }
        // The sweep must be able to fail: the echo server really did receive the secrets.
        let log = try server.log()
        #expect(log.filter { $0.hasPrefix("GET /echo") && $0.hasSuffix(" 403") }.count >= 4, "\(log)")
    }

    static let manifest = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: creds
          namespace: seldon
        type: Opaque
        data:
          RCLONE_CONFIG_S3_TYPE: czM=
          RCLONE_CONFIG_S3_SECRET_ACCESS_KEY: \(Data("Sw33pSecretKey".utf8).base64EncodedString())
          RCLONE_CONFIG_S3_ACESS_KEY_ID: \(Data("Sw33pAccessKey".utf8).base64EncodedString())
          RCLONE_CONFIG_S3_PROVIDER: not base64 Sw33pStringData
        stringData:
          RCLONE_CONFIG_S3_ENDPOINT: "https://u:Sw33pStringData@minio"
        ---
        apiVersion: machinelearning.seldon.io/v1
        kind: SeldonDeployment
        metadata:
          name: m
          namespace: seldon
        spec:
          predictors:
          - name: default
            graph:
              name: classifier
              implementation: SKLEARN_SERVER
              modelUri: https://user:Sw33pPassw0rd@example.com/model?sig=Sw33pSasSignature
              envSecretRefName: creds
            componentSpecs:
            - spec:
                containers:
                - name: classifier
                  env:
                  - name: TOKEN
                    value: Sw33pPassw0rd
                  - {name: 5, value: x}

        """

    @Test("validate in every format, and render's diagnostics, on manifests full of credentials")
    func validateAndRender() async throws {
        let path = try temporaryFile(Self.manifest)
        var ran = 0
        for format in ["text", "json", "sarif"] {
            let result = try await MeasuredRun.run(TestPaths.sdc, ["validate", "--format", format, path])
            let outputs = ["stdout": String(decoding: result.stdout, as: UTF8.self), "stderr": result.stderrText]
            #expect(result.status == 1, "validate must find the errors planted in the manifest: \(result.stderrText)")
            #expect(Self.leaks(in: outputs).isEmpty, "validate --format \(format): \(Self.leaks(in: outputs))")
            ran += 1
        }
        for diagnostics in ["text", "json"] {
            // Render copies Secrets and env values to stdout by design; its diagnostics must not repeat them.
            let result = try await MeasuredRun.run(TestPaths.sdc, ["render", "--diagnostics", diagnostics, path])
            #expect(result.status == 1, "render must refuse the bad env entry: \(result.stderrText)")
            #expect(Self.leaks(in: ["stderr": result.stderrText]).isEmpty, "render: \(Self.leaks(in: ["stderr": result.stderrText]))")
            ran += 1
        }
        #expect(ran == 5)
    }
}
