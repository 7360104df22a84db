#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics
import SDCStorage

/// A modelUri read the way the storage initializer reads it (storage.md §1.5, §7.2), before any Secret is consulted.
public enum ModelURI: Sendable, Equatable {
    /// No remote: a path in the init container (`/models/iris`, `models/iris`).
    case local(path: String)
    /// `pvc://<claim>/<path>`: the operator mounts the claim and rewrites the URI (render.md §8.3).
    case pvc(claim: String, path: String)
    /// `file://[localhost]/path`.
    case file(path: String)
    /// A plain `http(s)://` URL.
    case http(URLComponents)
    /// `https://<account>.blob.core.windows.net/<container>/<path>` (§7.2 4c).
    case azureURL(account: String, path: String, query: String?)
    /// `name:path`, `name,k=v:path`, or URL-shaped `scheme://bucket/path` read by rclone as remote `scheme`, path
    /// `//bucket/path`.
    case remote(name: String, parameters: [String: String], path: String, urlShaped: Bool)
    /// `:backend:path`.
    case onTheFly(backend: String, parameters: [String: String], path: String)
    case invalid(reason: String)

    public init(_ uri: String) {
        if uri.isEmpty {
            self = .invalid(reason: "the URI is empty")
            return
        }
        if uri.first!.isWhitespace || uri.last!.isWhitespace
            || uri.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            self = .invalid(reason: "it has surrounding whitespace or a control character")
            return
        }
        guard uri.contains(":") else {
            self = .local(path: uri)
            return
        }
        if let (scheme, rest) = Self.splitScheme(uri) {
            switch scheme {
            case "pvc":
                let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                self = .pvc(claim: String(parts.first ?? ""), path: parts.count > 1 ? String(parts[1]) : "")
            case "file":
                let slash = rest.firstIndex(of: "/") ?? rest.endIndex
                self = .file(path: String(rest[slash...]))
            case "http", "https":
                guard let components = URLComponents(string: uri), components.host != nil else {
                    self = .invalid(reason: "it is not a valid \(scheme) URL")
                    return
                }
                let host = components.host!.lowercased()
                if host.hasSuffix(".blob.core.windows.net")
                    || (host.hasSuffix(".blob.storage.azure.net") && host.split(separator: ".").count == 6)
                {
                    self = .azureURL(
                        account: String(host.prefix { $0 != "." }), path: components.path, query: components.query)
                } else {
                    self = .http(components)
                }
            default:
                let name = String(uri.prefix { $0 != ":" })
                self = .remote(name: name, parameters: [:], path: String(uri.dropFirst(name.count + 1)), urlShaped: true)
            }
            return
        }
        do {
            switch try RclonePath.parse(uri) {
            case .local(let path): self = .local(path: path)
            case .remote(let name, let parameters, let path):
                self = .remote(name: name, parameters: parameters, path: path, urlShaped: false)
            case .onTheFly(let backend, let parameters, let path):
                self = .onTheFly(backend: backend, parameters: parameters, path: path)
            }
        } catch {
            self = .invalid(reason: error.message)
        }
    }

    /// `scheme://rest` with a URL scheme `[A-Za-z][A-Za-z0-9+.-]*`, lower-cased (§7.2 item 4).
    static func splitScheme(_ uri: String) -> (scheme: String, rest: String)? {
        guard let range = uri.firstRange(of: "://") else { return nil }
        let scheme = uri[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return nil }
        return (scheme.lowercased(), String(uri[range.upperBound...]))
    }

    /// The remote the URI names, if any (lower-cased: env-defined remotes are case-insensitive, §1.2).
    public var remoteName: String? {
        if case .remote(let name, _, _, _) = self { return name.lowercased() }
        return nil
    }

    /// The remote's path with leading and trailing `/` trimmed (what bucket-based backends do, §1.5).
    public var bucketPath: (bucket: String, object: String)? {
        let path: String
        switch self {
        case .remote(_, _, let p, _), .onTheFly(_, _, let p): path = p
        case .azureURL(_, let p, _): path = p
        default: return nil
        }
        let trimmed = path.trimmingScalars(in: "/")
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts.first ?? ""), parts.count > 1 ? String(parts[1]) : "")
    }
}
