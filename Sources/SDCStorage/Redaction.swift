#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// Keeps credentials out of every message sdc prints (spec/storage.md §7.12).
public enum Redaction {
    /// Query parameters whose values are credentials, compared case-insensitively.
    static let secretQueryParameters: Set<String> = [
        "x-amz-signature", "x-amz-credential", "x-amz-security-token", "signature", "sig", "x-goog-signature",
        "x-goog-credential", "googleaccessid", "access_token", "token",
    ]

    /// Every URL in `text` with userinfo and secret query values replaced by `REDACTED`. A URL ends at
    /// whitespace or a quote, so whole messages and log lines can be passed through.
    public static func url(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let end = rest.firstIndex(where: { $0.isWhitespace || $0 == "'" || $0 == "\"" }) {
            out += redactToken(rest[..<end])
            out.append(rest[end])
            rest = rest[rest.index(after: end)...]
        }
        out += redactToken(rest)
        return out
    }

    private static func redactToken(_ token: Substring) -> String {
        var out = String(token)
        // userinfo: scheme://user:pass@host → scheme://REDACTED@host
        if let schemeEnd = out.firstRange(of: "://") {
            let authorityEnd = out[schemeEnd.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? out.endIndex
            if let at = out[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@") {
                out.replaceSubrange(schemeEnd.upperBound..<at, with: "REDACTED")
            }
        }
        guard let question = out.firstIndex(of: "?") else { return out }
        let fragmentStart = out[question...].firstIndex(of: "#") ?? out.endIndex
        let query = out[out.index(after: question)..<fragmentStart]
        let redacted = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let decoded = (name.removingPercentEncodingOrNil ?? name).lowercased()
            return parts.count == 2 && secretQueryParameters.contains(decoded) ? "\(name)=REDACTED" : String(pair)
        }.joined(separator: "&")
        out.replaceSubrange(out.index(after: question)..<fragmentStart, with: redacted)
        return out
    }

    /// A URI for a message: redacted and quoted, non-printables escaped.
    public static func quoted(_ text: String) -> String {
        "'" + escapeNonPrintables(url(text)) + "'"
    }

    /// Control characters and invalid text shown as escapes, so a hostile key cannot rewrite the terminal (§7.9).
    public static func escapeNonPrintables(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar == "\u{7f}" {
                out += String(cFormat: "\\x%02x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Removes every occurrence of known secret values from server text (S3 error XML echoes the key id).
    public static func scrub(_ text: String, secrets: [String]) -> String {
        var out = url(text)
        for secret in secrets where secret.count >= 4 {
            out = out.replacingAll(secret, with: "REDACTED")
        }
        return out
    }
}
