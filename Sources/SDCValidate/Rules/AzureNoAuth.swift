import SDCDiagnostics

/// `azure-no-auth` (storage.md `AzureNoAuth`, §2.3): rclone 1.60.1 fails with "no authentication method configured"
/// unless one of key+account, sas_url, use_msi, use_emulator, a service principal or env_auth is set.
struct AzureNoAuth: Rule {
    let id = "azure-no-auth"
    let defaultSeverity = Severity.error
    let summary = "an azureblob remote has an authentication method"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .azureBlob).compactMap { remote, options -> Diagnostic? in
                func set(_ k: String) -> Bool { options[k]?.isSet ?? false }
                func on(_ k: String) -> Bool { BoolOption.isTrue(options[k]?.value) }
                let authenticated = (set("account") && set("key")) || set("sas_url") || on("use_msi") || on("use_emulator")
                    || set("service_principal_file") || (set("tenant") && set("client_id") && (set("client_secret") || set("client_certificate_path")))
                    || on("env_auth") || set("connection_string")
                guard !authenticated else { return nil }
                return .error(
                    id, "remote '\(remote.name)' has no authentication method (rclone 1.60.1: \"no authentication method configured\")",
                    fix: "set ACCOUNT and KEY, SAS_URL, USE_MSI, or ENV_AUTH for RCLONE_CONFIG_\(remote.name.uppercased())_…",
                    at: remote.typeEntry.keyNode.location,
                    path: "\(remote.typeEntry.field.rawValue).\(remote.typeEntry.key)")
            }
        }
    }
}
