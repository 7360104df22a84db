import SDCDiagnostics

/// `s3-static-keys-with-env-auth` (storage.md `S3StaticKeysWithEnvAuth`, §2.1.1): with both, the static keys win and
/// the IRSA / instance role is never used.
struct S3StaticKeysWithEnvAuth: Rule {
    let id = "s3-static-keys-with-env-auth"
    let defaultSeverity = Severity.note
    let summary = "an s3 remote does not set both env_auth=true and static keys"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .s3).compactMap { remote, options -> Diagnostic? in
                guard let envAuth = options["env_auth"], BoolOption.isTrue(envAuth.value),
                    options["access_key_id"]?.isSet == true, options["secret_access_key"]?.isSet == true
                else { return nil }
                return Diagnostic(
                    .note, rule: id, "remote '\(remote.name)': static keys take precedence over env_auth",
                    fix: "remove the keys to use the pod's role, or env_auth to use the keys", at: envAuth.keyNode.location,
                    path: "\(envAuth.field.rawValue).\(envAuth.key)")
            }
        }
    }
}
