import Foundation
import SDCDiagnostics
import Testing

/// URIs and Secrets that are right must pass: a rule that fires on them would teach users to ignore validate.
@Suite struct GoodInputTests {
    static let secret = """
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: storage
          namespace: ns
        stringData:
          RCLONE_CONFIG_S3_TYPE: s3
          RCLONE_CONFIG_S3_PROVIDER: Minio
          RCLONE_CONFIG_S3_ENDPOINT: http://minio.minio.svc:9000
          RCLONE_CONFIG_S3_ACCESS_KEY_ID: minioadmin
          RCLONE_CONFIG_S3_SECRET_ACCESS_KEY: minioadmin
          RCLONE_CONFIG_MY-REMOTE_TYPE: google cloud storage
          RCLONE_CONFIG_MY-REMOTE_ANONYMOUS: "true"
          RCLONE_CONFIG_AZ_TYPE: azureblob
          RCLONE_CONFIG_AZ_USE_MSI: "true"
          RCLONE_CONFIG_WEB_TYPE: http
          RCLONE_CONFIG_WEB_URL: https://models.example.com/
        data:
          RCLONE_CONFIG_S3_REGION: dXMtZWFzdC0x

        """

    static func deployment(_ uri: String) -> String {
        """
        apiVersion: machinelearning.seldon.io/v1
        kind: SeldonDeployment
        metadata:
          name: m
          namespace: ns
        spec:
          predictors:
          - name: default
            graph:
              name: classifier
              implementation: SKLEARN_SERVER
              modelUri: "\(uri)"
              envSecretRefName: storage

        """
    }

    @Test(
        "well-formed URIs with their remote defined produce no finding at all",
        arguments: [
            "s3://bucket/models/iris", "s3:bucket/models/iris", "s3:/bucket/models/iris", "S3://bucket/models/iris",
            "s3:bucket/models/iris/", "gs://seldon-models/sklearn/iris", "my-remote:bucket/iris", "az:models/iris",
            "web:iris/model.joblib", "pvc://model-pvc/iris", "/mnt/models/iris", "s3,region=eu-west-1:bucket/iris",
        ])
    func goodURI(_ uri: String) throws {
        let path = try write(Self.deployment(uri) + Self.secret)
        // The one deliberate exception: `my-remote`'s keys are fine for Kubernetes but not for shells (a note).
        let findings = try validate(files: [path]).filter { !($0.rule == "secret-key-name" && $0.message.contains("MY-REMOTE")) }
        #expect(findings.isEmpty, "\(uri): \(findings.map { "[\($0.rule)] \($0.message)" })")
    }

    private func write(_ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-validate-good-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("input.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
