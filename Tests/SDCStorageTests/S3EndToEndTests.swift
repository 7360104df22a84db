import Crypto
import Foundation
import Testing
@testable import SDCStorage

let testEnvironment = ProcessInfo.processInfo.environment

/// Fetches the fixture tree from a real SeaweedFS, which verifies SigV4 strictly (scripts/testservers.sh).
@Suite(.enabled(if: testEnvironment["SDC_TEST_S3_ENDPOINT"] != nil,
    "SDC_TEST_S3_ENDPOINT is not set: run under scripts/testservers.sh to test against SeaweedFS"))
struct S3SeaweedFSTests {
    let endpoint = testEnvironment["SDC_TEST_S3_ENDPOINT"] ?? ""
    let fixture = testEnvironment["SDC_TEST_FIXTURE_DIR"] ?? ""

    func remoteEnv(secret: String? = nil, extra: [String: String] = [:]) -> [String: String] {
        [
            "RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_PROVIDER": "Minio",
            "RCLONE_CONFIG_S3_ACCESS_KEY_ID": testEnvironment["SDC_TEST_S3_ACCESS_KEY"] ?? "",
            "RCLONE_CONFIG_S3_SECRET_ACCESS_KEY": secret ?? testEnvironment["SDC_TEST_S3_SECRET_KEY"] ?? "",
            "RCLONE_CONFIG_S3_ENDPOINT": endpoint,
        ].merging(extra) { $1 }
    }

    func fetch(_ uri: String, to dest: String, env: [String: String], configPath: String? = nil) async -> FetchOutcome {
        var request = FetchRequest(uri: uri, destination: dest, environment: env)
        request.configPath = configPath ?? "/dev/null"
        request.options.backoffBase = 0.01
        return await FetchSession.run(request, temporaries: TemporaryFiles())
    }

    @Test func fetchesTheTreeVerifiedByMD5() async throws {
        let dest = try makeScratchDirectory("s3")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let outcome = await fetch("s3://models/model", to: dest, env: remoteEnv())
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        expectFixtureIsTheFullTree(fixture)
        try expectSameTree(dest, as: fixture)
        // Every object is verified by an MD5: the plain ETag, or rclone's X-Amz-Meta-Md5chksum for the
        // multipart upload whose ETag is "<hex>-<parts>".
        #expect(outcome.report.outcomes.allSatisfy { $0.verification == .md5 })
        // `model` must not match `model-v2/…` (§7.4).
        #expect(!listTree(dest).contains { $0.contains("other.txt") })
    }

    @Test func largeObjectsAreFetchedWithRangedChunks() async throws {
        let dest = try makeScratchDirectory("s3chunks")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        var request = FetchRequest(uri: "s3://models/model/big.bin", destination: dest, environment: remoteEnv())
        request.configPath = "/dev/null"
        request.options.multiThreadCutoff = 1 << 20
        request.options.multiThreadChunkSize = 1 << 20
        let outcome = await FetchSession.run(request, temporaries: TemporaryFiles())
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(FileManager.default.contentsEqual(atPath: dest + "/big.bin", andPath: fixture + "/big.bin"))
        // Multipart ETag: the MD5 comes from x-amz-meta-md5chksum on the first ranged response.
        #expect(outcome.report.outcomes.first?.verification == .md5)
    }

    @Test func aSingleObjectLandsUnderItsLeaf() async throws {
        let dest = try makeScratchDirectory("s3one")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let outcome = await fetch("s3:models/model/sub/config.json", to: dest, env: remoteEnv())
        #expect(outcome.exitCode == .success)
        #expect(listTree(dest) == ["config.json"])
    }

    @Test func wrongSecretIsExit7AndNeverEchoed() async throws {
        let dest = try makeScratchDirectory("s3bad")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let outcome = await fetch("s3://models/model", to: dest, env: remoteEnv(secret: "WrongSecretValue"))
        #expect(outcome.exitCode == .authentication)
        let text = outcome.report.failures.map { $0.diagnostic.message + ($0.diagnostic.fix ?? "") }.joined()
        #expect(!text.contains("WrongSecretValue"))
        #expect(!text.contains(testEnvironment["SDC_TEST_S3_ACCESS_KEY"] ?? "unset"))
        #expect(listTree(dest).isEmpty)
    }

    @Test func anonymousRequestsAreDeniedWithAHint() async throws {
        let dest = try makeScratchDirectory("s3anon")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let env = ["RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_PROVIDER": "Minio", "RCLONE_CONFIG_S3_ENDPOINT": endpoint]
        let outcome = await fetch("s3://models/model", to: dest, env: env)
        #expect(outcome.exitCode == .authentication)
        #expect(outcome.report.failures.first?.diagnostic.fix?.contains("no AWS credentials") == true)
    }

    @Test func missingPrefixAndBucketAreExit3() async throws {
        let dest = try makeScratchDirectory("s3none")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        #expect(await fetch("s3://models/no-such-model", to: dest, env: remoteEnv()).exitCode == .sourceNotFound)
        #expect(await fetch("s3://no-such-bucket/model", to: dest, env: remoteEnv()).exitCode == .sourceNotFound)
    }

    @Test func remoteFromAnRcloneConfFile() async throws {
        let scratch = try makeScratchDirectory("s3conf")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try writeFile(scratch + "/rclone.conf", """
            [weed]
            type = s3
            provider = SeaweedFS
            access_key_id = \(testEnvironment["SDC_TEST_S3_ACCESS_KEY"] ?? "")
            secret_access_key = \(testEnvironment["SDC_TEST_S3_SECRET_KEY"] ?? "")
            endpoint = \(endpoint)
            """)
        let outcome = await fetch("weed:models/model/sub", to: scratch + "/out", env: [:], configPath: scratch + "/rclone.conf")
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(scratch + "/out") == ["config.json", "deeper/leaf.txt"])
    }

    @Test func implicitS3RemoteFromKServeVariables() async throws {
        let dest = try makeScratchDirectory("s3kserve")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let env = [
            "AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": testEnvironment["SDC_TEST_S3_ACCESS_KEY"] ?? "",
            "AWS_SECRET_ACCESS_KEY": testEnvironment["SDC_TEST_S3_SECRET_KEY"] ?? "",
        ]
        let outcome = await fetch("s3://models/model/sub", to: dest, env: env)
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(outcome.warnings.contains { $0.rule == "implicit-remote" })
        #expect(listTree(dest) == ["config.json", "deeper/leaf.txt"])
    }
}

/// moto keeps keys verbatim, so it is the server for hostile keys and listing pages.
@Suite(.enabled(if: testEnvironment["SDC_TEST_MOTO_ENDPOINT"] != nil,
    "SDC_TEST_MOTO_ENDPOINT is not set: run under scripts/testservers.sh to test against moto"))
struct S3MotoTests {
    let endpoint = testEnvironment["SDC_TEST_MOTO_ENDPOINT"] ?? ""

    func fetch(_ uri: String, to dest: String, provider: String = "Minio", extra: [String: String] = [:],
               configure: (inout FetchOptions) -> Void = { _ in }) async -> FetchOutcome {
        let env = [
            "RCLONE_CONFIG_MOTO_TYPE": "s3", "RCLONE_CONFIG_MOTO_PROVIDER": provider, "RCLONE_CONFIG_MOTO_ACCESS_KEY_ID": "testing",
            "RCLONE_CONFIG_MOTO_SECRET_ACCESS_KEY": "testing", "RCLONE_CONFIG_MOTO_ENDPOINT": endpoint,
        ].merging(extra) { $1 }
        var request = FetchRequest(uri: uri, destination: dest, environment: env)
        request.configPath = "/dev/null"
        configure(&request.options)
        return await FetchSession.run(request, temporaries: TemporaryFiles())
    }

    @Test func fetchesTheWholeFixtureTree() async throws {
        let fixture = testEnvironment["SDC_TEST_FIXTURE_DIR"] ?? ""
        let dest = try makeScratchDirectory("mototree")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let outcome = await fetch("moto:models/model", to: dest)
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        expectFixtureIsTheFullTree(fixture)
        try expectSameTree(dest, as: fixture)
    }

    @Test func traversalKeysAreRefusedAndNothingEscapes() async throws {
        let scratch = try makeScratchDirectory("moto")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outcome = await fetch("moto:models/hostile", to: scratch + "/dest")
        #expect(outcome.exitCode == .unsafeKey)
        #expect(listTree(scratch).isEmpty)

        let skipped = await fetch("moto:models/hostile", to: scratch + "/dest") { $0.skipUnsafeKeys = true }
        #expect(skipped.exitCode == .success)
        #expect(listTree(scratch) == ["dest/ok.txt"])
        #expect(skipped.warnings.count == 2)
    }

    @Test(arguments: ["Minio", "Other"])
    func pagesThroughSmallListChunks(provider: String) async throws {
        let dest = try makeScratchDirectory("motopage")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let outcome = await fetch("moto:models/paged", to: dest, provider: provider, extra: ["RCLONE_CONFIG_MOTO_LIST_CHUNK": "2"])
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(dest) == ["f1.txt", "f2.txt", "f3.txt", "f4.txt", "f5.txt"])
    }
}

/// env_auth's web-identity link (EKS IRSA) against moto's STS, which answers AssumeRoleWithWebIdentity.
@Suite(.enabled(if: testEnvironment["SDC_TEST_MOTO_ENDPOINT"] != nil,
    "SDC_TEST_MOTO_ENDPOINT is not set: run under scripts/testservers.sh to test against moto"))
struct S3WebIdentityTests {
    let endpoint = testEnvironment["SDC_TEST_MOTO_ENDPOINT"] ?? ""

    @Test func assumeRoleWithWebIdentityThenFetch() async throws {
        let scratch = try makeScratchDirectory("irsa")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try writeFile(scratch + "/token", "eyJhbGciOiJSUzI1NiJ9.e30.sig\n")
        let env = [
            "RCLONE_CONFIG_MOTO_TYPE": "s3", "RCLONE_CONFIG_MOTO_PROVIDER": "Minio", "RCLONE_CONFIG_MOTO_ENV_AUTH": "true",
            "RCLONE_CONFIG_MOTO_ENDPOINT": endpoint, "RCLONE_CONFIG_MOTO_STS_ENDPOINT": endpoint,
            "AWS_WEB_IDENTITY_TOKEN_FILE": scratch + "/token", "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/model-reader",
            "AWS_ROLE_SESSION_NAME": "sdc-test",
        ]
        let remote = try RcloneConfig(environment: env).configuration(remote: "moto")
        let resolved = try S3Credentials.resolve(remote: remote, environment: env)
        let transport = try AsyncHTTPClientTransport()
        let provider = S3CredentialProvider(source: resolved.source, origin: resolved.origin, transport: transport)
        let fetched: SigV4Signer.Credentials?
        do {
            fetched = try await provider.current()
        } catch {
            try await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
        let credentials = try #require(fetched)
        #expect(credentials.sessionToken?.isEmpty == false)
        #expect(provider.secrets.contains(credentials.secretAccessKey))

        var request = FetchRequest(uri: "moto:models/paged", destination: scratch + "/out", environment: env)
        request.configPath = "/dev/null"
        let outcome = await FetchSession.run(request, temporaries: TemporaryFiles())
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(scratch + "/out").count == 5)
    }
}
