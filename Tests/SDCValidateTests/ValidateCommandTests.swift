import Foundation
import Testing

/// The CLI contract of issue 6: text format, exit statuses, many files, stdin, and Secret values never printed.
@Suite struct ValidateCommandTests {
    static let typo = Fixtures.badInputs + "/option-typo-access-key.yaml"
    static let warningOnly = Fixtures.badInputs + "/local-relative.yaml"
    static let clean = Fixtures.examples + "/gcs-public/seldondeployment.yaml"

    @Test("text: file:line:col: severity: [rule] message, then the fix")
    func textFormat() throws {
        let run = try sdc(["validate", Self.typo])
        #expect(run.status == 1)
        let lines = run.stderrText.split(separator: "\n").map(String.init)
        let first = try #require(lines.first { $0.contains("[unknown-option]") })
        #expect(first.hasPrefix("\(Self.typo):27:3: error: [unknown-option] RCLONE_CONFIG_S3_ACESS_KEY_ID: backend 's3' has no option 'acess_key_id'"))
        #expect(lines.contains("  fix: rename the key to RCLONE_CONFIG_S3_ACCESS_KEY_ID"))
        #expect(run.stdoutText.isEmpty)
    }

    @Test("exit 0 when clean, 0 with only warnings, 1 with warnings under --strict")
    func exitStatuses() throws {
        #expect(try sdc(["validate", Self.clean]).status == 0)
        let warned = try sdc(["validate", Self.warningOnly])
        #expect(warned.status == 0)
        #expect(warned.stderrText.contains("warning: [local-path-relative]"))
        #expect(try sdc(["validate", "--strict", Self.warningOnly]).status == 1)
    }

    @Test("exit 64 on usage errors, 66 on an unreadable input (other inputs still checked)")
    func usageAndUnreadable() throws {
        #expect(try sdc(["validate"]).status == 64)
        #expect(try sdc(["validate", "--format", "xml", Self.clean]).status == 64)
        let missing = try sdc(["validate", "/nonexistent/sdep.yaml", Self.typo])
        #expect(missing.status == 66)
        #expect(missing.stderrText.contains("[input-unreadable]"))
        #expect(missing.stderrText.contains("[unknown-option]"))
    }

    @Test("many files at once: findings sorted by file, then position")
    func manyFiles() throws {
        let a = Fixtures.badInputs + "/scheme-hdfs.yaml", b = Fixtures.badInputs + "/bucket-s3-short.yaml"
        let run = try sdc(["validate", a, b])
        #expect(run.status == 1)
        let located = run.stderrText.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(located.first?.hasPrefix(b) == true)
        #expect(located.last?.hasPrefix(a) == true)
    }

    @Test("stdin (-) is read and named <stdin>")
    func standardInput() throws {
        let text = try Fixtures.read(Self.typo)
        let run = try sdc(["validate", "-"], stdin: text)
        #expect(run.status == 1)
        #expect(run.stderrText.contains("<stdin>:27:3: error: [unknown-option]"))
    }

    @Test("the Secret a values file names by default is the one checked")
    func defaultSecretFromValues() throws {
        let sdep = try Fixtures.read(Fixtures.badInputs + "/secret-missing-s3.yaml")
        let secret = "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-secret\n  namespace: ns\nstringData:\n  RCLONE_CONFIG_S3_TYPE: s3\n  RCLONE_CONFIG_S3_ENV_AUTH: \"true\"\n  RCLONE_CONFIG_S3_REGOIN: eu-west-1\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("all.yaml").path
        let values = dir.appendingPathComponent("values.yaml").path
        try (sdep + secret).write(toFile: input, atomically: true, encoding: .utf8)
        try "predictiveUnit:\n  defaultEnvSecretRefName: cluster-secret\n".write(toFile: values, atomically: true, encoding: .utf8)
        let run = try sdc(["validate", input, "-f", values])
        #expect(run.status == 1)
        #expect(!run.stderrText.contains("[storage-secret-missing]"))
        #expect(run.stderrText.contains("(did you mean RCLONE_CONFIG_S3_REGION?)"))
    }

    @Test("Secret values are never printed, whatever the rule")
    func secretValuesNeverEchoed() throws {
        let value = "Zq7SuperSecretValue"
        let encoded = Data((value + "\n").utf8).base64EncodedString()
        let input = """
            apiVersion: machinelearning.seldon.io/v1
            kind: SeldonDeployment
            metadata: {name: m, namespace: ns}
            spec:
              predictors:
              - name: default
                graph: {name: classifier, implementation: SKLEARN_SERVER, modelUri: "s3://bucket/iris", envSecretRefName: s}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: s, namespace: ns}
            data:
              RCLONE_CONFIG_S3_SECRET_ACCESS_KEY: \(encoded)
              RCLONE_CONFIG_S3_SESSION_TOKEN: \(encoded)
            stringData:
              RCLONE_CONFIG_S3_TYPE: s3
              RCLONE_CONFIG_S3_ACESS_KEY_ID: \(value)
              RCLONE_CONFIG_S3_ENV_AUTH: \(value)
              RCLONE_CONFIG_S3_SSE_CUSTOMER_KEY: " \(value)"
              RCLONE_CONFIG_S3_LIST_CHUNK: \(value)
              RCLONE_CONFIG_S4_ACCESS_KEY_ID: \(value)
              RCLONE_CONFIG_S3_PROVIDER: \(value)
              RCLONE_CONFIG_S3_ENDPOINT: \(value)
              RCLONE_CONFIG_S5_TYPE: \(value)
              RCLONE_CONFIG_WEB_TYPE: http
              RCLONE_CONFIG_WEB_URL: ftp://\(value)

            """
        for format in ["text", "json", "sarif"] {
            let run = try sdc(["validate", "--format", format, "-"], stdin: input)
            #expect(run.status == 1)
            #expect(run.stderrText.contains("[") || run.stdoutText.contains("ruleId") || run.stdoutText.contains("rule"))
            #expect(!(run.stdoutText + run.stderrText).contains(value), "\(format) output echoes a Secret value")
            #expect(!(run.stdoutText + run.stderrText).contains(encoded), "\(format) output echoes an encoded Secret value")
        }
    }

    @Test("--fetcher sdc turns implicit-remote into a portability warning; --fetcher rclone keeps it an error")
    func fetcherOverride() throws {
        let input = Fixtures.badInputs + "/implicit-s3-rclone.yaml"
        let rclone = try sdc(["validate", "--fetcher", "rclone", input])
        #expect(rclone.status == 1)
        #expect(rclone.stderrText.contains("error: [implicit-remote]"))
        let sdcFetch = try sdc(["validate", "--fetcher", "sdc", input])
        #expect(sdcFetch.stderrText.contains("warning: [implicit-remote]"))
        #expect(!sdcFetch.stderrText.contains("error: [implicit-remote]"))
        #expect(try sdc(["validate", "--fetcher", "kserve", input]).status == 64)
    }

    @Test("credentials written into a modelUri are reported and redacted wherever the URI is quoted")
    func uriCredentialsRedacted() throws {
        let input = """
            apiVersion: machinelearning.seldon.io/v1
            kind: SeldonDeployment
            metadata: {name: m, namespace: ns}
            spec:
              predictors:
              - name: default
                graph: {name: classifier, implementation: SKLEARN_SERVER, modelUri: "minio,secret_access_key='Zq7:Pw',region=eu:bucket/x"}
              - name: other
                traffic: 0
                graph: {name: classifier, implementation: SKLEARN_SERVER, modelUri: "s3://AKIAZQ7:Zq7Pw@bucket/x"}

            """
        let run = try sdc(["validate", "-"], stdin: input)
        #expect(run.status == 1)
        #expect(run.stderrText.contains("[uri-credentials] modelUri carries a credential (connection-string option secret_access_key)"))
        #expect(run.stderrText.contains("[uri-credentials] modelUri carries a credential (user info before the bucket)"))
        #expect(run.stderrText.contains("'minio,secret_access_key=REDACTED,region=eu:bucket/x'"))
        #expect(!run.stderrText.contains("Zq7"))
        #expect(!run.stderrText.contains("[uri-embedded-endpoint]"))
    }

    @Test("a Secret in another input file is the one checked")
    func secretInAnotherFile() throws {
        let sdep = Fixtures.examples + "/s3-env-secret/seldondeployment.yaml"
        let text = try Fixtures.read(sdep)
        // The example's own document stream holds the Secret; split it off and break one key in the copy.
        let parts = text.components(separatedBy: "\n---\n")
        try #require(parts.count == 2)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-validate-split-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("sdep.yaml").path, second = dir.appendingPathComponent("secret.yaml").path
        try (parts[0] + "\n").write(toFile: first, atomically: true, encoding: .utf8)
        try parts[1].replacingOccurrences(of: "RCLONE_CONFIG_S3_ENDPOINT", with: "RCLONE_CONFIG_S3_ENDPIONT")
            .write(toFile: second, atomically: true, encoding: .utf8)
        let alone = try sdc(["validate", first])
        #expect(alone.status == 0)
        #expect(alone.stderrText.contains("warning: [storage-secret-not-in-inputs]"))
        let both = try sdc(["validate", first, second])
        #expect(both.status == 1)
        #expect(both.stderrText.contains("\(second):"))
        #expect(both.stderrText.contains("(did you mean RCLONE_CONFIG_S3_ENDPOINT?)"))
        // With the endpoint key misspelt, the MinIO remote has no endpoint at all: requests would go to AWS.
        #expect(both.stderrText.contains("error: [s3-endpoint-required]"))
        #expect(!both.stderrText.contains("[storage-secret-not-in-inputs]"))
    }
}
