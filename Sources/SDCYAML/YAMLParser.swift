import CLibYAML
import SDCDiagnostics

/// Reads a YAML stream into `Document`s with libyaml's event parser.
///
/// Anchors and aliases are resolved (an alias shares its anchor's storage, so memory stays small), merge keys
/// (`<<`) are applied as Kubernetes' reader does, duplicate keys are errors, and every limit in `YAMLLimits`
/// is enforced while reading. The first problem ends the parse: libyaml cannot recover, and a later error
/// in a broken stream would only mislead.
public struct YAMLParser: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Parses every document of `bytes`; `file` names the input in locations (`-` reads as `<stdin>`).
    /// - Throws: `Diagnostic` with rule `yaml-*` and the location of the problem.
    public func parse(_ bytes: [UInt8], file: String) throws -> [Document] {
        guard bytes.count <= limits.maxInputBytes else {
            throw Diagnostic.error(
                "yaml-input-too-large",
                "input is \(bytes.count) bytes, over the limit of \(limits.maxInputBytes)",
                fix: "split the input, or raise the limit with --max-input-size",
                at: Location(file: file, line: 1, column: 1))
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            var builder = TreeBuilder(file: file, limits: limits, input: buffer)
            return try builder.run()
        }
    }

    public func parse(_ text: String, file: String) throws -> [Document] {
        try parse(Array(text.utf8), file: file)
    }
}

/// Turns libyaml events into nodes. One per parse; not reusable.
private struct TreeBuilder {
    let file: String
    /// `file` interned once, so each node's origin is made without a look-up.
    private let fileID: UInt32
    let limits: YAMLLimits
    let input: UnsafeBufferPointer<UInt8>

    private var stack: [Frame] = []
    private var anchors: [String: (node: Node, weight: Int)] = [:]
    private var documents: [Document] = []
    private var documentStart = Location(file: "", line: 1, column: 1)
    private var documentNodes = 0
    private var root: Node?

    init(file: String, limits: YAMLLimits, input: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.fileID = SourceFileNames.id(of: file)
        self.limits = limits
        self.input = input
    }

    /// A collection being read: its children so far (a mapping's alternate key, value, key…).
    private struct Frame {
        var isMapping: Bool
        var location: Location
        var anchor: String?
        var items: [Node] = []
        var weight = 1
        /// Where each key of the mapping was written, in order: key `k` is `items[2 * k]`, whose text is the key
        /// as Kubernetes' JSON sees it (`1`, `"1"` and `01` collide).
        var keyLocations: [Location] = []
        /// Key text to its index, built only once a mapping is large: most mappings have a few keys, for which a
        /// scan beats hashing and a dictionary per mapping.
        var keyIndex: [String: Int]?
        var pendingMergeKey = false
        var mergeSources: [Node] = []

        /// Where key `identity` was first written in this mapping, if it was.
        func location(ofKey identity: String) -> Location? {
            if let keyIndex { return keyIndex[identity].map { keyLocations[$0] } }
            for k in keyLocations.indices where items[2 * k].scalarText == identity { return keyLocations[k] }
            return nil
        }

        /// Records the key just appended to `items`.
        mutating func recordKey(_ identity: String, at location: Location) {
            keyLocations.append(location)
            if keyIndex != nil {
                keyIndex![identity] = keyLocations.count - 1
            } else if keyLocations.count >= 16 {
                keyIndex = Dictionary(keyLocations.indices.map { (items[2 * $0].scalarText ?? "", $0) }, uniquingKeysWith: { a, _ in a })
            }
        }
    }

    mutating func run() throws -> [Document] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            throw Diagnostic.error("yaml-internal", "libyaml could not initialise a parser")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, input.baseAddress ?? emptyInput, input.count)

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) != 0 else {
                throw syntaxError(parser)
            }
            defer { yaml_event_delete(&event) }
            let done = try handle(&event)
            if done { return documents }
        }
    }

    private mutating func handle(_ event: inout yaml_event_t) throws -> Bool {
        let location = mark(event.start_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            guard documents.count < limits.maxDocuments else {
                throw Diagnostic.error(
                    "yaml-too-many-documents", "more than \(limits.maxDocuments) documents in one input",
                    fix: "split the input into several files, or raise the limit with --max-documents", at: location)
            }
            documentStart = location
            anchors.removeAll(keepingCapacity: true)
            documentNodes = 0
            root = nil
        case YAML_DOCUMENT_END_EVENT:
            documents.append(Document(root: root ?? .null, location: documentStart))
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = string(s.value, s.length)
            let scalar = try makeScalar(
                text: text, tag: optionalString(s.tag), style: s.style,
                plainImplicit: s.plain_implicit != 0, at: location)
            try count(1, at: location)
            try append(Node(.scalar(scalar), origin: origin(location)), weight: 1, anchor: optionalString(s.anchor))
        case YAML_SEQUENCE_START_EVENT:
            try push(isMapping: false, anchor: optionalString(event.data.sequence_start.anchor), at: location)
        case YAML_MAPPING_START_EVENT:
            try push(isMapping: true, anchor: optionalString(event.data.mapping_start.anchor), at: location)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            var frame = stack.removeLast()
            let node: Node
            if frame.isMapping {
                applyMerges(&frame)
                var pairs: [Node.Pair] = []
                pairs.reserveCapacity(frame.items.count / 2)
                var i = 0
                while i + 1 < frame.items.count {
                    pairs.append(Node.Pair(key: frame.items[i], value: frame.items[i + 1]))
                    i += 2
                }
                node = Node(.mapping(pairs), origin: origin(frame.location))
            } else {
                node = Node(.sequence(frame.items), origin: origin(frame.location))
            }
            try append(node, weight: frame.weight, anchor: frame.anchor)
        case YAML_ALIAS_EVENT:
            let name = optionalString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw Diagnostic.error(
                    "yaml-undefined-alias", "alias *\(name) refers to no anchor defined before it",
                    fix: "define &\(name) earlier in the same document", at: location)
            }
            try count(target.weight, at: location, viaAlias: name)
            try append(target.node, weight: target.weight, anchor: nil, at: location)
        default:
            break
        }
        return false
    }

    private mutating func push(isMapping: Bool, anchor: String?, at location: Location) throws {
        guard stack.count < limits.maxDepth else {
            throw Diagnostic.error(
                "yaml-too-deep", "nesting deeper than \(limits.maxDepth) levels",
                fix: "flatten the document (no Kubernetes object nests this deep), or raise the limit with --max-depth",
                at: location)
        }
        try count(1, at: location)
        stack.append(Frame(isMapping: isMapping, location: location, anchor: anchor))
    }

    private mutating func count(_ n: Int, at location: Location, viaAlias alias: String? = nil) throws {
        documentNodes += n
        guard documentNodes <= limits.maxNodesPerDocument else {
            let why = alias.map { "expanding alias *\($0) makes" } ?? "the document has"
            throw Diagnostic.error(
                alias == nil ? "yaml-too-many-nodes" : "yaml-alias-expansion",
                "\(why) more than \(limits.maxNodesPerDocument) nodes",
                fix: alias == nil
                    ? "split the document, or raise the limit with --max-nodes"
                    : "this looks like an alias bomb; write the data out, or raise the limit with --max-nodes",
                at: location)
        }
    }

    /// Adds a finished node to its parent (or makes it the document root).
    private mutating func append(_ node: Node, weight: Int, anchor: String?, at useSite: Location? = nil) throws {
        if let anchor { anchors[anchor] = (node, weight) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].weight += weight
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        let location = useSite ?? node.location ?? stack[top].location
        if stack[top].pendingMergeKey {
            stack[top].pendingMergeKey = false
            try addMergeSource(node, at: location, frame: top)
        } else if stack[top].items.count % 2 == 0 {
            try addKey(node, at: location, frame: top)
        } else {
            stack[top].items.append(node)
        }
    }

    private mutating func addKey(_ key: Node, at location: Location, frame top: Int) throws {
        guard let scalar = key.scalar else {
            throw Diagnostic.error(
                "yaml-complex-key", "a mapping key must be a scalar, not \(key.kindDescription)",
                fix: "Kubernetes objects are JSON: use a string key", at: location)
        }
        if scalar.style == .plain, scalar.text == "<<", scalar.customTag == nil {
            stack[top].pendingMergeKey = true
            return
        }
        // Characters are never more than UTF-8 bytes: count them only for a long key.
        guard scalar.text.utf8.count <= limits.maxKeyLength || scalar.text.count <= limits.maxKeyLength else {
            throw Diagnostic.error(
                "yaml-key-too-long", "mapping key of \(scalar.text.count) characters, over \(limits.maxKeyLength)",
                fix: "shorten the key, or raise the limit with --max-key-length", at: location)
        }
        let identity = ScalarFormatting.text(for: scalar.value, original: scalar.text)
        if let first = stack[top].location(ofKey: identity) {
            throw Diagnostic.error(
                "yaml-duplicate-key",
                "duplicate mapping key \"\(identity)\" (first defined at line \(first.line), column \(first.column))",
                fix: "remove one of them; Kubernetes would silently keep only the last", at: location)
        }
        // Kubernetes turns every key into a JSON string (`1:` is "1", `n:` is "false"); keep keys that way so
        // lookups, duplicate checks and the emitter all agree with what the API server receives.
        stack[top].items.append(scalar.value.isString ? key : Node(.scalar(Scalar(string: identity)), origin: key.origin))
        stack[top].recordKey(identity, at: location)
    }

    private mutating func addMergeSource(_ value: Node, at location: Location, frame top: Int) throws {
        switch value.content {
        case .mapping:
            stack[top].mergeSources.append(value)
        case .sequence(let items) where items.allSatisfy(\.isMapping):
            stack[top].mergeSources.append(contentsOf: items)
        default:
            throw Diagnostic.error(
                "yaml-merge", "a merge key (<<) takes a mapping or a list of mappings, not \(value.kindDescription)",
                at: location)
        }
    }

    /// YAML merge keys: explicit keys win, then earlier sources over later ones.
    private func applyMerges(_ frame: inout Frame) {
        for source in frame.mergeSources {
            for pair in source.pairs ?? [] {
                guard let scalar = pair.key.scalar else { continue }
                let identity = ScalarFormatting.text(for: scalar.value, original: scalar.text)
                guard frame.location(ofKey: identity) == nil else { continue }
                frame.items.append(pair.key)
                frame.recordKey(identity, at: pair.key.location ?? frame.location)
                frame.items.append(pair.value)
            }
        }
    }

    private func makeScalar(
        text: String, tag: String?, style: yaml_scalar_style_t, plainImplicit: Bool, at location: Location
    ) throws -> Scalar {
        let scalarStyle: ScalarStyle =
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
        guard let tag, tag != "!" else {
            let value = scalarStyle == .plain && plainImplicit ? KubernetesScalarResolver.resolve(text) : .string
            return Scalar(text: text, style: scalarStyle, value: value)
        }
        let core = "tag:yaml.org,2002:"
        guard tag.hasPrefix(core) else {
            return Scalar(text: text, style: scalarStyle, value: .string, customTag: tag)
        }
        let resolved = KubernetesScalarResolver.resolve(text)
        let value: ScalarValue?
        switch tag.dropFirst(core.count) {
        case "str": value = .string
        case "null": value = resolved == .null ? .null : nil
        case "bool": value = if case .bool = resolved { resolved } else { nil }
        case "int": value = if case .int = resolved { resolved } else if case .uint = resolved { resolved } else { nil }
        case "float":
            switch resolved {
            case .float: value = resolved
            case .int(let i): value = .float(Double(i))
            case .uint(let u): value = .float(Double(u))
            default: value = nil
            }
        default:
            return Scalar(text: text, style: scalarStyle, value: .string, customTag: tag)
        }
        guard let value else {
            let name = "!!" + tag.dropFirst(core.count)
            throw Diagnostic.error(
                "yaml-tag", "\"\(text)\" is not a valid \(name) value", fix: "remove the tag or fix the value",
                at: location)
        }
        return Scalar(text: text, style: scalarStyle, value: value)
    }

    // MARK: libyaml plumbing

    private func origin(_ location: Location) -> NodeOrigin { NodeOrigin(location, fileID: fileID) }

    private func mark(_ m: yaml_mark_t) -> Location {
        Location(file: file, line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown YAML error"
        if parser.error == YAML_READER_ERROR {
            var message = problem
            if problem.contains("UTF-8") || problem.contains("control characters") {
                message += " (byte 0x\(String(UInt8(truncatingIfNeeded: parser.problem_value), radix: 16)))"
            }
            return Diagnostic.error(
                "yaml-encoding", message, fix: "YAML input must be UTF-8 text",
                at: locationOfOffset(Int(parser.problem_offset)))
        }
        var message = problem
        var location = mark(parser.problem_mark)
        if let context = parser.context.map({ String(cString: $0) }) {
            let at = mark(parser.context_mark)
            if problem.contains("end of stream"), context.contains("quoted scalar") {
                // The end of the file is not where the mistake is: point at the quote that never closes.
                message = "unclosed quote: \(problem) (\(context) that starts here)"
                location = at
            } else {
                message += " (\(context) at line \(at.line), column \(at.column))"
            }
        }
        return Diagnostic.error("yaml-syntax", message, fix: hint(for: problem), at: location)
    }

    private func hint(for problem: String) -> String? {
        if problem.contains("cannot start any token") || problem.contains("tab character") {
            return "YAML forbids tabs for indentation; indent with spaces"
        }
        if problem.contains("end of stream") {
            return "close the quote or bracket that is still open"
        }
        if problem.contains("mapping values are not allowed") {
            return "check the indentation, or quote a value that contains ': '"
        }
        return nil
    }

    /// libyaml reports encoding errors as a byte offset; turn it into line and character column.
    private func locationOfOffset(_ offset: Int) -> Location {
        var line = 1
        var column = 1
        for byte in input.prefix(min(offset, input.count)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Location(file: file, line: line, column: column)
    }
}

nonisolated(unsafe) private let emptyInput: UnsafePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    p.initialize(to: 0)
    return UnsafePointer(p)
}()
