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

    /// `ConvertMetricSpecSlice`: autoscaling/v2beta1 MetricSpec → autoscaling/v2.
    static func convertMetric(_ m: Node) -> Node {
        let type = m["type"]?.string ?? ""
        func q(_ n: Node?) -> Node? { n.flatMap { $0.isNull ? nil : (Quantity.canonical($0.scalarText ?? "").map { Node.string($0) } ?? $0) } }
        func metric(name: Node?, selector: Node?) -> Node {
            var pairs: [(String, Node)] = [("name", name ?? .string(""))]
            if let selector, !selector.isNull { pairs.append(("selector", selector)) }
            return .mapping(pairs)
        }
        var out: [(String, Node)] = [("type", .string(type))]
        switch type {
        case "Resource", "ContainerResource":
            let key = type == "Resource" ? "resource" : "containerResource"
            let src = m[key] ?? .emptyMapping
            var target: [(String, Node)] = []
            if let avg = q(src["targetAverageValue"]) {
                target = [("type", .string("AverageValue")), ("averageValue", avg)]
            } else {
                target = [("type", .string("Utilization"))]
                if let u = src["targetAverageUtilization"], !u.isNull { target.append(("averageUtilization", u)) }
            }
            var r: [(String, Node)] = [("name", src["name"] ?? .string("")), ("target", .mapping(target))]
            if type == "ContainerResource" { r.append(("container", src["container"] ?? .string(""))) }
            out.append((key, .mapping(r)))
        case "Pods":
            let src = m["pods"] ?? .emptyMapping
            var target: [(String, Node)] = [("type", .string("AverageValue"))]
            if let avg = q(src["targetAverageValue"]) { target.append(("averageValue", avg)) }
            out.append(("pods", .mapping([("metric", metric(name: src["metricName"], selector: src["selector"])), ("target", .mapping(target))])))
        case "Object":
            let src = m["object"] ?? .emptyMapping
            let averaged = q(src["averageValue"])
            var target: [(String, Node)] = [("type", .string(averaged == nil ? "Value" : "AverageValue"))]
            target.append(("value", q(src["targetValue"]) ?? .string("0")))
            if let averaged { target.append(("averageValue", averaged)) }
            out.append(("object", .mapping([
                ("describedObject", src["target"] ?? .emptyMapping),
                ("metric", metric(name: src["metricName"], selector: src["selector"])), ("target", .mapping(target)),
            ])))
        case "External":
            let src = m["external"] ?? .emptyMapping
            var target: [(String, Node)] = []
            if let v = q(src["targetValue"]) {
                target = [("type", .string("Value")), ("value", v)]
            } else {
                target = [("type", .string("AverageValue"))]
            }
            if let avg = q(src["targetAverageValue"]) { target.append(("averageValue", avg)) }
            out.append(("external", .mapping([
                ("metric", metric(name: src["metricName"], selector: src["metricSelector"])), ("target", .mapping(target)),
            ])))
        default:
            return m
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
