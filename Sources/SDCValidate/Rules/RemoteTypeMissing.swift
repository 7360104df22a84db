import SDCDiagnostics

/// `remote-type-missing` (storage.md `RemoteTypeMissing`, §1.2): `TYPE` is mandatory; other `RCLONE_CONFIG_<X>_*` keys
/// without `RCLONE_CONFIG_<X>_TYPE` define nothing.
struct RemoteTypeMissing: Rule {
    let id = "remote-type-missing"
    let defaultSeverity = Severity.error
    let summary = "every remote configured in a Secret has RCLONE_CONFIG_<X>_TYPE"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.rcloneEntries.compactMap { entry, assignment -> Diagnostic? in
                guard case .orphan(let remote) = assignment else { return nil }
                let typeKey = "RCLONE_CONFIG_\(remote.uppercased())_TYPE"
                return .error(
                    id, "\(entry.key) configures remote '\(remote)', but \(typeKey) is missing, so rclone ignores it",
                    fix: "add \(typeKey) (s3, google cloud storage, azureblob, http or local)",
                    at: entry.keyNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
