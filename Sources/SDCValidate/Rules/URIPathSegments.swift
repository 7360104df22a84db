import SDCDiagnostics

/// `uri-path-segments` (storage.md `URIPathSegments`, §7.9): `.` and `..` segments are refused by object-key safety
/// (error); an empty segment (`a//b`) names a different key than the author meant (warning).
struct URIPathSegments: Rule {
    let id = "uri-path-segments"
    let defaultSeverity = Severity.error
    let summary = "modelUri object path has no '.', '..' or empty segments"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage else { return nil }
            let path: String
            switch target.uri {
            case .remote, .onTheFly, .azureURL: path = target.uri.bucketPath?.object ?? ""
            case .http(let c): path = String(c.path.drop { $0 == "/" })
            case .pvc(_, let p): path = p
            default: return nil
            }
            let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if let bad = segments.first(where: { $0 == "." || $0 == ".." }) {
                return .error(
                    id, "modelUri path '\(path)' has a '\(bad)' segment, which object storage does not resolve",
                    fix: "write the full object path without '.' or '..'", at: target.reference.location, path: target.reference.path)
            }
            if segments.dropLast().contains("") {
                return .warning(
                    id, "modelUri path '\(path)' has an empty segment ('//'); object keys keep it, so it names a different prefix",
                    fix: "remove the doubled '/'", at: target.reference.location, path: target.reference.path)
            }
            return nil
        }
    }
}
