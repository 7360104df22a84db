import SDCDiagnostics

/// `secret-key-name` (storage.md `SecretKeyName`): Secret keys match `[-._a-zA-Z0-9]+`, else the API server rejects the
/// Secret (error). An `RCLONE_CONFIG_` key that is valid for Kubernetes but not a C identifier (`RCLONE_CONFIG_MY-REMOTE_TYPE`)
/// works through `envFrom` but cannot be exported from a shell to test locally (note).
struct SecretKeyName: Rule {
    let id = "secret-key-name"
    let defaultSeverity = Severity.error
    let summary = "Secret keys are valid (letters, digits, '-', '_', '.')"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.secrets.flatMap { secret in
            secret.entries.compactMap { entry -> Diagnostic? in
                let path = "\(entry.field.rawValue).\(entry.key)"
                let valid = !entry.key.isEmpty && entry.key.count <= 253
                    && entry.key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
                guard valid else {
                    return .error(
                        id, "'\(entry.key)' is not a valid Secret key (letters, digits, '-', '_' and '.' only)",
                        fix: "rename the key", at: entry.keyNode.location, path: path)
                }
                guard entry.key.hasPrefix("RCLONE_CONFIG_"), entry.key.contains(where: { $0 == "-" || $0 == "." }) else { return nil }
                return Diagnostic(
                    .note, rule: id, "'\(entry.key)' is valid for Kubernetes but not for shells ('-' and '.' are not allowed in shell variable names)",
                    fix: "name the remote with letters, digits and '_' to test it with rclone locally", at: entry.keyNode.location, path: path)
            }
        }
    }
}
