import SDCDiagnostics

/// `azure-endpoint-version` (storage.md `AzureEndpointVersion`, §2.3): rclone 1.60.1 reads azureblob `endpoint` as a
/// domain suffix (`core.windows.net`); rclone ≥ 1.61 reads it as the service URL. The same value means different
/// things to the Seldon image and to newer rclone.
struct AzureEndpointVersion: Rule {
    let id = "azure-endpoint-version"
    let defaultSeverity = Severity.note
    let summary = "an azureblob endpoint is read the way the initializer's rclone version reads it"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .azureBlob).compactMap { remote, options -> Diagnostic? in
                guard let entry = options["endpoint"], entry.isSet else { return nil }
                let isURL = (entry.value ?? "").contains("://")
                return Diagnostic(
                    .note, rule: id,
                    isURL
                        ? "\(entry.key) is read as a URL by rclone ≥ 1.61 and sdc; rclone 1.60.1 reads it as a domain suffix"
                        : "\(entry.key) is read as a domain suffix by rclone 1.60.1; rclone ≥ 1.61 and sdc read it as a URL",
                    fix: "check which rclone the storage initializer image runs", at: entry.valueNode.location,
                    path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
