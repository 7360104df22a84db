/// Adds end-of-line comments to emitted YAML. libyaml's emitter cannot write comments, so this works on its text:
/// the text is parsed back, each node's path (`spec.template.spec.containers[0].env`) is mapped to the line of its
/// key (or of its `- ` for a list item), and ` # note` is appended to that line. The result is parsed again and must
/// equal the original content; if a comment would change a value (a multi-line scalar), no comment is added at all.
public struct LineComments: Sendable {
    /// Notes by path; `""` is the whole document, written on the `kind:` line, where a reader looks for it.
    public var notes: [String: String]

    public init(_ notes: [String: String]) {
        self.notes = notes
    }

    /// `text` (one document, as `YAMLEmitter.emitDocument` writes it) with the notes as comments.
    public func apply(to text: String) -> String {
        guard !notes.isEmpty, let original = try? YAMLParser().parse(text, file: "emitted").first?.root else { return text }
        // One comment a line: the outermost note wins (`- env:` is a list item's line before it is `env`'s).
        var byLine: [Int: String] = [:]
        visit(original, path: "") { path, line in
            if path == "kind", let note = notes[""] { byLine[line] = byLine[line] ?? note }
            if let note = notes[path] { byLine[line] = byLine[line] ?? note }
        }
        guard !byLine.isEmpty else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (line, note) in byLine where line >= 1 && line <= lines.count {
            lines[line - 1] += " # " + note
        }
        let commented = lines.joined(separator: "\n")
        // The comments must be invisible to every YAML reader: same content, or no comments.
        guard let reread = try? YAMLParser().parse(commented, file: "emitted").first?.root, reread == original else { return text }
        return commented
    }

    /// Every key and list item with its path and the line it starts on, in document order.
    private func visit(_ node: Node, path: String, _ body: (String, Int) -> Void) {
        switch node.content {
        case .mapping(let pairs):
            for pair in pairs {
                guard let key = pair.key.scalarText else { continue }
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let line = pair.key.location?.line { body(child, line) }
                visit(pair.value, path: child, body)
            }
        case .sequence(let items):
            for (i, item) in items.enumerated() {
                let child = "\(path)[\(i)]"
                if let line = item.location?.line { body(child, line) }
                visit(item, path: child, body)
            }
        case .scalar:
            break
        }
    }
}
