import SDCDiagnostics

/// `s3-anonymous-access` (storage.md `S3AnonymousAccess`, P5): an s3 remote with no keys and `env_auth` not true sends
/// anonymous requests; private buckets answer 403. Set keys, or `env_auth=true` for IRSA / instance roles.
struct S3AnonymousAccess: Rule {
    let id = "s3-anonymous-access"
    let defaultSeverity = Severity.warning
    let summary = "an s3 remote without keys sets env_auth=true (or is meant to be anonymous)"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .s3).compactMap { remote, options -> Diagnostic? in
                let envAuth = BoolOption.isTrue(options["env_auth"]?.value)
                guard !envAuth, !(options["access_key_id"]?.isSet ?? false), !(options["secret_access_key"]?.isSet ?? false)
                else { return nil }
                return .warning(
                    id,
                    "remote '\(remote.name)' has no credentials and env_auth is not true: requests are anonymous and private buckets return 403",
                    fix: "set RCLONE_CONFIG_\(remote.name.uppercased())_ACCESS_KEY_ID and _SECRET_ACCESS_KEY, or _ENV_AUTH: \"true\"",
                    at: remote.typeEntry.keyNode.location,
                    path: "\(remote.typeEntry.field.rawValue).\(remote.typeEntry.key)")
            }
        }
    }
}
