import SDCDiagnostics

/// `builtin-gs-anonymous` (storage.md `BuiltinGSAnonymous`, P2): the initializer image sets
/// `RCLONE_CONFIG_GS_ANONYMOUS=true`; a Secret that adds `gs` credentials without overriding it keeps the remote
/// anonymous, and private buckets answer 403.
struct BuiltinGSAnonymous: Rule {
    let id = "builtin-gs-anonymous"
    let defaultSeverity = Severity.error
    let summary = "gs credentials in a Secret come with RCLONE_CONFIG_GS_ANONYMOUS=false"

    static let credentialKeys = ["SERVICE_ACCOUNT_CREDENTIALS", "SERVICE_ACCOUNT_FILE", "TOKEN", "ENV_AUTH"]

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.compactMap { secret -> Diagnostic? in
            let env = secret.merged
            guard env["RCLONE_CONFIG_GS_ANONYMOUS"] == nil,
                let credential = Self.credentialKeys.compactMap({ env["RCLONE_CONFIG_GS_\($0)"] }).first
            else { return nil }
            return .error(
                id, "remote 'gs' inherits anonymous=true from the storage initializer image, so \(credential.key) is not used",
                fix: "add RCLONE_CONFIG_GS_ANONYMOUS: \"false\", or name the remote something other than gs",
                at: credential.keyNode.location, path: "\(credential.field.rawValue).\(credential.key)")
        }
    }
}
