import SDCDiagnostics

/// `secret-data-base64` (storage.md `SecretDataBase64`): every `data` value is standard base64 with padding; the API
/// server rejects the Secret otherwise. The value itself is never printed.
struct SecretDataBase64: Rule {
    let id = "secret-data-base64"
    let defaultSeverity = Severity.error
    let summary = "every data value of a Secret is valid standard base64"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.secrets.flatMap { secret in
            secret.entries.compactMap { entry -> Diagnostic? in
                guard entry.field == .data else { return nil }
                let text = entry.valueNode.string ?? entry.valueNode.scalarText ?? ""
                do throws(SecretBase64.Failure) {
                    _ = try SecretBase64.decode(text)
                    return nil
                } catch {
                    return .error(
                        id, "data.\(entry.key) is not valid base64: \(error.reason); the API server rejects this Secret",
                        fix: "encode with `printf %s VALUE | base64 -w0`, or move the plain value to stringData",
                        at: entry.valueNode.location, path: "data.\(entry.key)")
                }
            }
        }
    }
}
