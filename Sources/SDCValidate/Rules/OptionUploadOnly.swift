import SDCDiagnostics

/// `option-upload-only` (storage.md `OptionUploadOnly`, §2): the option only affects uploads or bucket creation, so a
/// storage initializer never uses it.
struct OptionUploadOnly: Rule {
    let id = "option-upload-only"
    let defaultSeverity = Severity.note
    let summary = "options that only affect uploads are pointed out"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            let remotes = secret.remotes
            return secret.rcloneEntries.compactMap { entry, assignment -> Diagnostic? in
                guard case .option(let remote, let name) = assignment,
                    remotes.remote(named: remote)?.backend?.option(named: name)?.fetch == .uploadOnly
                else { return nil }
                return Diagnostic(
                    .note, rule: id, "\(name) has no effect on downloads", fix: "remove it from the storage initializer's Secret",
                    at: entry.keyNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
