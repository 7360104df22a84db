import SDCModel
import SDCYAML

/// Compact JSON as Go's `encoding/json` writes it (render.md §9.2): struct fields in declaration order, maps with
/// sorted keys, `<`, `>`, `&`, U+2028/U+2029 escaped, `/` not escaped.
struct GoJSON {
    /// UTF-8 bytes: the JSON grows by appends, and `ENGINE_PREDICTOR` base64-encodes the bytes directly.
    private(set) var bytes: [UInt8] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Indentation for the pretty-printed `-o json` list.
    mutating func spaces(_ count: Int) { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }

    /// One punctuation byte: cheaper than `raw` with a one-character string, and `value` writes many.
    private mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func string(_ s: String) { Self.appendQuoted(s, to: &bytes) }

    static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte by byte: every character Go escapes is ASCII, or U+2028/U+2029 (E2 80 A8/A9), so UTF-8 is never split.
    private static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        func escaped(_ c: UInt8) {
            out.append(UInt8(ascii: "\\"))
            out.append(c)
        }
        func unicodeEscape(_ code: UInt32) {
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8((code >> UInt32(shift)) & 0xF)
                out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            }
        }
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape at all: copy them whole.
        var contiguous = s
        let copied = contiguous.withUTF8 { bytes in
            for b in bytes where mayNeedEscape(b) { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied {
            out.append(UInt8(ascii: "\""))
            return
        }
        let utf8 = s.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            utf8.formIndex(after: &i)
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): escaped(b)
            case UInt8(ascii: "\n"): escaped(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): escaped(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): escaped(UInt8(ascii: "t"))
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): unicodeEscape(UInt32(b))
            case 0..<0x20: unicodeEscape(UInt32(b))
            case 0xE2 where utf8[i...].starts(with: [0x80, 0xA8]) || utf8[i...].starts(with: [0x80, 0xA9]):
                unicodeEscape(utf8[utf8.index(after: i)] == 0xA8 ? 0x2028 : 0x2029)
                i = utf8.index(i, offsetBy: 2)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// True for every byte the loop in `appendQuoted` may escape (0xE2 starts U+2028/U+2029).
    private static func mayNeedEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: "&") || b == 0xE2
    }

    /// A scalar as the Go value it decodes to: numbers and booleans bare, everything else a string.
    mutating func scalar(_ node: Node) {
        guard let s = node.scalar else { return }
        switch s.value {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .int(let i): raw(String(i))
        case .uint(let u): raw(String(u))
        case .float: raw(s.text)
        case .string: string(s.text)
        }
    }

    /// Any node with a Go type: objects by declaration order (unknown fields dropped, as decoding into the Go
    /// struct drops them), unmodelled values by their own order.
    mutating func value(_ node: Node, as type: GoType) {
        switch (type, node.content) {
        case (.quantity, .scalar):
            if let t = node.scalarText, let c = Quantity.canonical(t) { string(c) } else { scalar(node) }
        case (_, .scalar):
            scalar(node)
        case (.list(let element), .sequence(let items)):
            byte(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { byte(UInt8(ascii: ",")) }
                value(item, as: element)
            }
            byte(UInt8(ascii: "]"))
        case (.map(let element), .mapping(let pairs)):
            var first = true
            for pair in pairs.sorted(by: { ($0.key.scalarText ?? "").utf8.lexicographicallyPrecedes(($1.key.scalarText ?? "").utf8) }) {
                member(pair.key.scalarText ?? "", first: &first)
                value(pair.value, as: element)
            }
            endObject(first: first)
        case (.object(let name), .mapping(let pairs)):
            guard let table = GoTypes.fieldTable(name) else {
                value(node, as: .plain)
                return
            }
            // Where each field's first member is (-1: absent), from one pass over the members, instead of
            // searching the members once per declared field.
            withUnsafeTemporaryAllocation(of: Int.self, capacity: table.fields.count) { found in
                found.initialize(repeating: -1)
                for i in pairs.indices {
                    if let p = table.positions.position(of: pairs[i].key.scalarText ?? ""), found[p] < 0 { found[p] = i }
                }
                writeFields(table.fields, of: pairs, found: found)
            }
        case (_, .mapping(let pairs)):
            var first = true
            for pair in pairs {
                member(pair.key.scalarText ?? "", first: &first)
                value(pair.value, as: .plain)
            }
            endObject(first: first)
        case (_, .sequence(let items)):
            value(Node.sequence(items), as: .list(.plain))
        }
    }

    /// A struct's members in declaration order (omitempty as Go drops it); `found[k]` is the index in `pairs` of
    /// field k's member, or -1.
    private mutating func writeFields(_ fields: [GoField], of pairs: [Node.Pair], found: UnsafeMutableBufferPointer<Int>) {
        var first = true
        for (k, field) in fields.enumerated() {
            let present = found[k] < 0 ? nil : pairs[found[k]].value
            let v: Node
            switch field.presence {
            case .omitEmpty:
                guard let p = present, !GoTypes.isEmpty(p) else { continue }
                v = p
            case .pointer:
                guard let p = present, !p.isNull else { continue }
                v = p
            case .always:
                v = present ?? Self.zero(field)
            }
            member(field.name, first: &first)
            value(v, as: field.type)
        }
        endObject(first: first)
    }

    /// `{` before the first member, `,` before the others, then `"name":`.
    private mutating func member(_ name: String, first: inout Bool) {
        byte(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        first = false
        string(name)
        byte(UInt8(ascii: ":"))
    }

    /// `}` after the members, `{}` when there were none (`first` still true).
    private mutating func endObject(first: Bool) {
        if first { byte(UInt8(ascii: "{")) }
        byte(UInt8(ascii: "}"))
    }

    /// A Go `map[string]string`: keys in byte order, values as strings.
    mutating func stringMap(_ map: StringMap) {
        var first = true
        for (key, value) in map.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            member(key, first: &first)
            string(value)
        }
        endObject(first: first)
    }

    private static func zero(_ field: GoField) -> Node {
        if case .object = field.type { return .emptyMapping }
        if case .quantity = field.type { return .string("0") }
        switch field.name {
        case "name", "key", "path", "fieldPath", "resource", "claimName", "mountPath": return .string("")
        case "containerPort": return .int(0)
        default: return .null
        }
    }

    /// Standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        let table: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        return table.withUTF8Buffer { table in
            String(unsafeUninitializedCapacity: (bytes.count + 2) / 3 * 4) { out in
                var o = 0
                func put(_ n: UInt32, _ count: Int) {
                    for k in 0..<4 {
                        out[o] = k < count ? table[Int(n >> UInt32(18 - 6 * k) & 63)] : UInt8(ascii: "=")
                        o += 1
                    }
                }
                var i = 0
                while i + 3 <= bytes.count {
                    put(UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]), 4)
                    i += 3
                }
                switch bytes.count - i {
                case 1: put(UInt32(bytes[i]) << 16, 2)
                case 2: put(UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8, 3)
                default: break
                }
                return o
            }
        }
    }
}
