import Foundation
import SDCDiagnostics

/// `gcs-credentials-json` (storage.md `GCSCredentialsJSON`): `service_account_credentials` is the key file's JSON; a
/// service account needs `client_email`, `private_key` and `token_uri`. The JSON is never printed.
struct GCSCredentialsJSON: Rule {
    let id = "gcs-credentials-json"
    let defaultSeverity = Severity.error
    let summary = "service_account_credentials is a service-account or authorized-user JSON key"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .googleCloudStorage).compactMap { remote, options -> Diagnostic? in
                guard let entry = options["service_account_credentials"], let text = entry.value, entry.isSet,
                    let reason = Self.problem(text)
                else { return nil }
                return .error(
                    id, "remote '\(remote.name)': service_account_credentials \(reason)",
                    fix: "paste the whole JSON key file downloaded from the Google Cloud console", at: entry.valueNode.location,
                    path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }

    static func problem(_ text: String) -> String? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            return "is not a JSON object"
        }
        switch object["type"] as? String {
        case "service_account":
            let missing = ["client_email", "private_key", "token_uri"].filter { ((object[$0] as? String) ?? "").isEmpty }
            return missing.isEmpty ? nil : "lacks \(missing.joined(separator: ", "))"
        case "authorized_user": return nil
        default: return "has no \"type\" of service_account or authorized_user"
        }
    }
}
