import SDCDiagnostics

/// `remote-key-ambiguous` (storage.md `RemoteKeyAmbiguous`, §8.2 step 3): with remotes `s3` and `s3_env`, a key like
/// `RCLONE_CONFIG_S3_ENV_AUTH` could be `env_auth` of `s3` or `auth` of `s3_env`; both remote names and keys contain
/// `_`, so rclone's reading depends on which remote is asked for.
struct RemoteKeyAmbiguous: Rule {
    let id = "remote-key-ambiguous"
    let defaultSeverity = Severity.warning
    let summary = "each RCLONE_CONFIG_ key configures exactly one remote"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            let remotes = secret.remotes.remotes
            return secret.effectiveEntries.compactMap { entry -> Diagnostic? in
                guard entry.key.hasPrefix("RCLONE_CONFIG_"), !SecretRemotes.reserved.contains(entry.key) else { return nil }
                let rest = entry.key.dropFirst("RCLONE_CONFIG_".count)
                let splits = remotes.compactMap { remote -> (String, String)? in
                    let prefix = remote.name.uppercased() + "_"
                    guard rest.hasPrefix(prefix), rest.count > prefix.count else { return nil }
                    let option = rest.dropFirst(prefix.count).lowercased()
                    guard option == "type" || remote.backend?.option(named: option) != nil else { return nil }
                    return (remote.name, option)
                }
                guard splits.count > 1 else { return nil }
                let described = splits.map { "'\($0.0)' (\($0.1))" }.joined(separator: " or ")
                return .warning(
                    id, "\(entry.key) could configure remote \(described)", fix: "rename one of the remotes so neither name prefixes the other",
                    at: entry.keyNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
