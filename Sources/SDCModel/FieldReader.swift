import SDCDiagnostics
import SDCYAML

/// Reads typed fields out of a YAML node tree the way the API server's schema check would, collecting every
/// finding (with location and YAML path) instead of stopping at the first.
public struct FieldReader {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Location used when a node has none (generated nodes, missing keys): the enclosing document.
    public var fallback: Location?

    public init(fallback: Location? = nil) {
        self.fallback = fallback
    }

    public mutating func error(_ rule: String, _ message: String, fix: String? = nil, at node: Node?, path: String) {
        diagnostics.append(.error(rule, message, fix: fix, at: node?.location ?? fallback, path: path))
    }

    public mutating func warning(_ rule: String, _ message: String, fix: String? = nil, at node: Node?, path: String) {
        diagnostics.append(.warning(rule, message, fix: fix, at: node?.location ?? fallback, path: path))
    }

    public mutating func append(_ more: [Diagnostic]) { diagnostics += more }

    /// A child path: `spec` + `predictors` → `spec.predictors`.
    public static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// An optional string field; a null counts as absent (the API server drops nulls), any other type is an error.
    public mutating func string(_ parent: Node, _ key: String, path: String) -> String? {
        guard let node = parent[key], !node.isNull else { return nil }
        if let s = node.string { return s }
        error("schema-type", "\(Self.join(path, key)) must be a string, not \(node.kindDescription)", at: node, path: Self.join(path, key))
        return nil
    }

    public mutating func int(_ parent: Node, _ key: String, path: String) -> Int? {
        guard let node = parent[key], !node.isNull else { return nil }
        if case .scalar(let s) = node.content, case .int(let i) = s.value, let v = Int(exactly: i) { return v }
        error("schema-type", "\(Self.join(path, key)) must be an integer, not \(node.kindDescription)", at: node, path: Self.join(path, key))
        return nil
    }

    public mutating func bool(_ parent: Node, _ key: String, path: String) -> Bool? {
        guard let node = parent[key], !node.isNull else { return nil }
        if case .scalar(let s) = node.content, case .bool(let b) = s.value { return b }
        error("schema-type", "\(Self.join(path, key)) must be a boolean, not \(node.kindDescription)", at: node, path: Self.join(path, key))
        return nil
    }

    public mutating func mapping(_ parent: Node, _ key: String, path: String) -> Node? {
        guard let node = parent[key], !node.isNull else { return nil }
        if node.isMapping { return node }
        error("schema-type", "\(Self.join(path, key)) must be a mapping, not \(node.kindDescription)", at: node, path: Self.join(path, key))
        return nil
    }

    public mutating func list(_ parent: Node, _ key: String, path: String) -> [Node]? {
        guard let node = parent[key], !node.isNull else { return nil }
        if let items = node.sequence { return items }
        error("schema-type", "\(Self.join(path, key)) must be a list, not \(node.kindDescription)", at: node, path: Self.join(path, key))
        return nil
    }

    /// A `map[string]string` (labels, annotations): every value must be a string.
    public mutating func stringMap(_ parent: Node, _ key: String, path: String) -> StringMap {
        guard let node = mapping(parent, key, path: path) else { return StringMap() }
        var result = StringMap()
        for pair in node.pairs ?? [] {
            let k = pair.key.scalarText ?? ""
            if pair.value.isNull { continue }
            if let v = pair.value.string {
                result[k] = v
            } else {
                let p = Self.join(Self.join(path, key), k)
                error("schema-type", "\(p) must be a string, not \(pair.value.kindDescription)", fix: "quote the value", at: pair.value, path: p)
            }
        }
        return result
    }
}

/// A string-to-string map that remembers insertion order and lets later writes win, like a Go map written in
/// order; output order is always sorted, so the remembered order only matters for iteration.
///
/// Labels and annotations hold a handful of entries and the renderer writes thousands of such maps: values sit
/// beside their keys and are found by a linear search, which costs less than hashing (and growing) a dictionary.
/// Past `indexedFrom` entries a dictionary of positions keeps large maps linear to build.
public struct StringMap: Sendable, Hashable, Sequence {
    public private(set) var keys: [String] = []
    private var values: [String] = []
    /// Positions by key; only for maps of `indexedFrom` entries or more.
    private var positions: [String: Int]?
    private static let indexedFrom = 24

    public init() {}
    public init(_ pairs: [(String, String)]) {
        for (k, v) in pairs { self[k] = v }
    }

    private mutating func indexPositions() {
        positions = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) })
    }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return keys.firstIndex(of: key)
    }

    public subscript(key: String) -> String? {
        get { position(of: key).map { values[$0] } }
        set {
            if let newValue {
                if let i = position(of: key) {
                    values[i] = newValue
                    return
                }
                keys.append(key)
                values.append(newValue)
                if positions != nil {
                    positions![key] = keys.count - 1
                } else if keys.count >= Self.indexedFrom {
                    indexPositions()
                }
            } else if let i = position(of: key) {
                keys.remove(at: i)
                values.remove(at: i)
                if positions != nil { indexPositions() }
            }
        }
    }

    public var isEmpty: Bool { keys.isEmpty }
    public var count: Int { keys.count }
    public var sortedKeys: [String] { keys.sorted() }

    /// The entries by key, as `sortedKeys` orders them, without a look-up per key.
    public var sortedEntries: [(key: String, value: String)] {
        zip(keys, values).sorted { $0.0 < $1.0 }.map { (key: $0.0, value: $0.1) }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: String)]> {
        zip(keys, values).map { (key: $0.0, value: $0.1) }.makeIterator()
    }

    /// Writes every entry of `other` over this one, as the operator's `for k, v := range m { dst[k] = v }`.
    public mutating func merge(_ other: StringMap) {
        for (k, v) in zip(other.keys, other.values) { self[k] = v }
    }

    /// Equal when the same keys were written in the same order with the same values (the index is a cache).
    public static func == (lhs: StringMap, rhs: StringMap) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }
}
