import SDCDiagnostics
import SDCStorage

/// `remote-undefined` (storage.md `RemoteUndefined`, P1/P2): the remote a modelUri names has no
/// `RCLONE_CONFIG_<R>_TYPE` in the Secret the init container gets, so rclone fails with "didn't find section in config
/// file". Remote names from the environment are case-insensitive (§1.2).
struct RemoteUndefined: Rule {
    let id = "remote-undefined"
    let defaultSeverity = Severity.error
    let summary = "the remote a modelUri names is defined in the Secret its init container gets"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage, let secret = target.secretObject, case .remote(let original, let parameters, _, let urlShaped) = target.uri,
                parameters["type"] == nil, target.implicitKind == nil, !target.usesBuiltinGS, target.definedRemote == nil
            else { return nil }
            let name = original.lowercased()
            if urlShaped, !ModelURIScheme.builtinSchemes.contains(name) { return nil }  // model-uri-scheme
            let defined = secret.remotes.remotes.map(\.name) + ["gs"]
            let closest = ClosestName.closest(to: name, among: defined)
            return .error(
                id,
                "remote '\(original)' used by modelUri is not defined: no RCLONE_CONFIG_\(name.uppercased())_TYPE in secret '\(secret.name)'; defined remotes: \(defined.joined(separator: ", "))"
                    + (closest.map { "; did you mean '\($0):'?" } ?? ""),
                fix: closest.map { "write \($0): in the modelUri" } ?? "add RCLONE_CONFIG_\(name.uppercased())_TYPE and its keys to secret '\(secret.name)'",
                at: target.reference.location, path: target.reference.path)
        }
    }
}
