import SDCDiagnostics
import SDCYAML

/// Helm's `--set` / `--set-string` syntax (helm `pkg/strvals`): `a.b=c`, comma-separated assignments
/// `a=1,b=2`, list indexes `a[0].b=c`, escaped dots and commas `a\.b=c`, and `{x,y}` list values. With `--set`,
/// `true`/`false`/`null` and integers without a leading zero are typed; `--set-string` keeps everything a string.
public struct SetArgument: Sendable {
    public enum Segment: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public struct Assignment: Sendable {
        public var path: [Segment]
        public var value: Node
    }

    public let assignments: [Assignment]

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public init(_ text: String, typed: Bool) throws {
        var result: [Assignment] = []
        for part in try Self.splitAssignments(text) where !part.isEmpty {
            guard let eq = Self.firstUnescaped("=", in: part) else {
                throw ParseError(description: "key \"\(Self.unescape(part))\" has no value (expected key=value)")
            }
            let keyText = Array(part[..<eq])
            let valueText = String(part[part.index(after: eq)...])
            let path = try Self.parseKey(keyText)
            let value: Node
            if valueText.hasPrefix("{") && valueText.hasSuffix("}") && valueText.count >= 2 {
                let inner = String(valueText.dropFirst().dropLast())
                let items = inner.isEmpty ? [] : Self.split(Array(inner), on: ",").map { Self.typedValue(Self.unescape($0), typed: typed) }
                value = .sequence(items)
            } else {
                value = Self.typedValue(Self.unescape(Array(valueText)), typed: typed)
            }
            result.append(Assignment(path: path, value: value))
        }
        assignments = result
    }

    /// Applies every assignment to a values tree, creating mappings and padding lists with nulls as helm does.
    public func apply(to root: inout Node) {
        for a in assignments { Self.set(&root, a.path[...], a.value) }
    }

    private static func set(_ node: inout Node, _ path: ArraySlice<Segment>, _ value: Node) {
        guard let first = path.first else {
            node = value
            return
        }
        switch first {
        case .key(let k):
            if !node.isMapping { node = .emptyMapping }
            var child = node[k] ?? .null
            if path.count == 1 {
                child = value
            } else {
                set(&child, path.dropFirst(), value)
            }
            node[k] = child
        case .index(let i):
            var items = node.sequence ?? []
            while items.count <= i { items.append(.null) }
            set(&items[i], path.dropFirst(), value)
            node = .sequence(items)
        }
    }

    /// Largest list index `--set` accepts, as in helm 3 (`strvals.MaxIndex`).
    public static let maxIndex = 65_536

    static func typedValue(_ text: String, typed: Bool) -> Node {
        guard typed else { return .string(text) }
        let lower = text.lowercased()
        if lower == "true" { return .bool(true) }
        if lower == "false" { return .bool(false) }
        if lower == "null" { return .null }
        if text == "0" { return .int(0) }
        if let c = text.first, c != "0", let i = Int(text) { return .int(i) }
        return .string(text)
    }

    private static func parseKey(_ chars: [Character]) throws -> [Segment] {
        var segments: [Segment] = []
        for raw in split(chars, on: ".") {
            var seg = raw
            var indexes: [Int] = []
            // Trailing `[n]` groups are list indexes.
            while seg.hasSuffix("]"), let open = seg.lastIndex(of: "[") {
                let number = seg[seg.index(after: open)..<seg.index(before: seg.endIndex)]
                guard let n = Int(number), n >= 0 else {
                    throw ParseError(description: "invalid list index in \"\(raw)\"")
                }
                // helm's strvals.MaxIndex: a larger index would pad the list with millions of nulls.
                guard n <= Self.maxIndex else {
                    throw ParseError(description: "list index \(n) in \"\(raw)\" is greater than the maximum \(Self.maxIndex)")
                }
                indexes.insert(n, at: 0)
                seg = String(seg[..<open])
            }
            let name = unescape(Array(seg))
            if !name.isEmpty { segments.append(.key(name)) } else if indexes.isEmpty || !segments.isEmpty {
                if indexes.isEmpty { throw ParseError(description: "empty key segment in \"\(String(chars))\"") }
            }
            segments += indexes.map { .index($0) }
        }
        guard !segments.isEmpty else { throw ParseError(description: "empty key") }
        return segments
    }

    /// Splits on unescaped commas that are not inside `{…}`.
    private static func splitAssignments(_ text: String) throws -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var escaped = false
        for c in text {
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            switch c {
            case "\\":
                current.append(c)
                escaped = true
            case "{":
                depth += 1
                current.append(c)
            case "}":
                depth -= 1
                current.append(c)
            case "," where depth == 0:
                parts.append(current)
                current = ""
            default:
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    /// Splits on an unescaped separator, keeping escapes for a later `unescape`.
    private static func split(_ chars: [Character], on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for c in chars {
            if escaped {
                current.append("\\")
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == separator {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if escaped { current.append("\\") }
        parts.append(current)
        return parts
    }

    private static func unescape(_ text: String) -> String { unescape(Array(text)) }

    private static func unescape(_ chars: [Character]) -> String {
        var out = ""
        var escaped = false
        for c in chars {
            if escaped {
                out.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    private static func firstUnescaped(_ target: Character, in text: String) -> String.Index? {
        var escaped = false
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == target { return i }
            i = text.index(after: i)
        }
        return nil
    }
}
