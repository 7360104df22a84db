import SDCDiagnostics

/// `secret-value-empty` (storage.md `SecretValueEmpty`, §1.1): an empty `TYPE` leaves the remote undefined (error); an
/// empty bool/int/size/duration option means its default (note).
struct SecretValueEmpty: Rule {
    let id = "secret-value-empty"
    let defaultSeverity = Severity.error
    let summary = "RCLONE_CONFIG_<X>_TYPE is not empty"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        emptyTypes(context) + emptyOptions(context)
    }

    private func emptyOptions(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            let remotes = secret.remotes
            return secret.rcloneEntries.compactMap { entry, assignment -> Diagnostic? in
                guard case .option(let remote, let name) = assignment, entry.value?.isEmpty == true,
                    let option = remotes.remote(named: remote)?.backend?.option(named: name), option.type != .string
                else { return nil }
                return Diagnostic(
                    .note, rule: id, "\(entry.key) is empty: the default (\(option.defaultValue.isEmpty ? "unset" : option.defaultValue)) is used",
                    fix: "remove the key or give it a value", at: entry.valueNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }

    private func emptyTypes(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes.remotes.compactMap { remote -> Diagnostic? in
                guard let value = remote.typeEntry.value, value.trimmingCharactersInWhitespacesAndNewlines().isEmpty else { return nil }
                return .error(
                    id, "\(remote.typeEntry.key) is empty: the remote '\(remote.name)' is undefined",
                    fix: "set it to s3, google cloud storage, azureblob, http or local",
                    at: remote.typeEntry.valueNode.location, path: "\(remote.typeEntry.field.rawValue).\(remote.typeEntry.key)")
            }
        }
    }
}
