import Foundation

/// Where a non-anonymous GCS remote gets its bearer token (spec/storage.md §2.2 credential order).
///
/// Implemented: the OAuth `token` blob's access token (until expiry). Service-account JSON (RS256),
/// `authorized_user`, and the metadata server are reported as not supported by this build.
public struct GCSTokenSource: Sendable {
    var staticToken: String
    var expiry: Date?

    var secrets: [String] { [staticToken] }

    func accessToken() async throws -> String {
        if let expiry, expiry < Date() {
            throw FetchFailure(.authentication, "gcs-token-expired",
                "the remote's OAuth token expired at \(expiry); sdc fetch cannot refresh tokens minted with rclone's own OAuth app",
                fix: "use a service account (service_account_credentials) instead of a token")
        }
        return staticToken
    }

    /// nil means anonymous.
    static func make(remote: RemoteConfiguration, environment: [String: String], transport: any HTTPTransport) throws -> GCSTokenSource? {
        if remote.bool("anonymous") { return nil }
        let name = remote.name ?? ":gcs"
        if !remote.string("access_token").isEmpty {
            return GCSTokenSource(staticToken: remote.string("access_token"), expiry: nil)
        }
        if !remote.string("service_account_credentials").isEmpty || !remote.string("service_account_file").isEmpty {
            throw FetchFailure.config("gcs-credentials-unsupported",
                "remote '\(name)': service-account credentials are not supported by this build of sdc fetch")
        }
        let tokenJSON = remote.string("token")
        if !tokenJSON.isEmpty {
            struct Token: Decodable {
                var access_token: String?
                var expiry: String?
            }
            guard let token = try? JSONDecoder().decode(Token.self, from: Data(tokenJSON.utf8)), let access = token.access_token else {
                throw FetchFailure.config("gcs-token", "remote '\(name)': token is not rclone's OAuth token JSON")
            }
            return GCSTokenSource(staticToken: access, expiry: token.expiry.flatMap(HTTPDates.parseISO8601))
        }
        throw FetchFailure.config("gcs-credentials-unsupported",
            "remote '\(name)' is not anonymous and has no token; Application Default Credentials are not supported by this build of sdc fetch",
            fix: "set anonymous=true for a public bucket")
    }
}
