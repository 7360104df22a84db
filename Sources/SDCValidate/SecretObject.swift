#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics
import SDCRender
import SDCYAML

/// A v1 Secret among the inputs, with every key and value located (storage.md §8.2 step 1).
public struct SecretObject: Sendable {
    public enum Field: String, Sendable {
        case data, stringData
    }

    /// One key of `data` or `stringData`. `value` is the decoded text; nil when `data` is not valid base64.
    public struct Entry: Sendable {
        public var key: String
        public var keyNode: Node
        public var valueNode: Node
        public var field: Field
        public var value: String?
    }

    public var root: Node
    public var name: String
    public var namespace: String?
    public var entries: [Entry]
    public var location: Location?

    init(_ root: Node, document: Document) {
        self.root = root
        name = root["metadata"]?["name"]?.string ?? ""
        let ns = root["metadata"]?["namespace"]?.string ?? ""
        namespace = ns.isEmpty ? nil : ns
        location = root["metadata"]?["name"]?.location ?? document.location
        var entries: [Entry] = []
        for field in [Field.data, .stringData] {
            for pair in root[field.rawValue]?.pairs ?? [] {
                guard let key = pair.key.scalarText else { continue }
                let text = pair.value.string ?? pair.value.scalarText ?? ""
                let value: String? =
                    switch field {
                    case .stringData: text
                    case .data: (try? SecretBase64.decode(text)).map { String(decoding: $0, as: UTF8.self) }
                    }
                entries.append(Entry(key: key, keyNode: pair.key, valueNode: pair.value, field: field, value: value))
            }
        }
        self.entries = entries
    }

    /// The environment the init container gets through `envFrom`: `stringData` over `data`, as the API server merges them.
    public var merged: [String: Entry] {
        var result: [String: Entry] = [:]
        for entry in entries where entry.field == .data { result[entry.key] = entry }
        for entry in entries where entry.field == .stringData { result[entry.key] = entry }
        return result
    }

    public var environment: [String: String] {
        merged.compactMapValues(\.value)
    }

    /// The merged entries sorted by position, so findings come out in file order.
    public var effectiveEntries: [Entry] {
        merged.values.sorted { ($0.keyNode.location?.line ?? 0, $0.key) < ($1.keyNode.location?.line ?? 0, $1.key) }
    }

    public var remotes: SecretRemotes { SecretRemotes(self) }
}

/// The API server's base64 for `data`: the standard alphabet with padding; `\n` and `\r` are skipped.
public enum SecretBase64 {
    public struct Failure: Error, Sendable {
        public var reason: String
    }

    public static func decode(_ text: String) throws(Failure) -> [UInt8] {
        let cleaned = text.filter { $0 != "\n" && $0 != "\r" }
        if let bad = cleaned.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0))) }) {
            switch bad {
            case "-", "_": throw Failure(reason: "'\(bad)' belongs to the URL-safe alphabet; use standard base64 (+ and /)")
            case " ", "\t": throw Failure(reason: "it contains a blank")
            default: throw Failure(reason: "it contains a character outside the base64 alphabet")
            }
        }
        guard cleaned.count % 4 == 0 else {
            throw Failure(reason: "its length \(cleaned.count) is not a multiple of 4 (missing '=' padding?)")
        }
        guard let data = Data(base64Encoded: cleaned) else {
            throw Failure(reason: "'=' padding is only allowed at the end")
        }
        return Array(data)
    }
}
