import SDCDiagnostics

/// `option-newer-than-rclone-160` (storage.md `OptionNewerThanRclone160`, §2): sdc fetch and newer rclone read the
/// option, rclone 1.60.1 (the Seldon image) ignores it. A note, or a warning when a unit using the Secret runs the
/// rclone image.
struct OptionNewerThanRclone160: Rule {
    let id = "option-newer-than-rclone-160"
    let defaultSeverity = Severity.note
    let summary = "options newer than rclone 1.60.1 are flagged where the Seldon rclone image would ignore them"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            let remotes = secret.remotes
            let rcloneReads = context.storageTargets.contains { $0.secretObject?.name == secret.name && $0.reference.semantics == .rclone }
            return secret.rcloneEntries.compactMap { entry, assignment -> Diagnostic? in
                guard case .option(let remote, let name) = assignment,
                    let option = remotes.remote(named: remote)?.backend?.option(named: name), option.isNewerThanAnchor
                else { return nil }
                return Diagnostic(
                    rcloneReads ? .warning : .note, rule: id,
                    "\(name) is understood by sdc fetch and rclone ≥ \(option.since), ignored by rclone 1.60.1 (seldonio/rclone-storage-initializer:1.18.2)",
                    fix: "use sdc fetch as the storage initializer, or an rclone image ≥ \(option.since)",
                    at: entry.keyNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
