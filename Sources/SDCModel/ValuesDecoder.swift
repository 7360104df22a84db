import SDCDiagnostics
import SDCYAML

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
        v.ambassadorVersion = string(tree, ["ambassador", "version"], "")
        v.ambassadorSingleNamespace = string(tree, ["ambassador", "singleNamespace"], "false") == "true"
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
