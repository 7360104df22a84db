#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore

/// One object to fetch, as a backend lists it.
public struct RemoteObject: Sendable, Equatable {
    /// The backend's own handle: full object key, URL or absolute path.
    public var key: String
    /// Path relative to the listed root, before the §7.9 checks (`KeySafety`).
    public var relativePath: String
    public var size: Int64?
    public var hashes: ObjectHashes
    public var modified: Date?
    /// Pins ranged/resumed reads to this version of the object (§7.6).
    public var etag: String?
    /// Stored `Content-Encoding` (GCS `gzip` objects must be fetched as stored, §2.2).
    public var contentEncoding: String?

    public init(
        key: String, relativePath: String, size: Int64?, hashes: ObjectHashes = ObjectHashes(), modified: Date? = nil,
        etag: String? = nil, contentEncoding: String? = nil
    ) {
        self.contentEncoding = contentEncoding
        self.key = key
        self.relativePath = relativePath
        self.size = size
        self.hashes = hashes
        self.modified = modified
        self.etag = etag
    }
}

/// The bytes of one object from some offset on, plus whatever the response says about the whole object.
public struct ObjectStream: Sendable {
    /// Bytes this stream will deliver, when known.
    public var length: Int64?
    /// Hashes of the *whole* object that the response carried (S3 ETag on GET, `X-Goog-Hash`…).
    public var hashes: ObjectHashes
    public var body: HTTPResponseBody

    public init(length: Int64?, hashes: ObjectHashes = ObjectHashes(), body: HTTPResponseBody) {
        self.length = length
        self.hashes = hashes
        self.body = body
    }
}

/// What the listing found: one object (the URI named an object) or a tree.
public enum SourceListing: Sendable, Equatable {
    case singleObject(RemoteObject)
    case tree([RemoteObject])

    public var objects: [RemoteObject] {
        switch self {
        case .singleObject(let object): [object]
        case .tree(let objects): objects
        }
    }
}

extension StorageBackend {
    /// Summary warnings the last listing produced (skipped symlinks and special files, §7.4).
    public func listingNotices() -> [String] { [] }

    public func open(_ object: RemoteObject, from offset: Int64) async throws -> ObjectStream {
        try await open(object, from: offset, through: nil)
    }
}

/// `bytes=a-b` / `bytes=a-` for Range headers; nil for a whole read.
func rangeHeaderValue(from offset: Int64, through last: Int64?) -> String? {
    if offset == 0, last == nil { return nil }
    return "bytes=\(offset)-\(last.map(String.init) ?? "")"
}

/// Every storage backend (S3, GCS, Azure Blob, HTTP, local) behind one interface (spec/storage.md §7.4).
public protocol StorageBackend: Sendable {
    /// Lists the source; throws exit-3 failures for a missing bucket/directory, never for an empty prefix
    /// (the caller decides whether empty is an error).
    func list() async throws -> SourceListing
    /// Opens `object` for reading bytes `offset` through `last` (inclusive; nil = to the end). A whole read is
    /// `from: 0, through: nil`; a resumed stream starts later; ranged multi-stream chunks give both ends.
    func open(_ object: RemoteObject, from offset: Int64, through last: Int64?) async throws -> ObjectStream
    /// Secret values this backend holds, scrubbed from any server text it prints (§7.12).
    var secretsForRedaction: [String] { get }
    /// Summary warnings the last listing produced; most backends have none.
    func listingNotices() -> [String]
}
