#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOConcurrencyHelpers
import Crypto
import SDCDiagnostics

/// S3 and S3-compatible stores (spec/storage.md §2.1, §7.3, §7.4, §7.8): SigV4 or anonymous, path- or
/// virtual-host addressing, ListObjectsV2 (or V1) paging, single-object detection, ETag/MD5 verification.
public struct S3Backend: StorageBackend {
    public struct Settings: Sendable {
        /// `scheme://host[:port]` with no path.
        public var endpoint: String
        public var region: String
        public var pathStyle: Bool
        public var listVersion: Int
        public var listChunk: Int
        public var urlEncodeListings: Bool
        public var requesterPays: Bool
        /// SSE-C headers to send on every GET/HEAD; their presence also means the ETag is not an MD5.
        public var customerKeyHeaders: [(name: String, value: String)]
        /// `server_side_encryption=aws:kms`: ETags are not MD5s.
        public var etagIsNotMD5: Bool
        public var noHeadObject: Bool
        /// The endpoint was derived from the region (no `endpoint` option), so a region redirect moves it too.
        public var endpointFromRegion = false
    }

    /// The bucket's region when S3 said it is not the configured one (`x-amz-bucket-region` on a 301
    /// PermanentRedirect or 400 AuthorizationHeaderMalformed), as rclone's AWS SDK does; per backend.
    final class LearnedRegion: @unchecked Sendable {
        private let lock = NIOLock()
        private var region: String?
        var value: String? {
            lock.lock()
            defer { lock.unlock() }
            return region
        }
        func set(_ newValue: String) {
            lock.lock()
            defer { lock.unlock() }
            region = newValue
        }
    }

    public var settings: Settings
    public var location: BucketPath
    public var credentials: S3CredentialProvider
    public var transport: any HTTPTransport
    /// Injected clock so signing is a pure function of its inputs.
    public var now: @Sendable () -> Date = { Date() }
    let learnedRegion = LearnedRegion()

    public var secretsForRedaction: [String] { credentials.secrets }

    public struct Made: Sendable {
        public var backend: S3Backend
        public var warnings: [Diagnostic]
    }

    /// Reads the remote's options into settings and resolves credentials, before any request.
    public static func make(
        remote: RemoteConfiguration, path: String, environment: [String: String], transport: any HTTPTransport
    ) async throws(FetchFailure) -> Made {
        let location = BucketPath(path)
        try location.requireBucket(remote: remote.name ?? ":s3")
        if remote.bool("versions") || !["", "off"].contains(remote.string("version_at")) {
            throw .config("s3-versions-unsupported", "versions/version_at are not supported by sdc fetch")
        }
        if remote.bool("v2_auth") || remote.string("region") == "other-v2-signature" {
            throw .config("s3-v2-signature-unsupported", "AWS signature v2 (v2_auth, region other-v2-signature) is not supported by sdc fetch")
        }
        let provider = remote.string("provider")
        let region = remote.string("region").isEmpty ? "us-east-1" : remote.string("region")
        var endpoint = remote.string("endpoint")
        let isAWS = provider == "AWS"
        if endpoint.isEmpty {
            if !isAWS, !provider.isEmpty, provider != "Other" {
                // rclone falls back to AWS here too; say so, because it is rarely what was meant.
            }
            endpoint = region == "us-east-1" ? "https://s3.amazonaws.com" : "https://s3.\(region).amazonaws.com"
        } else if !endpoint.contains("://") {
            endpoint = "https://" + endpoint  // the AWS SDK's default scheme (§2.1)
        }
        while endpoint.hasSuffix("/") { endpoint.removeLast() }
        var warnings: [Diagnostic] = []
        if !provider.isEmpty, !S3Options.knownProviders.contains(provider) {
            let suggestion = S3Options.knownProviders.first { $0.lowercased() == provider.lowercased() }
            warnings.append(
                .warning(
                    "s3-provider-case",
                    "provider '\(provider)' is not a known S3 provider\(suggestion.map { " (did you mean '\($0)'?)" } ?? ""); treated as Other (path-style, list v1) as rclone does"))
        }
        let knownProvider = S3Options.knownProviders.contains(provider) ? provider : "Other"
        // §2.1.2 quirks: AWS is virtual-hosted whatever force_path_style says; Ceph/Other list with v1, unencoded.
        let pathStyle = isAWS ? false : remote.bool("force_path_style")
        var listVersion = remote.int("list_version")
        if listVersion == 0 { listVersion = ["Ceph", "Other"].contains(knownProvider) ? 1 : 2 }
        let urlEncode = remote.tristate("list_url_encode") ?? !["Ceph", "Other"].contains(knownProvider)

        var customerKeyHeaders: [(name: String, value: String)] = []
        let algorithm = remote.string("sse_customer_algorithm")
        if !algorithm.isEmpty {
            var keyBytes: [UInt8]?
            if !remote.string("sse_customer_key").isEmpty {
                keyBytes = Array(remote.string("sse_customer_key").utf8)
            } else if let data = Data(base64Encoded: remote.string("sse_customer_key_base64")) {
                keyBytes = Array(data)
            }
            guard let keyBytes else {
                throw .config("s3-sse-c", "sse_customer_algorithm is set but no sse_customer_key or sse_customer_key_base64")
            }
            var keyMD5 = remote.string("sse_customer_key_md5")
            if keyMD5.isEmpty { keyMD5 = Data(Crypto.Insecure.MD5.hash(data: keyBytes)).base64EncodedString() }
            customerKeyHeaders = [
                ("x-amz-server-side-encryption-customer-algorithm", algorithm),
                ("x-amz-server-side-encryption-customer-key", Data(keyBytes).base64EncodedString()),
                ("x-amz-server-side-encryption-customer-key-MD5", keyMD5),
            ]
        }
        let resolved = try S3Credentials.resolve(remote: remote, environment: environment)
        warnings += resolved.warnings
        let settings = Settings(
            endpoint: endpoint, region: region, pathStyle: pathStyle, listVersion: listVersion,
            listChunk: max(1, remote.int("list_chunk")), urlEncodeListings: urlEncode, requesterPays: remote.bool("requester_pays"),
            customerKeyHeaders: customerKeyHeaders,
            etagIsNotMD5: remote.string("server_side_encryption").hasPrefix("aws:kms") || !customerKeyHeaders.isEmpty,
            noHeadObject: remote.bool("no_head_object"), endpointFromRegion: remote.string("endpoint").isEmpty)
        return Made(
            backend: S3Backend(
                settings: settings, location: location,
                credentials: S3CredentialProvider(source: resolved.source, origin: resolved.origin, transport: transport),
                transport: transport),
            warnings: warnings)
    }

    // MARK: - Listing (§7.4)

    public func list() async throws -> SourceListing {
        if !location.directory.isEmpty, !location.forcesDirectory, let object = try await headObject(key: location.directory) {
            return .singleObject(object)
        }
        let prefix = location.listPrefix
        var objects: [RemoteObject] = []
        var continuation: String?
        repeat {
            var query: [(name: String, value: String)] = [("prefix", prefix), ("max-keys", String(settings.listChunk))]
            if settings.listVersion == 2 {
                query.append(("list-type", "2"))
                if let continuation { query.append(("continuation-token", continuation)) }
            } else if let continuation {
                query.append(("marker", continuation))
            }
            if settings.urlEncodeListings { query.append(("encoding-type", "url")) }
            let response = try await send("GET", key: nil, query: query)
            let body = try await response.body.collect()
            guard response.status == 200 else {
                throw await failure(status: response.status, body: body, what: "listing bucket '\(location.bucket)'", isListing: true).withRetryAfter(from: response)
            }
            guard let tree = XMLTree.parse(body), tree.name == "ListBucketResult" else {
                throw FetchFailure(.other, "s3-bad-response", "the S3 listing of bucket '\(location.bucket)' is not a ListBucketResult document")
            }
            let encoded = tree["EncodingType"] == "url"
            var lastKey: String?
            for item in tree.children("Contents") {
                guard var key = item["Key"] else { continue }
                if encoded { key = Self.decodeListedKey(key) }
                lastKey = key
                let size = item["Size"].flatMap { Int64($0) } ?? 0
                // Directory markers: a zero-byte `dir/` object is not a file (§7.4).
                if key.hasSuffix("/"), size == 0 { continue }
                guard key.hasPrefix(prefix) else { continue }
                let etag = item["ETag"]
                objects.append(
                    RemoteObject(
                        key: key, relativePath: String(key.dropFirst(prefix.count)), size: size,
                        hashes: ObjectHashes(md5: settings.etagIsNotMD5 ? nil : etag.flatMap(ObjectHashes.md5(fromETag:))),
                        modified: item["LastModified"].flatMap(HTTPDates.parseISO8601), etag: etag))
            }
            let truncated = tree["IsTruncated"] == "true"
            if settings.listVersion == 2 {
                continuation = truncated ? tree["NextContinuationToken"] : nil
            } else {
                continuation = truncated ? (tree["NextMarker"].map { encoded ? Self.decodeListedKey($0) : $0 } ?? lastKey) : nil
            }
        } while continuation != nil
        return .tree(objects)
    }

    /// `encoding-type=url` keys: percent-decoded; `+` is a space in S3's form encoding.
    static func decodeListedKey(_ key: String) -> String {
        let plus = key.replacingAll("+", with: " ")
        return plus.removingPercentEncodingOrNil ?? plus
    }

    /// HEAD decides whether `bucket/dir` names an object (§1.5); 404 means "treat as a directory".
    private func headObject(key: String) async throws -> RemoteObject? {
        if settings.noHeadObject { return nil }
        let response = try await send("HEAD", key: key, query: [])
        switch response.status {
        case 200:
            let etag = response.header("ETag")
            return RemoteObject(
                key: key, relativePath: location.leaf, size: response.header("Content-Length").flatMap { Int64($0) },
                hashes: hashes(from: response), modified: modified(from: response), etag: etag)
        case 404:
            return nil
        default:
            throw await failure(status: response.status, body: [], what: "checking object '\(key)'", isListing: true).withRetryAfter(from: response)
        }
    }

    // MARK: - Download

    public func open(_ object: RemoteObject, from offset: Int64, through last: Int64?) async throws -> ObjectStream {
        var headers: [(name: String, value: String)] = []
        if let range = rangeHeaderValue(from: offset, through: last) {
            headers.append(("Range", range))
            // A resumed read must come from the same object version (§7.6).
            if let etag = object.etag { headers.append(("If-Match", etag)) }
        }
        let response = try await send("GET", key: object.key, query: [], extraHeaders: headers)
        guard response.status == 200 || response.status == 206 else {
            let body = (try? await response.body.collect(upTo: 64 << 10)) ?? []
            throw await failure(status: response.status, body: body, what: "downloading '\(object.key)'", isListing: false).withRetryAfter(from: response)
        }
        return ObjectStream(
            length: response.header("Content-Length").flatMap { Int64($0) }, hashes: hashes(from: response), body: response.body)
    }

    /// MD5 from the ETag only when it is one (not multipart, not SSE-KMS/SSE-C), else rclone's `x-amz-meta-md5chksum` (§7.8).
    private func hashes(from response: HTTPResponse) -> ObjectHashes {
        let encrypted = settings.etagIsNotMD5
            || (response.header("x-amz-server-side-encryption")?.hasPrefix("aws:kms") ?? false)
            || response.header("x-amz-server-side-encryption-customer-algorithm") != nil
        if !encrypted, let md5 = response.header("ETag").flatMap(ObjectHashes.md5(fromETag:)) {
            return ObjectHashes(md5: md5)
        }
        return ObjectHashes(md5: response.header("x-amz-meta-md5chksum").flatMap(ObjectHashes.md5(fromBase64:)))
    }

    /// `X-Amz-Meta-Mtime` (float seconds, rclone uploads) else `Last-Modified` (§3.2).
    private func modified(from response: HTTPResponse) -> Date? {
        if let mtime = response.header("x-amz-meta-mtime").flatMap(Double.init) { return Date(timeIntervalSince1970: mtime) }
        return response.header("Last-Modified").flatMap(HTTPDates.parseRFC1123)
    }

    // MARK: - Requests

    /// Builds, signs and sends one request; low-level retries of 5xx/429 happen here (§7.7).
    func send(
        _ method: String, key: String?, query: [(name: String, value: String)],
        extraHeaders: [(name: String, value: String)] = []
    ) async throws -> HTTPResponse {
        let signing = try await credentials.current()
        let request = makeRequest(method, key: key, query: query, extraHeaders: extraHeaders, credentials: signing)
        let response = try await transport.execute(request)
        // Wrong region: S3 names the bucket's own in a header; learn it and send once more, signed for it.
        guard [301, 400].contains(response.status), let region = response.header("x-amz-bucket-region"), !region.isEmpty,
            region != effectiveSettings.region
        else { return response }
        _ = try? await response.body.collect(upTo: 64 << 10)
        learnedRegion.set(region)
        return try await transport.execute(
            makeRequest(method, key: key, query: query, extraHeaders: extraHeaders, credentials: signing))
    }

    /// The settings with a learned bucket region applied: the signing region, and the endpoint when it
    /// was derived from the region.
    var effectiveSettings: Settings {
        guard let region = learnedRegion.value else { return settings }
        var adjusted = settings
        adjusted.region = region
        if settings.endpointFromRegion {
            adjusted.endpoint = region == "us-east-1" ? "https://s3.amazonaws.com" : "https://s3.\(region).amazonaws.com"
        }
        return adjusted
    }

    func makeRequest(
        _ method: String, key: String?, query: [(name: String, value: String)], extraHeaders: [(name: String, value: String)],
        credentials: SigV4Signer.Credentials?
    ) -> HTTPRequest {
        let settings = effectiveSettings
        let (scheme, host) = Self.splitEndpoint(settings.endpoint)
        let encodedKey = key.map { "/" + SigV4Signer.uriEncode($0, encodeSlash: false) } ?? "/"
        let authority: String
        let path: String
        if settings.pathStyle {
            authority = host
            path = "/" + SigV4Signer.uriEncode(location.bucket, encodeSlash: true) + (key == nil ? "" : encodedKey)
        } else {
            authority = location.bucket + "." + host
            path = encodedKey
        }
        let queryString = query.map { SigV4Signer.uriEncode($0.name, encodeSlash: true) + "=" + SigV4Signer.uriEncode($0.value, encodeSlash: true) }
            .joined(separator: "&")
        var headers = extraHeaders + settings.customerKeyHeaders
        headers.append(("x-amz-content-sha256", SigV4Signer.emptyPayloadHash))
        if settings.requesterPays { headers.append(("x-amz-request-payer", "requester")) }
        if let credentials {
            let signer = SigV4Signer(credentials: credentials, region: settings.region)
            headers += signer.sign(
                .init(method: method, host: authority, encodedPath: path, query: query, headers: headers), at: now())
        }
        // Stored bytes are what is verified: ask for them as stored; never signed (§7.8).
        headers.append(("Accept-Encoding", "identity"))
        return HTTPRequest(method: method, url: "\(scheme)://\(authority)\(path)\(queryString.isEmpty ? "" : "?" + queryString)", headers: headers)
    }

    static func splitEndpoint(_ endpoint: String) -> (scheme: String, host: String) {
        guard let range = endpoint.firstRange(of: "://") else { return ("https", endpoint) }
        var host = String(endpoint[range.upperBound...])
        if let slash = host.firstIndex(of: "/") { host = String(host[..<slash]) }
        return (String(endpoint[..<range.lowerBound]), host)
    }

    /// Status and S3 error code → exit code and retryability (§7.7, §7.13). Server text is scrubbed of secrets.
    func failure(status: Int, body: [UInt8], what: String, isListing: Bool) async -> FetchFailure {
        let anonymous = await credentials.isAnonymous
        let tree = XMLTree.parse(body)
        let code = tree?["Code"] ?? ""
        let message = tree?["Message"] ?? ""
        let detail = Redaction.scrub(
            [code, message].filter { !$0.isEmpty }.joined(separator: ": "), secrets: secretsForRedaction)
        let text = "S3 \(what) failed: HTTP \(status)\(detail.isEmpty ? "" : " (\(detail))")"
        if ["RequestTimeout", "SlowDown", "InternalError"].contains(code) || [408, 429, 500, 502, 503, 504].contains(status) {
            return FetchFailure(.transient, "s3-transient", text, retryable: true)
        }
        switch status {
        case 401, 403:
            let hint = anonymous
                ? "no AWS credentials were found (\(credentials.origin)); set env_auth credentials or keys"
                : "check the keys and the bucket policy (credentials: \(credentials.origin))"
            return FetchFailure(.authentication, "s3-access-denied", text, fix: hint)
        case 404:
            if code == "NoSuchBucket" || isListing {
                return FetchFailure(.sourceNotFound, "source-not-found", text)
            }
            return FetchFailure(.objectNotFound, "object-not-found", text)
        case 301:
            let region = tree?["Region"] ?? ""
            return FetchFailure(.usageOrConfig, "s3-wrong-region", text, fix: region.isEmpty ? "set the remote's region" : "set region=\(region)")
        default:
            return FetchFailure(.other, "s3-error", text)
        }
    }
}
