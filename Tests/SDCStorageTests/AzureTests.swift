import Foundation
import Testing
@testable import SDCStorage

/// Microsoft's published Shared Key example ("Authorize with Shared Key", Get Container Metadata,
/// x-ms-version 2015-02-21). The signature is HMAC-SHA256 with the documented development-storage key,
/// as `openssl dgst -sha256 -mac HMAC` computes it over the published string.
struct AzureSharedKeyTests {
    static let emulatorKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

    @Test func publishedStringToSign() throws {
        let signer = try #require(AzureSharedKeySigner(account: "myaccount", base64Key: Self.emulatorKey))
        let text = signer.stringToSign(
            method: "GET", encodedPath: "/mycontainer",
            query: [("restype", "container"), ("comp", "metadata"), ("timeout", "20")],
            headers: [("x-ms-date", "Fri, 26 Jun 2015 23:39:12 GMT"), ("x-ms-version", "2015-02-21"), ("Content-Length", "0")])
        #expect(
            text
                == "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 26 Jun 2015 23:39:12 GMT\nx-ms-version:2015-02-21\n/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20")
        #expect(signer.signature(of: text) == "1u9lui2jDxj0+fpbHjQ5m5NnastJRSYM+PSmfi8TXx4=")
    }

    /// The documented canonicalized-resource rule for repeated parameters: values sorted and comma-joined.
    @Test func repeatedQueryParametersAreSortedAndJoined() throws {
        let signer = try #require(AzureSharedKeySigner(account: "myaccount", base64Key: Self.emulatorKey))
        let text = signer.stringToSign(
            method: "GET", encodedPath: "/mycontainer",
            query: [("restype", "container"), ("comp", "list"), ("include", "snapshots"), ("include", "metadata"), ("include", "uncommittedblobs")],
            headers: [])
        #expect(text.hasSuffix("/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container"))
    }

    @Test func implicitAzureURLWithSASNeedsNoRemote() throws {
        let resolution = try SourceResolver(config: RcloneConfig(environment: [:]))
            .resolve("https://acct.blob.core.windows.net/models/iris?sv=2020-10-02&sig=SECRETSIG")
        guard case .remote(let remote, let path) = resolution.source else { Issue.record("not a remote"); return }
        let backend = try AzureBlobBackend.make(remote: remote, path: path, environment: [:], transport: S3RequestTests.NoTransport())
        let request = backend.makeRequest("GET", blob: "iris/model.bin", query: [])
        #expect(request.url == "https://acct.blob.core.windows.net/models/iris/model.bin?sv=2020-10-02&sig=SECRETSIG")
        #expect(Redaction.url(request.url).contains("sig=REDACTED"))
        #expect(!request.headers.contains { $0.name == "Authorization" })
    }

    @Test func noAuthenticationIsAConfigError() {
        let remote = try! RcloneConfig(environment: ["RCLONE_CONFIG_AZ_TYPE": "azureblob"]).configuration(remote: "az")
        #expect(throws: FetchFailure.self) {
            _ = try AzureBlobBackend.make(remote: remote, path: "c/x", environment: [:], transport: S3RequestTests.NoTransport())
        }
    }
}

/// The Azure backend end to end against a stand-in Blob service (Fixtures/azure_blob_standin.py) that
/// re-derives every Shared Key signature itself, in Python, and refuses anything that does not match.
@Suite(.serialized)
struct AzureStandInTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/azure_blob_standin.py").path

    func startStandIn(root: String, key: String, sas: String? = nil) throws -> (Process, Int) {
        try startFixtureServer(Self.script, arguments: [root, "devstoreaccount1", key, "models"] + (sas.map { [$0] } ?? []))
    }

    func stop(_ process: Process) { stopFixtureServer(process) }

    func makeTree() throws -> String {
        let root = try makeScratchDirectory("azroot")
        try writeFile(root + "/model/a.bin", "alpha")
        try writeFile(root + "/model/sub/b.txt", "beta")
        try writeFile(root + "/model/sub/c d ü.txt", "gamma")
        try writeFile(root + "/model-v2/x", "not ours")
        return root
    }

    func fetch(_ uri: String, to dest: String, env: [String: String]) async -> FetchOutcome {
        var request = FetchRequest(uri: uri, destination: dest, environment: env)
        request.configPath = "/dev/null"
        request.options.backoffBase = 0
        return await FetchSession.run(request, temporaries: TemporaryFiles())
    }

    @Test func sharedKeyRequestsAreAcceptedAndVerifiedByMD5() async throws {
        let root = try makeTree()
        let dest = try makeScratchDirectory("azdest")
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: dest)
        }
        let (server, port) = try startStandIn(root: root, key: AzureSharedKeyTests.emulatorKey)
        defer { stop(server) }
        let env = [
            "RCLONE_CONFIG_AZ_TYPE": "azureblob", "RCLONE_CONFIG_AZ_USE_EMULATOR": "true",
            "RCLONE_CONFIG_AZ_ENDPOINT": "http://127.0.0.1:\(port)/devstoreaccount1", "RCLONE_CONFIG_AZ_LIST_CHUNK": "2",
        ]
        let outcome = await fetch("az:models/model", to: dest, env: env)
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(dest) == ["a.bin", "sub/b.txt", "sub/c d ü.txt"])
        #expect(readFile(dest + "/sub/c d ü.txt") == "gamma")
        #expect(outcome.report.outcomes.allSatisfy { $0.verification == .md5 })

        let single = await fetch("az:models/model/sub/b.txt", to: dest + "/one", env: env)
        #expect(single.exitCode == .success)
        #expect(listTree(dest + "/one") == ["b.txt"])
    }

    @Test func aWrongKeyIsRejectedByTheStandInAsExit7() async throws {
        let root = try makeTree()
        let dest = try makeScratchDirectory("azbad")
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: dest)
        }
        let (server, port) = try startStandIn(root: root, key: AzureSharedKeyTests.emulatorKey)
        defer { stop(server) }
        let wrongKey = Data(repeating: 7, count: 64).base64EncodedString()
        let env = [
            "RCLONE_CONFIG_AZ_TYPE": "azureblob", "RCLONE_CONFIG_AZ_ACCOUNT": "devstoreaccount1", "RCLONE_CONFIG_AZ_KEY": wrongKey,
            "RCLONE_CONFIG_AZ_ENDPOINT": "http://127.0.0.1:\(port)/devstoreaccount1",
        ]
        let outcome = await fetch("az:models/model", to: dest, env: env)
        #expect(outcome.exitCode == .authentication)
        #expect(!outcome.report.failures.map(\.diagnostic.message).joined().contains(wrongKey))
    }

    @Test func sasURLIsAppendedToEveryRequest() async throws {
        let root = try makeTree()
        let dest = try makeScratchDirectory("azsas")
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: dest)
        }
        let (server, port) = try startStandIn(root: root, key: AzureSharedKeyTests.emulatorKey, sas: "s3cr3tsig")
        defer { stop(server) }
        let env = [
            "RCLONE_CONFIG_AZ_TYPE": "azureblob",
            "RCLONE_CONFIG_AZ_SAS_URL": "http://127.0.0.1:\(port)/devstoreaccount1/models?sv=2020-10-02&sp=rl&sig=s3cr3tsig",
        ]
        let outcome = await fetch("az:models/model/sub", to: dest, env: env)
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(dest) == ["b.txt", "c d ü.txt"])
        let wrongContainer = await fetch("az:other/model", to: dest + "/x", env: env)
        #expect(wrongContainer.exitCode == .usageOrConfig)
    }
}
