import SDCModel
import SDCYAML

/// Small edits on container and pod-spec nodes, named after what the operator does to its Go structs.
extension Node {
    var name: String? { self["name"]?.string }

    var listItems: [Node] { sequence ?? [] }

    static func envVar(_ name: String, _ value: String) -> Node {
        // EnvVar.value is omitempty: an empty value leaves only the name (§6.3 PREDICTIVE_UNIT_IMAGE).
        value.isEmpty ? .mapping([("name", .string(name))]) : .mapping([("name", .string(name)), ("value", .string(value))])
    }

    static func port(_ name: String?, _ number: Int) -> Node {
        var pairs: [(String, Node)] = []
        if let name { pairs.append(("name", .string(name))) }
        pairs += [("containerPort", .int(number)), ("protocol", .string("TCP"))]
        return .mapping(pairs)
    }

    static func mount(_ name: String, _ path: String, readOnly: Bool = false) -> Node {
        var pairs: [(String, Node)] = [("name", .string(name)), ("mountPath", .string(path))]
        if readOnly { pairs.append(("readOnly", .bool(true))) }
        return .mapping(pairs)
    }

    func hasItem(_ list: String, named name: String) -> Bool {
        (self[list]?.listItems ?? []).contains { $0.name == name }
    }

    func item(_ list: String, named name: String) -> Node? {
        (self[list]?.listItems ?? []).first { $0.name == name }
    }

    mutating func append(_ list: String, _ item: Node) {
        editItems(list) { $0.append(item) }
    }

    /// Appends unless an entry of that name exists.
    mutating func appendIfAbsent(_ list: String, _ item: Node) {
        guard let n = item.name, !hasItem(list, named: n) else { return }
        append(list, item)
    }

    /// Replaces the first entry of that name in place, else appends.
    mutating func replaceOrAppend(_ list: String, _ item: Node) {
        editItems(list) { items in
            if let i = items.firstIndex(where: { $0.name == item.name }) { items[i] = item } else { items.append(item) }
        }
    }

    func portNumber(named name: String) -> Int? {
        guard let p = item("ports", named: name), let s = p["containerPort"]?.scalar, case .int(let i) = s.value else { return nil }
        return Int(i)
    }

    var isEmptyString: Bool { string?.isEmpty ?? (isNull) }

    /// Sets a string field when it is absent or empty.
    mutating func fillString(_ key: String, _ value: String) {
        if self[key]?.string?.isEmpty ?? true, self[key] == nil || self[key]!.isNull || self[key]!.string != nil {
            self[key] = .string(value)
        }
    }

    /// The containers of a pod spec, edited by name.
    mutating func updateContainer(_ name: String, _ body: (inout Node) -> Void) -> Bool {
        guard hasItem("containers", named: name) else { return false }
        editItems("containers") { items in
            if let i = items.firstIndex(where: { $0.name == name }) { body(&items[i]) }
        }
        return true
    }
}

extension StringMap {
    var node: Node { .mapping(sortedEntries.map { ($0.key, .string($0.value)) }) }
}
