import SDCModel
import SDCYAML

extension Expansion {
    private func scaledMetadata(_ name: String) -> Node {
        .mapping([
            ("creationTimestamp", .null), ("labels", .mapping([("seldon-deployment-id", .string(seldonId))])),
            ("name", .string(name)), ("namespace", .string(namespace)),
        ])
    }

    private var scaleTarget: (String) -> Node {
        { name in .mapping([("apiVersion", .string("apps/v1")), ("kind", .string("Deployment")), ("name", .string(name))]) }
    }

    /// §11.3: `autoscaling/v2`; v2beta1 `metrics` win over `metricsv2` and are converted.
    mutating func horizontalPodAutoscaler(name: String, _ hpa: Node, path: String) -> Node {
        var spec: [(String, Node)] = []
        if let min = hpa["minReplicas"], !min.isNull { spec.append(("minReplicas", min)) }
        spec.append(("maxReplicas", hpa["maxReplicas"] ?? .int(0)))
        if let v1 = hpa["metrics"]?.sequence, !v1.isEmpty {
            spec.append(("metrics", .sequence(v1.map(Self.convertMetric))))
        } else if let v2 = hpa["metricsv2"]?.sequence, !v2.isEmpty {
            spec.append(("metrics", .sequence(v2.map { Self.quantities($0) })))
        }
        spec.append(("scaleTargetRef", scaleTarget(name)))
        return .mapping([
            ("apiVersion", .string("autoscaling/v2")), ("kind", .string("HorizontalPodAutoscaler")), ("metadata", scaledMetadata(name)),
            ("spec", .mapping(spec)),
            ("status", .mapping([("currentMetrics", .null), ("desiredReplicas", .int(0))])),
        ])
    }

    /// Canonical quantities under `averageValue` / `value` keys.
    static func quantities(_ node: Node) -> Node {
        switch node.content {
        case .mapping(let pairs):
            return .mapping(pairs.map { pair in
                let k = pair.key.scalarText ?? ""
                if ["averageValue", "value", "targetAverageValue", "targetValue"].contains(k), let t = pair.value.scalarText, !pair.value.isNull,
                    let c = Quantity.canonical(t)
                {
                    return (k, .string(c))
                }
                return (k, quantities(pair.value))
            })
        case .sequence(let items): return .sequence(items.map(quantities))
        case .scalar: return node
        }
    }

    /// `ConvertMetricSpecSlice` (conversion.go): autoscaling/v2beta1 MetricSpec → autoscaling/v2, source by source
    /// (every source present is converted, whatever `type` says; an unknown type becomes `Object`).
    static func convertMetric(_ m: Node) -> Node {
        func q(_ n: Node?) -> Node? {
            guard let n, !n.isNull else { return nil }
            return Quantity.canonical(n.scalarText ?? "").map { Node.string($0) } ?? n
        }
        func present(_ n: Node?) -> Node? { n.flatMap { $0.isNull ? nil : $0 } }
        func identifier(name: Node?, selector: Node?) -> Node {
            var pairs: [(String, Node)] = [("name", present(name) ?? .string(""))]
            if let selector = present(selector) { pairs.append(("selector", selector)) }
            return .mapping(pairs)
        }
        func target(_ type: String, value: Node? = nil, averageValue: Node? = nil, averageUtilization: Node? = nil) -> Node {
            var pairs: [(String, Node)] = [("type", .string(type))]
            if let value { pairs.append(("value", value)) }
            if let averageValue { pairs.append(("averageValue", averageValue)) }
            if let u = present(averageUtilization) { pairs.append(("averageUtilization", u)) }
            return .mapping(pairs)
        }
        let types = ["Object", "ContainerResource", "External", "Pods", "Resource"]
        let type = m["type"]?.string ?? ""
        var out: [(String, Node)] = [("type", .string(types.contains(type) ? type : "Object"))]
        if let o = present(m["object"]) {
            let reference = o["target"] ?? .emptyMapping
            var described: [(String, Node)] = [("kind", reference["kind"] ?? .string("")), ("name", reference["name"] ?? .string(""))]
            if let v = present(reference["apiVersion"]) { described.append(("apiVersion", v)) }
            let average = q(o["averageValue"])
            out.append(("object", .mapping([
                ("describedObject", .mapping(described)),
                ("target", target(average == nil ? "Value" : "AverageValue", value: q(o["targetValue"]) ?? .string("0"), averageValue: average)),
                ("metric", identifier(name: o["metricName"], selector: o["selector"])),
            ])))
        }
        if let p = present(m["pods"]) {
            out.append(("pods", .mapping([
                ("target", target("AverageValue", averageValue: q(p["targetAverageValue"]) ?? .string("0"))),
                ("metric", identifier(name: p["metricName"], selector: p["selector"])),
            ])))
        }
        for key in ["resource", "containerResource"] {
            guard let r = present(m[key]) else { continue }
            let average = q(r["targetAverageValue"])
            var pairs: [(String, Node)] = [("name", r["name"] ?? .string(""))]
            if key == "containerResource" { pairs.append(("container", r["container"] ?? .string(""))) }
            pairs.append(("target", target(average == nil ? "Utilization" : "AverageValue", averageValue: average, averageUtilization: r["targetAverageUtilization"])))
            out.append((key, .mapping(pairs)))
        }
        if let e = present(m["external"]) {
            let value = q(e["targetValue"])
            out.append(("external", .mapping([
                ("metric", identifier(name: e["metricName"], selector: e["metricSelector"])),
                ("target", target(value == nil ? "AverageValue" : "Value", value: value, averageValue: q(e["targetAverageValue"]))),
            ])))
        }
        return .mapping(out)
    }

    /// §11.4: only when `keda.enabled`.
    func scaledObject(name: String, _ keda: Node) -> Node {
        var spec: [(String, Node)] = []
        for key in ["pollingInterval", "cooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount", "advanced", "triggers", "fallback"] {
            if let v = keda[key], !v.isNull { spec.append((key, v)) }
        }
        spec.append(("scaleTargetRef", scaleTarget(name)))
        return .mapping([
            ("apiVersion", .string("keda.sh/v1alpha1")), ("kind", .string("ScaledObject")), ("metadata", scaledMetadata(name)),
            ("spec", .mapping(spec)),
        ])
    }

    /// §11.5: the selector covers every pod of the SDep.
    func podDisruptionBudget(name: String, _ pdb: Node) -> Node {
        var spec: [(String, Node)] = []
        for key in ["minAvailable", "maxUnavailable"] {
            if let v = pdb[key], !v.isNull { spec.append((key, v)) }
        }
        spec.append(("selector", .mapping([("matchLabels", .mapping([("seldon-deployment-id", .string(seldonId))]))])))
        return .mapping([
            ("apiVersion", .string("policy/v1")), ("kind", .string("PodDisruptionBudget")), ("metadata", scaledMetadata(name)),
            ("spec", .mapping(spec)),
            ("status", .mapping([
                ("currentHealthy", .int(0)), ("desiredHealthy", .int(0)), ("disruptionsAllowed", .int(0)), ("expectedPods", .int(0)),
            ])),
        ])
    }
}
