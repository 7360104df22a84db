import CLibYAML
import SDCDiagnostics

/// Writes documents as YAML with libyaml's emitter, byte for byte the same on every run.
///
/// Block style, two-space indent, list items at their parent key's indentation (as kubectl prints), no line
/// folding, UTF-8 unescaped, documents separated by `---` with none before the first. Strings another reader
/// could take for a non-string are double-quoted (`PlainScalarSafety`); multi-line strings are literal blocks;
/// anything libyaml cannot write plain falls back to single quotes. Non-strings are written canonically
/// (`ScalarFormatting`), so the output means to Kubernetes exactly what the tree means.
public struct YAMLEmitter: Sendable {
    /// Whether mappings are written in `KeyOrder` (as `Node.sortingKeys()` would leave them) instead of as
    /// stored: the same text without building a sorted copy of the tree.
    public var sortingKeys: Bool

    public init(sortingKeys: Bool = false) {
        self.sortingKeys = sortingKeys
    }

    /// A stream of documents: each document as `emitDocument` writes it, joined by `---` lines.
    /// - Throws: `Diagnostic` (`yaml-emit`) only if libyaml refuses an event, which would be an sdc bug.
    public func emit(_ roots: [Node]) throws -> String {
        try roots.map(emitDocument).joined(separator: "---\n")
    }

    public func emit(_ root: Node) throws -> String { try emitDocument(root) }

    /// One document, with no `---` before it. Emitting documents one at a time lets a caller drop each tree as
    /// soon as it is written and reorder documents as text; `emit(_:)` is defined through this, so both agree.
    public func emitDocument(_ root: Node) throws -> String {
        if let bytes = BlockWriter.document(root, sortingKeys: sortingKeys) { return String(decoding: bytes, as: UTF8.self) }
        return try libyamlDocument(root)
    }

    /// The document written by libyaml itself: every shape, style and character `BlockWriter` leaves to it.
    func libyamlDocument(_ root: Node) throws -> String {
        let sink = OutputSink()
        var emitter = yaml_emitter_t()
        guard yaml_emitter_initialize(&emitter) != 0 else { throw emitError("could not initialise libyaml") }
        defer { yaml_emitter_delete(&emitter) }
        yaml_emitter_set_output(&emitter, writeToSink, Unmanaged.passUnretained(sink).toOpaque())
        yaml_emitter_set_unicode(&emitter, 1)
        yaml_emitter_set_indent(&emitter, 2)
        yaml_emitter_set_width(&emitter, -1)
        yaml_emitter_set_break(&emitter, YAML_LN_BREAK)

        let writer = EventWriter(emitter: &emitter, sortingKeys: sortingKeys)
        try writer.send { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) }
        try writer.send { yaml_document_start_event_initialize(&$0, nil, nil, nil, 1) }
        try writer.node(root)
        try writer.send { yaml_document_end_event_initialize(&$0, 1) }
        try writer.send { yaml_stream_end_event_initialize(&$0) }
        withExtendedLifetime(sink) {}
        // libyaml ends a document with `...` once a keep-chomped block (`|+`) appeared anywhere in it; the next
        // `---` or the end of the stream ends it just as well, and readers see the same content. Only a `...`
        // line is that marker: a plain scalar ending in dots (`key: wait...`) must keep them (found by fuzzing).
        if sink.bytes.count >= 5, sink.bytes.suffix(5).elementsEqual("\n...\n".utf8) {
            sink.bytes.removeLast(4)
        }
        return String(decoding: sink.bytes, as: UTF8.self)
    }
}

private final class OutputSink {
    var bytes: [UInt8] = []
}

private func writeToSink(
    _ data: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<UInt8>?, _ size: Int
) -> Int32 {
    guard let data, let buffer else { return 0 }
    let sink = Unmanaged<OutputSink>.fromOpaque(data).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
    return 1
}

private func emitError(_ message: String) -> Diagnostic {
    Diagnostic.error("yaml-emit", message, fix: "this is an sdc bug; please report it with the input")
}

private struct EventWriter {
    let emitter: UnsafeMutablePointer<yaml_emitter_t>
    let sortingKeys: Bool

    init(emitter: UnsafeMutablePointer<yaml_emitter_t>, sortingKeys: Bool) {
        self.emitter = emitter
        self.sortingKeys = sortingKeys
    }

    func send(_ initialize: (inout yaml_event_t) -> Int32) throws {
        var event = yaml_event_t()
        guard initialize(&event) != 0 else { throw emitError("libyaml rejected an event") }
        // yaml_emitter_emit takes ownership of the event, also on failure.
        guard yaml_emitter_emit(emitter, &event) != 0 else {
            let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown"
            throw emitError("libyaml could not write the document: \(problem)")
        }
    }

    func node(_ node: Node) throws {
        switch node.content {
        case .scalar(let scalar):
            try self.scalar(scalar)
        case .sequence(let items):
            try send { yaml_sequence_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE) }
            for item in items { try self.node(item) }
            try send { yaml_sequence_end_event_initialize(&$0) }
        case .mapping(let pairs):
            try send { yaml_mapping_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE) }
            let order = sortingKeys ? Node.keyOrder(of: pairs) : nil
            for n in pairs.indices {
                let pair = pairs[order?[n] ?? n]
                try self.node(pair.key)
                try self.node(pair.value)
            }
            try send { yaml_mapping_end_event_initialize(&$0) }
        }
    }

    private func scalar(_ scalar: Scalar) throws {
        var text = ScalarFormatting.text(for: scalar.value, original: scalar.text)
        let style: yaml_scalar_style_t
        if !scalar.value.isString {
            style = YAML_PLAIN_SCALAR_STYLE
        } else if text.utf8.contains(UInt8(ascii: "\n")) {
            style = YAML_LITERAL_SCALAR_STYLE
        } else if PlainScalarSafety.needsQuotes(text) {
            style = YAML_DOUBLE_QUOTED_SCALAR_STYLE
        } else {
            style = YAML_PLAIN_SCALAR_STYLE
        }
        let implicit: Int32 = scalar.customTag == nil ? 1 : 0
        try text.withUTF8 { value in
            try send { event in
                if let tag = scalar.customTag {
                    return tag.withCString { tagPointer in
                        tagPointer.withMemoryRebound(to: UInt8.self, capacity: tag.utf8.count + 1) { tagBytes in
                            yaml_scalar_event_initialize(
                                &event, nil, tagBytes, value.baseAddress ?? emptyBytes, Int32(value.count),
                                implicit, implicit, style)
                        }
                    }
                }
                return yaml_scalar_event_initialize(
                    &event, nil, nil, value.baseAddress ?? emptyBytes, Int32(value.count), implicit, implicit, style)
            }
        }
    }
}

nonisolated(unsafe) private let emptyBytes: UnsafePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    p.initialize(to: 0)
    return UnsafePointer(p)
}()
