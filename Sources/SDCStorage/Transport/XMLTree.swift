/// A minimal element tree for the small XML documents S3 and Azure answer with (listings, errors).
///
/// Read by a small reader of our own (no libxml2, no Foundation's XMLParser, so the static binary stays small):
/// elements with their qualified names, character data (CR LF read as LF) with the five predefined entities and
/// numeric character references decoded, CDATA sections as text; attributes are checked for syntax and dropped; the XML declaration,
/// processing instructions, comments and a DOCTYPE without an internal subset are skipped. Anything else that is not
/// well-formed (mismatched or unclosed tags, unknown entities, text or a second element after the root, `<` in an
/// attribute value) makes `parse` return nil, as XMLParser did.
public struct XMLTree: Sendable, Equatable {
    public var name: String
    public var text: String
    public var children: [XMLTree]

    public init(name: String, text: String, children: [XMLTree]) {
        self.name = name
        self.text = text
        self.children = children
    }

    public func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }
    public func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }
    /// Text of the first child named `name`.
    public subscript(_ name: String) -> String? { child(name)?.text }

    /// Deepest nesting accepted; the documents we read are three or four levels deep.
    public static let maximumDepth = 256

    public static func parse(_ bytes: [UInt8]) -> XMLTree? {
        var reader = XMLReader(bytes)
        return try? reader.document()
    }
}

private struct XMLError: Error {}

/// A byte-level reader over UTF-8 input (a UTF-8 BOM is skipped). Names are taken as runs of bytes that are not
/// whitespace or markup delimiters; non-ASCII bytes are allowed in names and text and kept as they are.
private struct XMLReader {
    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    // MARK: document

    mutating func document() throws -> XMLTree {
        try misc()
        guard peek(0x3C) else { throw XMLError() }  // the root element
        let root = try element(depth: 1)
        try misc()
        guard i == bytes.count else { throw XMLError() }
        return root
    }

    /// Whitespace, comments, processing instructions (the XML declaration included) and a DOCTYPE.
    mutating func misc() throws {
        while true {
            skipSpace()
            if starts("<?") {
                try skip(past: "?>")
            } else if starts("<!--") {
                try comment()
            } else if starts("<!DOCTYPE") {
                try doctype()
            } else {
                return
            }
        }
    }

    mutating func comment() throws {
        i += 4
        try skip(past: "-->")
    }

    mutating func doctype() throws {
        // A DOCTYPE with an internal subset could declare entities; we do not expand those, so refuse it.
        while i < bytes.count, bytes[i] != 0x3E {
            if bytes[i] == 0x5B { throw XMLError() }  // '['
            i += 1
        }
        guard i < bytes.count else { throw XMLError() }
        i += 1
    }

    // MARK: elements

    mutating func element(depth: Int) throws -> XMLTree {
        guard depth <= XMLTree.maximumDepth else { throw XMLError() }
        i += 1  // '<'
        let name = try self.name()
        try attributes()
        if starts("/>") {
            i += 2
            return XMLTree(name: name, text: "", children: [])
        }
        guard peek(0x3E) else { throw XMLError() }
        i += 1
        var node = XMLTree(name: name, text: "", children: [])
        var text: [UInt8] = []
        while true {
            guard i < bytes.count else { throw XMLError() }
            let b = bytes[i]
            if b == 0x3C {
                if starts("</") {
                    i += 2
                    let close = try self.name()
                    skipSpace()
                    guard close == name, peek(0x3E) else { throw XMLError() }
                    i += 1
                    node.text = try string(text)
                    return node
                } else if starts("<!--") {
                    try comment()
                } else if starts("<![CDATA[") {
                    i += 9
                    let start = i
                    try skip(past: "]]>")
                    text += bytes[start..<(i - 3)]
                } else if starts("<?") {
                    try skip(past: "?>")
                } else if starts("<!") {
                    throw XMLError()
                } else {
                    node.children.append(try element(depth: depth + 1))
                }
            } else if b == 0x26 {  // '&'
                text += try reference()
            } else if b == 0x0D {  // end-of-line handling: CR LF and a lone CR read as LF
                text.append(0x0A)
                i += 1
                if peek(0x0A) { i += 1 }
            } else {
                text.append(b)
                i += 1
            }
        }
    }

    mutating func attributes() throws {
        var seen: Set<String> = []
        while true {
            let hadSpace = skipSpace()
            guard i < bytes.count else { throw XMLError() }
            if bytes[i] == 0x3E || starts("/>") { return }
            guard hadSpace else { throw XMLError() }
            let name = try self.name()
            guard seen.insert(name).inserted else { throw XMLError() }
            skipSpace()
            guard peek(0x3D) else { throw XMLError() }  // '='
            i += 1
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else { throw XMLError() }
            let quote = bytes[i]
            i += 1
            while true {
                guard i < bytes.count else { throw XMLError() }
                let b = bytes[i]
                if b == quote { i += 1; break }
                if b == 0x3C { throw XMLError() }
                if b == 0x26 { _ = try reference() } else { i += 1 }
            }
        }
    }

    mutating func name() throws -> String {
        let start = i
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3C, 0x3E, 0x2F, 0x3D, 0x22, 0x27, 0x26, 0x3F, 0x21: break
            default: i += 1; continue
            }
            break
        }
        guard i > start else { throw XMLError() }
        let first = bytes[start]
        // A name does not start with a digit, '-' or '.'.
        guard !(0x30...0x39).contains(first), first != 0x2D, first != 0x2E else { throw XMLError() }
        return try string(Array(bytes[start..<i]))
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#N;` `&#xH;` → their UTF-8 bytes.
    mutating func reference() throws -> [UInt8] {
        i += 1  // '&'
        let start = i
        while i < bytes.count, bytes[i] != 0x3B, i - start < 12 { i += 1 }
        guard i < bytes.count, bytes[i] == 0x3B else { throw XMLError() }
        let body = Array(bytes[start..<i])
        i += 1
        switch body {
        case Array("amp".utf8): return [0x26]
        case Array("lt".utf8): return [0x3C]
        case Array("gt".utf8): return [0x3E]
        case Array("quot".utf8): return [0x22]
        case Array("apos".utf8): return [0x27]
        default: break
        }
        guard body.first == 0x23, body.count > 1 else { throw XMLError() }  // '#'
        var digits = body.dropFirst()
        var radix: UInt32 = 10
        if digits.first == 0x78 { radix = 16; digits = digits.dropFirst() }  // 'x'
        guard !digits.isEmpty, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: Int(radix)),
              let scalar = Unicode.Scalar(value), Self.isXMLChar(value)
        else { throw XMLError() }
        return Array(String(Character(scalar)).utf8)
    }

    static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || (0x10000...0x10FFFF).contains(v)
    }

    // MARK: bytes

    func string(_ utf8: [UInt8]) throws -> String {
        guard let s = String(validating: utf8, as: UTF8.self) else { throw XMLError() }
        return s
    }

    func peek(_ b: UInt8) -> Bool { i < bytes.count && bytes[i] == b }

    func starts(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard bytes.count - i >= n else { return false }
        return s.withUTF8Buffer { buf in
            for k in 0..<n where bytes[i + k] != buf[k] { return false }
            return true
        }
    }

    /// Moves past the next occurrence of `s`; throws if there is none.
    mutating func skip(past s: StaticString) throws {
        while i < bytes.count {
            if starts(s) { i += s.utf8CodeUnitCount; return }
            i += 1
        }
        throw XMLError()
    }

    @discardableResult
    mutating func skipSpace() -> Bool {
        let start = i
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        return i > start
    }
}
