import Foundation
import Testing
@testable import SDCStorage

struct GCSEndpointTests {
    /// `host[:port]` means https; a bare host gets `/storage/v1` (spec/storage.md §7.3, §9).
    @Test func endpointForms() {
        #expect(GCSBackend.apiBase(fromEndpoint: "storage.example.com") == "https://storage.example.com/storage/v1")
        #expect(GCSBackend.apiBase(fromEndpoint: "http://127.0.0.1:9023/") == "http://127.0.0.1:9023/storage/v1")
        #expect(GCSBackend.apiBase(fromEndpoint: "https://h/storage/v1/") == "https://h/storage/v1")
    }

    @Test func objectNamesAreEscapedWholeIncludingSlashes() {
        #expect(GCSBackend.escapeName("model/a b+ü") == "model%2Fa%20b%2B%C3%BC")
    }

    @Test func unsupportedOrBrokenKeyFilesFailBeforeAnyRequest() {
        #expect(throws: FetchFailure.self) {
            _ = try GCSTokenSource.fromCredentialsJSON(#"{"type": "external_account"}"#, origin: "t", transport: S3RequestTests.NoTransport())
        }
        #expect(throws: FetchFailure.self) {
            _ = try GCSTokenSource.fromCredentialsJSON(#"{"type": "service_account", "client_email": "a@b"}"#, origin: "t", transport: S3RequestTests.NoTransport())
        }
        #expect(throws: FetchFailure.self) {
            _ = try GCSTokenSource.fromCredentialsJSON("not json", origin: "t", transport: S3RequestTests.NoTransport())
        }
    }
}

/// RS256 known answer: the signing input is fixed bytes, and PKCS#1 v1.5 signatures are deterministic, so the
/// expected signature is what `openssl dgst -sha256 -sign Fixtures/gcs-test-key.pem` printed for it
/// (Fixtures/gcs-test-expected-signature.txt, base64url).
struct ServiceAccountJWTTests {
    static let signingInput =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImtleS0xIn0.eyJpc3MiOiJzZGMtdGVzdEBleGFtcGxlLmlhbS5nc2VydmljZWFjY291bnQuY29tIiwic2NvcGUiOiJodHRwczovL3d3dy5nb29nbGVhcGlzLmNvbS9hdXRoL2RldnN0b3JhZ2UucmVhZF9vbmx5IiwiYXVkIjoiaHR0cHM6Ly9vYXV0aDIuZ29vZ2xlYXBpcy5jb20vdG9rZW4iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMH0"

    @Test func signingInputAndSignatureMatchOpenSSL() throws {
        let pem = try String(contentsOfFile: fixturesDirectory + "/gcs-test-key.pem", encoding: .utf8)
        let expected = try String(contentsOfFile: fixturesDirectory + "/gcs-test-expected-signature.txt", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let jwt = try ServiceAccountJWT(
            clientEmail: "sdc-test@example.iam.gserviceaccount.com", privateKeyPEM: pem, privateKeyID: "key-1",
            audience: "https://oauth2.googleapis.com/token")
        #expect(jwt.signingInput(issuedAt: 1_700_000_000) == Self.signingInput)
        #expect(try jwt.token(issuedAt: 1_700_000_000) == Self.signingInput + "." + expected)
    }
}

/// The built-in anonymous `gs` remote and gcs remotes against gcp-storage-emulator (scripts/testservers.sh).
@Suite(.enabled(if: testEnvironment["SDC_TEST_GCS_ENDPOINT"] != nil,
    "SDC_TEST_GCS_ENDPOINT is not set: run under scripts/testservers.sh to test against gcp-storage-emulator"))
struct GCSEmulatorTests {
    let endpoint = testEnvironment["SDC_TEST_GCS_ENDPOINT"] ?? ""
    let fixture = testEnvironment["SDC_TEST_FIXTURE_DIR"] ?? ""

    func fetch(_ uri: String, to dest: String, env: [String: String]) async -> FetchOutcome {
        var request = FetchRequest(uri: uri, destination: dest, environment: env)
        request.configPath = "/dev/null"
        return await FetchSession.run(request, temporaries: TemporaryFiles())
    }

    @Test func builtinGSRemoteFetchesThePublicTreeVerifiedByMD5() async throws {
        let dest = try makeScratchDirectory("gcs")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        // Only the endpoint is set: type and anonymous come from the image's built-in `gs` remote.
        let outcome = await fetch("gs://models/model", to: dest, env: ["RCLONE_CONFIG_GS_ENDPOINT": endpoint])
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        expectFixtureIsTheFullTree(fixture)
        try expectSameTree(dest, as: fixture)
        #expect(outcome.report.outcomes.allSatisfy { $0.verification == .md5 })
    }

    @Test func gcsRemoteSingleObjectAndEmulatorHostVariable() async throws {
        let dest = try makeScratchDirectory("gcs1")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let env = [
            "RCLONE_CONFIG_GCS_TYPE": "google cloud storage", "RCLONE_CONFIG_GCS_ANONYMOUS": "true",
            "STORAGE_EMULATOR_HOST": endpoint,
        ]
        let outcome = await fetch("gcs://models/model/odd names/a b ü+&=.txt", to: dest, env: env)
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(dest) == ["a b ü+&=.txt"])
    }

    @Test func missingBucketIsExit3() async throws {
        let dest = try makeScratchDirectory("gcs404")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let outcome = await fetch("gs://no-such-bucket/model", to: dest, env: ["RCLONE_CONFIG_GS_ENDPOINT": endpoint])
        #expect(outcome.exitCode == .sourceNotFound)
    }
}

/// A private bucket: service-account JSON → RS256 JWT → a token endpoint stand-in that verifies the JWT with
/// openssl → bearer token → objects from gcp-storage-emulator.
@Suite(.enabled(if: testEnvironment["SDC_TEST_GCS_ENDPOINT"] != nil,
    "SDC_TEST_GCS_ENDPOINT is not set: run under scripts/testservers.sh to test against gcp-storage-emulator"))
struct GCSServiceAccountTests {
    @Test func serviceAccountJSONGetsATokenAndFetches() async throws {
        let email = "sdc-test@example.iam.gserviceaccount.com"
        let (server, port) = try startFixtureServer(
            fixturesDirectory + "/oauth_token_standin.py", arguments: [fixturesDirectory + "/gcs-test-key.pub.pem", email])
        defer { stopFixtureServer(server) }
        let pem = try String(contentsOfFile: fixturesDirectory + "/gcs-test-key.pem", encoding: .utf8)
        let keyFile: [String: String] = [
            "type": "service_account", "client_email": email, "private_key": pem, "private_key_id": "key-1",
            "token_uri": "http://127.0.0.1:\(port)/token",
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: keyFile), as: UTF8.self)
        let dest = try makeScratchDirectory("gcssa")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let env = [
            "RCLONE_CONFIG_PRIVATE_TYPE": "google cloud storage", "RCLONE_CONFIG_PRIVATE_SERVICE_ACCOUNT_CREDENTIALS": json,
            "RCLONE_CONFIG_PRIVATE_ENDPOINT": testEnvironment["SDC_TEST_GCS_ENDPOINT"] ?? "",
        ]
        var request = FetchRequest(uri: "private:models/model/sub", destination: dest, environment: env)
        request.configPath = "/dev/null"
        let outcome = await FetchSession.run(request, temporaries: TemporaryFiles())
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(dest) == ["config.json", "deeper/leaf.txt"])

        // A key the token endpoint does not know is refused there: exit 7, and the PEM never shows.
        let otherPEM = try String(contentsOfFile: fixturesDirectory + "/gcs-test-key.pem", encoding: .utf8)
        var wrong = keyFile
        wrong["client_email"] = "someone-else@example.iam.gserviceaccount.com"
        wrong["private_key"] = otherPEM
        let wrongJSON = String(decoding: try JSONSerialization.data(withJSONObject: wrong), as: UTF8.self)
        var bad = request
        bad.destination = dest + "/bad"
        bad.environment["RCLONE_CONFIG_PRIVATE_SERVICE_ACCOUNT_CREDENTIALS"] = wrongJSON
        let refused = await FetchSession.run(bad, temporaries: TemporaryFiles())
        #expect(refused.exitCode == .authentication)
        #expect(!refused.report.failures.map(\.diagnostic.message).joined().contains("PRIVATE KEY"))
    }
}
