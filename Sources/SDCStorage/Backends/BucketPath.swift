/// `bucket/dir` as the bucket-based backends read a remote path (spec/storage.md §1.5 "Path semantics").
public struct BucketPath: Sendable, Equatable {
    public var bucket: String
    /// The directory or object part, without leading/trailing `/`; empty for a whole bucket.
    public var directory: String
    /// The path ended in `/`: always a directory, never probed as an object.
    public var forcesDirectory: Bool

    public init(_ path: String) {
        forcesDirectory = path.hasSuffix("/")
        var trimmed = Substring(path)
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if let slash = trimmed.firstIndex(of: "/") {
            bucket = String(trimmed[..<slash])
            directory = String(trimmed[trimmed.index(after: slash)...])
        } else {
            bucket = String(trimmed)
            directory = ""
        }
    }

    /// The listing prefix: the directory plus `/`, so `model` never matches `model-v2/…` (§7.4).
    public var listPrefix: String { directory.isEmpty ? "" : directory + "/" }

    /// A bucket is required: copying every bucket of an account is never what a model URI means (§7.4).
    public func requireBucket(remote: String) throws(FetchFailure) {
        if bucket.isEmpty {
            throw .config("model-uri-missing-bucket", "the URI names no bucket; refusing to copy every bucket of remote '\(remote)'")
        }
    }

    /// The leaf of a single object.
    public var leaf: String { directory.split(separator: "/").last.map(String.init) ?? directory }
}
