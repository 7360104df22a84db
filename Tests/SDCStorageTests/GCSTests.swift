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

    @Test func nonAnonymousWithoutCredentialsFailsBeforeAnyRequest() async {
        let remote = try! RcloneConfig(environment: ["RCLONE_CONFIG_G_TYPE": "gcs"]).configuration(remote: "g")
        await #expect(throws: FetchFailure.self) {
            _ = try await GCSBackend.make(remote: remote, path: "b/x", environment: [:], transport: S3RequestTests.NoTransport())
        }
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
        #expect(listTree(dest) == listTree(fixture))
        for file in listTree(fixture) {
            #expect(FileManager.default.contentsEqual(atPath: dest + "/" + file, andPath: fixture + "/" + file), "\(file) differs")
        }
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
