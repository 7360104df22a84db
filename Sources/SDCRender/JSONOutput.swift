import SDCYAML

/// `-o json`: the objects as a `v1` `List`, indented like `kubectl get -o json` (four spaces, keys in `KeyOrder`
/// whatever order the tree holds them in).
public enum JSONOutput {
    public static func list(_ objects: [Node]) -> String {
        list(items: objects.map(item))
    }

    /// One object as it appears inside the List's `items`, so objects can be written one at a time.
    public static func item(_ object: Node) -> String {
        var out = GoJSON()
        write(object, indent: 8, into: &out)
        return out.text
    }

    /// The List around items written by `item`, in parts, so the items can be written without joining them.
    public static func listParts(empty: Bool) -> (head: String, separator: String, tail: String) {
        let head = "{\n    \"apiVersion\": \"v1\",\n    \"items\": " + (empty ? "[]" : "[\n        ")
        let tail = (empty ? "" : "\n    ]") + ",\n    \"kind\": \"List\"\n}\n"
        return (head, ",\n        ", tail)
    }

    /// The List around items already written by `item`.
    public static func list(items: [String]) -> String {
        let parts = listParts(empty: items.isEmpty)
        return parts.head + items.joined(separator: parts.separator) + parts.tail
    }

    private static func write(_ node: Node, indent: Int, into out: inout GoJSON) {
        switch node.content {
        case .scalar:
            out.scalar(node)
        case .sequence(let items):
            if items.isEmpty {
                out.raw("[]")
                return
            }
            out.raw("[\n")
            for (i, item) in items.enumerated() {
                out.spaces(indent + 4)
                write(item, indent: indent + 4, into: &out)
                out.raw(i == items.count - 1 ? "\n" : ",\n")
            }
            out.spaces(indent)
            out.raw("]")
        case .mapping(let pairs):
            if pairs.isEmpty {
                out.raw("{}")
                return
            }
            out.raw("{\n")
            // Keys in `KeyOrder`, as in the YAML output, whatever order the tree holds them in.
            let order = Node.keyOrder(of: pairs)
            for i in pairs.indices {
                let pair = pairs[order?[i] ?? i]
                out.spaces(indent + 4)
                out.string(pair.key.scalarText ?? "")
                out.raw(": ")
                write(pair.value, indent: indent + 4, into: &out)
                out.raw(i == pairs.count - 1 ? "\n" : ",\n")
            }
            out.spaces(indent)
            out.raw("}")
        }
    }
}
