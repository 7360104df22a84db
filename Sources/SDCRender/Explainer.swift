import SDCModel
import SDCYAML

extension Expansion {
    private static let explainerTags: [String: String] = [
        "AnchorTabular": "anchor_tabular", "AnchorImages": "anchor_image", "AnchorText": "anchor_text",
        "Counterfactuals": "counterfactuals", "Contrastive": "contrastive", "KernelShap": "kernel_shap",
        "IntegratedGradients": "integrated_gradients", "ALE": "ALE", "TreeShap": "tree_shap",
    ]

    /// `createExplainer` (§12): one Deployment and one Service per predictor with an explainer.
    mutating func addExplainer(_ p: Predictor, _ e: Explainer, pSvc: String, predictorPorts: (http: Int, grpc: Int)) {
        let name = Naming.explainerName(sdep, p)
        let proto = sdep.spec.protocol ?? ""
        let v2 = proto == "v2" || proto == "kfserving"
        // The Service keeps the endpoint's number even when the container declares its own `http` port (§12).
        let servicePort = (e.endpoint?.servicePort ?? 0) != 0 ? e.endpoint!.servicePort! : 9000
        let grpc = sdep.spec.transport == "grpc" || e.endpoint?.type == "GRPC"
        var c = e.containerSpec ?? .emptyMapping
        if c.name?.isEmpty ?? true { c["name"] = .string(name) }
        let cname = c.name ?? name
        if c["imagePullPolicy"]?.string?.isEmpty ?? true { c["imagePullPolicy"] = .string("IfNotPresent") }
        if c["image"]?.string?.isEmpty ?? true {
            c["image"] = .string(
                v2 ? (values.relatedImage("RELATED_IMAGE_EXPLAINER_V2") ?? values.explainerImageV2)
                    : (values.relatedImage("RELATED_IMAGE_EXPLAINER") ?? values.explainerImage))
        }
        var port = servicePort
        if let custom = c.portNumber(named: "http") { port = custom } else { c.append("ports", .port("http", port)) }
        func probe(_ delay: Int, _ failure: Int) -> Node {
            .mapping([
                ("tcpSocket", .mapping([("port", .string("http"))])), ("initialDelaySeconds", .int(delay)), ("periodSeconds", .int(5)),
                ("successThreshold", .int(1)), ("failureThreshold", .int(failure)), ("timeoutSeconds", .int(1)),
            ])
        }
        if c["livenessProbe"] == nil { c["livenessProbe"] = probe(60, 5) }
        if c["readinessProbe"] == nil { c["readinessProbe"] = probe(20, 7) }
        if c["lifecycle"] == nil { c["lifecycle"] = Self.preStopSleep }
        let predictorPort = grpc ? predictorPorts.grpc : predictorPorts.http
        let modelUri = e.modelUri ?? ""
        if v2 {
            let type = e.type ?? ""
            guard let tag = Self.explainerTags[type] else {
                error("sdep-unknown-explainer", "explainer type \(type) has no MLServer runtime", path: "\(p.path).explainer.type")
                return
            }
            var extra = "{\"explainer_type\":\(GoJSON.quote(tag)),\"infer_uri\":\(GoJSON.quote("http://\(pSvc).\(namespace):\(predictorPort)/v2/models/\(p.graph.name)/infer"))"
            if let ip = e.initParameters, !ip.isEmpty { extra += ",\"init_parameters\":\(ip)" }
            extra += "}"
            c["env"] = .sequence([
                .envVar("MLSERVER_HTTP_PORT", String(port)),
                .envVar("MLSERVER_MODEL_IMPLEMENTATION", "mlserver_alibi_explain.AlibiExplainRuntime"),
                .envVar("MLSERVER_MODEL_NAME", cname), .envVar("MLSERVER_MODEL_URI", "/mnt/models"),
                .envVar("MLSERVER_MODEL_EXTRA", extra),
            ])
        } else {
            var args = [
                "--model_name=\(p.graph.name)", "--predictor_host=\(pSvc).\(namespace):\(predictorPort)",
                "--protocol=\(proto == "tensorflow" ? "tensorflow" : "seldon").\(grpc ? "grpc" : "http")", "--http_port=\(port)",
            ]
            if !modelUri.isEmpty { args.append("--storage_uri=/mnt/models") }
            args.append(e.type ?? "")
            if e.type == "AnchorImages" { args.append("--tf_data_type=float32") }
            for key in e.config.sortedKeys {
                var value = e.config[key]!
                if !modelUri.isEmpty { value = value.replacingFirst(modelUri, with: "/mnt/models") }
                args.append("--\(key)=\(value)")
            }
            c["args"] = .sequence(args.map { .string($0) })
        }
        var cs = ComponentSpec(spec: .mapping([("containers", .sequence([c]))]), path: "\(p.path).explainer")
        if let sa = e.serviceAccountName, !sa.isEmpty { cs.spec["serviceAccountName"] = .string(sa) }
        var dep = skeleton(name: name, cs: cs, p: p, metricsEnabled: false)
        if p.replicas == 0 {
            dep.replicas = 0
        } else if p.replicas == nil, sdep.spec.replicas == 0 {
            dep.replicas = 0
        } else {
            dep.replicas = e.replicas
        }
        // addLabelsToDeployment with no PU: the explainer label, shadow and managed-by (§5.3).
        dep.labels.merge(PULabels.labels(for: nil, in: p))
        dep.templateLabels.merge(PULabels.labels(for: nil, in: p))
        dep.labels["seldon-app"] = name
        dep.templateLabels["seldon-app"] = name
        deployments.append(dep)
        injectStorageInitializer(
            deployments.count - 1, container: cname, uri: modelUri, serviceAccount: e.serviceAccountName, secret: secret(e.envSecretRefName),
            image: e.storageInitializerImage, path: "\(p.path).explainer.modelUri")

        var s = ServiceDraft(name: name, namespace: namespace)
        s.labels["seldon-app"] = pSvc
        s.labels["seldon-deployment-id"] = seldonId
        s.labels.merge(PULabels.labels(for: nil, in: p))
        if let config = ambassadorConfig(p, serviceName: name, http: servicePort, grpc: 0, isExplainer: true) {
            s.annotations[Self.ambassadorAnnotation] = config
        }
        s.annotations.merge(p.annotations)
        s.ports = [("http", servicePort)]
        s.selector["seldon-app"] = name
        s.headless = headless
        services.append(s.node)
        if values.istioEnabled { explainerIstioResources(p, explainerName: name, httpPort: servicePort) }
    }
}

extension String {
    /// The first occurrence of `target` replaced (Go `strings.Replace(s, old, new, 1)`).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let hay = Array(self.utf8), needle = Array(target.utf8)
        guard !needle.isEmpty, hay.count >= needle.count else { return self }
        for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle {
            return String(decoding: hay[..<i], as: UTF8.self) + replacement + String(decoding: hay[(i + needle.count)...], as: UTF8.self)
        }
        return self
    }
}
