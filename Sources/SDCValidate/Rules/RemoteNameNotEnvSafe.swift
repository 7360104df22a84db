import SDCDiagnostics

/// `remote-name-not-env-safe` (storage.md `RemoteNameNotEnvSafe`, §1.2): rclone accepts spaces, `+` and `@` in remote
/// names, but a Secret key may only hold letters, digits, `-`, `_` and `.`, so such a remote cannot be defined
/// through `envFrom`.
struct RemoteNameNotEnvSafe: Rule {
    let id = "remote-name-not-env-safe"
    let defaultSeverity = Severity.error
    let summary = "the remote a modelUri names can be defined through a Secret key"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage, case .remote(let name, let parameters, _, false) = target.uri, parameters["type"] == nil,
                name.contains(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0))) })
            else { return nil }
            let key = "RCLONE_CONFIG_\(name.uppercased())_TYPE"
            return .error(
                id, "remote '\(name)' cannot be defined through a Secret (the key would be '\(key)')",
                fix: "rename the remote using letters, digits, '-', '_' or '.'", at: target.reference.location,
                path: target.reference.path)
        }
    }
}
