#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics
import NIOConcurrencyHelpers

/// Where a non-anonymous GCS remote gets its bearer token (spec/storage.md §2.2 credential order, §7.3 "gcs"):
/// service-account JSON (RS256 JWT exchanged at the key's `token_uri`), `authorized_user` JSON (refresh token),
/// rclone's OAuth `token` blob (used until it expires), `access_token`, or the metadata server (GKE Workload
/// Identity) for env_auth. Tokens are refreshed 5 minutes before expiry.
public actor GCSTokenSource {
    enum Kind: Sendable {
        case fixed(String, expiry: Date?)
        case serviceAccount(ServiceAccountJWT, tokenURI: String)
        case authorizedUser(clientID: String, clientSecret: String, refreshToken: String, tokenURI: String)
        case metadataServer(String)
    }

    let kind: Kind
    let transport: any HTTPTransport
    private var cached: (token: String, expiry: Date?)?
    private nonisolated let seen = NIOLockedValueBox<[String]>([])

    init(kind: Kind, transport: any HTTPTransport, knownSecrets: [String] = []) {
        self.kind = kind
        self.transport = transport
        seen.withLockedValue { $0 = knownSecrets.filter { !$0.isEmpty } }
    }

    nonisolated var secrets: [String] { seen.withLockedValue { $0 } }

    func accessToken(now: Date = Date()) async throws -> String {
        if let cached, cached.expiry.map({ $0.timeIntervalSince(now) > 300 }) ?? true { return cached.token }
        let fresh: (token: String, expiry: Date?)
        switch kind {
        case .fixed(let token, let expiry):
            if let expiry, expiry < now {
                throw FetchFailure(.authentication, "gcs-token-expired",
                    "the remote's OAuth token expired at \(expiry); sdc fetch cannot refresh tokens minted with rclone's own OAuth app",
                    fix: "use a service account (service_account_credentials) instead of a token")
            }
            return token
        case .serviceAccount(let jwt, let tokenURI):
            let assertion = try jwt.token(issuedAt: Int(now.timeIntervalSince1970))
            fresh = try await exchange(tokenURI, form: [
                ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion),
            ], what: "service account \(jwt.clientEmail)")
        case .authorizedUser(let clientID, let clientSecret, let refreshToken, let tokenURI):
            fresh = try await exchange(tokenURI, form: [
                ("grant_type", "refresh_token"), ("client_id", clientID), ("client_secret", clientSecret), ("refresh_token", refreshToken),
            ], what: "authorized_user credentials")
        case .metadataServer(let host):
            let response = try await withTimeout(seconds: 5) { [transport] in
                try await transport.execute(
                    HTTPRequest(url: "http://\(host)/computeMetadata/v1/instance/service-accounts/default/token", headers: [("Metadata-Flavor", "Google")]))
            }
            fresh = try await decodeToken(response, what: "the GCE/GKE metadata server")
        }
        cached = fresh
        seen.withLockedValue { $0.append(fresh.token) }
        return fresh.token
    }

    private func exchange(_ tokenURI: String, form: [(String, String)], what: String) async throws -> (token: String, expiry: Date?) {
        let body = form.map { SigV4Signer.uriEncode($0.0, encodeSlash: true) + "=" + SigV4Signer.uriEncode($0.1, encodeSlash: true) }
            .joined(separator: "&")
        let response = try await transport.execute(
            HTTPRequest(method: "POST", url: tokenURI, headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept-Encoding", "identity")],
                        body: Array(body.utf8)))
        return try await decodeToken(response, what: what)
    }

    private func decodeToken(_ response: HTTPResponse, what: String) async throws -> (token: String, expiry: Date?) {
        struct TokenResponse: Decodable {
            var access_token: String?
            var expires_in: Double?
            var error: String?
        }
        let body = try await response.body.collect(upTo: 1 << 20)
        let decoded = try? JSONDecoder().decode(TokenResponse.self, from: Data(body))
        guard response.status == 200, let token = decoded?.access_token else {
            throw FetchFailure(.authentication, "gcs-token", "getting an access token for \(what) failed: HTTP \(response.status)\(decoded?.error.map { " (\($0))" } ?? "")")
        }
        return (token, decoded?.expires_in.map { Date().addingTimeInterval($0) })
    }

    /// nil means anonymous. Order: anonymous; access_token; service account (credentials, else file);
    /// env_auth → ADC (GOOGLE_APPLICATION_CREDENTIALS, then the metadata server); token blob (§2.2).
    static func make(remote: RemoteConfiguration, environment: [String: String], transport: any HTTPTransport) throws -> GCSTokenSource? {
        if remote.bool("anonymous") { return nil }
        let name = remote.name ?? ":gcs"
        if !remote.string("access_token").isEmpty {
            return GCSTokenSource(kind: .fixed(remote.string("access_token"), expiry: nil), transport: transport, knownSecrets: [remote.string("access_token")])
        }
        var json = remote.string("service_account_credentials")
        if json.isEmpty, !remote.string("service_account_file").isEmpty {
            let path = expand(remote.string("service_account_file"), environment: environment)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FetchFailure.config("gcs-credentials", "remote '\(name)': cannot read service_account_file \(path)")
            }
            json = String(decoding: data, as: UTF8.self)
        }
        if !json.isEmpty { return try fromCredentialsJSON(json, origin: "remote '\(name)'", transport: transport) }
        if remote.bool("env_auth") || remote.string("token").isEmpty {
            if let path = environment["GOOGLE_APPLICATION_CREDENTIALS"], !path.isEmpty {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw FetchFailure.config("gcs-credentials", "cannot read GOOGLE_APPLICATION_CREDENTIALS \(path)")
                }
                return try fromCredentialsJSON(String(decoding: data, as: UTF8.self), origin: "GOOGLE_APPLICATION_CREDENTIALS", transport: transport)
            }
            if remote.bool("env_auth") || remote.string("token").isEmpty {
                let host = environment["GCE_METADATA_HOST"] ?? "metadata.google.internal"
                return GCSTokenSource(kind: .metadataServer(host), transport: transport)
            }
        }
        struct Token: Decodable {
            var access_token: String?
            var expiry: String?
        }
        let tokenJSON = remote.string("token")
        guard let token = try? JSONDecoder().decode(Token.self, from: Data(tokenJSON.utf8)), let access = token.access_token else {
            throw FetchFailure.config("gcs-token", "remote '\(name)': token is not rclone's OAuth token JSON")
        }
        return GCSTokenSource(kind: .fixed(access, expiry: token.expiry.flatMap(HTTPDates.parseISO8601)), transport: transport, knownSecrets: [access])
    }

    /// A key file: `service_account` (RS256 JWT) or `authorized_user` (refresh token); `external_account` is not supported.
    static func fromCredentialsJSON(_ json: String, origin: String, transport: any HTTPTransport) throws -> GCSTokenSource {
        struct KeyFile: Decodable {
            var type: String?
            var client_email: String?
            var private_key: String?
            var private_key_id: String?
            var token_uri: String?
            var client_id: String?
            var client_secret: String?
            var refresh_token: String?
        }
        guard let key = try? JSONDecoder().decode(KeyFile.self, from: Data(json.utf8)) else {
            throw FetchFailure.config("gcs-credentials-json", "\(origin): service account credentials are not valid JSON")
        }
        switch key.type {
        case "service_account":
            guard let email = key.client_email, let pem = key.private_key else {
                throw FetchFailure.config("gcs-credentials-json", "\(origin): service account JSON lacks client_email or private_key")
            }
            let tokenURI = key.token_uri ?? "https://oauth2.googleapis.com/token"
            let jwt: ServiceAccountJWT
            do {
                jwt = try ServiceAccountJWT(clientEmail: email, privateKeyPEM: pem, privateKeyID: key.private_key_id, audience: tokenURI)
            } catch {
                throw FetchFailure.config("gcs-credentials-json", "\(origin): private_key of \(email) is not a PEM RSA key")
            }
            return GCSTokenSource(kind: .serviceAccount(jwt, tokenURI: tokenURI), transport: transport, knownSecrets: [pem])
        case "authorized_user":
            guard let clientID = key.client_id, let secret = key.client_secret, let refresh = key.refresh_token else {
                throw FetchFailure.config("gcs-credentials-json", "\(origin): authorized_user JSON lacks client_id, client_secret or refresh_token")
            }
            return GCSTokenSource(
                kind: .authorizedUser(clientID: clientID, clientSecret: secret, refreshToken: refresh, tokenURI: key.token_uri ?? "https://oauth2.googleapis.com/token"),
                transport: transport, knownSecrets: [secret, refresh])
        default:
            throw FetchFailure.config("gcs-credentials-unsupported", "\(origin): credentials of type '\(key.type ?? "none")' are not supported by sdc fetch (service_account and authorized_user are)")
        }
    }

    /// `~` and `$VAR`/`${VAR}` expansion, as rclone does for service_account_file.
    static func expand(_ path: String, environment: [String: String]) -> String {
        var out = path
        if out.hasPrefix("~"), let home = environment["HOME"] { out = home + out.dropFirst() }
        for (name, value) in environment {
            out = out.replacingAll("${\(name)}", with: value)
        }
        return out
    }
}
