import SDCDiagnostics
import SDCStorage

/// `secret-value-whitespace` (storage.md `SecretValueWhitespace`, P11): a trailing newline (from `echo … | base64`) is
/// kept by rclone in string values, so keys, endpoints and TYPE silently stop matching. Error for strings that must
/// match exactly, note for bool/int/size/duration (rclone trims them), warning for other strings.
struct SecretValueWhitespace: Rule {
    let id = "secret-value-whitespace"
    let defaultSeverity = Severity.error
    let summary = "RCLONE_CONFIG_ values have no leading or trailing whitespace"

    static let exact: Set<String> = [
        "type", "provider", "access_key_id", "secret_access_key", "session_token", "account", "key", "sas_url", "endpoint",
        "region", "url",
    ]

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            let remotes = secret.remotes
            return secret.rcloneEntries.compactMap { entry, assignment -> Diagnostic? in
                guard let value = entry.value, !value.isEmpty, value.first!.isWhitespace || value.last!.isWhitespace else {
                    return nil
                }
                let severity: Severity
                switch assignment {
                case .type: severity = .error
                case .option(let remote, let name):
                    let type = remotes.remote(named: remote)?.backend?.option(named: name)?.type
                    severity = Self.exact.contains(name) ? .error : (type == .string || type == nil ? .warning : .note)
                default: severity = .warning
                }
                let what = value.last == "\n" || value.first == "\n" ? "a newline" : "a space"
                return Diagnostic(
                    severity, rule: id,
                    "\(entry.key) starts or ends with \(what) (common with `echo … | base64`); rclone uses string values verbatim",
                    fix: "encode with `printf %s VALUE | base64 -w0`, or use stringData", at: entry.valueNode.location,
                    path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
