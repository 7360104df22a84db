/// rclone's google cloud storage options (spec/storage.md §2.2).
public enum GCSOptions {
    public static let backend = BackendDescription(
        kind: .googleCloudStorage, typeNames: ["google cloud storage", "gcs", "googlecloudstorage"], prefix: "gcs",
        options: [
            BackendOption("client_id", .string),
            BackendOption("client_secret", .string, secret: true),
            BackendOption("token", .string, secret: true),
            BackendOption("auth_url", .string),
            BackendOption("token_url", .string),
            BackendOption("project_number", .string, fetch: .uploadOnly),
            BackendOption("service_account_file", .string),
            BackendOption("service_account_credentials", .string, secret: true),
            BackendOption("anonymous", .bool, default: "false"),
            BackendOption("object_acl", .string, fetch: .uploadOnly),
            BackendOption("bucket_acl", .string, fetch: .uploadOnly),
            BackendOption("bucket_policy_only", .bool, default: "false", fetch: .uploadOnly),
            BackendOption("location", .string, fetch: .uploadOnly),
            BackendOption("storage_class", .string, fetch: .uploadOnly),
            BackendOption("no_check_bucket", .bool, default: "false", fetch: .uploadOnly),
            BackendOption("decompress", .bool, default: "false"),
            BackendOption("endpoint", .string),
            BackendOption("encoding", .encoding, default: "Slash,CrLf,InvalidUtf8,Dot", fetch: .irrelevant),
            BackendOption("env_auth", .bool, default: "false", since: "1.62.0"),
            BackendOption("user_project", .string, since: "1.63.0"),
            BackendOption("directory_markers", .bool, default: "false", fetch: .uploadOnly, since: "1.63.0"),
            BackendOption("access_token", .string, secret: true, since: "1.70.0"),
        ])
}
