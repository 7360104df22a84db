import SDCDiagnostics

/// `implicit-remote` (storage.md `ImplicitRemote`, §7.2): `s3://`, `file://`, azure blob and plain http(s) URLs with
/// no remote of that name work with sdc fetch (its implicit remotes) but the rclone initializer fails with "didn't
/// find section in config file": an error under rclone, a portability warning under sdc fetch.
struct ImplicitRemote: Rule {
    let id = "implicit-remote"
    let defaultSeverity = Severity.error
    let summary = "s3://, file://, azure and http(s) URIs have a remote of that name unless the initializer is sdc fetch"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage, let kind = target.implicitKind, let remote = target.rcloneRemoteName, target.definedRemote == nil
            else { return nil }
            let sdc = target.reference.semantics == .sdcFetch
            switch target.secret {
            case .notInInputs: return nil
            case .none where !sdc: return nil  // storage-secret-missing
            default: break
            }
            let message =
                "modelUri \(Quote.uri(target.reference.uri)) works with sdc fetch via its implicit \(kind) remote, but the rclone storage initializer fails with \"didn't find section in config file\" (no remote '\(remote)')"
            let fix = "define remote '\(remote)' with RCLONE_CONFIG_\(remote.uppercased())_TYPE=\(kind == "local" ? "local" : kind) in the Secret"
            return Diagnostic(sdc ? .warning : .error, rule: id, message, fix: fix, at: target.reference.location, path: target.reference.path)
        }
    }
}
