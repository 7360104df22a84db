import SDCDiagnostics

/// `local-path-relative` (storage.md `LocalPathRelative`): a relative local modelUri depends on the init container's
/// working directory, which the image decides.
struct LocalPathRelative: Rule {
    let id = "local-path-relative"
    let defaultSeverity = Severity.warning
    let summary = "a local modelUri is an absolute path"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage, case .local(let path) = target.uri, !path.hasPrefix("/") else { return nil }
            return .warning(
                id, "modelUri \(Quote.uri(path)) is relative to the init container's working directory",
                fix: "use an absolute path, or a pvc://<claim>/<path> URI", at: target.reference.location, path: target.reference.path)
        }
    }
}
