import SDCDiagnostics
import SDCYAML

/// One values file already parsed by the CLI: its root node and its name for messages.
public struct ValuesFile: Sendable {
    public var root: Node
    public var name: String
    public init(root: Node, name: String) {
        self.root = root
        self.name = name
    }
}

/// Builds the effective operator configuration with helm's precedence: chart defaults, then each `-f` file in
/// order (deep merge, later wins, `null` deletes), then every `--set`, then every `--set-string` (render.md §2).
public struct ValuesLoader: Sendable {
    public init() {}

    public struct Loaded: Sendable {
        public var values: Values
        public var diagnostics: [Diagnostic]
        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public func load(files: [ValuesFile], set: [String], setString: [String]) throws -> Loaded {
        let defaults = try YAMLParser().parse(ChartDefaults.yaml, file: "<chart defaults>")[0].root
        var tree = defaults
        var diagnostics: [Diagnostic] = []
        for file in files {
            if file.root.isNull { continue }
            guard file.root.isMapping else {
                diagnostics.append(
                    .error("values-not-a-mapping", "\(file.name) must hold a mapping of values, not \(file.root.kindDescription)",
                        at: file.root.location))
                continue
            }
            diagnostics += unknownKeys(file.root, defaults: defaults, path: "")
            tree = Self.merge(tree, file.root)
        }
        for (flag, list, typed) in [("--set", set, true), ("--set-string", setString, false)] {
            for text in list {
                do {
                    let arg = try SetArgument(text, typed: typed)
                    var overlay = Node.emptyMapping
                    arg.apply(to: &overlay)
                    diagnostics += unknownKeys(overlay, defaults: defaults, path: "", origin: "\(flag) \(text)")
                    tree = Self.merge(tree, overlay)
                } catch {
                    diagnostics.append(.error("values-set-syntax", "\(flag) \(text): \(error)"))
                }
            }
        }
        var reader = ValuesDecoder()
        let values = reader.decode(tree)
        return Loaded(values: values, diagnostics: diagnostics + reader.diagnostics)
    }

    /// Helm's coalescing of two values trees: mappings merge key by key, anything else replaces, `null` deletes.
    public static func merge(_ base: Node, _ overlay: Node) -> Node {
        guard let overlayPairs = overlay.pairs, base.isMapping else { return overlay }
        var result = base
        for pair in overlayPairs {
            guard let key = pair.key.scalarText else { continue }
            if pair.value.isNull {
                result[key] = nil
            } else if let existing = result[key], existing.isMapping, pair.value.isMapping {
                result[key] = merge(existing, pair.value)
            } else {
                result[key] = pair.value.isMapping ? merge(.emptyMapping, pair.value) : pair.value
            }
        }
        return result
    }

    /// Keys the chart does not know are warned about, naming the key; `predictor_servers` accepts new servers.
    private func unknownKeys(_ node: Node, defaults: Node, path: String, origin: String? = nil) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for pair in node.pairs ?? [] {
            guard let key = pair.key.scalarText else { continue }
            let full = path.isEmpty ? key : "\(path).\(key)"
            if ChartDefaults.opaqueKeys.contains(full) || full == "predictor_servers" { continue }
            guard let known = defaults[key] else {
                found.append(
                    .warning(
                        "values-unknown-key", "unknown values key \(full)\(origin.map { " (from \($0))" } ?? ""): it has no effect on the render",
                        fix: "check the spelling against the seldon-core-operator chart", at: pair.key.location, path: full))
                continue
            }
            if known.isMapping, pair.value.isMapping {
                found += unknownKeys(pair.value, defaults: known, path: full, origin: origin)
            }
        }
        return found
    }
}
