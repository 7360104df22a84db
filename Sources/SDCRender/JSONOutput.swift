import SDCYAML

/// `-o json`: the objects as a `v1` `List`, indented like `kubectl get -o json` (four spaces, keys in `KeyOrder`
/// whatever order the tree holds them in).
public enum JSONOutput {
    public static func list(_ objects: [Node]) -> String {
        list(items: objects.map(item))
    }

    /// One object as it appears inside the List's `items`, so objects can be written one at a time.
    public static func item(_ object: Node) -> String {
        var out = ""
        write(object, indent: 8, into: &out)
        return out
    }

    /// The List around items already written by `item`.
    public static func list(items: [String]) -> String {
        let body = items.isEmpty ? "[]" : "[\n" + items.map { "        " + $0 }.joined(separator: ",\n") + "\n    ]"
        return "{\n    \"apiVersion\": \"v1\",\n    \"items\": \(body),\n    \"kind\": \"List\"\n}\n"
    }

    private static func write(_ node: Node, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 4)
        let close = String(repeating: " ", count: indent)
        switch node.content {
        case .scalar:
            var j = GoJSON()
            j.scalar(node)
            out += j.text
        case .sequence(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 4, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case .mapping(let pairs):
            if pairs.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            // Keys in `KeyOrder`, as in the YAML output, whatever order the tree holds them in.
            let order = Node.keyOrder(of: pairs)
            for i in pairs.indices {
                let pair = pairs[order?[i] ?? i]
                out += pad + GoJSON.quote(pair.key.scalarText ?? "") + ": "
                write(pair.value, indent: indent + 4, into: &out)
                out += i == pairs.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        }
    }
}
