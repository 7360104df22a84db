import SDCDiagnostics

/// `remote-key-case` (storage.md `RemoteKeyCase`): environment names are case-sensitive and rclone only reads
/// `RCLONE_CONFIG_…`, so `rclone_config_s3_type` configures nothing.
struct RemoteKeyCase: Rule {
    let id = "remote-key-case"
    let defaultSeverity = Severity.error
    let summary = "RCLONE_CONFIG_ keys are upper case"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.secrets.flatMap { secret in
            secret.effectiveEntries.compactMap { entry -> Diagnostic? in
                let upper = entry.key.uppercased()
                guard upper.hasPrefix("RCLONE_CONFIG_"), entry.key != upper else { return nil }
                return .error(
                    id, "'\(entry.key)' is not upper case; environment names are case-sensitive and rclone only reads RCLONE_CONFIG_…",
                    fix: "rename it to \(upper)", at: entry.keyNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
