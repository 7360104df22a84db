import SDCDiagnostics
import SDCStorage

/// `remote-type-unknown` (storage.md `RemoteTypeUnknown`, §1.2): rclone matches `type` case-sensitively against backend
/// names, so `S3` fails with `didn't find backend called "S3"`.
struct RemoteTypeUnknown: Rule {
    let id = "remote-type-unknown"
    let defaultSeverity = Severity.error
    let summary = "RCLONE_CONFIG_<X>_TYPE names an rclone backend exactly"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes.remotes.compactMap { remote -> Diagnostic? in
                let type = remote.type
                guard remote.backend == nil, !BackendRegistry.rcloneOnlyTypes.contains(type), !type.isEmpty else { return nil }
                let suggestion = BackendRegistry.suggestion(forType: type.trimmingCharactersInWhitespacesAndNewlines())
                return .error(
                    id, "\(remote.typeEntry.key) names no rclone backend (matched case-sensitively)"
                        + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                    fix: suggestion.map { "set it to \($0)" } ?? "use s3, google cloud storage, azureblob, http or local",
                    at: remote.typeEntry.valueNode.location, path: "\(remote.typeEntry.field.rawValue).\(remote.typeEntry.key)")
            }
        }
    }
}
