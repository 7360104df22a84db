#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics
import SDCStorage

/// `endpoint-syntax` (storage.md `EndpointSyntax`, P11): an endpoint is `host[:port]` or an http(s) URL without user
/// info, query or fragment (error). No scheme is a note (https is assumed; in-cluster MinIO usually needs http://); a
/// path is a warning.
struct EndpointSyntax: Rule {
    let id = "endpoint-syntax"
    let defaultSeverity = Severity.error
    let summary = "endpoint options parse as host[:port] or an http(s) URL"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret -> [Diagnostic] in
            let remotes = secret.remotes
            return secret.rcloneEntries.compactMap { entry, assignment -> Diagnostic? in
                guard case .option(let remote, "endpoint") = assignment,
                    let value = entry.value?.trimmingCharactersInWhitespacesAndNewlines(), !value.isEmpty
                else { return nil }
                let location = entry.valueNode.location
                let path = "\(entry.field.rawValue).\(entry.key)"
                guard value.contains("://") else {
                    let host = URLComponents(string: "https://" + value)
                    guard let host, host.host?.isEmpty == false, host.path.isEmpty || host.path == "/" else {
                        return .error(
                            id, "\(entry.key) is not a valid endpoint (expected host[:port] or a URL)",
                            fix: "write http(s)://host[:port]", at: location, path: path)
                    }
                    return Diagnostic(
                        .note, rule: id, "\(entry.key) has no scheme; https is assumed (in-cluster MinIO usually needs http://)",
                        fix: "prefix the endpoint with https:// or http://", at: location, path: path)
                }
                guard let url = URLComponents(string: value), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                    let host = url.host, !host.isEmpty
                else {
                    return .error(
                        id, "\(entry.key) is not a valid endpoint: it must be an http or https URL with a host",
                        fix: "write http(s)://host[:port]", at: location, path: path)
                }
                if url.user != nil || url.password != nil || url.query != nil || url.fragment != nil {
                    return .error(
                        id, "\(entry.key) is not a valid endpoint: no user info, query or fragment allowed",
                        fix: "keep only scheme://host[:port]; credentials go in their own keys", at: location, path: path)
                }
                // rclone ≥ 1.61 reads an azureblob endpoint as the service URL, which may carry the account path.
                if !url.path.isEmpty, url.path != "/", remotes.remote(named: remote)?.backend?.kind != .azureBlob {
                    return .warning(
                        id, "\(entry.key) has a path; rclone uses the endpoint as scheme://host[:port] and the path is not a bucket",
                        fix: "drop the path; put the bucket in the modelUri", at: location, path: path)
                }
                return nil
            }
        }
    }
}
