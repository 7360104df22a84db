import SDCDiagnostics
import SDCStorage

/// `unknown-option` (storage.md `UnknownOption`, §1.1): a key part that is no option of the remote's backend in any
/// rclone version sdc knows. storage.md lists it as a warning; issue 6 makes it an error for validate, because rclone
/// silently ignores the key and the typo (`ACESS_KEY_ID`) only shows as a 403 in the cluster.
struct UnknownOption: Rule {
    let id = "unknown-option"
    let defaultSeverity = Severity.error
    let summary = "every RCLONE_CONFIG_<REMOTE>_<KEY> is an option the remote's backend knows"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            let remotes = secret.remotes
            return secret.rcloneEntries.compactMap { entry, assignment -> Diagnostic? in
                guard case .option(let remoteName, let option) = assignment, let remote = remotes.remote(named: remoteName),
                    let backend = remote.backend, backend.option(named: option) == nil
                else { return nil }
                let closest = ClosestName.closest(to: option, among: backend.options.map(\.name))
                let suggestedKey = closest.map { RcloneConfig.environmentName(remote: remoteName, key: $0) }
                return .error(
                    id, "\(entry.key): backend '\(backend.prefix)' has no option '\(option)'; rclone silently ignores it"
                        + (suggestedKey.map { " (did you mean \($0)?)" } ?? ""),
                    fix: suggestedKey.map { "rename the key to \($0)" } ?? "remove the key, or check the option name in the rclone docs",
                    at: entry.keyNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
