import Crypto
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Azure Storage Shared Key authorization for the Blob service, version 2015-02-21 and later
/// (Microsoft's "Authorize with Shared Key": Content-Length is empty when zero). Pure: request parts in,
/// header value out.
public struct AzureSharedKeySigner: Sendable {
    public var account: String
    private var key: SymmetricKey

    /// `key` is the base64 account key, as rclone's `key` option holds it.
    public init?(account: String, base64Key: String) {
        guard let data = Data(base64Encoded: base64Key), !data.isEmpty else { return nil }
        self.account = account
        self.key = SymmetricKey(data: data)
    }

    /// The standard headers that take a line of their own, in order.
    static let standardHeaders = [
        "content-encoding", "content-language", "content-length", "content-md5", "content-type", "date",
        "if-modified-since", "if-match", "if-none-match", "if-unmodified-since", "range",
    ]

    /// - Parameters:
    ///   - encodedPath: the URI path exactly as sent (percent-encoded), starting with `/`.
    ///   - query: decoded query parameters.
    public func stringToSign(
        method: String, encodedPath: String, query: [(name: String, value: String)], headers: [(name: String, value: String)]
    ) -> String {
        var lower: [String: [String]] = [:]
        for header in headers { lower[header.name.lowercased(), default: []].append(header.value) }
        var lines = [method.uppercased()]
        for name in Self.standardHeaders {
            var value = lower[name]?.joined(separator: ",") ?? ""
            if name == "content-length", value == "0" { value = "" }
            lines.append(value)
        }
        let msHeaders = lower.keys.filter { $0.hasPrefix("x-ms-") }.sorted()
        let canonicalHeaders = msHeaders.map { name in
            "\(name):\(lower[name]!.map(SigV4Signer.trimHeaderValue).joined(separator: ","))\n"
        }.joined()
        var resource = "/" + account + (encodedPath.isEmpty ? "/" : encodedPath)
        var parameters: [String: [String]] = [:]
        for item in query { parameters[item.name.lowercased(), default: []].append(item.value) }
        for name in parameters.keys.sorted() {
            resource += "\n\(name):\(parameters[name]!.sorted().joined(separator: ","))"
        }
        return lines.joined(separator: "\n") + "\n" + canonicalHeaders + resource
    }

    public func signature(of stringToSign: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key)).base64EncodedString()
    }

    /// `SharedKey <account>:<signature>`.
    public func authorization(
        method: String, encodedPath: String, query: [(name: String, value: String)], headers: [(name: String, value: String)]
    ) -> String {
        "SharedKey \(account):" + signature(of: stringToSign(method: method, encodedPath: encodedPath, query: query, headers: headers))
    }

    /// The RFC 1123 date Azure wants in `x-ms-date`.
    public static func httpDate(_ date: Date) -> String {
        HTTPDates.formatRFC1123(date)
    }
}
