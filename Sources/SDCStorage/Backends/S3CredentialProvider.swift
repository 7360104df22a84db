#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics
import NIOConcurrencyHelpers

/// Supplies S3 credentials for each request, fetching temporary ones on first use and refreshing them
/// 5 minutes before they expire (spec/storage.md §7.3 "s3").
public actor S3CredentialProvider {
    public enum Source: Sendable {
        /// Static keys, or nil for anonymous requests.
        case fixed(SigV4Signer.Credentials?)
        /// EKS IRSA: `AssumeRoleWithWebIdentity` with the projected token file.
        case webIdentity(tokenFile: String, roleARN: String, sessionName: String, stsEndpoint: String)
        /// ECS/EKS Pod Identity container credentials endpoint.
        case container(url: String, authorization: String?, authorizationFile: String?)
        /// EC2 instance metadata (IMDSv2), 1 s timeouts.
        case instanceMetadata(endpoint: String)
    }

    public nonisolated let source: Source
    public nonisolated let origin: String
    private let transport: any HTTPTransport
    private var cached: (credentials: SigV4Signer.Credentials, expiry: Date?)?
    /// The last link of the chain found nothing: anonymous from then on, as the rclone docs describe.
    private var metadataUnavailable = false
    private nonisolated let seenSecrets = NIOLockedValueBox<[String]>([])

    public init(source: Source, origin: String, transport: any HTTPTransport) {
        self.source = source
        self.origin = origin
        self.transport = transport
        if case .fixed(let credentials?) = source {
            seenSecrets.withLockedValue { $0 = [credentials.accessKeyID, credentials.secretAccessKey, credentials.sessionToken].compactMap { $0 } }
        }
    }

    /// Every credential value handed out so far, for scrubbing server text (§7.12).
    public nonisolated var secrets: [String] { seenSecrets.withLockedValue { $0 } }

    /// True when requests go unsigned: no credentials configured, or the chain ended without any.
    public var isAnonymous: Bool {
        if case .fixed(nil) = source { return true }
        return metadataUnavailable
    }

    public func current(now: Date = Date()) async throws -> SigV4Signer.Credentials? {
        if case .fixed(let credentials) = source { return credentials }
        if let cached, cached.expiry.map({ $0.timeIntervalSince(now) > 300 }) ?? true {
            return cached.credentials
        }
        if metadataUnavailable { return nil }
        let fetched: (credentials: SigV4Signer.Credentials, expiry: Date?)
        do {
            fetched = try await fetch()
        } catch {
            guard case .instanceMetadata = source else { throw error }
            metadataUnavailable = true
            return nil
        }
        cached = fetched
        seenSecrets.withLockedValue {
            $0 += [fetched.credentials.accessKeyID, fetched.credentials.secretAccessKey, fetched.credentials.sessionToken].compactMap { $0 }
        }
        return fetched.credentials
    }

    private func fetch() async throws -> (credentials: SigV4Signer.Credentials, expiry: Date?) {
        switch source {
        case .fixed:
            preconditionFailure("fixed credentials are never fetched")
        case .webIdentity(let tokenFile, let roleARN, let sessionName, let stsEndpoint):
            guard let tokenData = FileManager.default.contents(atPath: tokenFile) else {
                throw FetchFailure(.authentication, "aws-web-identity", "cannot read AWS_WEB_IDENTITY_TOKEN_FILE \(tokenFile)")
            }
            let token = String(decoding: tokenData, as: UTF8.self).trimmingCharactersInWhitespacesAndNewlines()
            let form = [
                ("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"), ("RoleArn", roleARN),
                ("RoleSessionName", sessionName), ("WebIdentityToken", token),
            ].map { SigV4Signer.uriEncode($0.0, encodeSlash: true) + "=" + SigV4Signer.uriEncode($0.1, encodeSlash: true) }
                .joined(separator: "&")
            let response = try await transport.execute(
                HTTPRequest(
                    method: "POST", url: stsEndpoint + "/",
                    headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), ("Accept-Encoding", "identity")],
                    body: Array(form.utf8)))
            let body = try await response.body.collect(upTo: 1 << 20)
            let tree = XMLTree.parse(body)
            guard response.status == 200,
                let credentials = tree?.child("AssumeRoleWithWebIdentityResult")?.child("Credentials"),
                let key = credentials["AccessKeyId"], let secret = credentials["SecretAccessKey"]
            else {
                let code = tree?.child("Error")?["Code"] ?? tree?["Code"] ?? "HTTP \(response.status)"
                throw FetchFailure(.authentication, "aws-web-identity",
                    "AssumeRoleWithWebIdentity for \(roleARN) failed: \(code)",
                    fix: "check the service account's eks.amazonaws.com/role-arn annotation and the role's trust policy")
            }
            return (.init(accessKeyID: key, secretAccessKey: secret, sessionToken: credentials["SessionToken"]),
                    credentials["Expiration"].flatMap(HTTPDates.parseISO8601))
        case .container(let url, let authorization, let authorizationFile):
            var headers: [(name: String, value: String)] = [("Accept-Encoding", "identity")]
            if let authorizationFile, let data = FileManager.default.contents(atPath: authorizationFile) {
                headers.append(("Authorization", String(decoding: data, as: UTF8.self).trimmingCharactersInWhitespacesAndNewlines()))
            } else if let authorization {
                headers.append(("Authorization", authorization))
            }
            return try await jsonCredentials(from: HTTPRequest(url: url, headers: headers), what: "container credentials")
        case .instanceMetadata(let endpoint):
            let tokenResponse = try await withTimeout(seconds: 1) { [transport] in
                try await transport.execute(
                    HTTPRequest(method: "PUT", url: endpoint + "/latest/api/token", headers: [("X-aws-ec2-metadata-token-ttl-seconds", "21600")]))
            }
            let token = String(decoding: try await tokenResponse.body.collect(upTo: 4096), as: UTF8.self)
            let headers: [(name: String, value: String)] = [("X-aws-ec2-metadata-token", token)]
            let roleResponse = try await withTimeout(seconds: 1) { [transport] in
                try await transport.execute(HTTPRequest(url: endpoint + "/latest/meta-data/iam/security-credentials/", headers: headers))
            }
            let role = String(decoding: try await roleResponse.body.collect(upTo: 4096), as: UTF8.self)
                .split(separator: "\n").first.map(String.init) ?? ""
            guard roleResponse.status == 200, !role.isEmpty else {
                throw FetchFailure(.authentication, "aws-instance-metadata", "the instance metadata service has no IAM role")
            }
            return try await jsonCredentials(
                from: HTTPRequest(url: endpoint + "/latest/meta-data/iam/security-credentials/" + role, headers: headers),
                what: "instance metadata credentials")
        }
    }

    private func jsonCredentials(from request: HTTPRequest, what: String) async throws -> (credentials: SigV4Signer.Credentials, expiry: Date?) {
        struct Payload: Decodable {
            var AccessKeyId: String
            var SecretAccessKey: String
            var Token: String?
            var Expiration: String?
        }
        let response = try await withTimeout(seconds: 5) { [transport] in try await transport.execute(request) }
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == 200, let payload = try? JSONDecoder().decode(Payload.self, from: Data(body)) else {
            throw FetchFailure(.authentication, "aws-\(what.replacingAll(" ", with: "-"))", "\(what): HTTP \(response.status)")
        }
        return (.init(accessKeyID: payload.AccessKeyId, secretAccessKey: payload.SecretAccessKey, sessionToken: payload.Token),
                payload.Expiration.flatMap(HTTPDates.parseISO8601))
    }
}

/// Runs `operation`, failing with a transient error if it takes longer than `seconds`.
func withTimeout<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            throw FetchFailure(.transient, "timeout", "no answer within \(seconds) s", retryable: true)
        }
        let first = try await group.next()!
        group.cancelAll()
        return first
    }
}
