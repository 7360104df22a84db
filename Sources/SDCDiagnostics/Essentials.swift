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

// The few conveniences of full Foundation that sdc used and FoundationEssentials lacks, with the same results.
// sdc links only FoundationEssentials (no ICU, no libxml2: the static binary stays small and starts fast), so these
// live here, under names of their own, for every module of the package (`package` access; nothing public).

extension Unicode.Scalar {
    /// Foundation's `CharacterSet.whitespaces`: general category Zs and U+0009.
    package var isFoundationWhitespace: Bool {
        value == 0x09 || properties.generalCategory == .spaceSeparator
    }

    /// Foundation's `CharacterSet.whitespacesAndNewlines`: general categories Z*, U+0009–U+000D and U+0085.
    package var isFoundationWhitespaceOrNewline: Bool {
        switch value {
        case 0x09...0x0D, 0x85: return true
        default:
            switch properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`.
    package func trimmingCharactersInWhitespaces() -> String { trimmingScalars(where: \.isFoundationWhitespace) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    package func trimmingCharactersInWhitespacesAndNewlines() -> String { trimmingScalars(where: \.isFoundationWhitespaceOrNewline) }

    /// `trimmingCharacters(in: CharacterSet(charactersIn: set))`.
    package func trimmingScalars(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        return trimmingScalars { scalars.contains($0) }
    }

    /// Foundation's `trimmingCharacters(in:)`: drops leading and trailing Unicode scalars that match.
    package func trimmingScalars(where matches: (Unicode.Scalar) -> Bool) -> String {
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !matches($0) }) else { return "" }
        let last = view.lastIndex(where: { !matches($0) })!
        return String(String.UnicodeScalarView(view[first...last]))
    }

    /// `replacingOccurrences(of:with:)`, comparing Unicode scalars (what `options: .literal` does).
    package func replacingAll(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
        let text = Array(unicodeScalars), needle = Array(target.unicodeScalars)
        guard !needle.isEmpty, text.count >= needle.count else { return String(self) }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < text.count {
            if text[i] == needle[0], i + needle.count <= text.count, text[i..<(i + needle.count)].elementsEqual(needle) {
                out.append(contentsOf: replacement.unicodeScalars)
                i += needle.count
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return String(out)
    }

    /// `removingPercentEncoding`: nil when a `%` is not followed by two hex digits or the bytes are not UTF-8;
    /// a leading byte order mark is dropped, as Foundation's UTF-8 decoding drops it.
    package var removingPercentEncodingOrNil: String? {
        let input = Array(utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let b = input[i]
            if b != 0x25 {
                bytes.append(b)
                i += 1
                continue
            }
            guard i + 2 < input.count, let h = hexValue(input[i + 1]), let l = hexValue(input[i + 2]) else { return nil }
            bytes.append(h << 4 | l)
            i += 3
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// `addingPercentEncoding(withAllowedCharacters:)` for a set of ASCII characters: every other UTF-8 byte
    /// becomes `%XX` (upper-case hex).
    package func addingPercentEncoding(allowedASCII allowed: Set<UInt8>) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for b in utf8 {
            if allowed.contains(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "%"
                out += hexDigits(b, uppercase: true)
            }
        }
        return out
    }

}

/// Foundation's `CharacterSet.urlPathAllowed` (all ASCII): unreserved, sub-delims but `;`, `:`, `@` and `/`.
package let urlPathAllowedASCII: Set<UInt8> = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,=:@/".utf8)

private func hexValue(_ b: UInt8) -> UInt8? {
    switch b {
    case 0x30...0x39: return b - 0x30
    case 0x41...0x46: return b - 0x41 + 10
    case 0x61...0x66: return b - 0x61 + 10
    default: return nil
    }
}

/// Two hex digits of a byte, `String(format: "%02x")` / `"%02X"`.
package func hexDigits(_ byte: UInt8, uppercase: Bool = false) -> String {
    let digits: StaticString = uppercase ? "0123456789ABCDEF" : "0123456789abcdef"
    return digits.withUTF8Buffer { d in
        String(decoding: [d[Int(byte >> 4)], d[Int(byte & 0x0F)]], as: UTF8.self)
    }
}

/// Lower-case hex of a byte sequence (`map { String(format: "%02x", $0) }.joined()`).
package func hexString<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}

extension String {
    /// `String(format:)` for numeric conversions only (`%d`, `%x`, `%.1f`, …; no `%@`): C's vsnprintf, which is
    /// what Foundation uses for them.
    package init(cFormat format: String, _ arguments: any CVarArg...) {
        self = withVaList(arguments) { args in
            var buffer = [CChar](repeating: 0, count: 64)
            let needed = Int(vsnprintf(&buffer, buffer.count, format, args))
            if needed < buffer.count { return String(decoding: buffer.prefix(needed).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            return withVaList(arguments) { again in
                buffer = [CChar](repeating: 0, count: needed + 1)
                _ = vsnprintf(&buffer, buffer.count, format, again)
                return String(decoding: buffer.prefix(needed).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
    }
}

/// NSString's path helpers (`lastPathComponent`, `deletingLastPathComponent`, `appendingPathComponent`), with
/// their results for the paths sdc handles: `/` separators, repeated and trailing slashes ignored.
package enum PathString {
    /// `(path as NSString).lastPathComponent`: `/a/b/` → `b`, `/` → `/`, `` → ``.
    package static func lastComponent(_ path: String) -> String {
        let trimmed = stripTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `(path as NSString).deletingLastPathComponent`: `/a/b` → `/a`, `/a` → `/`, `a` → ``, `/` → `/`.
    package static func deletingLastComponent(_ path: String) -> String {
        let trimmed = stripTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let head = stripTrailingSlashes(String(trimmed[..<slash]))
        return head.isEmpty ? "/" : head
    }

    /// `(path as NSString).appendingPathComponent(component)` as corelibs Foundation computes it: joined with one
    /// `/` (none added after a trailing slash); `path` unchanged when `component` is empty.
    package static func appending(_ path: String, _ component: String) -> String {
        if component.isEmpty { return path }
        if path.isEmpty { return component }
        var rest = Substring(component)
        if path.hasSuffix("/") {
            while rest.hasPrefix("/") { rest.removeFirst() }
            return path + rest
        }
        return rest.hasPrefix("/") ? path + rest : path + "/" + rest
    }

    /// `(path as NSString).standardizingPath` for an absolute path, lexically: `.` and empty components dropped,
    /// `..` removes the component before it (never above `/`). A relative path only has its slashes fixed.
    package static func standardizing(_ path: String) -> String {
        guard path.hasPrefix("/") else { return fixingSlashes(path) }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func stripTrailingSlashes(_ path: String) -> String {
        var s = Substring(path)
        while s.count > 1, s.hasSuffix("/") { s.removeLast() }
        return String(s)
    }

    static func fixingSlashes(_ path: String) -> String {
        var out = ""
        out.reserveCapacity(path.utf8.count)
        var previousSlash = false
        for c in path {
            if c == "/" {
                if previousSlash { continue }
                previousSlash = true
            } else {
                previousSlash = false
            }
            out.append(c)
        }
        return stripTrailingSlashes(out)
    }
}

/// What went wrong in a FileManager call, for a message (Foundation's `localizedDescription` is not in
/// FoundationEssentials): the POSIX reason behind a `CocoaError` (`No such file or directory`), else the error.
package func describeFileError(_ error: any Error) -> String {
    if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError {
        return String(cString: strerror(posix.code.rawValue))
    }
    if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
    return String(describing: error)
}
