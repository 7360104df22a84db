import SDCDiagnostics
import SDCModel
import Testing

@Suite struct RcloneConfigTests {
    @Test func variablesAreNamedAsRcloneReadsThem() throws {
        let config = try RcloneConfig(
            parsing: """
                # MinIO in the cluster
                [s3-minio]
                type = s3
                provider = Minio
                access_key_id = minioadmin
                secret_access_key = minio=admin

                [gcs]
                type = google cloud storage
                anonymous = true
                """, file: "rclone.conf")
        #expect(config.variables.map(\.0) == [
            "RCLONE_CONFIG_S3_MINIO_TYPE", "RCLONE_CONFIG_S3_MINIO_PROVIDER", "RCLONE_CONFIG_S3_MINIO_ACCESS_KEY_ID",
            "RCLONE_CONFIG_S3_MINIO_SECRET_ACCESS_KEY", "RCLONE_CONFIG_GCS_TYPE", "RCLONE_CONFIG_GCS_ANONYMOUS",
        ])
        #expect(config.variables[3].1 == "minio=admin", "only the first = separates key and value")
        #expect(config.variables[4].1 == "google cloud storage")
    }

    @Test func keyBeforeSectionIsLocatedWithoutEchoingTheLine() throws {
        do {
            _ = try RcloneConfig(parsing: "secret_access_key = hunter2\n", file: "rclone.conf")
            Issue.record("expected an error")
        } catch {
            #expect(error.location?.line == 1)
            #expect(!error.message.contains("hunter2"))
        }
    }

    @Test func emptyConfigIsAnError() {
        #expect(throws: Diagnostic.self) { try RcloneConfig(parsing: "# nothing\n", file: "rclone.conf") }
    }
}
