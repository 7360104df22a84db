import SDCDiagnostics

/// `secret-value-empty` (storage.md `SecretValueEmpty`, §1.1): an empty `TYPE` leaves the remote undefined.
struct SecretValueEmpty: Rule {
    let id = "secret-value-empty"
    let defaultSeverity = Severity.error
    let summary = "RCLONE_CONFIG_<X>_TYPE is not empty"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes.remotes.compactMap { remote -> Diagnostic? in
                guard let value = remote.typeEntry.value, value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
                return .error(
                    id, "\(remote.typeEntry.key) is empty: the remote '\(remote.name)' is undefined",
                    fix: "set it to s3, google cloud storage, azureblob, http or local",
                    at: remote.typeEntry.valueNode.location, path: "\(remote.typeEntry.field.rawValue).\(remote.typeEntry.key)")
            }
        }
    }
}
