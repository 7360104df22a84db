import Foundation
import Testing
@testable import SDCStorage

/// rclone's rules for HTML directory indexes (spec/storage.md §2.4), on a page shaped like nginx autoindex
/// output plus the links such pages often carry that must be ignored.
struct HTTPIndexTests {
    @Test func keepsOneLevelSameHostLinksOnly() {
        let directory = URL(string: "http://h:8080/models/")!
        let page = """
            <html><body><h1>Index of /models/</h1><hr><pre><a href="../">../</a>
            <a href="sub/">sub/</a>
            <a href="a%20b%C3%BC.txt">a bü.txt</a>
            <a href='model.bin'>model.bin</a>
            <a href="?C=N;O=D">Name</a>
            <a href="http://other/x.bin">elsewhere</a>
            <a href="/models/abs.bin">abs</a>
            <a href="deep/er/x">too deep</a>
            <a href="a&amp;b.txt">a&amp;b.txt</a>
            </pre></body></html>
            """
        let entries = HTTPBackend.entries(inIndex: page, of: directory)
        #expect(entries.map(\.name) == ["sub", "a bü.txt", "model.bin", "abs.bin", "a&b.txt"])
        #expect(entries.first?.isDirectory == true)
    }

    @Test func headersOptionIsCSVPairs() {
        #expect(HTTPBackend.parseCSV("Authorization,\"Bearer a,b\",X-Y,z") == ["Authorization", "Bearer a,b", "X-Y", "z"])
        let config = RcloneConfig(environment: [
            "RCLONE_CONFIG_WEB_TYPE": "http", "RCLONE_CONFIG_WEB_URL": "http://h/", "RCLONE_CONFIG_WEB_HEADERS": "a,b,c",
        ])
        #expect(throws: FetchFailure.self) {
            _ = try HTTPBackend(remote: try config.configuration(remote: "web"), path: "x", transport: S3RequestTests.NoTransport())
        }
    }
}

/// Direct URLs and http remotes against a real nginx with autoindex (scripts/testservers.sh).
@Suite(.enabled(if: testEnvironment["SDC_TEST_HTTP_URL"] != nil,
    "SDC_TEST_HTTP_URL is not set: run under scripts/testservers.sh to test against nginx"))
struct HTTPNginxTests {
    let base = testEnvironment["SDC_TEST_HTTP_URL"] ?? ""
    let fixture = testEnvironment["SDC_TEST_FIXTURE_DIR"] ?? ""

    func fetch(_ uri: String, to dest: String, env: [String: String] = [:]) async -> FetchOutcome {
        var request = FetchRequest(uri: uri, destination: dest, environment: env)
        request.configPath = "/dev/null"
        return await FetchSession.run(request, temporaries: TemporaryFiles())
    }

    @Test func directURLFetchesOneFileCheckedBySize() async throws {
        let dest = try makeScratchDirectory("http1")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let outcome = await fetch(base + "/model/sub/config.json", to: dest)
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(dest) == ["config.json"])
        #expect(outcome.report.outcomes.first?.verification == .size)
    }

    @Test func directoryURLMirrorsTheAutoindexTree() async throws {
        let dest = try makeScratchDirectory("httpdir")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let outcome = await fetch(base + "/model/", to: dest)
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        expectFixtureIsTheFullTree(fixture)
        try expectSameTree(dest, as: fixture)
    }

    @Test func largeFilesUseRangedChunksAgainstNginx() async throws {
        let dest = try makeScratchDirectory("httpchunks")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        var request = FetchRequest(uri: base + "/model/big.bin", destination: dest, environment: [:])
        request.configPath = "/dev/null"
        request.options.multiThreadCutoff = 1 << 20
        request.options.multiThreadChunkSize = 1 << 20
        let outcome = await FetchSession.run(request, temporaries: TemporaryFiles())
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(FileManager.default.contentsEqual(atPath: dest + "/big.bin", andPath: fixture + "/big.bin"))
    }

    @Test func httpRemoteWithoutTrailingSlashFollowsTheRedirectToADirectory() async throws {
        let dest = try makeScratchDirectory("httpremote")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let env = ["RCLONE_CONFIG_WEB_TYPE": "http", "RCLONE_CONFIG_WEB_URL": base + "/"]
        let outcome = await fetch("web:model/sub", to: dest, env: env)
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(dest) == ["config.json", "deeper/leaf.txt"])
    }

    @Test func missingFileIsExit4AndMissingDirectoryExit3() async throws {
        let dest = try makeScratchDirectory("http404")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        #expect(await fetch(base + "/model/nope.bin", to: dest).exitCode == .objectNotFound)
        let env = ["RCLONE_CONFIG_WEB_TYPE": "http", "RCLONE_CONFIG_WEB_URL": base + "/"]
        #expect(await fetch("web:no-such-dir", to: dest, env: env).exitCode == .sourceNotFound)
    }

    @Test func userinfoNeverAppearsInMessages() async throws {
        let dest = try makeScratchDirectory("httpauth")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let url = base.replacingOccurrences(of: "http://", with: "http://user:hunter2secret@") + "/model/nope.bin"
        let outcome = await fetch(url, to: dest)
        #expect(outcome.exitCode == .objectNotFound)
        #expect(!outcome.report.failures.map(\.diagnostic.message).joined().contains("hunter2secret"))
    }
}
