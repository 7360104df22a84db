/// Object-key safety: no key may write outside DEST or somewhere it does not name (spec/storage.md §7.9).
public enum KeySafety {
    public enum Violation: Error, Equatable, Sendable {
        case empty
        case absolute
        case emptySegment
        case dotSegment(String)
        case controlCharacter
        case backslash
        case invalidUTF8
        case segmentTooLong
        case pathTooLong

        public var reason: String {
            switch self {
            case .empty: "the relative path is empty"
            case .absolute: "it starts with '/'"
            case .emptySegment: "it has an empty segment ('a//b')"
            case .dotSegment(let segment): "it has a '\(segment)' segment"
            case .controlCharacter: "it contains NUL or another control character"
            case .backslash: "it contains a backslash, which some tools read as a separator"
            case .invalidUTF8: "it is not valid UTF-8"
            case .segmentTooLong: "a segment is longer than 255 bytes"
            case .pathTooLong: "it is longer than 4096 bytes"
            }
        }
    }

    /// Checks one relative path; returns its segments when safe.
    public static func check(_ relativePath: String) throws(Violation) -> [String] {
        guard !relativePath.isEmpty else { throw .empty }
        guard relativePath.utf8.count <= 4096 else { throw .pathTooLong }
        if relativePath.hasPrefix("/") { throw .absolute }
        if relativePath.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
            throw .controlCharacter
        }
        if relativePath.contains("\\") { throw .backslash }
        if relativePath.unicodeScalars.contains("\u{FFFD}") { throw .invalidUTF8 }
        let segments = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for segment in segments {
            if segment.isEmpty { throw .emptySegment }
            if segment == "." || segment == ".." { throw .dotSegment(segment) }
            if segment.utf8.count > 255 { throw .segmentTooLong }
        }
        return segments
    }

    /// Raw key bytes that are not UTF-8 (S3 and Azure listings can carry them percent-encoded).
    public static func checkUTF8(_ bytes: [UInt8]) throws(Violation) {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .invalidUTF8 }
    }

    /// File-vs-directory collisions between entries ("a" and "a/b"), and duplicates.
    public static func collisions(_ relativePaths: [String]) -> [String] {
        let files = Set(relativePaths)
        var found: [String] = []
        var seen = Set<String>()
        for path in relativePaths {
            if !seen.insert(path).inserted { found.append(path); continue }
            var prefix = ""
            for segment in path.split(separator: "/").dropLast() {
                prefix += prefix.isEmpty ? String(segment) : "/" + segment
                if files.contains(prefix) { found.append(prefix) }
            }
        }
        return Array(Set(found)).sorted()
    }
}
