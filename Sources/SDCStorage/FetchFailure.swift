#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// `sdc fetch` exit codes: rclone's meanings, kept because init-container tooling reads them (spec/storage.md §7.13).
public enum FetchExitCode: Int32, Sendable, CaseIterable {
    case success = 0
    case usageOrConfig = 1
    case other = 2
    case sourceNotFound = 3
    case objectNotFound = 4
    case transient = 5
    case authentication = 7
    case integrity = 10
    case unsafeKey = 11
    case destination = 12
    case interrupted = 130
    case terminated = 143

    /// When several failures happen, the first of this list that occurred wins (§7.13).
    static let precedence: [FetchExitCode] = [
        .usageOrConfig, .destination, .unsafeKey, .authentication, .integrity, .objectNotFound, .sourceNotFound,
        .transient, .other,
    ]

    public static func mostSevere(_ codes: [FetchExitCode]) -> FetchExitCode {
        precedence.first { codes.contains($0) } ?? (codes.first ?? .success)
    }
}

/// A fetch error: the diagnostic users read and the exit code machines read.
public struct FetchFailure: Error, Sendable, Equatable {
    public var diagnostic: Diagnostic
    public var exitCode: FetchExitCode
    /// Whether the high-level retry (§7.7) may try this file again.
    public var isRetryable: Bool
    /// Seconds the server asked us to wait (`Retry-After`, Azure `x-ms-retry-after-ms`), for retryable failures.
    public var retryAfter: Double?

    public init(_ exitCode: FetchExitCode, _ rule: String, _ message: String, fix: String? = nil, retryable: Bool = false) {
        self.diagnostic = .error(rule, message, fix: fix)
        self.exitCode = exitCode
        self.isRetryable = retryable
    }

    public static func config(_ rule: String, _ message: String, fix: String? = nil) -> FetchFailure {
        FetchFailure(.usageOrConfig, rule, message, fix: fix)
    }
}

extension FetchFailure {
    /// Records the server's requested delay on a retryable failure (§7.7): `Retry-After` in seconds or as an
    /// HTTP date, or Azure's `x-ms-retry-after-ms`.
    func withRetryAfter(from response: HTTPResponse) -> FetchFailure {
        guard isRetryable else { return self }
        var copy = self
        if let ms = response.header("x-ms-retry-after-ms").flatMap(Double.init) {
            copy.retryAfter = ms / 1000
        } else if let value = response.header("Retry-After") {
            if let seconds = Double(value.trimmingCharactersInWhitespaces()) {
                copy.retryAfter = seconds
            } else if let date = HTTPDates.parseRFC1123(value) {
                copy.retryAfter = max(0, date.timeIntervalSinceNow)
            }
        }
        return copy
    }
}
