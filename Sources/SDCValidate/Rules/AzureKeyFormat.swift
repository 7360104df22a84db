import SDCDiagnostics

/// `azure-key-format` (storage.md `AzureKeyFormat`): the storage account key is base64, and useless without `account`.
struct AzureKeyFormat: Rule {
    let id = "azure-key-format"
    let defaultSeverity = Severity.error
    let summary = "an azureblob key is valid base64 and comes with account"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .azureBlob).compactMap { remote, options -> Diagnostic? in
                guard let key = options["key"], key.isSet else { return nil }
                let reason: String
                if !(options["account"]?.isSet ?? false) {
                    reason = "is set but account is not"
                } else if (try? SecretBase64.decode(key.value ?? "")) == nil {
                    reason = "is not valid base64 (copy it from the storage account's Access keys)"
                } else {
                    return nil
                }
                return .error(
                    id, "remote '\(remote.name)': key \(reason)", fix: "set RCLONE_CONFIG_\(remote.name.uppercased())_ACCOUNT and _KEY together",
                    at: key.valueNode.location, path: "\(key.field.rawValue).\(key.key)")
            }
        }
    }
}
