import SDCModel
import SDCYAML

/// A Service as the operator builds it (render.md §6.1, §10), in wire form.
struct ServiceDraft {
    var name: String
    var namespace: String
    var labels = StringMap()
    var annotations = StringMap()
    var ports: [(name: String, port: Int)] = []
    var selector = StringMap()
    var headless = false

    var node: Node {
        var metadata: [(String, Node)] = []
        if !annotations.isEmpty { metadata.append(("annotations", annotations.node)) }
        metadata += [("creationTimestamp", .null), ("labels", labels.node), ("name", .string(name)), ("namespace", .string(namespace))]
        var spec: [(String, Node)] = []
        if headless { spec.append(("clusterIP", .string("None"))) }
        spec.append(
            ("ports", .sequence(ports.filter { $0.port != 0 }.map {
                .mapping([("name", .string($0.name)), ("port", .int($0.port)), ("protocol", .string("TCP")), ("targetPort", .int($0.port))])
            })))
        spec += [("selector", selector.node), ("sessionAffinity", .string("None")), ("type", .string("ClusterIP"))]
        return .mapping([
            ("apiVersion", .string("v1")), ("kind", .string("Service")), ("metadata", .mapping(metadata)),
            ("spec", .mapping(spec)), ("status", .mapping([("loadBalancer", .emptyMapping)])),
        ])
    }
}

extension Expansion {
    /// `seldon.io/headless-svc` from `spec.annotations`, then `metadata.annotations`; anything but `false` (§1.6).
    var headless: Bool {
        guard let v = sdep.spec.annotations["seldon.io/headless-svc"] ?? sdep.annotations["seldon.io/headless-svc"] else { return false }
        return v != "false"
    }

    /// `createPredictorService` (§10).
    mutating func predictorService(_ p: Predictor, pSvc: String, http: Int, grpc: Int, puLabels: StringMap?) -> Node {
        var s = ServiceDraft(name: pSvc, namespace: namespace)
        s.labels["seldon-app"] = pSvc
        s.labels["seldon-deployment-id"] = seldonId
        s.labels[PULabels.managedBy.0] = PULabels.managedBy.1
        if let puLabels { s.labels.merge(puLabels) }
        // The Ambassador annotation is written first; predictor annotations may overwrite it (§10, §14.2).
        if let config = ambassadorConfig(p, serviceName: pSvc, http: http, grpc: grpc, isExplainer: false) {
            s.annotations[Self.ambassadorAnnotation] = config
        }
        s.annotations.merge(p.annotations)
        s.ports = [("http", http), ("grpc", grpc)]
        s.selector["seldon-app"] = pSvc
        s.headless = headless
        return s.node
    }
}
