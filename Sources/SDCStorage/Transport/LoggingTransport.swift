#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// `-vv`: one line per request — method, redacted URL, status — never headers or bodies (spec/storage.md §7.11,
/// §7.12).
public struct LoggingTransport: HTTPTransport {
    public var inner: any HTTPTransport
    public var log: @Sendable (String) -> Void

    public init(_ inner: any HTTPTransport, log: @escaping @Sendable (String) -> Void) {
        self.inner = inner
        self.log = log
    }

    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let started = Date()
        do {
            let response = try await inner.execute(request)
            log("\(request.method) \(Redaction.url(request.url)) → \(response.status) (\(String(cFormat: "%.3f", Date().timeIntervalSince(started))) s)")
            return response
        } catch {
            log("\(request.method) \(Redaction.url(request.url)) → \(error)")
            throw error
        }
    }
}
