import SDCDiagnostics
import SDCStorage

/// `secret-value-encoding`: storage.md's `SecretStringDataEncoded` and `SecretDataDoubleEncoded` — a typed value (TYPE,
/// PROVIDER, a bool, an endpoint) that is itself base64 of a valid value: `stringData` takes plain text, and `data`
/// is decoded once. Neither the value nor its decoding is printed.
struct SecretValueEncoding: Rule {
    let id = "secret-value-encoding"
    let defaultSeverity = Severity.error
    let summary = "typed RCLONE_CONFIG_ values are encoded exactly once (plain in stringData, base64 once in data)"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            let remotes = secret.remotes
            return secret.rcloneEntries.compactMap { entry, assignment -> Diagnostic? in
                guard let value = entry.value, value.count >= 4, let decodedBytes = try? SecretBase64.decode(value),
                    let decoded = String(bytes: decodedBytes, encoding: .utf8)
                else { return nil }
                let plausible: Bool
                switch assignment {
                case .type:
                    plausible = BackendRegistry.backend(forType: value) == nil && BackendRegistry.backend(forType: decoded) != nil
                case .option(let remote, let name):
                    guard let option = remotes.remote(named: remote)?.backend?.option(named: name) else { return nil }
                    switch option.type {
                    case .bool: plausible = OptionValueType.problem(value, .bool) != nil && OptionValueType.problem(decoded, .bool) == nil
                    default:
                        plausible = name == "endpoint" && (decoded.hasPrefix("http://") || decoded.hasPrefix("https://"))
                            || name == "provider" && S3ProviderCase.providers.contains(decoded)
                    }
                default: return nil
                }
                guard plausible else { return nil }
                let message = entry.field == .stringData
                    ? "stringData.\(entry.key) looks base64-encoded; stringData takes plain text"
                    : "data.\(entry.key) is base64-encoded twice"
                return .error(
                    id, message, fix: entry.field == .stringData ? "write the plain value in stringData" : "encode the value once",
                    at: entry.valueNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
