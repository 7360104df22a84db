import SDCDiagnostics

/// `aws-env-ignored` (storage.md `AWSEnvIgnored`, P5/P6): `AWS_ACCESS_KEY_ID` and friends are read only through
/// `env_auth=true`, and `AWS_ENDPOINT_URL` never (rclone 1.60.1).
struct AWSEnvIgnored: Rule {
    let id = "aws-env-ignored"
    let defaultSeverity = Severity.warning
    let summary = "AWS_* variables in a Secret are read (env_auth=true) or absent"

    static let keys = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL"]

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret -> [Diagnostic] in
            let s3 = secret.remotes(of: .s3)
            guard !s3.isEmpty else { return [] }
            let envAuth = s3.contains { BoolOption.isTrue($0.options["env_auth"]?.value) }
            return secret.effectiveEntries.compactMap { entry -> Diagnostic? in
                guard Self.keys.contains(entry.key), !envAuth || entry.key == "AWS_ENDPOINT_URL" else { return nil }
                let remote = s3[0].remote.name.uppercased()
                return .warning(
                    id, "\(entry.key) is only read when RCLONE_CONFIG_<R>_ENV_AUTH=true" + (entry.key == "AWS_ENDPOINT_URL" ? ", and AWS_ENDPOINT_URL never" : ""),
                    fix: entry.key == "AWS_ENDPOINT_URL"
                        ? "use RCLONE_CONFIG_\(remote)_ENDPOINT" : "use RCLONE_CONFIG_\(remote)_\(entry.key.dropFirst(4)) or set RCLONE_CONFIG_\(remote)_ENV_AUTH: \"true\"",
                    at: entry.keyNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
