#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// Global options of `sdc fetch` (spec/storage.md §7.4–§7.7), with rclone's defaults.
public struct FetchOptions: Sendable {
    /// `--transfers`: files downloading at once.
    public var transfers = 4
    /// `--low-level-retries`: attempts per request.
    public var lowLevelRetries = 10
    /// `--retries`: passes over the files that failed.
    public var retries = 3
    /// `--retries-sleep`, seconds.
    public var retriesSleep: Double = 0
    /// `--allow-empty`: an empty source is success, as in rclone.
    public var allowEmpty = false
    /// `--skip-unsafe-keys`: warn and skip instead of exit 11.
    public var skipUnsafeKeys = false
    public var ignoreExisting = false
    public var ignoreTimes = false
    public var sizeOnly = false
    public var noSpaceCheck = false
    /// `--extract`: unpack a single fetched archive (§7.10).
    public var extract = false
    /// `--multi-thread-streams`: ranged GETs in flight per large file; ≤ 1 disables (§7.6).
    public var multiThreadStreams = 4
    /// `--multi-thread-cutoff`: files at least this big use ranged GETs (rclone 1.60.1: 250 MiB).
    public var multiThreadCutoff: Int64 = 250 << 20
    /// `--multi-thread-chunk-size`: unit of work; a failed chunk is retried alone.
    public var multiThreadChunkSize: Int64 = 64 << 20
    /// `--max-size`: refuse a source holding more than this many bytes in all (nil: no cap). Checked against the
    /// listing before anything is written, and again while streaming objects whose size was not listed.
    public var maxTotalBytes: Int64?
    /// `--include`/`--exclude` and the KServe pattern variables.
    public var filter = PathFilter()
    /// Backoff base for retries, seconds (§7.7: 200 ms). Tests lower it.
    public var backoffBase: Double = 0.2

    public init() {}
}

/// How a file's bytes were checked (§7.8), for the summary.
public enum Verification: String, Sendable, Codable, CaseIterable {
    case md5
    case crc32c
    /// ZIP members: CRC-32 from the archive's central directory.
    case crc32
    case size = "size-only"
    /// Only a clean end of body was seen (direct HTTP without Content-Length).
    case none
}

/// What happened to one file.
public struct FileOutcome: Sendable, Equatable {
    public enum Action: String, Sendable { case written, skipped }
    public var relativePath: String
    public var size: Int64
    public var verification: Verification?
    public var action: Action
}

/// The result of a fetch: per-file outcomes, failures (already redacted), warnings.
public struct FetchReport: Sendable {
    public var outcomes: [FileOutcome] = []
    public var failures: [FetchFailure] = []
    public var warnings: [String] = []

    public var exitCode: FetchExitCode {
        failures.isEmpty ? .success : FetchExitCode.mostSevere(failures.map(\.exitCode))
    }

    /// "fetched 14 files, 1.2 GiB, in 31 s; verified 12 md5, 2 size-only; skipped 0" (§7.11).
    public func summary(seconds: Double) -> String {
        let written = outcomes.filter { $0.action == .written }
        let bytes = written.reduce(Int64(0)) { $0 + $1.size }
        var counts: [String] = []
        for method in Verification.allCases {
            let n = written.filter { $0.verification == method }.count
            if n > 0 { counts.append("\(n) \(method.rawValue)") }
        }
        let verified = counts.isEmpty ? "nothing to verify" : "verified " + counts.joined(separator: ", ")
        let skipped = outcomes.count - written.count
        return "fetched \(written.count) file\(written.count == 1 ? "" : "s"), \(Self.humanBytes(bytes)), in \(String(cFormat: "%.1f", seconds)) s; \(verified); skipped \(skipped)"
    }

    static func humanBytes(_ n: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(n)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(n) B" : String(cFormat: "%.1f", value) + " " + units[unit]
    }
}

extension FetchReport {
    /// `--output json` (§7.11): one object, keys sorted so the output is stable.
    public func json(source: String, destination: String, seconds: Double) -> String {
        struct File: Encodable {
            var path: String
            var size: Int64
            var verification: String?
            var action: String
        }
        struct Totals: Encodable {
            var files: Int
            var written: Int
            var skipped: Int
            var bytes: Int64
        }
        struct Document: Encodable {
            var source: String
            var destination: String
            var files: [File]
            var totals: Totals
            var seconds: Double
            var exitCode: Int32
            var errors: [String]
        }
        let written = outcomes.filter { $0.action == .written }
        let document = Document(
            source: Redaction.url(source), destination: destination,
            files: outcomes.map { File(path: $0.relativePath, size: $0.size, verification: $0.verification?.rawValue, action: $0.action.rawValue) },
            totals: Totals(files: outcomes.count, written: written.count, skipped: outcomes.count - written.count,
                           bytes: written.reduce(0) { $0 + $1.size }),
            seconds: (seconds * 1000).rounded() / 1000, exitCode: exitCode.rawValue, errors: failures.map(\.diagnostic.message))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
