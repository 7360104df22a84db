#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// `http-remote` (storage.md `HTTPRemote`, §2.4): an http remote needs `url` (http/https).
struct HTTPRemote: Rule {
    let id = "http-remote"
    let defaultSeverity = Severity.error
    let summary = "an http remote sets url to an http(s) URL"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .http).compactMap { remote, options -> Diagnostic? in
                guard let url = options["url"], url.isSet else {
                    return .error(
                        id, "remote '\(remote.name)': url is required", fix: "add RCLONE_CONFIG_\(remote.name.uppercased())_URL",
                        at: remote.typeEntry.keyNode.location,
                    path: "\(remote.typeEntry.field.rawValue).\(remote.typeEntry.key)")
                }
                let text = (url.value ?? "").trimmingCharactersInWhitespacesAndNewlines()
                guard let c = URLComponents(string: text), ["http", "https"].contains(c.scheme?.lowercased() ?? ""), c.host != nil else {
                    return .error(
                        id, "remote '\(remote.name)': url is not an http(s) URL", fix: "write http(s)://host/path/",
                        at: url.valueNode.location, path: "\(url.field.rawValue).\(url.key)")
                }
                return nil
            }
        }
    }
}
