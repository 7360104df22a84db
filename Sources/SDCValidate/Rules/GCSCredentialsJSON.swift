#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
        guard let object = try? JSONDecoder().decode([String: StringField].self, from: Data(text.utf8)) else {
            return "is not a JSON object"
        }
        switch object["type"]?.string {
        case "service_account":
            let missing = ["client_email", "private_key", "token_uri"].filter { (object[$0]?.string ?? "").isEmpty }
            return missing.isEmpty ? nil : "lacks \(missing.joined(separator: ", "))"
        case "authorized_user": return nil
        default: return "has no \"type\" of service_account or authorized_user"
        }
    }

    /// A member's value if it is a string, else nil (any other JSON value is accepted and ignored).
    struct StringField: Decodable {
        var string: String?
        init(from decoder: any Decoder) throws { string = try? decoder.singleValueContainer().decode(String.self) }
    }
}
