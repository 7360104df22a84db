import SDCDiagnostics
import SDCStorage

/// `option-value-type` (storage.md `OptionValueType`, §1.4): the value parses as the option's type, else rclone fails
/// with "couldn't parse config item". The value is not echoed (it may be a secret).
struct OptionValueType: Rule {
    let id = "option-value-type"
    let defaultSeverity = Severity.error
    let summary = "bool, int, size and duration options parse as rclone parses them"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            let remotes = secret.remotes
            return secret.rcloneEntries.compactMap { entry, assignment -> Diagnostic? in
                guard case .option(let remoteName, let name) = assignment, let value = entry.value,
                    let option = remotes.remote(named: remoteName)?.backend?.option(named: name)
                else { return nil }
                guard let hint = Self.problem(value, option.type) else { return nil }
                // Never the value itself: everything in a Secret is treated as secret (issue 6).
                return .error(
                    id, "\(entry.key): the value is not a valid \(option.type.rawValue) (\(hint))",
                    fix: hint, at: entry.valueNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }

    /// rclone's reason for refusing `value` as `type`, or nil when it parses.
    static func problem(_ value: String, _ type: BackendOption.ValueType) -> String? {
        do throws(OptionValueParser.Failure) {
            try OptionValueParser.check(value, as: type)
            return nil
        } catch {
            switch error {
            case .invalid(let hint): return hint
            }
        }
    }
}
