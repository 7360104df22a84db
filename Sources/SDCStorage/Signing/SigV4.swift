import Crypto
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SDCDiagnostics

/// AWS Signature Version 4 for S3 requests: a pure function of the request, the credentials and the time.
///
/// Follows the S3 flavour (path encoded once, `x-amz-content-sha256` sent). `Accept-Encoding` and `User-Agent`
/// are never signed: proxies and Google's S3 front end rewrite them (spec/storage.md §7.8, rclone issue 6670).
public struct SigV4Signer: Sendable {
    public struct Credentials: Sendable, Equatable {
        public var accessKeyID: String
        public var secretAccessKey: String
        public var sessionToken: String?

        public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
            self.accessKeyID = accessKeyID
            self.secretAccessKey = secretAccessKey
            self.sessionToken = sessionToken
        }
    }

    public var credentials: Credentials
    public var region: String
    public var service: String

    public init(credentials: Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// SHA-256 of an empty body, the payload hash of every GET.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Headers that are sent but never signed.
    static let unsignedHeaders: Set<String> = ["user-agent", "accept-encoding", "authorization", "connection", "expect"]

    /// The request's parts as the signer sees them.
    public struct Request: Sendable {
        public var method: String
        /// `Host` header value (host, plus `:port` when not the scheme's default).
        public var host: String
        /// The path exactly as sent: already percent-encoded (`S3Addressing.encodePath`).
        public var encodedPath: String
        /// Decoded query parameters; the signer encodes and sorts them.
        public var query: [(name: String, value: String)]
        public var headers: [(name: String, value: String)]
        public var payloadHash: String

        public init(
            method: String, host: String, encodedPath: String, query: [(name: String, value: String)] = [],
            headers: [(name: String, value: String)] = [], payloadHash: String = SigV4Signer.emptyPayloadHash
        ) {
            self.method = method
            self.host = host
            self.encodedPath = encodedPath
            self.query = query
            self.headers = headers
            self.payloadHash = payloadHash
        }
    }

    /// The headers to add to the request: `x-amz-date`, `x-amz-security-token` when temporary, `Authorization`.
    /// `x-amz-content-sha256` is signed when the caller put it in `request.headers`.
    public func sign(_ request: Request, at date: Date) -> [(name: String, value: String)] {
        let amzDate = Self.amzDate(date)
        var headers = request.headers
        headers.append(("host", request.host))
        headers.append(("x-amz-date", amzDate))
        var added: [(name: String, value: String)] = [("x-amz-date", amzDate)]
        if let token = credentials.sessionToken, !token.isEmpty {
            headers.append(("x-amz-security-token", token))
            added.append(("x-amz-security-token", token))
        }
        let (canonical, signedHeaders) = canonicalRequest(request, headers: headers)
        let day = String(amzDate.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n\(Self.hex(SHA256.hash(data: Array(canonical.utf8))))"
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey(day: day)))
        added.append(
            ("Authorization",
             "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"))
        return added
    }

    /// The canonical request and the signed-header list; exposed for known-answer tests.
    func canonicalRequest(_ request: Request, headers: [(name: String, value: String)]) -> (String, String) {
        var merged: [String: [String]] = [:]
        for header in headers {
            let name = header.name.lowercased()
            if Self.unsignedHeaders.contains(name) { continue }
            merged[name, default: []].append(Self.trimHeaderValue(header.value))
        }
        let names = merged.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        var encodedQuery: [(String, String)] = request.query.map { pair in
            (Self.uriEncode(pair.name, encodeSlash: true), Self.uriEncode(pair.value, encodeSlash: true))
        }
        encodedQuery.sort { a, b in a.0 == b.0 ? a.1 < b.1 : a.0 < b.0 }
        let query: String = encodedQuery.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        let path = request.encodedPath.isEmpty ? "/" : request.encodedPath
        let canonical = [request.method, path, query, canonicalHeaders, signedHeaders, request.payloadHash]
            .joined(separator: "\n")
        return (canonical, signedHeaders)
    }

    func signingKey(day: String) -> SymmetricKey {
        func hmac(_ key: SymmetricKey, _ text: String) -> SymmetricKey {
            SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key)))
        }
        var key = SymmetricKey(data: Array(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [day, region, service, "aws4_request"] { key = hmac(key, part) }
        return key
    }

    /// AWS's `UriEncode`: every byte except `A-Z a-z 0-9 - _ . ~` as `%XX` (upper case); `/` kept in paths.
    public static func uriEncode(_ text: String, encodeSlash: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where !encodeSlash:
                out.append("/")
            default:
                out += String(cFormat: "%%%02X", byte)
            }
        }
        return out
    }

    static func trimHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static func amzDate(_ date: Date) -> String {
        // UTC by gmtime_r: FoundationEssentials has no time-zone database (TimeZone(identifier: "UTC") is nil).
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var c = tm()
        gmtime_r(&t, &c)
        return String(cFormat: "%04d%02d%02dT%02d%02d%02dZ", c.tm_year + 1900, c.tm_mon + 1, c.tm_mday, c.tm_hour, c.tm_min, c.tm_sec)
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        hexString(digest)
    }
}
