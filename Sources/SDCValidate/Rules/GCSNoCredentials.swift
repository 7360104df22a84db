import SDCDiagnostics

/// `gcs-no-credentials` (storage.md `GCSNoCredentials`, §2.2): a gcs remote that is not anonymous and names no service
/// account, token or env_auth uses Application Default Credentials — fine on GKE with Workload Identity, a 401
/// elsewhere.
struct GCSNoCredentials: Rule {
    let id = "gcs-no-credentials"
    let defaultSeverity = Severity.note
    let summary = "a gcs remote says where its credentials come from"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .googleCloudStorage).compactMap { remote, options -> Diagnostic? in
                let anonymous = BoolOption.isTrue(options["anonymous"]?.value)
                let named = ["service_account_file", "service_account_credentials", "token", "access_token"].contains {
                    options[$0]?.isSet ?? false
                }
                let envAuth = BoolOption.isTrue(options["env_auth"]?.value)
                // The built-in gs remote is anonymous through the image (builtin-gs-anonymous covers credentials there).
                guard !anonymous, !named, !envAuth, remote.name != "gs" else { return nil }
                return Diagnostic(
                    .note, rule: id,
                    "remote '\(remote.name)' will use Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS or the metadata server)",
                    fix: "set RCLONE_CONFIG_\(remote.name.uppercased())_SERVICE_ACCOUNT_CREDENTIALS, or _ANONYMOUS: \"true\" for public buckets",
                    at: remote.typeEntry.keyNode.location,
                    path: "\(remote.typeEntry.field.rawValue).\(remote.typeEntry.key)")
            }
        }
    }
}
