import SDCModel
import SDCYAML

/// The Ambassador v1 `getambassador.io/config` annotation on predictor and explainer Services (render.md §14.2,
/// `ambassador/v1.go`): YAML documents rendered the way `yaml.v2` marshals the operator's structs (fields in
/// declaration order, empty optional ones left out, maps with sorted keys).
extension Expansion {
    static let ambassadorAnnotation = "getambassador.io/config"
    static let grpcPrefixAmbassador = "/(seldon.protos.*|tensorflow.serving.*|inference.*)/.*"

    /// Nil when Ambassador v1 is off; the annotation text otherwise.
    mutating func ambassadorConfig(_ p: Predictor, serviceName: String, http: Int, grpc: Int, isExplainer: Bool) -> String? {
        guard values.ambassadorEnabled, values.ambassadorVersion == "v1" else { return nil }
        if let custom = annotation("seldon.io/ambassador-config"), !custom.isEmpty { return custom }
        // The first predictor's weight is left to Ambassador.
        let weight = sdep.spec.predictors.first?.name != p.name ? (p.traffic ?? 0) : 0
        let external = annotation("seldon.io/ambassador-service-name") ?? sdep.name
        let settings = AmbassadorSettings(
            weight: weight, shadow: p.shadow == true, external: external,
            header: annotation("seldon.io/ambassador-header") ?? "", regexHeader: annotation("seldon.io/ambassador-regex-header") ?? "",
            instanceId: annotation("seldon.io/ambassador-id") ?? "")
        guard let restNS = ambassadorMapping(p, settings, grpcMapping: false, namespaced: true, serviceName: serviceName, port: http, isExplainer: isExplainer),
            let grpcNS = ambassadorMapping(p, settings, grpcMapping: true, namespaced: true, serviceName: serviceName, port: grpc, isExplainer: isExplainer),
            let rest = ambassadorMapping(p, settings, grpcMapping: false, namespaced: false, serviceName: serviceName, port: http, isExplainer: isExplainer),
            let grpcPlain = ambassadorMapping(p, settings, grpcMapping: true, namespaced: false, serviceName: serviceName, port: grpc, isExplainer: isExplainer)
        else { return nil }
        let separator = "---\n"
        // The operator's variable names are swapped: its "global" configs are the namespaced ones.
        var text = separator + restNS + separator + grpcNS + separator + tlsContext(p, namespaced: false)
        if values.ambassadorSingleNamespace {
            text += separator + rest + separator + grpcPlain + separator + tlsContext(p, namespaced: true)
        }
        return text
    }

    struct AmbassadorSettings {
        var weight: Int
        var shadow: Bool
        var external: String
        var header: String
        var regexHeader: String
        var instanceId: String
    }

    private func emit(_ pairs: [(String, Node)]) -> String {
        (try? YAMLEmitter().emit([.mapping(pairs)])) ?? ""
    }

    /// `a:b:c:d` → `{a: b, c: d}`; an odd count makes the operator panic, so it is an error here.
    private mutating func headerMap(_ text: String) -> [(String, String)]? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        guard parts.count % 2 == 0 else {
            error("sdep-invalid-annotation", "seldon.io/ambassador-header must be key:value pairs separated by ':'", path: "spec.annotations")
            return nil
        }
        return stride(from: 0, to: parts.count, by: 2).map { (parts[$0], parts[$0 + 1]) }
    }

    private mutating func ambassadorMapping(
        _ p: Predictor, _ s: AmbassadorSettings, grpcMapping: Bool, namespaced: Bool, serviceName: String, port: Int, isExplainer: Bool
    ) -> String? {
        let timeoutKey = grpcMapping ? "seldon.io/grpc-timeout" : "seldon.io/rest-timeout"
        guard let timeout = Int(annotation(timeoutKey) ?? "3000"), let retries = Int(annotation("seldon.io/ambassador-retries") ?? "0") else {
            error("sdep-invalid-annotation", "\(timeoutKey) and seldon.io/ambassador-retries must be integers", path: "spec.annotations")
            return nil
        }
        var name = p.name
        var external = s.external
        if isExplainer {
            name += "-explainer"
            external += grpcMapping ? "-explainer" : "-explainer/\(p.name)"
        }
        let kind = grpcMapping ? "grpc" : "rest"
        let mappingName = namespaced ? "seldon_\(namespace)_\(sdep.name)_\(name)_\(kind)_mapping" : "seldon_\(sdep.name)_\(name)_\(kind)_mapping"
        var headers: [(String, String)] = []
        if grpcMapping {
            headers.append(("seldon", external))
            if namespaced { headers.append(("namespace", namespace)) }
        }
        if !s.header.isEmpty {
            guard let custom = headerMap(s.header) else { return nil }
            for (k, v) in custom {
                if let i = headers.firstIndex(where: { $0.0 == k }) { headers[i].1 = v } else { headers.append((k, v)) }
            }
        }
        var pairs: [(String, Node)] = [
            ("apiVersion", .string("ambassador/v1")), ("kind", .string("Mapping")), ("name", .string(mappingName)),
        ]
        if grpcMapping { pairs.append(("grpc", .bool(true))) }
        pairs.append(("prefix", .string(grpcMapping ? Self.grpcPrefixAmbassador : (namespaced ? "/seldon/\(namespace)/\(external)/" : "/seldon/\(external)/"))))
        if grpcMapping { pairs.append(("prefix_regex", .bool(true))) }
        pairs += [
            ("rewrite", .string(grpcMapping ? "" : "/")), ("service", .string("\(serviceName).\(namespace):\(port)")),
            ("timeout_ms", .int(timeout)),
        ]
        if timeout > 300_000 { pairs.append(("idle_timeout_ms", .int(timeout))) }
        if !headers.isEmpty {
            pairs.append(("headers", .mapping(headers.sorted { $0.0 < $1.0 }.map { ($0.0, .string($0.1)) })))
        }
        if !s.regexHeader.isEmpty {
            // The operator builds the regex headers from the plain header annotation (a quirk kept as is).
            guard let regex = headerMap(s.header) else { return nil }
            if !regex.isEmpty, !(regex.count == 1 && regex[0].0.isEmpty) {
                pairs.append(("regex_headers", .mapping(regex.sorted { $0.0 < $1.0 }.map { ($0.0, .string($0.1)) })))
            }
        }
        if s.weight != 0 { pairs.append(("weight", .int(s.weight))) }
        if s.shadow { pairs.append(("shadow", .bool(true))) }
        if retries != 0 {
            pairs.append(("retry_policy", .mapping([("retry_on", .string("gateway-error")), ("num_retries", .int(retries))])))
        }
        if !s.instanceId.isEmpty { pairs.append(("ambassador_id", .string(s.instanceId))) }
        var breaker: [(String, Node)] = []
        for (key, field) in [
            ("seldon.io/ambassador-circuit-breakers-max-connections", "max_connections"),
            ("seldon.io/ambassador-circuit-breakers-max-pending-requests", "max_pending_requests"),
            ("seldon.io/ambassador-circuit-breakers-max-requests", "max_requests"),
            ("seldon.io/ambassador-circuit-breakers-max-retries", "max_retries"),
        ] {
            guard let text = annotation(key), !text.isEmpty else { continue }
            guard let n = Int(text) else {
                error("sdep-invalid-annotation", "\(key) must be an integer", path: "spec.annotations.\(key)")
                return nil
            }
            if n != 0 { breaker.append((field, .int(n))) }
        }
        let anyBreaker = [
            "seldon.io/ambassador-circuit-breakers-max-connections", "seldon.io/ambassador-circuit-breakers-max-pending-requests",
            "seldon.io/ambassador-circuit-breakers-max-requests", "seldon.io/ambassador-circuit-breakers-max-retries",
        ].contains { !(annotation($0) ?? "").isEmpty }
        if anyBreaker { pairs.append(("circuit_breakers", .sequence([breaker.isEmpty ? .emptyMapping : .mapping(breaker)]))) }
        if let cert = p.sslCertSecretName, !cert.isEmpty {
            pairs.append(("tls", .string(namespaced ? "seldon_\(namespace)_\(sdep.name)_\(name)_tls_config" : "seldon_\(sdep.name)_\(name)_tls_config")))
        }
        return emit(pairs)
    }

    private func tlsContext(_ p: Predictor, namespaced: Bool) -> String {
        guard let cert = p.sslCertSecretName, !cert.isEmpty else { return "" }
        let name = namespaced ? "seldon_\(namespace)_\(sdep.name)_\(p.name)_tls_config" : "seldon_\(sdep.name)_\(p.name)_tls_config"
        return emit([
            ("apiVersion", .string("ambassador/v1")), ("kind", .string("TLSContext")), ("name", .string(name)),
            ("hosts", .emptySequence), ("secret", .string(cert)),
        ])
    }
}
