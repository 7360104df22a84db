#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCStorage

/// How values appear in messages. URIs are redacted (userinfo, signatures, secret connection-string options) and
/// escaped; Secret values never appear (storage.md §7.12).
enum Quote {
    static func uri(_ text: String) -> String { Redaction.quoted(redactConnectionString(text)) }

    /// Option names whose values are credentials in any backend (`s3,secret_access_key=…:bucket`).
    static let secretOptions: Set<String> = Set(BackendRegistry.all.flatMap { $0.options.filter(\.isSecret).map(\.name) })

    /// `name,k=v,k2='v:2':path` with the values of secret options replaced by `REDACTED`.
    static func redactConnectionString(_ text: String) -> String {
        guard let comma = text.firstIndex(of: ","), !text[..<comma].contains("/") else { return text }
        var out = String(text[...comma])
        var rest = text[text.index(after: comma)...]
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals]
            guard !name.contains(":") else { break }
            out += rest[...equals]
            rest = rest[rest.index(after: equals)...]
            // A quoted value runs to its closing quote; a plain one to the next ',' or ':'.
            var end = rest.startIndex
            if let quote = rest.first, quote == "'" || quote == "\"" {
                end = rest.dropFirst().firstIndex(of: quote).map { rest.index(after: $0) } ?? rest.endIndex
            } else {
                end = rest.firstIndex { $0 == "," || $0 == ":" } ?? rest.endIndex
            }
            out += secretOptions.contains(String(name)) ? "REDACTED" : String(rest[..<end])
            rest = rest[end...]
            guard let next = rest.first, next == "," else { break }
            out.append(",")
            rest = rest.dropFirst()
        }
        return out + rest
    }
}
