#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// Resolves a fetch URI in the order of spec/storage.md §7.2 (first match wins).
public struct SourceResolver: Sendable {
    public var config: RcloneConfig
    /// `--strict`: pure rclone resolution (no `pvc://`, `file://`, direct URLs, implicit remotes).
    public var strict: Bool
    /// `--pvc-root` / `SDC_PVC_ROOT`, default `/mnt/pvc` (the operator's mount point).
    public var pvcRoot: String

    public init(config: RcloneConfig, strict: Bool = false, pvcRoot: String = "/mnt/pvc") {
        self.config = config
        self.strict = strict
        self.pvcRoot = pvcRoot
    }

    public struct Resolution: Sendable {
        public var source: FetchSource
        /// Notices such as "using implicit remote s3"; printed as warnings.
        public var notes: [String] = []
    }

    public func resolve(_ uri: String) throws(FetchFailure) -> Resolution {
        // 1. Surrounding whitespace or control characters are never intended (a Secret's trailing newline, P11).
        if uri.isEmpty { throw .config("model-uri-syntax", "the URI is empty") }
        if uri.first!.isWhitespace || uri.last!.isWhitespace
            || uri.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            throw .config(
                "model-uri-syntax", "URI \(Redaction.quoted(uri)) has surrounding whitespace or a control character",
                fix: "remove the whitespace (often a trailing newline from `echo … | base64`)")
        }
        // 2. No colon: a local path.
        guard uri.contains(":") else { return Resolution(source: .local(path: uri, description: uri)) }

        if let (scheme, rest) = Self.splitScheme(uri) {
            // 4a. A remote named like the scheme always wins: rclone semantics, path `//bucket/path`.
            let path = String(uri[uri.index(after: uri.firstIndex(of: ":")!)...])
            if config.remoteExists(scheme) || config.remoteExists(String(uri.prefix { $0 != ":" })) {
                let name = config.remoteExists(scheme) ? scheme : String(uri.prefix { $0 != ":" })
                return Resolution(source: .remote(try config.configuration(remote: name), path: path))
            }
            if !strict {
                switch scheme {
                case "pvc":
                    // 3. The operator mounts the claim at the PVC root and rewrites the URI the same way (§1.6).
                    let components = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                    let claim = components.first.map(String.init) ?? ""
                    let inner = components.count > 1 ? String(components[1]) : ""
                    guard !claim.isEmpty else {
                        throw .config("pvc-uri-syntax", "pvc URI must be pvc://<claim>/<path>; the claim name is missing")
                    }
                    let path = PathString.appending(pvcRoot, inner)
                    return Resolution(source: .local(path: path, description: "\(path) (claim '\(claim)', path '\(inner)')"))
                case "file":
                    let hostAndPath = rest
                    let slash = hostAndPath.firstIndex(of: "/") ?? hostAndPath.endIndex
                    let host = hostAndPath[..<slash]
                    guard host.isEmpty || host == "localhost" else {
                        throw .config("model-uri-syntax", "file URI \(Redaction.quoted(uri)) names host '\(host)'; only file:///path or file://localhost/path is allowed")
                    }
                    let encoded = String(hostAndPath[slash...])
                    let decoded = encoded.removingPercentEncodingOrNil ?? encoded
                    return Resolution(source: .local(path: decoded.isEmpty ? "/" : decoded, description: decoded))
                case "http", "https":
                    if let azure = try implicitAzure(uri: uri) { return azure }
                    return Resolution(source: .directURL(uri))
                case "s3":
                    return Resolution(
                        source: .remote(try ImplicitRemotes.s3(environment: config.environment), path: path),
                        notes: ["no remote 's3' is defined: using sdc's implicit s3 remote (env_auth and AWS_*/KServe variables)"])
                default:
                    break
                }
            }
            // 4e. A URL-shaped URI whose scheme names no remote.
            if !RclonePath.isValidRemoteName(scheme) || !config.remoteExists(scheme) {
                throw config.undefinedRemote(scheme)
            }
        }

        // 5. Plain rclone syntax.
        let parsed: RclonePath
        do {
            parsed = try RclonePath.parse(uri)
        } catch {
            throw .config("model-uri-syntax", "URI \(Redaction.quoted(uri)): \(error.message)")
        }
        switch parsed {
        case .local(let path):
            return Resolution(source: .local(path: path, description: path))
        case .remote(let name, let parameters, let path):
            guard parameters["type"] != nil || config.remoteExists(name) else { throw config.undefinedRemote(name) }
            return Resolution(source: .remote(try config.configuration(remote: name, connectionParameters: parameters), path: path))
        case .onTheFly(let backend, let parameters, let path):
            let configuration = try config.configuration(remote: nil, backendType: backend, connectionParameters: parameters)
            return Resolution(source: .remote(configuration, path: path))
        }
    }

    /// `scheme://rest` with a URL scheme `[A-Za-z][A-Za-z0-9+.-]*`, scheme lower-cased (§7.2 item 4).
    static func splitScheme(_ uri: String) -> (scheme: String, rest: String)? {
        guard let range = uri.firstRange(of: "://") else { return nil }
        let scheme = uri[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return nil }
        return (scheme.lowercased(), String(uri[range.upperBound...]))
    }

    /// `https://<account>.blob.core.windows.net/<container>/<path>` and `<account>.z<N>.blob.storage.azure.net` (§7.2 4c).
    private func implicitAzure(uri: String) throws(FetchFailure) -> Resolution? {
        guard let components = URLComponents(string: uri), let host = components.host?.lowercased() else { return nil }
        let isAzure = host.hasSuffix(".blob.core.windows.net")
            || (host.hasSuffix(".blob.storage.azure.net") && host.split(separator: ".").count == 6)
        guard isAzure else { return nil }
        let account = String(host.prefix { $0 != "." })
        let configuration = ImplicitRemotes.azure(
            account: account, serviceURL: "\(components.scheme ?? "https")://\(host)", sasQuery: components.percentEncodedQuery,
            environment: config.environment)
        let path = components.percentEncodedPath.removingPercentEncodingOrNil ?? components.percentEncodedPath
        return Resolution(
            source: .remote(configuration, path: path),
            notes: ["using sdc's implicit azureblob remote for account '\(account)'"])
    }
}
