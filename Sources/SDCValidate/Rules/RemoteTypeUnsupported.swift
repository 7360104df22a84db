import SDCDiagnostics
import SDCStorage

/// `remote-type-unsupported` (storage.md `RemoteTypeUnsupported`, §7.2): a backend rclone has but sdc fetch does not.
/// An error when a unit using the Secret runs sdc fetch; a note under the rclone image, which serves it.
struct RemoteTypeUnsupported: Rule {
    let id = "remote-type-unsupported"
    let defaultSeverity = Severity.note
    let summary = "the remote's backend is one sdc fetch supports (s3, gcs, azureblob, http, local)"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes.remotes.compactMap { remote -> Diagnostic? in
                guard remote.backend == nil, BackendRegistry.rcloneOnlyTypes.contains(remote.type) else { return nil }
                let severity: Severity = context.isReadBySDCFetch(secret) ? .error : .note
                return Diagnostic(
                    severity, rule: id, "backend '\(remote.type)' of remote '\(remote.name)' is not supported by sdc fetch",
                    fix: "keep the rclone storage initializer image for models on this remote",
                    at: remote.typeEntry.valueNode.location, path: "\(remote.typeEntry.field.rawValue).\(remote.typeEntry.key)")
            }
        }
    }
}
