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

/// Turns the merged values tree into `Values`, reporting values the operator could not use.
struct ValuesDecoder {
    var diagnostics: [Diagnostic] = []

    /// Helm renders these values into env vars or the ConfigMap as text.
    private func text(_ node: Node?) -> String? {
        guard let node, !node.isNull, let s = node.scalar else { return nil }
        return s.text
    }

    private mutating func port(_ tree: Node, _ path: [String], default value: Int) -> Int {
        let node = lookup(tree, path)
        guard let t = text(node), !t.isEmpty else { return value }
        guard let n = Int(t), n > 0, n < 65536 else {
            diagnostics.append(.error("values-invalid-port", "\(path.joined(separator: ".")) must be a port number, not \(t)", at: node?.location, path: path.joined(separator: ".")))
            return value
        }
        return n
    }

    private func lookup(_ tree: Node, _ path: [String]) -> Node? {
        var node: Node? = tree
        for k in path { node = node?[k] }
        return node
    }

    private func string(_ tree: Node, _ path: [String], _ fallback: String) -> String {
        text(lookup(tree, path)) ?? fallback
    }

    mutating func decode(_ tree: Node) -> Values {
        var v = Values()
        v.predictiveUnitHttpPort = port(tree, ["predictiveUnit", "httpPort"], default: 9000)
        v.predictiveUnitGrpcPort = port(tree, ["predictiveUnit", "grpcPort"], default: 9500)
        v.predictiveUnitMetricsPortName = string(tree, ["predictiveUnit", "metricsPortName"], "metrics")
        v.defaultEnvSecretRefName = string(tree, ["predictiveUnit", "defaultEnvSecretRefName"], "")
        v.defaultUserID = string(tree, ["defaultUserID"], "")
        let registry = string(tree, ["executor", "image", "registry"], "")
        let repository = string(tree, ["executor", "image", "repository"], "")
        let tag = string(tree, ["executor", "image", "tag"], "")
        // The chart template is `{{ registry }}/{{ repository }}:{{ tag }}`.
        v.executorImage = "\(registry)/\(repository):\(tag)"
        v.executorPullPolicy = string(tree, ["executor", "image", "pullPolicy"], "")
        v.executorPort = port(tree, ["executor", "port"], default: 8000)
        v.executorMetricsPortName = string(tree, ["executor", "metricsPortName"], "")
        v.executorResources = resources(tree, ["executor", "resources"])
        v.prometheusPath = string(tree, ["executor", "prometheus", "path"], "")
        v.executorServiceAccountName = string(tree, ["executor", "serviceAccount", "name"], "")
        v.executorUser = string(tree, ["executor", "user"], "")
        if !v.executorUser.isEmpty, Int(v.executorUser) == nil {
            diagnostics.append(.error("values-invalid-user", "executor.user must be an integer user id, not \(v.executorUser)", at: lookup(tree, ["executor", "user"])?.location, path: "executor.user"))
        }
        v.requestLoggerDefaultEndpoint = string(tree, ["executor", "requestLogger", "defaultEndpoint"], "")
        v.requestLoggerWorkQueueSize = string(tree, ["executor", "requestLogger", "workQueueSize"], "")
        v.requestLoggerWriteTimeoutMs = string(tree, ["executor", "requestLogger", "writeTimeoutMs"], "")
        for (name, value) in [("workQueueSize", v.requestLoggerWorkQueueSize), ("writeTimeoutMs", v.requestLoggerWriteTimeoutMs)] where Int(value) == nil {
            diagnostics.append(.error("values-invalid-integer", "executor.requestLogger.\(name) must be an integer, not \"\(value)\"", path: "executor.requestLogger.\(name)"))
        }
        v.fullHealthChecks = string(tree, ["executor", "fullHealthChecks"], "false")
        v.deploymentNameAsPrefix = string(tree, ["manager", "deploymentNameAsPrefix"], "false") == "true"
        v.storageInitializerImage = string(tree, ["storageInitializer", "image"], "")
        v.storageInitializerResources = resources(tree, ["storageInitializer"])
        v.explainerImage = string(tree, ["explainer", "image"], "")
        v.explainerImageV2 = string(tree, ["explainer", "image_v2"], "")
        v.istioEnabled = string(tree, ["istio", "enabled"], "false") == "true"
        v.istioGateway = string(tree, ["istio", "gateway"], "")
        v.istioTLSMode = string(tree, ["istio", "tlsMode"], "")
        v.ambassadorEnabled = string(tree, ["ambassador", "enabled"], "false") == "true"
        v.kedaEnabled = string(tree, ["keda", "enabled"], "false") == "true"
        v.controllerId = string(tree, ["controllerId"], "")
        for pair in tree["relatedImages"]?.pairs ?? [] {
            if let k = pair.key.scalarText { v.relatedImages[k] = text(pair.value) ?? "" }
        }
        v.predictorServers = servers(tree["predictor_servers"])
        return v
    }

    private mutating func resources(_ tree: Node, _ path: [String]) -> Values.ResourceSettings {
        var r = Values.ResourceSettings(cpuRequest: "", cpuLimit: "", memoryRequest: "", memoryLimit: "")
        for key in ["cpuRequest", "cpuLimit", "memoryRequest", "memoryLimit"] {
            let value = string(tree, path + [key], "")
            let p = (path + [key]).joined(separator: ".")
            if value.isEmpty {
                // An empty resource value makes the operator fail the reconcile (§2).
                diagnostics.append(.error("values-empty-resource", "\(p) must not be empty", path: p))
            } else if Quantity.canonical(value) == nil {
                // The operator's resource.MustParse would panic on it (§2.1).
                diagnostics.append(
                    .error("values-invalid-quantity", "\(p) is not a Kubernetes quantity: \(value)", fix: "write e.g. 500m, 1, 512Mi, 1Gi",
                        at: lookup(tree, path + [key])?.location, path: p))
            }
            switch key {
            case "cpuRequest": r.cpuRequest = value
            case "cpuLimit": r.cpuLimit = value
            case "memoryRequest": r.memoryRequest = value
            default: r.memoryLimit = value
            }
        }
        return r
    }

    private mutating func servers(_ node: Node?) -> [String: [String: Values.ServerProtocol]] {
        var result: [String: [String: Values.ServerProtocol]] = [:]
        for server in node?.pairs ?? [] {
            guard let name = server.key.scalarText else { continue }
            var protocols: [String: Values.ServerProtocol] = [:]
            for proto in server.value["protocols"]?.pairs ?? [] {
                guard let pname = proto.key.scalarText else { continue }
                let path = "predictor_servers.\(name).protocols.\(pname)"
                let image = proto.value["image"]
                let version = proto.value["defaultImageVersion"]
                if let image, !image.isNull, image.string == nil {
                    diagnostics.append(.error("values-server-type", "\(path).image must be a string", at: image.location, path: "\(path).image"))
                }
                // A YAML number here makes the operator panic on the ConfigMap (§2.3): require a string.
                if let version, !version.isNull, version.string == nil {
                    diagnostics.append(
                        .error("values-server-type", "\(path).defaultImageVersion must be a string, not \(version.kindDescription)",
                            fix: "quote it: defaultImageVersion: \"\(version.scalarText ?? "")\"", at: version.location, path: "\(path).defaultImageVersion"))
                }
                protocols[pname] = Values.ServerProtocol(image: image?.string ?? "", defaultImageVersion: version?.string ?? "")
            }
            result[name] = protocols
        }
        return result
    }
}
