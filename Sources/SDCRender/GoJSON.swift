import SDCModel
import SDCYAML

/// Compact JSON as Go's `encoding/json` writes it (render.md §9.2): struct fields in declaration order, maps with
/// sorted keys, `<`, `>`, `&`, U+2028/U+2029 escaped, `/` not escaped.
struct GoJSON {
    private(set) var text = ""

    mutating func raw(_ s: String) { text += s }

    mutating func string(_ s: String) { text += Self.quote(s) }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = Array("0123456789abcdef")
                    out += "\\u00\(hex[Int(u.value >> 4)])\(hex[Int(u.value & 0xf)])"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
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
            raw("[")
            for (i, item) in items.enumerated() {
                if i > 0 { raw(",") }
                value(item, as: element)
            }
            raw("]")
        case (.map(let element), .mapping(let pairs)):
            object(pairs.sorted { ($0.key.scalarText ?? "").utf8.lexicographicallyPrecedes(($1.key.scalarText ?? "").utf8) }
                .map { ($0.key.scalarText ?? "", { (j: inout GoJSON, v: Node) in j.value(v, as: element) }, $0.value) })
        case (.object(let name), .mapping(let pairs)):
            guard let fields = GoTypes.structs[name] else {
                value(node, as: .plain)
                return
            }
            var members: [(String, (inout GoJSON, Node) -> Void, Node)] = []
            for field in fields {
                let present = pairs.first { $0.key.scalarText == field.name }?.value
                switch field.presence {
                case .omitEmpty:
                    guard let v = present, !GoTypes.isEmpty(v) else { continue }
                    members.append((field.name, { j, n in j.value(n, as: field.type) }, v))
                case .pointer:
                    guard let v = present, !v.isNull else { continue }
                    members.append((field.name, { j, n in j.value(n, as: field.type) }, v))
                case .always:
                    let v = present ?? Self.zero(field)
                    members.append((field.name, { j, n in j.value(n, as: field.type) }, v))
                }
            }
            object(members)
        case (_, .mapping(let pairs)):
            object(pairs.map { ($0.key.scalarText ?? "", { j, n in j.value(n, as: .plain) }, $0.value) })
        case (_, .sequence(let items)):
            value(Node.sequence(items), as: .list(.plain))
        }
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

    mutating func object(_ members: [(String, (inout GoJSON, Node) -> Void, Node)]) {
        raw("{")
        for (i, m) in members.enumerated() {
            if i > 0 { raw(",") }
            string(m.0)
            raw(":")
            m.1(&self, m.2)
        }
        raw("}")
    }

    /// Standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], table[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
