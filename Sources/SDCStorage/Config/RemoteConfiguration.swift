#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// One remote's options after layering (spec/storage.md §1.1), with typed accessors that follow §1.4.
public struct RemoteConfiguration: Sendable {
    public enum Source: Sendable, Equatable {
        case connectionString
        case environment(String)
        case builtinGS
        case configFile(section: String)
        /// Filled in by sdc itself: implicit remotes (§7.3) and their KServe-variable fallbacks.
        case implicit(String)
    }

    public struct Value: Sendable, Equatable {
        public var text: String
        public var source: Source
    }

    /// nil for an on-the-fly `:backend:` remote.
    public var name: String?
    public var backend: BackendDescription
    public var values: [String: Value]
    /// Non-fatal findings (unknown keys, the built-in `gs` trap): printed, never fatal.
    public var warnings: [Diagnostic]

    public init(name: String?, backend: BackendDescription, values: [String: Value], warnings: [Diagnostic] = []) {
        self.name = name
        self.backend = backend
        self.values = values
        self.warnings = warnings
    }

    /// Strings pass verbatim (no trimming, §1.4); absent means the table's default.
    public func string(_ key: String) -> String {
        values[key]?.text ?? backend.option(named: key)?.defaultValue ?? ""
    }

    public func bool(_ key: String) -> Bool {
        (try? OptionValueParser.bool(effectiveText(key))) ?? false
    }

    public func int(_ key: String) -> Int {
        (try? OptionValueParser.int(effectiveText(key))) ?? 0
    }

    public func tristate(_ key: String) -> Bool? {
        (try? OptionValueParser.tristate(effectiveText(key))) ?? nil
    }

    public func isSet(_ key: String) -> Bool { values[key] != nil }

    /// "If parsing fails and the string is empty, the default is kept" (§1.1).
    private func effectiveText(_ key: String) -> String {
        let option = backend.option(named: key)
        guard let value = values[key] else { return option?.defaultValue ?? "" }
        if option?.type != .string, value.text.trimmingCharactersInWhitespacesAndNewlines().isEmpty {
            return option?.defaultValue ?? ""
        }
        return value.text
    }

    /// Every found value must parse as its option's type; rclone fails with "couldn't parse config item" (§1.1).
    func checkValueTypes() throws(FetchFailure) {
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let option = backend.option(named: key), option.type != .string else { continue }
            if value.text.trimmingCharactersInWhitespacesAndNewlines().isEmpty { continue }
            do {
                try OptionValueParser.check(value.text, as: option.type)
            } catch {
                guard case .invalid(let hint) = error else { continue }
                let shown = option.isSecret ? "(value hidden)" : "'\(value.text)'"
                throw .config(
                    "option-value-type",
                    "\(describe(key)): \(shown) is not a valid \(option.type.rawValue) (\(hint))")
            }
        }
    }

    /// Where a key came from, for messages: the env var name, the config section, or the key itself.
    public func describe(_ key: String) -> String {
        switch values[key]?.source {
        case .environment(let variable)?: variable
        case .configFile(let section)?: "[\(section)] \(key)"
        default: key
        }
    }
}
