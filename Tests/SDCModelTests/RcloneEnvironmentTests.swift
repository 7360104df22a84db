import SDCModel
import Testing

@Suite struct RcloneEnvironmentTests {
    @Test func variablesAreNamedAsRcloneReadsThem() {
        let config = RcloneEnvironment(entries: [
            .init(remote: "s3-minio", key: "type", value: "s3"),
            .init(remote: "s3-minio", key: "access-key-id", value: "minioadmin"),
            .init(remote: "s3-minio", key: "secret_access_key", value: "minio=admin"),
            .init(remote: "gcs", key: "type", value: "google cloud storage"),
            .init(remote: "s3-minio", key: "type", value: "s3 again"),
        ])
        #expect(config.variables.map(\.0) == [
            "RCLONE_CONFIG_S3_MINIO_TYPE", "RCLONE_CONFIG_S3_MINIO_ACCESS_KEY_ID",
            "RCLONE_CONFIG_S3_MINIO_SECRET_ACCESS_KEY", "RCLONE_CONFIG_GCS_TYPE",
        ])
        #expect(config.variables[0].1 == "s3 again", "a later duplicate wins, in the first one's place")
        #expect(config.variables[3].1 == "google cloud storage")
    }
}
