import SDCModel
import SDCYAML

/// Istio routing, created only with `istio.enabled` (render.md §14.1, `createIstioResources`,
/// `createExplainerIstioResources`). The operator sends the Istio API's protobuf types, which encode as protobuf
/// JSON: unset and zero fields omitted, durations as `"60s"`, enums by name. Those wire details are the spec's
/// open point §18.4; the objects below follow them as described there.
extension Expansion {
    static let grpcRegex = ".*tensorflow.*|.*seldon.protos.*|.*inference.*"

    /// `HostsFromAnnotation`: comma-separated and trimmed, default `*`.
    var istioHosts: Node {
        let text = annotation("seldon.io/istio-host") ?? "*"
        return .sequence(text.split(separator: ",", omittingEmptySubsequences: false).map { .string(String($0).trimmingWhitespace()) })
    }

    var istioGateways: Node {
        let gateway = annotation("seldon.io/istio-gateway") ?? (values.istioGateway.isEmpty ? "seldon-gateway" : values.istioGateway)
        return .sequence([.string(gateway)])
    }

    private func istioObject(_ kind: String, name: String, spec: Node) -> Node {
        .mapping([
            ("apiVersion", .string("networking.istio.io/v1alpha3")), ("kind", .string(kind)),
            ("metadata", .mapping([("creationTimestamp", .null), ("name", .string(name)), ("namespace", .string(namespace))])),
            ("spec", spec), ("status", .emptyMapping),
        ])
    }

    private func destination(host: String, subset: String, port: Int) -> Node {
        .mapping([("host", .string(host)), ("port", .mapping([("number", .int(port))])), ("subset", .string(subset))])
    }

    private func route(host: String, subset: String, port: Int, weight: Int) -> Node {
        var pairs: [(String, Node)] = [("destination", destination(host: host, subset: subset, port: port))]
        if weight != 0 { pairs.append(("weight", .int(weight))) }
        return .mapping(pairs)
    }

    private func subsets(_ p: Predictor) -> Node {
        .sequence([.mapping([("labels", .mapping([("version", .string(p.labels["version"] ?? ""))])), ("name", .string(p.name))])])
    }

    /// The SDep's VirtualService and one DestinationRule per predictor; `ports` are each predictor's external
    /// http/grpc ports (8000/5001, or the model's in no-engine mode).
    mutating func istioResources(ports: [(http: Int, grpc: Int)]) {
        var retries: Node?
        if let text = annotation("seldon.io/istio-retries") {
            let timeoutText = annotation("seldon.io/istio-retries-timeout") ?? "1"
            guard let attempts = Int(text), let timeout = Int(timeoutText) else {
                error("sdep-invalid-annotation", "seldon.io/istio-retries and seldon.io/istio-retries-timeout must be integers", path: "spec.annotations")
                return
            }
            if attempts > 0 {
                retries = .mapping([
                    ("attempts", .int(attempts)), ("perTryTimeout", .string("\(timeout)s")),
                    ("retryOn", .string("gateway-error,connect-failure,refused-stream")),
                ])
            }
        }
        var http: [(String, Node)] = [
            ("match", .sequence([.mapping([("uri", .mapping([("prefix", .string("/seldon/\(namespace)/\(sdep.name)/"))]))])])),
            ("rewrite", .mapping([("uri", .string("/"))])),
        ]
        var grpc: [(String, Node)] = [
            ("match", .sequence([.mapping([
                ("headers", .mapping([
                    ("namespace", .mapping([("exact", .string(namespace))])), ("seldon", .mapping([("exact", .string(sdep.name))])),
                ])),
                ("uri", .mapping([("regex", .string(Self.grpcRegex))])),
            ])])),
        ]
        if let retries {
            http.append(("retries", retries))
            grpc.append(("retries", retries))
        }
        var httpRoutes: [Node] = []
        var grpcRoutes: [Node] = []
        for (i, p) in sdep.spec.predictors.enumerated() {
            let pSvc = Naming.predictorKey(sdep, p)
            let fqdn = Naming.fqdn(pSvc, namespace: namespace)
            var policy: Node = .mapping([("connectionPool", .mapping([("http", .mapping([("idleTimeout", .string("60s"))]))]))])
            if !values.istioTLSMode.isEmpty {
                let modes = ["SIMPLE", "MUTUAL", "ISTIO_MUTUAL"]
                // An unknown name maps to DISABLE, the zero value, which protobuf JSON omits.
                policy = .mapping([("tls", modes.contains(values.istioTLSMode) ? .mapping([("mode", .string(values.istioTLSMode))]) : .emptyMapping)])
            }
            destinationRules.append(
                istioObject("DestinationRule", name: pSvc, spec: .mapping([
                    ("host", .string(fqdn)), ("subsets", subsets(p)), ("trafficPolicy", policy),
                ])))
            if p.shadow == true {
                http.append(("mirror", destination(host: fqdn, subset: p.name, port: ports[i].http)))
                grpc.append(("mirror", destination(host: fqdn, subset: p.name, port: ports[i].grpc)))
                if let t = p.traffic, t > 0 {
                    http.append(("mirrorPercentage", .mapping([("value", .int(t))])))
                    grpc.append(("mirrorPercentage", .mapping([("value", .int(t))])))
                }
                continue
            }
            httpRoutes.append(route(host: fqdn, subset: p.name, port: ports[i].http, weight: p.traffic ?? 0))
            grpcRoutes.append(route(host: fqdn, subset: p.name, port: ports[i].grpc, weight: p.traffic ?? 0))
        }
        http.append(("route", .sequence(httpRoutes)))
        grpc.append(("route", .sequence(grpcRoutes)))
        virtualServices.append(
            istioObject("VirtualService", name: seldonId, spec: .mapping([
                ("gateways", istioGateways), ("hosts", istioHosts), ("http", .sequence([.mapping(http), .mapping(grpc)])),
            ])))
    }

    /// The explainer's own VirtualService (http only: explainers have no grpc port) and DestinationRule.
    mutating func explainerIstioResources(_ p: Predictor, explainerName: String, httpPort: Int) {
        var vsName = Array("\(explainerName)-http".utf8)
        if vsName.count > 63 { vsName = Array(vsName[..<63]) }
        if vsName.last == UInt8(ascii: "-") { vsName.removeLast() }
        let prefix = "/seldon/\(namespace)/\(sdep.name)-explainer/\(p.name)/"
        virtualServices.append(
            istioObject("VirtualService", name: String(decoding: vsName, as: UTF8.self), spec: .mapping([
                ("gateways", istioGateways), ("hosts", istioHosts),
                ("http", .sequence([.mapping([
                    ("match", .sequence([.mapping([("uri", .mapping([("prefix", .string(prefix))]))])])),
                    ("rewrite", .mapping([("uri", .string("/"))])),
                    ("route", .sequence([route(host: explainerName, subset: p.name, port: httpPort, weight: 100)])),
                ])])),
            ])))
        destinationRules.append(
            istioObject("DestinationRule", name: explainerName, spec: .mapping([("host", .string(explainerName)), ("subsets", subsets(p))])))
    }
}
