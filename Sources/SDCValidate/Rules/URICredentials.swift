#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics
import SDCStorage

/// `uri-credentials` (storage.md `URICredentials`): manifests are not secret, so a password, a SAS or presigned
/// signature, or a secret option in a connection string must move into the Secret. The URI is never echoed.
struct URICredentials: Rule {
    let id = "uri-credentials"
    let defaultSeverity = Severity.error
    let summary = "modelUri carries no credential (userinfo, SAS sig=, X-Amz-Signature, secret connection-string option)"

    static let signatureParameters = ["sig", "x-amz-signature", "x-goog-signature", "x-amz-credential"]

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard let what = credential(in: target.uri) else { return nil }
            return .error(
                id, "modelUri carries a credential (\(what)); anyone who can read the SeldonDeployment can read it",
                fix: "move the credential into the Secret named by envSecretRefName and rotate it",
                at: target.reference.location, path: target.reference.path)
        }
    }

    private func credential(in uri: ModelURI) -> String? {
        switch uri {
        case .http(let components):
            if components.user != nil || components.password != nil { return "user info before the host" }
            return signature(components.queryItems)
        case .azureURL(_, _, let query):
            return signature(URLComponents(string: "x:?" + (query ?? ""))?.queryItems)
        case .remote(_, _, let path, true) where path.hasPrefix("//") && path.dropFirst(2).prefix(while: { $0 != "/" }).contains("@"):
            return "user info before the bucket"
        case .remote(_, let parameters, _, _), .onTheFly(_, let parameters, _):
            let secretNames = Set(BackendRegistry.all.flatMap { $0.options.filter(\.isSecret).map(\.name) })
            return parameters.keys.sorted().first { secretNames.contains($0) }.map { "connection-string option \($0)" }
        default:
            return nil
        }
    }

    private func signature(_ items: [URLQueryItem]?) -> String? {
        items?.first { Self.signatureParameters.contains($0.name.lowercased()) }.map { "query parameter \($0.name)" }
    }
}
