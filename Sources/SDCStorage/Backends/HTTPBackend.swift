#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// Plain HTTP(S): a direct URL to one file, or a directory read from the server's HTML index the way rclone's
/// http backend reads it (spec/storage.md §2.4, §7.2 4c, §7.4). Read-only; no hashes, so size is the check.
public struct HTTPBackend: StorageBackend {
    /// The root URL without userinfo; ends in `/` when it names a directory.
    public var root: URL
    /// Sent on every request: the remote's `headers` and Basic auth from URL userinfo.
    public var headers: [(name: String, value: String)]
    /// `no_head`: decide file-or-directory without a HEAD.
    public var noHead: Bool
    /// A URL given directly as the URI: a 404 means "object not found" (exit 4), not "a directory".
    public var isDirectURL = false
    public var transport: any HTTPTransport
    private var secrets: [String]

    public var secretsForRedaction: [String] { secrets }

    /// A direct URL with no remote (`https://host/model.bin`, or `https://host/models/` for a directory).
    public init(directURL: String, transport: any HTTPTransport) throws(FetchFailure) {
        try self.init(url: directURL, headerList: [], noHead: false, transport: transport)
        isDirectURL = true
    }

    /// An `http` remote: `url` + the URI's path.
    public init(remote: RemoteConfiguration, path: String, transport: any HTTPTransport) throws(FetchFailure) {
        var base = remote.string("url")
        guard !base.isEmpty else {
            throw .config("http-remote", "remote '\(remote.name ?? ":http")': url is required")
        }
        if !base.hasSuffix("/") { base += "/" }
        var relative = path
        while relative.hasPrefix("/") { relative.removeFirst() }
        let encoded = relative.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(allowedASCII: Self.pathSegmentAllowed) }
            .joined(separator: "/")
        let headerText = remote.string("headers")
        var headerList: [(String, String)] = []
        if !headerText.isEmpty {
            let fields = Self.parseCSV(headerText)
            guard fields.count % 2 == 0 else {
                throw .config("http-remote", "remote '\(remote.name ?? ":http")': odd number of headers supplied")
            }
            headerList = stride(from: 0, to: fields.count, by: 2).map { (fields[$0], fields[$0 + 1]) }
        }
        try self.init(url: base + encoded, headerList: headerList, noHead: remote.bool("no_head"), transport: transport)
    }

    private init(url text: String, headerList: [(String, String)], noHead: Bool, transport: any HTTPTransport) throws(FetchFailure) {
        guard var components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), components.host?.isEmpty == false
        else {
            throw .config("http-url", "\(Redaction.quoted(text)) is not a valid http(s) URL")
        }
        var headers = headerList
        var secrets = headerList.map(\.1)
        if let user = components.percentEncodedUser {
            let password = components.percentEncodedPassword ?? ""
            let pair = (user.removingPercentEncodingOrNil ?? user) + ":" + (password.removingPercentEncodingOrNil ?? password)
            headers.append(("Authorization", "Basic " + Data(pair.utf8).base64EncodedString()))
            secrets.append(password.removingPercentEncodingOrNil ?? password)
            components.user = nil
            components.password = nil
        }
        guard let url = components.url else { throw .config("http-url", "\(Redaction.quoted(text)) is not a valid URL") }
        self.root = url
        self.headers = headers
        self.noHead = noHead
        self.transport = transport
        self.secrets = secrets.filter { !$0.isEmpty }
    }

    // MARK: - Listing

    public func list() async throws -> SourceListing {
        var directory = root
        if !root.absoluteString.hasSuffix("/") {
            switch try await probe(root) {
            case .file(let size, let modified):
                let leaf = root.lastPathComponent
                return .singleObject(RemoteObject(key: root.absoluteString, relativePath: leaf, size: size, modified: modified))
            case .directory(let url):
                directory = url
            }
        }
        var objects: [RemoteObject] = []
        var visited = Set<String>()
        try await walk(directory, relative: "", visited: &visited, into: &objects)
        return .tree(objects)
    }

    private enum Probe {
        case file(size: Int64?, modified: Date?)
        case directory(URL)
    }

    /// rclone: HEAD; 404 ⇒ directory; a redirect to a `/`-terminated location ⇒ directory; else a file (§2.4).
    private func probe(_ url: URL) async throws -> Probe {
        if noHead { return .file(size: nil, modified: nil) }
        let response = try await transport.execute(HTTPRequest(method: "HEAD", url: url.absoluteString, headers: headers))
        switch response.status {
        case 200...299:
            return .file(
                size: response.header("Content-Length").flatMap { Int64($0) },
                modified: response.header("Last-Modified").flatMap(HTTPDates.parseRFC1123))
        case 301, 302, 303, 307, 308:
            if let location = response.header("Location"), let target = URL(string: location, relativeTo: url)?.absoluteURL,
                target.absoluteString.hasSuffix("/")
            {
                return .directory(target)
            }
            return .file(size: nil, modified: nil)
        case 404 where isDirectURL:
            throw FetchFailure(.objectNotFound, "object-not-found", "\(Redaction.quoted(url.absoluteString)) not found (HTTP 404)")
        case 404:
            return .directory(URL(string: url.absoluteString + "/")!)
        default:
            throw failure(status: response.status, url: url, what: "checking").withRetryAfter(from: response)
        }
    }

    private func walk(_ directory: URL, relative: String, visited: inout Set<String>, into objects: inout [RemoteObject]) async throws {
        guard visited.insert(directory.absoluteString).inserted else { return }
        let response = try await get(directory, headers: [])
        guard response.status == 200 else {
            _ = try? await response.body.collect(upTo: 64 << 10)
            if response.status == 404 {
                throw FetchFailure(.sourceNotFound, "source-not-found", "directory \(Redaction.quoted(directory.absoluteString)) not found (HTTP 404)")
            }
            throw failure(status: response.status, url: directory, what: "listing").withRetryAfter(from: response)
        }
        let page = String(decoding: try await response.body.collect(upTo: 32 << 20), as: UTF8.self)
        for entry in Self.entries(inIndex: page, of: directory) {
            let childRelative = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if entry.isDirectory {
                try await walk(entry.url, relative: childRelative, visited: &visited, into: &objects)
            } else {
                objects.append(RemoteObject(key: entry.url.absoluteString, relativePath: childRelative, size: nil))
            }
        }
    }

    /// One entry of an index page: rclone keeps links that stay on the same scheme and host, carry no query,
    /// lie directly under the directory and name one level (§2.4).
    struct IndexEntry: Equatable {
        var name: String
        var url: URL
        var isDirectory: Bool
    }

    static func entries(inIndex html: String, of directory: URL) -> [IndexEntry] {
        var seen = Set<String>()
        var out: [IndexEntry] = []
        for href in hrefs(in: html) {
            guard case let raw = unescapeHTML(href), !raw.contains("?"), !raw.contains("#"),
                let resolved = URL(string: raw, relativeTo: directory)?.absoluteURL,
                resolved.scheme == directory.scheme, resolved.host == directory.host, resolved.port == directory.port
            else { continue }
            let base = directory.absoluteString
            let target = resolved.absoluteString
            guard target.hasPrefix(base), target.count > base.count else { continue }
            var rest = String(target.dropFirst(base.count))
            let isDirectory = rest.hasSuffix("/")
            if isDirectory { rest.removeLast() }
            guard !rest.isEmpty, !rest.contains("/") else { continue }
            let name = rest.removingPercentEncodingOrNil ?? rest
            if seen.insert(name).inserted {
                out.append(IndexEntry(name: name, url: resolved, isDirectory: isDirectory))
            }
        }
        return out
    }

    /// The `href` of every `<a …>` tag, as the pattern `<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`
    /// (case-insensitive) finds them, scanned by hand over the UTF-8 bytes.
    static func hrefs(in html: String) -> [String] {
        let b = Array(html.utf8)
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }
        func lower(_ c: UInt8) -> UInt8 { (0x41...0x5A).contains(c) ? c | 0x20 : c }
        var out: [String] = []
        var i = 0
        outer: while i + 2 < b.count {
            guard b[i] == 0x3C, lower(b[i + 1]) == 0x61, isSpace(b[i + 2]) else { i += 1; continue }  // "<a\s"
            // The shortest run of non-'>' bytes after "<a\s" that is followed by a complete href attribute.
            var j = i + 3
            while j < b.count, b[j] != 0x3E {
                if let (value, end) = hrefValue(b, at: j) {
                    out.append(String(decoding: b[value], as: UTF8.self))
                    i = end
                    continue outer
                }
                j += 1
            }
            i += 1
        }
        return out

        /// `href\s*=\s*(?:"…"|'…'|[^\s>]+)` at `k`: the value's range and where the match ends.
        func hrefValue(_ b: [UInt8], at k: Int) -> (Range<Int>, Int)? {
            guard k + 4 <= b.count, lower(b[k]) == 0x68, lower(b[k + 1]) == 0x72, lower(b[k + 2]) == 0x65,
                  lower(b[k + 3]) == 0x66 else { return nil }
            var p = k + 4
            while p < b.count, isSpace(b[p]) { p += 1 }
            guard p < b.count, b[p] == 0x3D else { return nil }
            p += 1
            while p < b.count, isSpace(b[p]) { p += 1 }
            guard p < b.count else { return nil }
            // A quote that never closes is read as the start of an unquoted value, as the pattern does.
            if b[p] == 0x22 || b[p] == 0x27, let close = b[(p + 1)...].firstIndex(of: b[p]) {
                return ((p + 1)..<close, close + 1)
            }
            let start = p
            while p < b.count, !isSpace(b[p]), b[p] != 0x3E { p += 1 }
            return p > start ? (start..<p, p) : nil
        }
    }

    static func unescapeHTML(_ text: String) -> String {
        text.replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'")
            .replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">")
            .replacingAll("&amp;", with: "&")
    }

    // MARK: - Download

    public func open(_ object: RemoteObject, from offset: Int64, through last: Int64?) async throws -> ObjectStream {
        guard let url = URL(string: object.key) else {
            throw FetchFailure(.other, "http-url", "bad URL for \(object.relativePath)")
        }
        let range = rangeHeaderValue(from: offset, through: last)
        let response = try await get(url, headers: range.map { [("Range", $0)] } ?? [])
        switch response.status {
        case 200 where range == nil, 206 where range != nil:
            break
        case 200:
            _ = try? await response.body.collect(upTo: 0)
            throw FetchFailure(.transient, "http-range-ignored", "the server ignored a Range request for \(Redaction.quoted(url.absoluteString)); cannot resume")
        default:
            _ = try? await response.body.collect(upTo: 64 << 10)
            if response.status == 404 {
                throw FetchFailure(.objectNotFound, "object-not-found", "\(Redaction.quoted(url.absoluteString)) not found (HTTP 404)")
            }
            throw failure(status: response.status, url: url, what: "downloading").withRetryAfter(from: response)
        }
        // Content-Encoding other than identity would mean bytes we did not ask for: we sent identity (§7.8).
        return ObjectStream(length: response.header("Content-Length").flatMap { Int64($0) }, body: response.body)
    }

    /// GET following up to 10 redirects; credentials are not forwarded to another host.
    private func get(_ url: URL, headers extra: [(name: String, value: String)]) async throws -> HTTPResponse {
        var current = url
        var sendHeaders = headers + extra + [("Accept-Encoding", "identity")]
        for _ in 0..<10 {
            let response = try await transport.execute(HTTPRequest(method: "GET", url: current.absoluteString, headers: sendHeaders))
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.header("Location"),
                let next = URL(string: location, relativeTo: current)?.absoluteURL
            else { return response }
            _ = try? await response.body.collect(upTo: 64 << 10)
            if next.host != current.host { sendHeaders = extra + [("Accept-Encoding", "identity")] }
            current = next
        }
        throw FetchFailure(.other, "http-redirects", "too many redirects from \(Redaction.quoted(url.absoluteString))")
    }

    private func failure(status: Int, url: URL, what: String) -> FetchFailure {
        let text = "HTTP \(what) \(Redaction.quoted(url.absoluteString)) failed: HTTP \(status)"
        switch status {
        case 408, 429, 500, 502, 503, 504: return FetchFailure(.transient, "http-transient", text, retryable: true)
        case 401, 403: return FetchFailure(.authentication, "http-access-denied", text)
        default: return FetchFailure(.other, "http-error", text)
        }
    }

    /// `CharacterSet.urlPathAllowed` without `/?#;`.
    static let pathSegmentAllowed: Set<UInt8> = urlPathAllowedASCII.subtracting("/?#;".utf8)

    /// rclone's CSV for `headers`: commas separate, double quotes group (Go's encoding/csv).
    static func parseCSV(_ text: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }
}
