import SDCDiagnostics

/// `s3-half-credentials` (storage.md `S3HalfCredentials`, §2.1.1): exactly one of the two keys fails with
/// "<missing> not found".
struct S3HalfCredentials: Rule {
    let id = "s3-half-credentials"
    let defaultSeverity = Severity.error
    let summary = "an s3 remote sets both access_key_id and secret_access_key, or neither"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .s3).compactMap { remote, options -> Diagnostic? in
                let id = options["access_key_id"], key = options["secret_access_key"]
                let envAuth = BoolOption.isTrue(options["env_auth"]?.value)
                guard !envAuth, (id?.isSet ?? false) != (key?.isSet ?? false) else { return nil }
                let missing = (id?.isSet ?? false) ? "secret_access_key" : "access_key_id"
                let present = (id?.isSet ?? false) ? id! : key!
                return .error(
                    self.id, "remote '\(remote.name)': \(missing) is empty; rclone fails with \"\(missing) not found\"",
                    fix: "add RCLONE_CONFIG_\(remote.name.uppercased())_\(missing.uppercased())",
                    at: present.keyNode.location, path: "\(present.field.rawValue).\(present.key)")
            }
        }
    }
}
