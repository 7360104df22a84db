import Testing
@testable import SDCStorage

/// URI resolution order (spec/storage.md §7.2).
struct SourceResolverTests {
    func resolve(_ uri: String, env: [String: String] = [:], strict: Bool = false) throws(FetchFailure) -> SourceResolver.Resolution {
        try SourceResolver(config: RcloneConfig(environment: env), strict: strict, pvcRoot: "/mnt/pvc").resolve(uri)
    }

    @Test func s3SchemeUsesTheRemoteNamedS3WithRclonePath() throws {
        let resolution = try resolve("s3://bucket/model", env: ["RCLONE_CONFIG_S3_TYPE": "s3"])
        guard case .remote(let remote, let path) = resolution.source else { Issue.record("not a remote"); return }
        #expect(remote.name == "s3")
        #expect(path == "//bucket/model")
        #expect(resolution.notes.isEmpty)
    }

    @Test func remoteNamedLikeAnotherSchemeWins() throws {
        let resolution = try resolve("https://host/x", env: ["RCLONE_CONFIG_HTTPS_TYPE": "http", "RCLONE_CONFIG_HTTPS_URL": "http://h/"])
        guard case .remote(let remote, _) = resolution.source else { Issue.record("not a remote"); return }
        #expect(remote.backend.kind == .http)
    }

    @Test func implicitS3WithoutARemoteUsesKServeVariables() throws {
        let resolution = try resolve("s3://b/m", env: ["AWS_ENDPOINT_URL": "minio:9000", "USE_SSL": "false", "AWS_REGION": "eu-west-1"])
        guard case .remote(let remote, _) = resolution.source else { Issue.record("not a remote"); return }
        #expect(remote.string("endpoint") == "http://minio:9000")
        #expect(remote.string("provider") == "Other")
        #expect(remote.string("region") == "eu-west-1")
        #expect(remote.bool("env_auth"))
        #expect(!resolution.notes.isEmpty)
    }

    @Test func strictModeTurnsImplicitRemotesOff() {
        #expect(throws: FetchFailure.self) { try resolve("s3://b/m", strict: true) }
        #expect(throws: FetchFailure.self) { try resolve("file:///tmp/x", strict: true) }
        #expect(throws: FetchFailure.self) { try resolve("pvc://claim/x", strict: true) }
    }

    @Test func gsWorksOutOfTheBoxEvenInStrictMode() throws {
        let resolution = try resolve("gs://public/model", strict: true)
        guard case .remote(let remote, let path) = resolution.source else { Issue.record("not a remote"); return }
        #expect(remote.backend.kind == .googleCloudStorage)
        #expect(path == "//public/model")
    }

    @Test func localFileAndPVC() throws {
        guard case .local(let a, _) = try resolve("/data/model").source else { Issue.record("not local"); return }
        #expect(a == "/data/model")
        guard case .local(let b, _) = try resolve("file:///data/my%20model").source else { Issue.record("not local"); return }
        #expect(b == "/data/my model")
        guard case .local(let c, _) = try resolve("pvc://claim/models/iris").source else { Issue.record("not local"); return }
        #expect(c == "/mnt/pvc/models/iris")
        #expect(throws: FetchFailure.self) { try resolve("file://otherhost/x") }
    }

    @Test func directHTTPAndAzureURLs() throws {
        guard case .directURL(let url) = try resolve("https://example.com/m.bin").source else { Issue.record("not a URL"); return }
        #expect(url == "https://example.com/m.bin")
        let azure = try resolve("https://acct.blob.core.windows.net/models/iris?sv=1&sig=abc")
        guard case .remote(let remote, let path) = azure.source else { Issue.record("not a remote"); return }
        #expect(remote.backend.kind == .azureBlob)
        #expect(remote.string("account") == "acct")
        #expect(remote.string("sas_url").contains("sig=abc"))
        #expect(path == "/models/iris")
    }

    @Test func unknownSchemeNamesDefinedRemotes() {
        do {
            _ = try resolve("minio://bucket/x", env: ["RCLONE_CONFIG_MINIO2_TYPE": "s3"])
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == .usageOrConfig)
            #expect(error.diagnostic.rule == "remote-undefined")
            #expect(error.diagnostic.message.contains("minio2"))
        }
    }

    @Test func whitespaceAndControlCharactersAreRejected() {
        for uri in ["s3://b/m\n", " s3://b/m", "s3://b/\u{0}m", ""] {
            #expect(throws: FetchFailure.self) { try resolve(uri, env: ["RCLONE_CONFIG_S3_TYPE": "s3"]) }
        }
    }

    @Test func rcloneSyntaxWithConnectionStrings() throws {
        let resolution = try resolve(":s3,provider=Minio:bucket/x")
        guard case .remote(let remote, let path) = resolution.source else { Issue.record("not a remote"); return }
        #expect(remote.name == nil)
        #expect(remote.string("provider") == "Minio")
        #expect(path == "bucket/x")
        #expect(throws: FetchFailure.self) { try resolve(":s3,provder=Minio:bucket/x") }
    }

    @Test func redactionHidesUserinfoAndSignatures() {
        #expect(Redaction.url("https://user:pw@host/a?sig=abc&sv=1") == "https://REDACTED@host/a?sig=REDACTED&sv=1")
        #expect(Redaction.url("https://h/o?X-Amz-Signature=abc&X-Amz-Credential=k") == "https://h/o?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED")
        // Inside a message, a URL ends at whitespace or a quote; the rest of the line survives.
        #expect(Redaction.url("GET https://h/x?sig=abc → 503 'https://u:p@h/'") == "GET https://h/x?sig=REDACTED → 503 'https://REDACTED@h/'")
    }
}
