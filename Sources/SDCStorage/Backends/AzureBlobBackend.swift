#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Azure Blob Storage (spec/storage.md §2.3, §7.3 "azureblob"): Shared Key, SAS URL, emulator, or anonymous;
/// List Blobs with markers; single-blob detection; Content-MD5 verification.
public struct AzureBlobBackend: StorageBackend {
    public enum Authorization: Sendable {
        case sharedKey(AzureSharedKeySigner)
        /// The SAS query string, appended to every request.
        case sas(String)
        case anonymous
    }

    /// Service URL without a trailing slash: `https://<account>.blob.core.windows.net` or an emulator's
    /// `http://127.0.0.1:10000/devstoreaccount1`.
    public var serviceURL: String
    public var location: BucketPath
    public var authorization: Authorization
    public var listChunk: Int
    public var transport: any HTTPTransport
    public var now: @Sendable () -> Date = { Date() }
    private var secrets: [String]

    public var secretsForRedaction: [String] { secrets }

    /// rclone's x-ms-version for 1.60.1 (testservers.md §6).
    static let apiVersion = "2020-10-02"
    /// The well-known development storage account and key (Azurite/emulator documentation).
    static let emulatorAccount = "devstoreaccount1"
    static let emulatorKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

    public static func make(
        remote: RemoteConfiguration, path: String, environment: [String: String], transport: any HTTPTransport
    ) throws(FetchFailure) -> AzureBlobBackend {
        let name = remote.name ?? ":azureblob"
        let location = BucketPath(path)
        try location.requireBucket(remote: name)
        var account = remote.string("account")
        var key = remote.string("key")
        let endpoint = remote.string("endpoint")
        let sasURL = remote.string("sas_url")
        if remote.bool("env_auth") || remote.bool("use_msi") || !remote.string("service_principal_file").isEmpty
            || !remote.string("client_secret").isEmpty || !remote.string("client_certificate_path").isEmpty
            || !remote.string("username").isEmpty
        {
            if key.isEmpty, sasURL.isEmpty {
                throw .config("azure-credentials-unsupported",
                    "remote '\(name)': Azure AD authentication (env_auth, use_msi, service principal, client secret/certificate, user) is not supported by this build of sdc fetch",
                    fix: "use account+key or a sas_url")
            }
        }
        if remote.bool("use_emulator") {
            if account.isEmpty { account = emulatorAccount }
            if key.isEmpty { key = emulatorKey }
        }
        var serviceURL: String
        if endpoint.contains("://") {
            serviceURL = endpoint  // rclone ≥ 1.61: the full service URL
        } else if remote.bool("use_emulator"), endpoint.isEmpty {
            serviceURL = "http://127.0.0.1:10000/" + account
        } else {
            serviceURL = "https://\(account).\(endpoint.isEmpty ? "blob.core.windows.net" : endpoint)"  // 1.60.1: DNS suffix
        }
        while serviceURL.hasSuffix("/") { serviceURL.removeLast() }
        let authorization: Authorization
        var secrets: [String] = []
        if !account.isEmpty, !key.isEmpty {
            guard let signer = AzureSharedKeySigner(account: account, base64Key: key) else {
                throw .config("azure-key-format", "remote '\(name)': key is not valid base64")
            }
            authorization = .sharedKey(signer)
            secrets.append(key)
        } else if !sasURL.isEmpty {
            guard let components = URLComponents(string: sasURL), let query = components.percentEncodedQuery, !query.isEmpty,
                let scheme = components.scheme, let host = components.host
            else {
                throw .config("azure-sas-url", "remote '\(name)': sas_url is not a URL with a SAS query")
            }
            // A container-level SAS names its container; it must be the URI's (rclone 1.60.1 rule).
            var sasPath = components.percentEncodedPath
            while sasPath.hasSuffix("/") { sasPath.removeLast() }
            let pathParts = sasPath.split(separator: "/").map(String.init)
            let emulatorStyle = pathParts.first == account || pathParts.first == emulatorAccount
            let sasContainer = emulatorStyle ? pathParts.dropFirst().first : pathParts.first
            if let sasContainer, sasContainer != location.bucket {
                throw .config("azure-sas-url", "remote '\(name)': the SAS URL is for container '\(sasContainer)' but the URI names '\(location.bucket)'")
            }
            let basePath = emulatorStyle ? "/" + pathParts[0] : ""
            serviceURL = "\(scheme)://\(host)\(components.port.map { ":\($0)" } ?? "")\(basePath)"
            authorization = .sas(query)
            secrets.append(query)
            if let sig = components.queryItems?.first(where: { $0.name == "sig" })?.value { secrets.append(sig) }
        } else if !account.isEmpty {
            authorization = .anonymous  // rclone ≥ 1.68: account alone means public access
        } else {
            throw .config("azure-no-auth", "remote '\(name)': no authentication method configured (account+key, sas_url, or account for public access)")
        }
        return AzureBlobBackend(
            serviceURL: serviceURL, location: location, authorization: authorization,
            listChunk: min(5000, max(1, remote.int("list_chunk"))), transport: transport, secrets: secrets)
    }

    init(
        serviceURL: String, location: BucketPath, authorization: Authorization, listChunk: Int, transport: any HTTPTransport,
        secrets: [String]
    ) {
        self.serviceURL = serviceURL
        self.location = location
        self.authorization = authorization
        self.listChunk = listChunk
        self.transport = transport
        self.secrets = secrets
    }

    // MARK: - Listing

    public func list() async throws -> SourceListing {
        if !location.directory.isEmpty, !location.forcesDirectory {
            let response = try await send("HEAD", blob: location.directory, query: [])
            if response.status == 200 {
                return .singleObject(
                    RemoteObject(
                        key: location.directory, relativePath: location.leaf,
                        size: response.header("Content-Length").flatMap { Int64($0) },
                        hashes: ObjectHashes(md5: response.header("Content-MD5").flatMap(ObjectHashes.md5(fromBase64:))),
                        modified: response.header("Last-Modified").flatMap(HTTPDates.parseRFC1123), etag: response.header("ETag")))
            }
            if response.status != 404 { throw failure(status: response.status, body: [], what: "checking blob '\(location.directory)'", isListing: true).withRetryAfter(from: response) }
        }
        let prefix = location.listPrefix
        var objects: [RemoteObject] = []
        var marker: String?
        repeat {
            var query: [(name: String, value: String)] = [
                ("restype", "container"), ("comp", "list"), ("maxresults", String(listChunk)), ("include", "metadata"),
            ]
            if !prefix.isEmpty { query.append(("prefix", prefix)) }
            if let marker { query.append(("marker", marker)) }
            let response = try await send("GET", blob: nil, query: query)
            let body = try await response.body.collect()
            guard response.status == 200 else {
                throw failure(status: response.status, body: body, what: "listing container '\(location.bucket)'", isListing: true).withRetryAfter(from: response)
            }
            guard let tree = XMLTree.parse(body), tree.name == "EnumerationResults" else {
                throw FetchFailure(.other, "azure-bad-response", "the Azure listing of container '\(location.bucket)' is not an EnumerationResults document")
            }
            for blob in tree.child("Blobs")?.children("Blob") ?? [] {
                guard let name = blob["Name"], let properties = blob.child("Properties") else { continue }
                let size = properties["Content-Length"].flatMap { Int64($0) } ?? 0
                let isFolder = blob.child("Metadata")?.children.contains { $0.name.lowercased() == "hdi_isfolder" && $0.text == "true" } ?? false
                if isFolder || (name.hasSuffix("/") && size == 0) { continue }  // directory markers (§7.4)
                guard name.hasPrefix(prefix) else { continue }
                objects.append(
                    RemoteObject(
                        key: name, relativePath: String(name.dropFirst(prefix.count)), size: size,
                        hashes: ObjectHashes(md5: properties["Content-MD5"].flatMap(ObjectHashes.md5(fromBase64:))),
                        modified: properties["Last-Modified"].flatMap(HTTPDates.parseRFC1123), etag: properties["Etag"],
                        contentEncoding: properties["Content-Encoding"]))
            }
            marker = tree["NextMarker"].flatMap { $0.isEmpty ? nil : $0 }
        } while marker != nil
        return .tree(objects)
    }

    // MARK: - Download

    public func open(_ object: RemoteObject, from offset: Int64, through last: Int64?) async throws -> ObjectStream {
        var headers: [(name: String, value: String)] = []
        if let range = rangeHeaderValue(from: offset, through: last) {
            headers.append(("x-ms-range", range))
            if let etag = object.etag { headers.append(("If-Match", etag)) }
        }
        let response = try await send("GET", blob: object.key, query: [], extraHeaders: headers)
        guard response.status == 200 || response.status == 206 else {
            let body = (try? await response.body.collect(upTo: 64 << 10)) ?? []
            throw failure(status: response.status, body: body, what: "downloading '\(object.key)'", isListing: false).withRetryAfter(from: response)
        }
        let md5 = (response.header("x-ms-blob-content-md5") ?? (offset == 0 ? response.header("Content-MD5") : nil))
            .flatMap(ObjectHashes.md5(fromBase64:))
        return ObjectStream(length: response.header("Content-Length").flatMap { Int64($0) }, hashes: ObjectHashes(md5: md5), body: response.body)
    }

    // MARK: - Requests

    func makeRequest(
        _ method: String, blob: String?, query: [(name: String, value: String)], extraHeaders: [(name: String, value: String)] = []
    ) -> HTTPRequest {
        let (scheme, rest) = serviceURL.firstRange(of: "://").map { (String(serviceURL[..<$0.lowerBound]), String(serviceURL[$0.upperBound...])) }
            ?? ("https", serviceURL)
        let authority = String(rest.prefix { $0 != "/" })
        let basePath = String(rest.dropFirst(authority.count))
        var path = basePath + "/" + SigV4Signer.uriEncode(location.bucket, encodeSlash: true)
        if let blob { path += "/" + SigV4Signer.uriEncode(blob, encodeSlash: false) }
        var queryString = query.map { SigV4Signer.uriEncode($0.name, encodeSlash: true) + "=" + SigV4Signer.uriEncode($0.value, encodeSlash: true) }
            .joined(separator: "&")
        var headers = extraHeaders + [("x-ms-version", Self.apiVersion), ("x-ms-date", AzureSharedKeySigner.httpDate(now()))]
        switch authorization {
        case .sharedKey(let signer):
            headers.append(("Authorization", signer.authorization(method: method, encodedPath: path, query: query, headers: headers)))
        case .sas(let sas):
            queryString += (queryString.isEmpty ? "" : "&") + sas
        case .anonymous:
            break
        }
        headers.append(("Accept-Encoding", "identity"))
        return HTTPRequest(method: method, url: "\(scheme)://\(authority)\(path)\(queryString.isEmpty ? "" : "?" + queryString)", headers: headers)
    }

    private func send(
        _ method: String, blob: String?, query: [(name: String, value: String)], extraHeaders: [(name: String, value: String)] = []
    ) async throws -> HTTPResponse {
        try await transport.execute(makeRequest(method, blob: blob, query: query, extraHeaders: extraHeaders))
    }

    /// Status and Azure error code → exit code (§2.3 retried statuses, §7.13).
    private func failure(status: Int, body: [UInt8], what: String, isListing: Bool) -> FetchFailure {
        let tree = XMLTree.parse(body)
        let code = tree?["Code"] ?? ""
        let detail = Redaction.scrub(code, secrets: secretsForRedaction)
        let text = "Azure \(what) failed: HTTP \(status)\(detail.isEmpty ? "" : " (\(detail))")"
        if [408, 429, 500, 502, 503, 504].contains(status) {
            return FetchFailure(.transient, "azure-transient", text, retryable: true)
        }
        switch status {
        case 401, 403:
            return FetchFailure(.authentication, "azure-access-denied", text)
        case 404:
            if code == "ContainerNotFound" || isListing { return FetchFailure(.sourceNotFound, "source-not-found", text) }
            return FetchFailure(.objectNotFound, "object-not-found", text)
        default:
            return FetchFailure(.other, "azure-error", text)
        }
    }
}
