import Foundation
import Testing
@testable import SDCStorage

/// How an s3 remote's options become requests (spec/storage.md §2.1.2): no network involved.
struct S3RequestTests {
    struct NoTransport: HTTPTransport {
        func execute(_ request: HTTPRequest) async throws -> HTTPResponse { throw CancellationError() }
    }

    func backend(_ env: [String: String], path: String = "bucket/dir") async throws -> S3Backend {
        let remote = try RcloneConfig(environment: env).configuration(remote: "s3")
        return try await S3Backend.make(remote: remote, path: path, environment: [:], transport: NoTransport()).backend
    }

    @Test func awsIsVirtualHostedWhateverForcePathStyleSays() async throws {
        let s3 = try await backend([
            "RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_PROVIDER": "AWS", "RCLONE_CONFIG_S3_REGION": "eu-west-1",
            "RCLONE_CONFIG_S3_FORCE_PATH_STYLE": "true",
        ])
        let request = s3.makeRequest("GET", key: "dir/a b.bin", query: [], extraHeaders: [], credentials: nil)
        #expect(request.url == "https://bucket.s3.eu-west-1.amazonaws.com/dir/a%20b.bin")
        #expect(s3.settings.listVersion == 2)
        #expect(request.headers.contains { $0.name == "Accept-Encoding" && $0.value == "identity" })
    }

    @Test func otherProvidersArePathStyleWithHTTPSAssumed() async throws {
        let s3 = try await backend([
            "RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_PROVIDER": "Ceph", "RCLONE_CONFIG_S3_ENDPOINT": "ceph.local:7480",
        ])
        let request = s3.makeRequest("GET", key: nil, query: [("prefix", "dir/")], extraHeaders: [], credentials: nil)
        #expect(request.url == "https://ceph.local:7480/bucket?prefix=dir%2F")
        #expect(s3.settings.listVersion == 1)
        #expect(!s3.settings.urlEncodeListings)
    }

    @Test func halfCredentialsAreAConfigError() async {
        await #expect(throws: FetchFailure.self) {
            _ = try await backend(["RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_ACCESS_KEY_ID": "AK"])
        }
    }

    @Test func noBucketIsRefused() async {
        await #expect(throws: FetchFailure.self) { _ = try await backend(["RCLONE_CONFIG_S3_TYPE": "s3"], path: "//") }
    }

    @Test func envAuthReadsAWSVariablesAndStaticKeysWin() throws {
        let config = RcloneConfig(environment: ["RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_ENV_AUTH": "true"])
        let remote = try config.configuration(remote: "s3")
        let fromEnv = try S3Credentials.resolve(remote: remote, environment: ["AWS_ACCESS_KEY_ID": "E", "AWS_SECRET_ACCESS_KEY": "S", "AWS_SESSION_TOKEN": "T"])
        #expect(fromEnv.credentials == .init(accessKeyID: "E", secretAccessKey: "S", sessionToken: "T"))
        let none = try S3Credentials.resolve(remote: remote, environment: ["AWS_EC2_METADATA_DISABLED": "true"])
        #expect(none.credentials == nil)
        #expect(none.warnings.contains { $0.rule == "s3-no-credentials" })
        guard case .instanceMetadata = try S3Credentials.resolve(remote: remote, environment: [:]).source else {
            Issue.record("the chain should end with instance metadata")
            return
        }
        guard case .webIdentity(let file, let role, _, let sts) = try S3Credentials.resolve(
            remote: remote, environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": "/t", "AWS_ROLE_ARN": "arn:aws:iam::1:role/r", "AWS_REGION": "eu-west-1"]
        ).source else {
            Issue.record("web identity expected")
            return
        }
        #expect(file == "/t" && role == "arn:aws:iam::1:role/r" && sts == "https://sts.eu-west-1.amazonaws.com")
        let withKeys = try RcloneConfig(environment: [
            "RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_ENV_AUTH": "true", "RCLONE_CONFIG_S3_ACCESS_KEY_ID": "K",
            "RCLONE_CONFIG_S3_SECRET_ACCESS_KEY": "X",
        ]).configuration(remote: "s3")
        #expect(try S3Credentials.resolve(remote: withKeys, environment: ["AWS_ACCESS_KEY_ID": "E", "AWS_SECRET_ACCESS_KEY": "S"]).credentials?.accessKeyID == "K")
    }

    @Test func sharedCredentialsFileProfiles() throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try writeFile(scratch + "/credentials", "[default]\naws_access_key_id = D\naws_secret_access_key = DS\n[dev]\naws_access_key_id = V\naws_secret_access_key = VS\n[sso]\nsso_start_url = https://x\n")
        let remote = try RcloneConfig(environment: ["RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_ENV_AUTH": "true"]).configuration(remote: "s3")
        let env = ["AWS_SHARED_CREDENTIALS_FILE": scratch + "/credentials"]
        #expect(try S3Credentials.resolve(remote: remote, environment: env).credentials?.accessKeyID == "D")
        #expect(try S3Credentials.resolve(remote: remote, environment: env.merging(["AWS_PROFILE": "dev"]) { $1 }).credentials?.accessKeyID == "V")
        #expect(throws: FetchFailure.self) { try S3Credentials.resolve(remote: remote, environment: env.merging(["AWS_PROFILE": "sso"]) { $1 }) }
    }

    @Test func listingKeysAreURLDecoded() {
        #expect(S3Backend.decodeListedKey("model/a+b%2Bc%C3%BC") == "model/a b+cü")
    }
}
