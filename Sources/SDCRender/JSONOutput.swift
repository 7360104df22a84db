import SDCYAML

/// `-o json`: the objects as a `v1` `List`, indented like `kubectl get -o json` (four spaces, keys as emitted).
public enum JSONOutput {
    public static func list(_ objects: [Node]) -> String {
        let list = Node.mapping([("apiVersion", .string("v1")), ("items", .sequence(objects)), ("kind", .string("List"))])
        var out = ""
        write(list, indent: 0, into: &out)
        return out + "\n"
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
            for (i, pair) in pairs.enumerated() {
                out += pad + GoJSON.quote(pair.key.scalarText ?? "") + ": "
                write(pair.value, indent: indent + 4, into: &out)
                out += i == pairs.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        }
    }
}
