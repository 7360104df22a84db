import SDCDiagnostics

/// `storage-secret-missing` (storage.md `StorageSecretMissing`, P1): the URI needs a remote that only a Secret can
/// define, and the unit gets no Secret (no `envSecretRefName`, no `predictiveUnit.defaultEnvSecretRefName`).
struct StorageSecretMissing: Rule {
    let id = "storage-secret-missing"
    let defaultSeverity = Severity.error
    let summary = "a modelUri whose remote comes from a Secret has envSecretRefName or a chart default"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage, case .none = target.secret, let remote = target.rcloneRemoteName, !target.usesBuiltinGS
            else { return nil }
            // sdc fetch serves s3://, azure and http(s) URLs and file:// without a Secret (implicit-remote warns).
            if target.reference.semantics == .sdcFetch, target.implicitKind != nil { return nil }
            // A URL-shaped unknown scheme is reported by model-uri-scheme.
            if case .remote(_, _, _, true) = target.uri, !ModelURIScheme.builtinSchemes.contains(remote) { return nil }
            return .error(
                id,
                "modelUri \(Quote.uri(target.reference.uri)) needs remote '\(remote)', but no envSecretRefName or predictiveUnit.defaultEnvSecretRefName is set",
                fix: "set envSecretRefName on \(target.reference.unitName) to a Secret with RCLONE_CONFIG_\(remote.uppercased())_TYPE and its keys",
                at: target.reference.location, path: target.reference.path)
        }
    }
}
