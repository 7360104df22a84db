import Foundation
import Testing
@testable import SDCStorage

/// Retry policy (spec/storage.md §7.7) against a deliberately misbehaving HTTP server
/// (Fixtures/flaky_http.py): 503 with Retry-After, and a body cut off mid-stream.
struct RetryTests {
    let expected = (0..<300_000).map { UInt8(($0 * 7 + 3) % 251) }

    func fetchFromFlaky(mode: String, failures: Int) async throws -> (FetchOutcome, [String], [UInt8]?) {
        let (server, port) = try startFixtureServer(fixturesDirectory + "/flaky_http.py", arguments: [mode, String(failures)])
        defer { stopFixtureServer(server) }
        let dest = try makeScratchDirectory("flaky")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        var request = FetchRequest(uri: "http://127.0.0.1:\(port)/file.bin", destination: dest, environment: [:])
        request.options.backoffBase = 0.001
        let outcome = await FetchSession.run(request, temporaries: TemporaryFiles())
        let transport = try AsyncHTTPClientTransport()
        let logResponse = try await transport.execute(HTTPRequest(url: "http://127.0.0.1:\(port)/log"))
        let log = String(decoding: try await logResponse.body.collect(), as: UTF8.self).split(separator: "\n").map(String.init)
        try await transport.shutdown()
        return (outcome, log, FileManager.default.contents(atPath: dest + "/file.bin").map(Array.init))
    }

    @Test func serviceUnavailableIsRetriedThenSucceeds() async throws {
        let (outcome, log, bytes) = try await fetchFromFlaky(mode: "503", failures: 2)
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(log == ["503 -", "503 -", "200 -"])
        #expect(bytes == expected)
    }

    @Test func persistentFailureIsExit5AfterTheLowLevelRetries() async throws {
        let (outcome, log, bytes) = try await fetchFromFlaky(mode: "503", failures: 1000)
        #expect(outcome.exitCode == .transient)
        // 10 attempts per pass, 3 passes (rclone's --low-level-retries and --retries defaults).
        #expect(log.count == 30)
        #expect(bytes == nil)
    }

    @Test func brokenStreamResumesWithARangeRequest() async throws {
        let (outcome, log, bytes) = try await fetchFromFlaky(mode: "cut", failures: 1)
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(log.first == "0 -")
        // Resumed from the byte reached (how many arrived before the cut depends on socket buffers).
        let resumedAt = log.last.flatMap { $0.hasPrefix("206 bytes=") ? Int($0.dropFirst(10).dropLast()) : nil }
        #expect(resumedAt.map { $0 > 0 && $0 <= 150_000 } == true, "\(log)")
        #expect(bytes == expected)
    }

    @Test func retryAfterBeyondFiveMinutesIsReportedNotSlept() {
        var failure = FetchFailure(.transient, "t", "busy", retryable: true)
        failure.retryAfter = 301
        #expect(throws: FetchFailure.self) { try Backoff.delay(attempt: 1, base: 0, after: failure) }
        failure.retryAfter = 2
        #expect((try? Backoff.delay(attempt: 1, base: 0, after: failure)) == 2)
        let response = HTTPResponse(status: 503, headers: [("x-ms-retry-after-ms", "1500")], body: .bytes([]))
        #expect(FetchFailure(.transient, "t", "busy", retryable: true).withRetryAfter(from: response).retryAfter == 1.5)
    }
}
