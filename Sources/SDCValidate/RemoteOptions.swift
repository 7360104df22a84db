import SDCDiagnostics
import SDCStorage

extension SecretObject {
    /// Every effective `RCLONE_CONFIG_*` entry with the remote it configures (§8.2).
    var rcloneEntries: [(entry: Entry, assignment: SecretRemotes.Assignment)] {
        let remotes = self.remotes
        return effectiveEntries.compactMap { entry in
            let assignment = remotes.assignment(of: entry.key)
            if case .other = assignment { return nil }
            return (entry, assignment)
        }
    }

    /// The options a remote gets from this Secret, by lower-case option name.
    func options(of remote: String) -> [String: Entry] {
        var result: [String: Entry] = [:]
        for (entry, assignment) in rcloneEntries {
            if case .option(remote, let option) = assignment { result[option] = entry }
        }
        return result
    }

    /// Remotes of one backend kind, with their options.
    func remotes(of kind: BackendDescription.Kind) -> [(remote: SecretRemotes.Remote, options: [String: Entry])] {
        remotes.remotes.filter { $0.backend?.kind == kind }.map { ($0, options(of: $0.name)) }
    }
}

extension SecretObject.Entry {
    /// True when the decoded value is set and not blank.
    var isSet: Bool { !(value ?? "").trimmingCharactersInWhitespacesAndNewlines().isEmpty }
}
