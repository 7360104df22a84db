import SDCDiagnostics

/// `secret-key-override` (storage.md `SecretKeyOverride`): a key in both `data` and `stringData`; the API server keeps
/// the `stringData` one.
struct SecretKeyOverride: Rule {
    let id = "secret-key-override"
    let defaultSeverity = Severity.note
    let summary = "a Secret key is in data or stringData, not both"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.secrets.flatMap { secret in
            let dataKeys = Set(secret.entries.filter { $0.field == .data }.map(\.key))
            return secret.entries.filter { $0.field == .stringData && dataKeys.contains($0.key) }.map { entry in
                Diagnostic(
                    .note, rule: id, "\(entry.key) is in both data and stringData; stringData wins",
                    fix: "keep one of the two", at: entry.keyNode.location, path: "stringData.\(entry.key)")
            }
        }
    }
}
