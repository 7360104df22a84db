import SDCDiagnostics

/// How a scalar was written. The emitter chooses styles itself; this is kept so later stages can tell
/// `"true"` (a string) from `true` (a boolean) and so diagnostics can quote the source faithfully.
public enum ScalarStyle: Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}

/// A scalar: its text as written (after unescaping), its style, and what it resolves to.
///
/// Equality is by meaning, as a reader sees it: style never counts, and the text counts only for strings
/// (`0x1F` equals `31`, `"abc"` equals `abc`, `.nan` equals `.NaN`).
public struct Scalar: Sendable, Hashable {
    public var text: String
    public var style: ScalarStyle
    /// The resolved type, following Kubernetes' reader (`KubernetesScalarResolver`) for plain untagged text.
    public var value: ScalarValue
    /// An explicit tag that is not one of the core `!!str/!!int/!!float/!!bool/!!null` tags, kept verbatim.
    public var customTag: String?

    public init(text: String, style: ScalarStyle, value: ScalarValue, customTag: String? = nil) {
        self.text = text
        self.style = style
        self.value = value
        self.customTag = customTag
    }

    /// A string scalar; the emitter decides how to quote it.
    public init(string: String) {
        self.init(text: string, style: .plain, value: .string)
    }

    public static func == (lhs: Scalar, rhs: Scalar) -> Bool {
        guard lhs.customTag == rhs.customTag else { return false }
        switch (lhs.value, rhs.value) {
        case (.string, .string): return lhs.text == rhs.text
        case let (.float(a), .float(b)): return a == b || (a.isNaN && b.isNaN)
        default: return lhs.value == rhs.value
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(customTag)
        switch value {
        case .string: hasher.combine(text)
        case .float(let d) where d.isNaN: hasher.combine("nan")
        default: hasher.combine(value)
        }
    }
}

/// One node of a YAML document tree. Mappings keep source order; every parsed node knows where it came from.
///
/// Equality and hashing cover content only, never locations: two documents that read the same are equal.
public struct Node: Sendable {
    public enum Content: Sendable, Hashable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public struct Pair: Sendable, Hashable {
        public var key: Node
        public var value: Node

        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    public var content: Content
    /// Where the node starts in its input, packed so copying a node touches no file name.
    public var origin: NodeOrigin

    /// Where the node starts in its input; nil for nodes sdc generated.
    public var location: Location? {
        get { origin.location }
        set { origin = NodeOrigin(newValue) }
    }

    public init(_ content: Content, at location: Location? = nil) {
        self.content = content
        self.origin = NodeOrigin(location)
    }

    /// A node from the same place as another (`Node(edited, origin: old.origin)`), without a name look-up.
    public init(_ content: Content, origin: NodeOrigin) {
        self.content = content
        self.origin = origin
    }
}

extension Node: Hashable {
    public static func == (lhs: Node, rhs: Node) -> Bool { lhs.content == rhs.content }
    public func hash(into hasher: inout Hasher) { hasher.combine(content) }
}

// MARK: - Building nodes

extension Node {
    public static func string(_ s: String, at location: Location? = nil) -> Node {
        Node(.scalar(Scalar(string: s)), at: location)
    }

    public static func int(_ i: Int, at location: Location? = nil) -> Node {
        Node(.scalar(Scalar(text: String(i), style: .plain, value: .int(Int64(i)))), at: location)
    }

    public static func bool(_ b: Bool, at location: Location? = nil) -> Node {
        Node(.scalar(Scalar(text: b ? "true" : "false", style: .plain, value: .bool(b))), at: location)
    }

    public static func float(_ d: Double, at location: Location? = nil) -> Node {
        Node(.scalar(Scalar(text: ScalarFormatting.float(d), style: .plain, value: .float(d))), at: location)
    }

    public static var null: Node { Node(.scalar(Scalar(text: "null", style: .plain, value: .null))) }

    public static func sequence(_ items: [Node], at location: Location? = nil) -> Node {
        Node(.sequence(items), at: location)
    }

    /// A mapping from string keys, in the order given.
    public static func mapping(_ pairs: [(String, Node)], at location: Location? = nil) -> Node {
        Node(.mapping(pairs.map { Pair(key: .string($0.0), value: $0.1) }), at: location)
    }

    public static var emptyMapping: Node { Node(.mapping([])) }
    public static var emptySequence: Node { Node(.sequence([])) }
}

// MARK: - Reading nodes

extension Node {
    public var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The text of a scalar that resolves to a string; nil for anything else (numbers, null, collections).
    public var string: String? {
        if case .scalar(let s) = content, s.value.isString { return s.text }
        return nil
    }

    /// The text of any scalar, whatever it resolves to (`9000`, `true`, `abc`).
    public var scalarText: String? { scalar?.text }

    public var isNull: Bool {
        if case .scalar(let s) = content, s.value == .null { return true }
        return false
    }

    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var pairs: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    public var isMapping: Bool { pairs != nil }
    public var isSequence: Bool { sequence != nil }

    /// The value under a string key of a mapping (the first, should a generated node repeat one).
    public subscript(key: String) -> Node? {
        get {
            guard case .mapping(let pairs) = content else { return nil }
            return pairs.first { $0.key.scalarText == key }?.value
        }
        set {
            guard case .mapping(var pairs) = content else { return }
            // Drop the node's own reference first, so `pairs` is edited in place rather than copied.
            content = .sequence([])
            if let i = pairs.firstIndex(where: { $0.key.scalarText == key }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                pairs.append(Pair(key: .string(key), value: newValue))
            }
            content = .mapping(pairs)
        }
    }

    /// Edits the items of the list under `key` in place (none when it is absent or not a list; the key is added
    /// at the end when absent). Taking the items out first keeps their storage unshared, so appends don't copy.
    public mutating func editItems(_ key: String, _ body: (inout [Node]) -> Void) {
        var items = self[key]?.sequence ?? []
        self[key] = .emptySequence
        body(&items)
        self[key] = .sequence(items)
    }

    /// A short name of the node's kind for messages: "a mapping", "a string"…
    public var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let s):
            switch s.value {
            case .null: "null"
            case .bool: "a boolean"
            case .int, .uint: "an integer"
            case .float: "a number"
            case .string: "a string"
            }
        }
    }
}

/// A document: its root node and where it starts.
public struct Document: Sendable, Hashable {
    public var root: Node
    public var location: Location

    public init(root: Node, location: Location) {
        self.root = root
        self.location = location
    }
}
