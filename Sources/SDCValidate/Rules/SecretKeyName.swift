import SDCDiagnostics

/// `secret-key-name` (storage.md `SecretKeyName`): Secret keys match `[-._a-zA-Z0-9]+`; the API server rejects others.
struct SecretKeyName: Rule {
    let id = "secret-key-name"
    let defaultSeverity = Severity.error
    let summary = "Secret keys are valid (letters, digits, '-', '_', '.')"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.secrets.flatMap { secret in
            secret.entries.compactMap { entry -> Diagnostic? in
                let valid = !entry.key.isEmpty && entry.key.count <= 253
                    && entry.key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
                guard !valid else { return nil }
                return .error(
                    id, "'\(entry.key)' is not a valid Secret key (letters, digits, '-', '_' and '.' only)",
                    fix: "rename the key", at: entry.keyNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
