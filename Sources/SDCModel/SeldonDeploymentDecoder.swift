import SDCDiagnostics
import SDCYAML

/// Decodes a SeldonDeployment document the way the API server stores it (render.md §1.3): structural schema
/// types checked (every finding reported, located), unknown Seldon-level fields pruned, `protocol: TCP` filled on
/// container ports, graph children pruned below the CRD's 10 nested levels.
public struct SeldonDeploymentDecoder {
    /// The CRD spells the graph schema out for the root and 10 nested levels of `children` (§1.3 item 1).
    public static let maxGraphDepth = 10

    public init() {}

    public func decode(_ root: Node, documentLocation: Location?) -> (SeldonDeployment?, [Diagnostic]) {
        var r = FieldReader(fallback: root.location ?? documentLocation)
        let apiVersion = root["apiVersion"]?.string ?? ""
        let metadata = r.mapping(root, "metadata", path: "")
        var name = ""
        if let metadata {
            if let n = r.string(metadata, "name", path: "metadata") { name = n }
        }
        if name.isEmpty {
            r.error("sdep-missing-name", "metadata.name is required", at: metadata ?? root, path: "metadata.name")
        }
        let namespace = metadata.flatMap { r.string($0, "namespace", path: "metadata") }
        let labels = metadata.map { r.stringMap($0, "labels", path: "metadata") } ?? StringMap()
        let annotations = metadata.map { r.stringMap($0, "annotations", path: "metadata") } ?? StringMap()

        guard let specNode = r.mapping(root, "spec", path: "") else {
            r.error("sdep-missing-spec", "spec is required", at: root, path: "spec")
            return (nil, r.diagnostics)
        }
        var spec = SeldonDeploymentSpec()
        spec.name = r.string(specNode, "name", path: "spec")
        spec.annotations = r.stringMap(specNode, "annotations", path: "spec")
        spec.protocol = r.string(specNode, "protocol", path: "spec")
        spec.transport = r.string(specNode, "transport", path: "spec")
        spec.serverType = r.string(specNode, "serverType", path: "spec")
        spec.replicas = r.replicas(specNode, path: "spec")
        if specNode["predictors"] == nil || specNode["predictors"]!.isNull {
            r.error("schema-required", "spec.predictors is required", at: specNode, path: "spec.predictors")
        }
        for (i, p) in (r.list(specNode, "predictors", path: "spec") ?? []).enumerated() {
            if let predictor = decodePredictor(p, path: "spec.predictors[\(i)]", reader: &r) {
                spec.predictors.append(predictor)
            }
        }
        var sdep = SeldonDeployment(
            apiVersion: apiVersion, name: name, namespace: namespace, labels: labels, annotations: annotations, spec: spec,
            location: root.location ?? documentLocation)
        sdep.fieldLocations = Self.fieldLocations(root)
        return (sdep, r.diagnostics)
    }

    /// The locations `SeldonDeployment.fieldLocations` keeps: the names generated object names are built from and the
    /// enumerated spec fields the webhook checks.
    static func fieldLocations(_ root: Node) -> [String: Location] {
        var found: [String: Location] = [:]
        found["metadata.name"] = root["metadata"]?["name"]?.location
        for field in ["protocol", "transport", "serverType"] {
            found["spec.\(field)"] = root["spec"]?[field]?.location
        }
        for (i, p) in (root["spec"]?["predictors"]?.sequence ?? []).enumerated() {
            found["spec.predictors[\(i)].name"] = p["name"]?.location
        }
        return found
    }

    private func decodePredictor(_ node: Node, path: String, reader r: inout FieldReader) -> Predictor? {
        guard node.isMapping else {
            r.error("schema-type", "\(path) must be a mapping, not \(node.kindDescription)", at: node, path: path)
            return nil
        }
        let name = r.string(node, "name", path: path)
        if name == nil {
            r.error("schema-required", "\(path).name is required", at: node, path: "\(path).name")
        }
        var graph: PredictiveUnit?
        if let g = r.mapping(node, "graph", path: path) {
            graph = decodeUnit(g, path: "\(path).graph", depth: 0, reader: &r)
        } else if node["graph"] == nil || node["graph"]!.isNull {
            r.error("schema-required", "\(path).graph is required", at: node, path: "\(path).graph")
        }
        var p = Predictor(name: name ?? "", graph: graph ?? PredictiveUnit(name: "", path: "\(path).graph"), path: path)
        p.location = node.location
        for (j, c) in (r.list(node, "componentSpecs", path: path) ?? []).enumerated() {
            if let cs = decodeComponentSpec(c, path: "\(path).componentSpecs[\(j)]", reader: &r) {
                p.componentSpecs.append(cs)
            }
        }
        p.replicas = r.replicas(node, path: path)
        p.annotations = r.stringMap(node, "annotations", path: path)
        p.labels = r.stringMap(node, "labels", path: path)
        p.engineResources = r.mapping(node, "engineResources", path: path)
        if let so = r.mapping(node, "svcOrchSpec", path: "\(path)") {
            let sp = "\(path).svcOrchSpec"
            p.svcOrchSpec = SvcOrchSpec(
                resources: r.mapping(so, "resources", path: sp), env: r.list(so, "env", path: sp),
                replicas: r.replicas(so, path: sp))
            if let resources = p.svcOrchSpec.resources { ContainerChecks.checkQuantities(resources, path: "\(sp).resources", reader: &r) }
        }
        p.traffic = r.int(node, "traffic", path: path)
        p.shadow = r.bool(node, "shadow", path: path)
        if let ssl = r.mapping(node, "ssl", path: path) {
            p.sslCertSecretName = r.string(ssl, "certSecretName", path: "\(path).ssl")
        }
        p.progressDeadlineSeconds = r.int(node, "progressDeadlineSeconds", path: path)
        if let e = r.mapping(node, "explainer", path: path) {
            p.explainer = decodeExplainer(e, path: "\(path).explainer", reader: &r)
        }
        guard name != nil, graph != nil else { return nil }
        return p
    }

    private func decodeExplainer(_ node: Node, path: String, reader r: inout FieldReader) -> Explainer {
        var e = Explainer(raw: node)
        e.type = r.string(node, "type", path: path)
        e.modelUri = r.string(node, "modelUri", path: path)
        e.serviceAccountName = r.string(node, "serviceAccountName", path: path)
        if let cs = r.mapping(node, "containerSpec", path: path) {
            e.containerSpec = ContainerChecks.check(cs, path: "\(path).containerSpec", reader: &r)
        }
        e.config = r.stringMap(node, "config", path: path)
        if let ep = r.mapping(node, "endpoint", path: path) { e.endpoint = decodeEndpoint(ep, path: "\(path).endpoint", reader: &r) }
        e.envSecretRefName = r.string(node, "envSecretRefName", path: path)
        e.storageInitializerImage = r.string(node, "storageInitializerImage", path: path)
        e.replicas = r.replicas(node, path: path)
        e.initParameters = r.string(node, "initParameters", path: path)
        return e
    }

    private func decodeEndpoint(_ ep: Node, path: String, reader r: inout FieldReader) -> Endpoint {
        Endpoint(
            serviceHost: r.string(ep, "service_host", path: path), servicePort: r.int(ep, "service_port", path: path),
            type: r.string(ep, "type", path: path), httpPort: r.int(ep, "httpPort", path: path),
            grpcPort: r.int(ep, "grpcPort", path: path))
    }

    private func decodeUnit(_ node: Node, path: String, depth: Int, reader r: inout FieldReader) -> PredictiveUnit? {
        guard node.isMapping else {
            r.error("schema-type", "\(path) must be a mapping, not \(node.kindDescription)", at: node, path: path)
            return nil
        }
        let name = r.string(node, "name", path: path)
        if name == nil, node["name"] == nil || node["name"]!.isNull {
            r.error("schema-required", "\(path).name is required", at: node, path: "\(path).name")
        }
        var u = PredictiveUnit(name: name ?? "", path: path)
        u.location = node.location
        // Below the CRD's last spelled-out level `children` is not in the schema and is pruned (§1.3).
        if depth < Self.maxGraphDepth {
            for (i, c) in (r.list(node, "children", path: path) ?? []).enumerated() {
                if let child = decodeUnit(c, path: "\(path).children[\(i)]", depth: depth + 1, reader: &r) {
                    u.children.append(child)
                }
            }
        }
        u.type = r.string(node, "type", path: path)
        u.implementation = r.string(node, "implementation", path: path)
        if let methods = r.list(node, "methods", path: path) {
            u.methods = methods.enumerated().compactMap { i, m in
                if let s = m.string { return s }
                r.error("schema-type", "\(path).methods[\(i)] must be a string", at: m, path: "\(path).methods[\(i)]")
                return nil
            }
        }
        if let ep = r.mapping(node, "endpoint", path: path) { u.endpoint = decodeEndpoint(ep, path: "\(path).endpoint", reader: &r) }
        if let params = r.list(node, "parameters", path: path) {
            var list: [Parameter] = []
            for (i, p) in params.enumerated() {
                let pp = "\(path).parameters[\(i)]"
                guard p.isMapping else {
                    r.error("schema-type", "\(pp) must be a mapping, not \(p.kindDescription)", at: p, path: pp)
                    continue
                }
                // The CRD lists name, type and value as required: the API server refuses the object without them.
                for key in ["name", "type", "value"] where p[key] == nil || p[key]!.isNull {
                    r.error("schema-required", "\(pp).\(key) is required", at: p, path: "\(pp).\(key)")
                }
                list.append(
                    Parameter(
                        name: r.string(p, "name", path: pp) ?? "", value: r.string(p, "value", path: pp) ?? "",
                        type: r.string(p, "type", path: pp) ?? ""))
            }
            u.parameters = list
        }
        u.modelUri = r.string(node, "modelUri", path: path)
        u.serviceAccountName = r.string(node, "serviceAccountName", path: path)
        u.envSecretRefName = r.string(node, "envSecretRefName", path: path)
        u.storageInitializerImage = r.string(node, "storageInitializerImage", path: path)
        if let l = r.mapping(node, "logger", path: path) {
            u.logger = Logger(url: r.string(l, "url", path: "\(path).logger"), mode: r.string(l, "mode", path: "\(path).logger"))
        }
        return name == nil ? nil : u
    }

    private func decodeComponentSpec(_ node: Node, path: String, reader r: inout FieldReader) -> ComponentSpec? {
        guard node.isMapping else {
            r.error("schema-type", "\(path) must be a mapping, not \(node.kindDescription)", at: node, path: path)
            return nil
        }
        var cs = ComponentSpec(path: path)
        if let m = r.mapping(node, "metadata", path: path) {
            cs.metadata = m
            _ = r.string(m, "name", path: "\(path).metadata")
            _ = r.stringMap(m, "labels", path: "\(path).metadata")
            _ = r.stringMap(m, "annotations", path: "\(path).metadata")
        }
        if let spec = r.mapping(node, "spec", path: path) {
            cs.spec = PodSpecChecks.check(spec, path: "\(path).spec", reader: &r)
        }
        cs.hpaSpec = r.mapping(node, "hpaSpec", path: path)
        if let hpa = cs.hpaSpec {
            if hpa["maxReplicas"] == nil || hpa["maxReplicas"]!.isNull {
                r.error("schema-required", "\(path).hpaSpec.maxReplicas is required", at: hpa, path: "\(path).hpaSpec.maxReplicas")
            }
            r.checkHPABounds(hpa, path: "\(path).hpaSpec")
        }
        cs.replicas = r.replicas(node, path: path)
        cs.kedaSpec = r.mapping(node, "kedaSpec", path: path)
        cs.pdbSpec = r.mapping(node, "pdbSpec", path: path)
        return cs
    }
}
