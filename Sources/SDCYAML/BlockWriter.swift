/// libyaml's block emitter, redone in Swift for the documents sdc writes most: a mapping or list whose scalars are
/// printable ASCII on one line, keys of at most 128 bytes, no tags. Driving libyaml event by event cost more than
/// the rest of a render; this writes the same bytes straight into one buffer.
///
/// It follows libyaml 0.2.5's `emitter.c` step for step (indent, column, `whitespace`, `indention`; block
/// sequences indentless under a key; empty collections as `{}`/`[]`; plain text libyaml refuses goes single-quoted)
/// with its settings from `YAMLEmitter` (indent 2, no width limit). Anything outside that subset returns nil and
/// `YAMLEmitter` asks libyaml instead, so the output never depends on which path ran (`BlockWriterTests`).
struct BlockWriter {
    private(set) var bytes: [UInt8] = []
    private var column = 0
    private var indent = -1
    private var whitespace = true
    private var indention = true
    /// Write every mapping's pairs in `KeyOrder` rather than as stored.
    private var sortingKeys = false

    /// The document as libyaml writes it (ending in a newline), or nil when libyaml must write it.
    static func document(_ root: Node, sortingKeys: Bool = false) -> [UInt8]? {
        guard !root.isScalar else { return nil }
        var writer = BlockWriter()
        writer.sortingKeys = sortingKeys
        writer.bytes.reserveCapacity(1024)
        guard writer.node(root, inMapping: false, simpleKey: false) else { return nil }
        // DOCUMENT-END: write_indent breaks the last line.
        writer.writeIndent()
        return writer.bytes
    }

    private mutating func node(_ node: Node, inMapping: Bool, simpleKey: Bool) -> Bool {
        switch node.content {
        case .scalar(let scalar):
            return self.scalar(scalar, simpleKey: simpleKey)
        case .sequence(let items):
            guard !items.isEmpty else {
                writeIndicator(UInt8(ascii: "["), needWhitespace: true, isWhitespace: true, isIndention: false)
                writeIndicator(UInt8(ascii: "]"), needWhitespace: false, isWhitespace: false, isIndention: false)
                return true
            }
            let outer = indent
            increaseIndent(indentless: inMapping && !indention)
            for item in items {
                writeIndent()
                writeIndicator(UInt8(ascii: "-"), needWhitespace: true, isWhitespace: false, isIndention: true)
                guard self.node(item, inMapping: false, simpleKey: false) else { return false }
            }
            indent = outer
            return true
        case .mapping(let pairs):
            guard !pairs.isEmpty else {
                writeIndicator(UInt8(ascii: "{"), needWhitespace: true, isWhitespace: true, isIndention: false)
                writeIndicator(UInt8(ascii: "}"), needWhitespace: false, isWhitespace: false, isIndention: false)
                return true
            }
            let outer = indent
            increaseIndent(indentless: false)
            let order = sortingKeys ? Node.keyOrder(of: pairs) : nil
            for n in pairs.indices {
                let pair = pairs[order?[n] ?? n]
                writeIndent()
                // Only scalar keys are simple keys here; libyaml writes anything else as `? key`.
                guard pair.key.isScalar, self.node(pair.key, inMapping: true, simpleKey: true) else { return false }
                writeIndicator(UInt8(ascii: ":"), needWhitespace: false, isWhitespace: false, isIndention: false)
                guard self.node(pair.value, inMapping: true, simpleKey: false) else { return false }
            }
            indent = outer
            return true
        }
    }

    /// The style `EventWriter.scalar` asks for, then libyaml's `select_scalar_style` and writers.
    private mutating func scalar(_ scalar: Scalar, simpleKey: Bool) -> Bool {
        guard scalar.customTag == nil else { return false }
        switch scalar.value {
        case .string:
            if writeIfPlainWord(scalar.text, simpleKey: simpleKey) { return true }
        case .int(let i):
            // Digits after an optional '-': always plain, whatever the readers (the path below says the same).
            var text = String(i)
            text.withUTF8 { writePlain($0) }
            return true
        default:
            break
        }
        var text = ScalarFormatting.text(for: scalar.value, original: scalar.text)
        let quoted = scalar.value.isString && PlainScalarSafety.needsQuotes(text)
        return text.withUTF8 { value in
            guard let analysis = ScalarAnalysis(value), !(simpleKey && value.count > 128) else { return false }
            if quoted {
                writeQuoted(value, quote: UInt8(ascii: "\""))
            } else if analysis.blockPlainAllowed {
                writePlain(value)
            } else {
                writeQuoted(value, quote: UInt8(ascii: "'"))
            }
            return true
        }
    }

    /// Most strings (keys, names, images, base64) start with a letter and hold no space, `:`, `#` or control
    /// byte. No reader takes those for anything but a string unless they are a short boolean or null word (first
    /// letter y/n/t/f/o, at most 5 bytes), and libyaml's analysis finds them plain: the answer of the path below
    /// in one pass, without the resolvers.
    private mutating func writeIfPlainWord(_ text: String, simpleKey: Bool) -> Bool {
        var text = text
        return text.withUTF8 { value in
            guard let first = value.first, Self.isASCIILetter(first), !(simpleKey && value.count > 128) else { return false }
            if value.count <= 5 {
                switch first | 0x20 {
                case UInt8(ascii: "y"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "o"): return false
                default: break
                }
            }
            guard !Self.hasNonWordByte(value) else { return false }
            writePlain(value)
            return true
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Whether any byte is a control byte, space, DEL or non-ASCII, `:` or `#`. Eight bytes at a time (the
    /// classic "has a zero byte" bit tricks, exact as yes/no answers): base64 env values run to kilobytes.
    private static func hasNonWordByte(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        var i = 0
        if let base = value.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= value.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Non-ASCII first; with that ruled out, `w - 0x21…` borrows into a high bit only below 0x21.
                if w & highs != 0 || (w &- 0x21 &* ones) & ~w & highs != 0 || hasZeroByte(w ^ (0x7F &* ones))
                    || hasZeroByte(w ^ (0x3A &* ones)) || hasZeroByte(w ^ (0x23 &* ones))
                {
                    return true
                }
                i += 8
            }
        }
        while i < value.count {
            let byte = value[i]
            if byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "#") { return true }
            i += 1
        }
        return false
    }

    // MARK: libyaml's writers

    private mutating func increaseIndent(indentless: Bool) {
        if indent < 0 {
            indent = 0
        } else if !indentless {
            indent += 2
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    private mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) {
            bytes.append(UInt8(ascii: "\n"))
            column = 0
        }
        if column < target {
            let count = target - column
            if count <= Self.spaces.count {
                // One copy from a row of spaces: appending a repeated element goes byte by byte.
                Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
            } else {
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
            }
            column = target
        }
        whitespace = true
        indention = true
    }

    private mutating func writeIndicator(_ indicator: UInt8, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace {
            bytes.append(UInt8(ascii: " "))
            column += 1
        }
        bytes.append(indicator)
        column += 1
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    private mutating func writePlain(_ value: UnsafeBufferPointer<UInt8>) {
        if !whitespace {
            bytes.append(UInt8(ascii: " "))
            column += 1
        }
        bytes.append(contentsOf: value)
        column += value.count
        whitespace = false
        indention = false
    }

    /// libyaml's quoted writers for one-line ASCII: single quotes double a quote; double quotes put a backslash
    /// before a quote or a backslash.
    private mutating func writeQuoted(_ value: UnsafeBufferPointer<UInt8>, quote: UInt8) {
        let escape = quote == UInt8(ascii: "'") ? quote : UInt8(ascii: "\\")
        writeIndicator(quote, needWhitespace: true, isWhitespace: false, isIndention: false)
        for byte in value {
            if byte == quote || byte == escape {
                bytes.append(escape)
                column += 1
            }
            bytes.append(byte)
            column += 1
        }
        writeIndicator(quote, needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }
}

/// libyaml's `analyze_scalar`, for printable ASCII without line breaks (nil otherwise, and for empty text): whether
/// a plain scalar is allowed in block context. Single quotes are then always allowed.
struct ScalarAnalysis {
    var blockPlainAllowed: Bool

    init?(_ s: UnsafeBufferPointer<UInt8>) {
        guard !s.isEmpty else { return nil }
        var blockIndicators = false
        if s.count >= 3, (s[0] == UInt8(ascii: "-") && s[1] == UInt8(ascii: "-") && s[2] == UInt8(ascii: "-"))
            || (s[0] == UInt8(ascii: ".") && s[1] == UInt8(ascii: ".") && s[2] == UInt8(ascii: "."))
        {
            blockIndicators = true
        }
        var precededByWhitespace = true
        for i in 0..<s.count {
            let c = s[i]
            guard c >= 0x20, c <= 0x7E else { return nil }
            let followedByWhitespace = i + 1 == s.count || s[i + 1] == UInt8(ascii: " ")
            if i == 0 {
                switch c {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                    UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                    UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                    UInt8(ascii: "`"):
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                    if followedByWhitespace { blockIndicators = true }
                default: break
                }
            } else if (c == UInt8(ascii: ":") && followedByWhitespace) || (c == UInt8(ascii: "#") && precededByWhitespace) {
                blockIndicators = true
            }
            precededByWhitespace = c == UInt8(ascii: " ")
        }
        let leadingOrTrailingSpace = s[0] == UInt8(ascii: " ") || s[s.count - 1] == UInt8(ascii: " ")
        blockPlainAllowed = !leadingOrTrailingSpace && !blockIndicators
    }
}

extension Node {
    var isScalar: Bool {
        if case .scalar = content { return true }
        return false
    }
}
