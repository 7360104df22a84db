#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Google Cloud Storage through its JSON API (spec/storage.md §2.2, §7.3 "gcs"): anonymous or bearer-token
/// access, listing with page tokens, downloads pinned to the listed generation, md5Hash or crc32c verification.
public struct GCSBackend: StorageBackend {
    /// `scheme://host[:port][/prefix]/storage/v1` without a trailing slash.
    public var apiBase: String
    public var location: BucketPath
    public var tokens: GCSTokenSource?
    public var transport: any HTTPTransport
    /// `user_project`: bills requester-pays buckets to this project.
    public var userProject: String

    public var secretsForRedaction: [String] { tokens?.secrets ?? [] }

    public static func make(
        remote: RemoteConfiguration, path: String, environment: [String: String], transport: any HTTPTransport
    ) async throws -> GCSBackend {
        let location = BucketPath(path)
        try location.requireBucket(remote: remote.name ?? ":gcs")
        var endpoint = remote.string("endpoint")
        if endpoint.isEmpty, let emulator = environment["STORAGE_EMULATOR_HOST"], !emulator.isEmpty {
            endpoint = emulator  // the Google client libraries' convention (§7.3)
        }
        let apiBase = endpoint.isEmpty ? "https://storage.googleapis.com/storage/v1" : Self.apiBase(fromEndpoint: endpoint)
        let tokens = try GCSTokenSource.make(remote: remote, environment: environment, transport: transport)
        return GCSBackend(
            apiBase: apiBase, location: location, tokens: tokens, transport: transport, userProject: remote.string("user_project"))
    }

    /// `host[:port]` (https assumed) or a URL; an empty path or `/` gets `/storage/v1` (§7.3, §9).
    static func apiBase(fromEndpoint endpoint: String) -> String {
        var url = endpoint.contains("://") ? endpoint : "https://" + endpoint
        while url.hasSuffix("/") { url.removeLast() }
        let afterScheme = url.firstRange(of: "://").map { url[$0.upperBound...] } ?? Substring(url)
        if !afterScheme.contains("/") { url += "/storage/v1" }
        return url
    }

    /// Object names in a path segment: everything but unreserved characters escaped, `/` included.
    static func escapeName(_ name: String) -> String {
        SigV4Signer.uriEncode(name, encodeSlash: true)
    }

    struct ObjectResource: Decodable {
        var name: String
        var size: String?
        var md5Hash: String?
        var crc32c: String?
        var generation: String?
        var updated: String?
        var contentEncoding: String?
        var metadata: [String: String]?
    }

    struct ListResponse: Decodable {
        var items: [ObjectResource]?
        var nextPageToken: String?
    }

    struct ErrorResponse: Decodable {
        struct Body: Decodable {
            struct Reason: Decodable { var reason: String? }
            var code: Int?
            var message: String?
            var errors: [Reason]?
        }
        var error: Body?
    }

    public func list() async throws -> SourceListing {
        let bucketURL = apiBase + "/b/" + Self.escapeName(location.bucket) + "/o"
        if !location.directory.isEmpty, !location.forcesDirectory {
            let response = try await send(bucketURL + "/" + Self.escapeName(location.directory), query: [])
            let body = try await response.body.collect()
            if response.status == 200 {
                let resource = try JSONDecoder().decode(ObjectResource.self, from: Data(body))
                return .singleObject(object(from: resource, relativePath: location.leaf))
            }
            if response.status != 404 { throw failure(status: response.status, body: body, what: "checking object '\(location.directory)'", isListing: true).withRetryAfter(from: response) }
        }
        let prefix = location.listPrefix
        var objects: [RemoteObject] = []
        var pageToken: String?
        repeat {
            var query: [(String, String)] = [("prefix", prefix), ("maxResults", "1000")]
            if let pageToken { query.append(("pageToken", pageToken)) }
            let response = try await send(bucketURL, query: query)
            let body = try await response.body.collect()
            guard response.status == 200 else {
                throw failure(status: response.status, body: body, what: "listing bucket '\(location.bucket)'", isListing: true).withRetryAfter(from: response)
            }
            let page = try JSONDecoder().decode(ListResponse.self, from: Data(body))
            for item in page.items ?? [] {
                let size = item.size.flatMap { Int64($0) } ?? 0
                if item.name.hasSuffix("/"), size == 0 { continue }  // directory marker (§7.4)
                guard item.name.hasPrefix(prefix) else { continue }
                objects.append(object(from: item, relativePath: String(item.name.dropFirst(prefix.count))))
            }
            pageToken = page.nextPageToken.flatMap { $0.isEmpty ? nil : $0 }
        } while pageToken != nil
        return .tree(objects)
    }

    private func object(from resource: ObjectResource, relativePath: String) -> RemoteObject {
        // mtime: metadata `mtime` (rclone), else gsutil's `goog-reserved-file-mtime`, else `updated` (§3.2).
        var modified = resource.metadata?["mtime"].flatMap(HTTPDates.parseISO8601)
        if modified == nil, let seconds = resource.metadata?["goog-reserved-file-mtime"].flatMap(Double.init) {
            modified = Date(timeIntervalSince1970: seconds)
        }
        if modified == nil { modified = resource.updated.flatMap(HTTPDates.parseISO8601) }
        return RemoteObject(
            key: resource.name, relativePath: relativePath, size: resource.size.flatMap { Int64($0) },
            hashes: ObjectHashes(
                md5: resource.md5Hash.flatMap(ObjectHashes.md5(fromBase64:)), crc32c: resource.crc32c.flatMap(ObjectHashes.crc32c(fromBase64:))),
            modified: modified, etag: resource.generation, contentEncoding: resource.contentEncoding)
    }

    public func open(_ object: RemoteObject, from offset: Int64, through last: Int64?) async throws -> ObjectStream {
        var query: [(String, String)] = [("alt", "media")]
        // Pin every read to the listed generation: a replaced object is detected, not mixed (§7.6).
        if let generation = object.etag { query.append(("generation", generation)) }
        var headers: [(name: String, value: String)] = []
        if let range = rangeHeaderValue(from: offset, through: last) { headers.append(("Range", range)) }
        // gzip-stored objects are fetched as stored, otherwise GCS inflates them and hashes no longer match (§2.2).
        headers.append(("Accept-Encoding", object.contentEncoding == "gzip" ? "gzip" : "identity"))
        let url = apiBase + "/b/" + Self.escapeName(location.bucket) + "/o/" + Self.escapeName(object.key)
        let response = try await send(url, query: query, headers: headers)
        guard response.status == 200 || response.status == 206 else {
            let body = (try? await response.body.collect(upTo: 64 << 10)) ?? []
            throw failure(status: response.status, body: body, what: "downloading '\(object.key)'", isListing: false).withRetryAfter(from: response)
        }
        return ObjectStream(length: response.header("Content-Length").flatMap { Int64($0) }, body: response.body)
    }

    private func send(_ url: String, query: [(String, String)], headers: [(name: String, value: String)] = []) async throws -> HTTPResponse {
        var query = query
        if !userProject.isEmpty { query.append(("userProject", userProject)) }
        let queryString = query.map { SigV4Signer.uriEncode($0.0, encodeSlash: true) + "=" + SigV4Signer.uriEncode($0.1, encodeSlash: true) }
            .joined(separator: "&")
        var headers = headers
        if let tokens { headers.append(("Authorization", "Bearer " + (try await tokens.accessToken()))) }
        return try await transport.execute(HTTPRequest(url: url + (queryString.isEmpty ? "" : "?" + queryString), headers: headers))
    }

    /// Status and GCS reason → exit code; `rateLimitExceeded`/`userRateLimitExceeded` are retryable (§7.7).
    private func failure(status: Int, body: [UInt8], what: String, isListing: Bool) -> FetchFailure {
        let decoded = try? JSONDecoder().decode(ErrorResponse.self, from: Data(body))
        let reason = decoded?.error?.errors?.first?.reason ?? ""
        let message = Redaction.scrub(decoded?.error?.message ?? "", secrets: secretsForRedaction)
        let text = "GCS \(what) failed: HTTP \(status)\(message.isEmpty ? "" : " (\(message))")"
        if ["rateLimitExceeded", "userRateLimitExceeded"].contains(reason) || [408, 429, 500, 502, 503, 504].contains(status) {
            return FetchFailure(.transient, "gcs-transient", text, retryable: true)
        }
        switch status {
        case 401, 403:
            return FetchFailure(.authentication, "gcs-access-denied", text,
                fix: tokens == nil ? "the remote is anonymous: only public buckets work; give it service_account_credentials and anonymous=false" : nil)
        case 404:
            return isListing ? FetchFailure(.sourceNotFound, "source-not-found", text) : FetchFailure(.objectNotFound, "object-not-found", text)
        default:
            return FetchFailure(.other, "gcs-error", text)
        }
    }
}
