import SDCModel
import SDCYAML

extension Expansion {
    /// `createContainerService` (§6): the PU container's Service, its label on the Deployment, and the container
    /// augmentation (ports, probes, lifecycle, env) applied to the Deployment's copy of the container.
    mutating func containerService(_ p: Predictor, pu: PredictiveUnit, pSvc: String, deployment dep: inout DeploymentDraft) -> Node {
        let http = pu.endpoint?.httpPort ?? 0
        let grpc = pu.endpoint?.grpcPort ?? 0
        let grpcMode = pu.endpoint?.type == "GRPC" || sdep.spec.transport == "grpc"
        let name = Naming.containerServiceName(sdep, p, container: pu.name)
        let key = Naming.svcLabelKey(pu.name)

        var s = ServiceDraft(name: name, namespace: namespace)
        s.labels[key] = name
        s.labels["seldon-deployment-id"] = seldonId
        s.labels["seldon-app"] = pSvc
        s.annotations = p.annotations
        s.ports = [("http", http), ("grpc", grpc)]
        s.selector[key] = name
        s.labels.merge(PULabels.labels(for: pu, in: p))

        dep.labelEverywhere(key, name)

        let values = self.values
        let sdepName = sdep.name
        _ = dep.pod.updateContainer(pu.name) { c in
            Self.augment(&c, pu: pu, p: p, http: http, grpc: grpc, grpcMode: grpcMode, values: values, sdepName: sdepName)
        }
        return s.node
    }

    static func tcpProbe(port: Int, initialDelay: Int) -> Node {
        .mapping([
            ("tcpSocket", .mapping([("port", .int(port))])), ("initialDelaySeconds", .int(initialDelay)),
            ("timeoutSeconds", .int(1)), ("periodSeconds", .int(5)), ("successThreshold", .int(1)), ("failureThreshold", .int(3)),
        ])
    }

    static let preStopSleep: Node = .mapping([
        ("preStop", .mapping([("exec", .mapping([("command", .sequence([.string("/bin/sh"), .string("-c"), .string("/bin/sleep 10")]))]))]))
    ])

    /// §6.3, in order.
    static func augment(
        _ c: inout Node, pu: PredictiveUnit, p: Predictor, http: Int, grpc: Int, grpcMode: Bool, values: Values, sdepName: String
    ) {
        if !c.hasItem("ports", named: "http") { c.append("ports", .port("http", http)) }
        if !c.hasItem("ports", named: "grpc") { c.append("ports", .port("grpc", grpc)) }
        let probePort = grpcMode ? grpc : http
        if c["livenessProbe"] == nil || c["livenessProbe"]!.isNull { c["livenessProbe"] = tcpProbe(port: probePort, initialDelay: 60) }
        if c["readinessProbe"] == nil || c["readinessProbe"]!.isNull { c["readinessProbe"] = tcpProbe(port: probePort, initialDelay: 20) }
        if c["lifecycle"] == nil || c["lifecycle"]!.isNull { c["lifecycle"] = preStopSleep }

        // What the env edits read from the container, read before its env list is taken out for them.
        let cname = c.name ?? ""
        let image = c["image"]?.string ?? ""
        let metrics = c.portNumber(named: values.predictiveUnitMetricsPortName)
        // One edit of the env list for all the variables below, instead of taking the list out and putting it
        // back (three key searches) for each one.
        c.editItems("env") { env in
            func appendIfAbsent(_ item: Node) {
                guard let n = item.name, !env.contains(where: { $0.name == n }) else { return }
                env.append(item)
            }
            appendIfAbsent(.envVar("PREDICTIVE_UNIT_SERVICE_PORT", String(probePort)))
            appendIfAbsent(.envVar("PREDICTIVE_UNIT_HTTP_SERVICE_PORT", String(http)))
            appendIfAbsent(.envVar("MLSERVER_HTTP_PORT", String(http)))
            appendIfAbsent(.envVar("PREDICTIVE_UNIT_GRPC_SERVICE_PORT", String(grpc)))
            appendIfAbsent(.envVar("MLSERVER_GRPC_PORT", String(grpc)))
            if let params = pu.parameters, !params.isEmpty {
                appendIfAbsent(.envVar("PREDICTIVE_UNIT_PARAMETERS", parametersJSON(params)))
            }
            if !(pu.modelUri ?? "").isEmpty {
                appendIfAbsent(.envVar("MLSERVER_MODEL_URI", "/mnt/models"))
            }
            env.append(.envVar("PREDICTIVE_UNIT_ID", cname))
            env.append(.envVar("MLSERVER_MODEL_NAME", cname))
            env.append(.envVar("PREDICTIVE_UNIT_IMAGE", image))
            env.append(.envVar("PREDICTOR_ID", p.name))
            env.append(.envVar("PREDICTOR_LABELS", labelsJSON(p.labels)))
            env.append(.envVar("SELDON_DEPLOYMENT_ID", sdepName))
            env.append(.envVar("SELDON_EXECUTOR_ENABLED", "true"))
            if let metrics {
                env.append(.envVar("PREDICTIVE_UNIT_METRICS_SERVICE_PORT", String(metrics)))
                env.append(.envVar("PREDICTIVE_UNIT_METRICS_ENDPOINT", values.prometheusPath))
                env.append(.envVar("MLSERVER_METRICS_PORT", String(metrics)))
                env.append(.envVar("MLSERVER_METRICS_ENDPOINT", values.prometheusPath))
            }
        }
    }

    /// Compact JSON of a map with sorted keys (Go map encoding).
    static func labelsJSON(_ labels: StringMap) -> String {
        var j = GoJSON()
        j.stringMap(labels)
        return j.text
    }

    /// `PREDICTIVE_UNIT_PARAMETERS`: `name`, `value`, `type`, all always present (§7.2).
    static func parametersJSON(_ params: [Parameter]) -> String {
        var j = GoJSON()
        j.raw("[")
        for (i, p) in params.enumerated() {
            if i > 0 { j.raw(",") }
            j.raw("{\"name\":")
            j.string(p.name)
            j.raw(",\"value\":")
            j.string(p.value)
            j.raw(",\"type\":")
            j.string(p.type)
            j.raw("}")
        }
        j.raw("]")
        return j.text
    }
}
