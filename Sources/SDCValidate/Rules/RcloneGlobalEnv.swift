import SDCDiagnostics

/// `rclone-global-env` (storage.md `RcloneGlobalEnv`, §7.6): `RCLONE_<FLAG>` keys (not `RCLONE_CONFIG_…`) are rclone
/// global flags; sdc fetch ignores them, so behaviour differs between the two initializers.
struct RcloneGlobalEnv: Rule {
    let id = "rclone-global-env"
    let defaultSeverity = Severity.note
    let summary = "rclone global-flag variables in a storage Secret are pointed out"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.effectiveEntries.compactMap { entry -> Diagnostic? in
                guard entry.key.hasPrefix("RCLONE_"), !entry.key.hasPrefix("RCLONE_CONFIG_"), !SecretRemotes.reserved.contains(entry.key)
                else { return nil }
                return Diagnostic(
                    .note, rule: id, "\(entry.key) is an rclone global option that sdc fetch ignores",
                    fix: "use the matching sdc fetch flag if the initializer is sdc", at: entry.keyNode.location,
                    path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
