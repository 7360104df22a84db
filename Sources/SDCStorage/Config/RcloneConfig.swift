#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// Where remotes come from: the process environment and an optional rclone.conf (spec/storage.md §1.1–§1.3, §7.3).
///
/// A value type built once at the edge; nothing here reads the real environment or the file system.
public struct RcloneConfig: Sendable {
    public var environment: [String: String]
    public var file: RcloneConfigFile?
    /// The Seldon image's baked-in anonymous `gs` remote (§1.6, §7.3). Kept in strict mode too.
    public var includesBuiltinGS: Bool

    public init(environment: [String: String], file: RcloneConfigFile? = nil, includesBuiltinGS: Bool = true) {
        self.environment = environment
        self.file = file
        self.includesBuiltinGS = includesBuiltinGS
    }

    /// The image's `RCLONE_CONFIG_GS_TYPE` / `RCLONE_CONFIG_GS_ANONYMOUS`, as a layer under the user's own env vars.
    static let builtinGS: [String: String] = ["type": "google cloud storage", "anonymous": "true"]

    /// `RCLONE_CONFIG_` + upper(name + `_` + key) with `-` → `_` in the key only (§1.2, `ConfigToEnv`).
    public static func environmentName(remote: String, key: String) -> String {
        "RCLONE_CONFIG_" + (remote + "_" + key.replacingAll("-", with: "_")).uppercased()
    }

    /// `RCLONE_<PREFIX>_<KEY>` (§1.1 item 4).
    public static func backendEnvironmentName(prefix: String, key: String) -> String {
        "RCLONE_" + (prefix + "_" + key).uppercased()
    }

    /// The `type` of a remote, or nil when nothing defines it. An empty env value counts as set (§1.1).
    public func type(ofRemote name: String) -> String? {
        if let value = environment[Self.environmentName(remote: name, key: "type")] { return value }
        if let value = file?.value(section: name, key: "type") { return value }
        if includesBuiltinGS, name.uppercased() == "GS" { return Self.builtinGS["type"] }
        return nil
    }

    public func remoteExists(_ name: String) -> Bool { type(ofRemote: name) != nil }

    /// Remote names defined anywhere, for "defined remotes:" lists and suggestions.
    public var definedRemoteNames: [String] {
        var names: [String] = []
        for key in environment.keys.sorted() where key.hasPrefix("RCLONE_CONFIG_") && key.hasSuffix("_TYPE") {
            let name = key.dropFirst("RCLONE_CONFIG_".count).dropLast("_TYPE".count)
            if !name.isEmpty { names.append(name.lowercased()) }
        }
        for section in file?.sectionNames ?? [] where file?.value(section: section, key: "type") != nil {
            names.append(section)
        }
        if includesBuiltinGS { names.append("gs") }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// The options of remote `name` (or of an on-the-fly `:backend:` when `name` is nil), layered per §1.1.
    ///
    /// - Parameter connectionParameters: `name,key=value:` parameters, highest precedence.
    public func configuration(
        remote name: String?, backendType explicitType: String? = nil, connectionParameters: [String: String] = [:]
    ) throws(FetchFailure) -> RemoteConfiguration {
        let typeValue: String
        if let explicitType {
            typeValue = explicitType
        } else if let fromParameters = connectionParameters["type"] {
            typeValue = fromParameters
        } else if let name, let found = type(ofRemote: name) {
            typeValue = found
        } else {
            let remote = name ?? ""
            throw undefinedRemote(remote)
        }
        guard let backend = BackendRegistry.backend(forType: typeValue) else {
            if BackendRegistry.rcloneOnlyTypes.contains(typeValue) {
                throw .config(
                    "backend-unsupported",
                    "backend type '\(typeValue)' is valid for rclone but not supported by sdc fetch; keep the rclone image for this model (storageInitializerImage)"
                )
            }
            let hint = BackendRegistry.suggestion(forType: typeValue).map { " (did you mean '\($0)'?)" } ?? ""
            throw .config(
                "remote-type-unknown",
                "remote '\(name ?? typeValue)' has type '\(typeValue)'; rclone knows no backend by that name\(hint)",
                fix: name.map { "set \(Self.environmentName(remote: $0, key: "type")) to one of s3, google cloud storage, azureblob, http, local" })
        }

        var values: [String: RemoteConfiguration.Value] = [:]
        var warnings: [Diagnostic] = []
        let builtinApplies = includesBuiltinGS && name?.uppercased() == "GS"
        for option in backend.options {
            if let value = connectionParameters[option.name] {
                values[option.name] = .init(text: value, source: .connectionString)
                continue
            }
            if let name {
                let variable = Self.environmentName(remote: name, key: option.name)
                if let value = environment[variable] {
                    values[option.name] = .init(text: value, source: .environment(variable))
                    continue
                }
                if builtinApplies, let value = Self.builtinGS[option.name] {
                    values[option.name] = .init(text: value, source: .builtinGS)
                    continue
                }
            }
            let backendVariable = Self.backendEnvironmentName(prefix: backend.prefix, key: option.name)
            if let value = environment[backendVariable] {
                values[option.name] = .init(text: value, source: .environment(backendVariable))
                continue
            }
            if option.noPrefix, let value = environment["RCLONE_" + option.name.uppercased()] {
                values[option.name] = .init(text: value, source: .environment("RCLONE_" + option.name.uppercased()))
                continue
            }
            if let name, let value = file?.value(section: name, key: option.name) {
                values[option.name] = .init(text: value, source: .configFile(section: name))
                continue
            }
        }
        for (key, _) in connectionParameters where key != "type" && backend.option(named: key) == nil {
            let hint = ClosestName.closest(to: key, among: backend.options.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
            // §7.2 item 5: sdc does not guess at connection-string parameters.
            throw .config("unknown-option", "connection-string parameter '\(key)' is not an option of backend '\(backend.prefix)'\(hint)")
        }
        if let name {
            warnings += unknownKeyWarnings(remote: name, backend: backend)
        }
        if builtinApplies, values["anonymous"]?.source == .builtinGS,
            ["service_account_credentials", "service_account_file", "token", "env_auth"].contains(where: {
                if case .environment? = values[$0]?.source { return true }
                if case .configFile? = values[$0]?.source { return true }
                return false
            })
        {
            warnings.append(
                .warning(
                    "builtin-gs-anonymous",
                    "remote 'gs' has credentials but inherits anonymous=true from the storage initializer image, so they are not used",
                    fix: "set RCLONE_CONFIG_GS_ANONYMOUS=false, or use another remote name"))
        }
        let configuration = RemoteConfiguration(name: name, backend: backend, values: values, warnings: warnings)
        try configuration.checkValueTypes()
        return configuration
    }

    /// The §7.2 4e / §7.2 5 error: names the defined remotes and suggests the closest.
    public func undefinedRemote(_ name: String) -> FetchFailure {
        let defined = definedRemoteNames
        let list = defined.isEmpty ? "none" : defined.joined(separator: ", ")
        let hint = ClosestName.closest(to: name, among: defined).map { "; did you mean '\($0):'?" } ?? ""
        return .config(
            "remote-undefined",
            "remote '\(name)' is not defined (no \(Self.environmentName(remote: name, key: "type")) and no [\(name)] section in the rclone config); defined remotes: \(list)\(hint)",
            fix: "define the remote with \(Self.environmentName(remote: name, key: "type")) and its other keys in the Secret named by envSecretRefName")
    }

    /// A key given for this remote that no option of its backend (in any known rclone version) matches (§7.3).
    private func unknownKeyWarnings(remote name: String, backend: BackendDescription) -> [Diagnostic] {
        let known = Set(backend.options.map(\.name) + ["type"])
        let prefix = Self.environmentName(remote: name, key: "")
        // Longer remote names that share the prefix (`s3` vs `s3_prod`) own their own keys.
        let longerPrefixes = definedRemoteNames.filter { $0.count > name.count }
            .map { Self.environmentName(remote: $0, key: "") }
            .filter { $0.hasPrefix(prefix) }
        var warnings: [Diagnostic] = []
        for variable in environment.keys.sorted() where variable.hasPrefix(prefix) {
            if longerPrefixes.contains(where: { variable.hasPrefix($0) }) { continue }
            let key = variable.dropFirst(prefix.count).lowercased()
            if known.contains(key) { continue }
            warnings.append(unknownKey(key: key, where: variable, backend: backend))
        }
        for entry in file?.section(name)?.entries ?? [] where !known.contains(entry.key) {
            warnings.append(unknownKey(key: entry.key, where: "[\(name)] \(entry.key)", backend: backend))
        }
        return warnings
    }

    private func unknownKey(key: String, where origin: String, backend: BackendDescription) -> Diagnostic {
        let closest = ClosestName.closest(to: key, among: backend.options.map(\.name))
        return .warning(
            "unknown-option",
            "\(origin): backend '\(backend.prefix)' has no option '\(key)'; rclone silently ignores it"
                + (closest.map { " (did you mean '\($0)'?)" } ?? ""),
            fix: closest.map { "rename it to \($0)" })
    }
}
