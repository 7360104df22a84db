import SDCDiagnostics

/// `model-uri-syntax` (storage.md `ModelURISyntax`): the URI parses the way rclone parses a path (§1.5, §7.2 item 1).
struct ModelURISyntax: Rule {
    let id = "model-uri-syntax"
    let defaultSeverity = Severity.error
    let summary = "modelUri parses as rclone reads it: no surrounding whitespace, valid remote name, closed connection string"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard case .invalid(let reason) = target.uri else { return nil }
            return .error(
                id, "modelUri \(Quote.uri(target.reference.uri)) is not a valid rclone path: \(reason)",
                fix: "write remote:bucket/path, scheme://bucket/path, pvc://claim/path or an absolute path",
                at: target.reference.location, path: target.reference.path)
        }
    }
}
