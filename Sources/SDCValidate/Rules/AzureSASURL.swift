#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics
import SDCStorage

/// `azure-sas-url` (storage.md `AzureSASURL`): `sas_url` is an https URL with a `sig` parameter; an `se` (expiry) in
/// the past is a warning — the download fails with 403 once it passes. The URL is never printed.
struct AzureSASURL: Rule {
    let id = "azure-sas-url"
    let defaultSeverity = Severity.error
    let summary = "an azureblob sas_url parses, carries sig= and has not expired"

    let now: Date

    init(now: Date = Date()) { self.now = now }

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .azureBlob).compactMap { remote, options -> Diagnostic? in
                guard let entry = options["sas_url"], entry.isSet else { return nil }
                let text = (entry.value ?? "").trimmingCharactersInWhitespacesAndNewlines()
                let path = "\(entry.field.rawValue).\(entry.key)"
                guard let url = URLComponents(string: text), ["https", "http"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    return .error(
                        id, "remote '\(remote.name)': sas_url is not a URL", fix: "paste the Blob SAS URL from the portal",
                        at: entry.valueNode.location, path: path)
                }
                let items = url.queryItems ?? []
                guard items.contains(where: { $0.name == "sig" && !($0.value ?? "").isEmpty }) else {
                    return .error(
                        id, "remote '\(remote.name)': sas_url has no sig= parameter (a container URL without its token?)",
                        fix: "paste the whole SAS URL including the query", at: entry.valueNode.location, path: path)
                }
                if let expiry = items.first(where: { $0.name == "se" })?.value, let date = Self.parse(expiry), date < now {
                    return .warning(
                        id, "remote '\(remote.name)': sas_url expired at \(expiry)", fix: "issue a new SAS token",
                        at: entry.valueNode.location, path: path)
                }
                return nil
            }
        }
    }

    /// `se` is ISO 8601: a date, or a date and time in UTC.
    static func parse(_ text: String) -> Date? {
        HTTPDates.parseISO8601(text, fractionalSeconds: false) ?? HTTPDates.parseISO8601Day(text)
    }
}
