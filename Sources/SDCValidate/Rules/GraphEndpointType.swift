import SDCDiagnostics

/// `graph-endpoint-type`: `endpoint.type` is `REST` or `GRPC`. The CRD stores any string and the operator treats
/// everything but `GRPC` as REST, so `SOAP` or `grpc` silently gives a REST endpoint.
struct GraphEndpointType: Rule {
    let id = "graph-endpoint-type"
    let defaultSeverity = Severity.error
    let summary = "a graph node's endpoint.type is REST or GRPC"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.deployments.flatMap { deployment in
            deployment.predictors.flatMap { predictor in
                (predictor.graph?.preOrder ?? []).compactMap { unit -> Diagnostic? in
                    guard let node = unit.node["endpoint"]?["type"], let type = node.string, !type.isEmpty,
                        type != "REST", type != "GRPC"
                    else { return nil }
                    let upper = type.uppercased()
                    let fix = upper == "REST" || upper == "GRPC" ? "write \(upper) (the value is case-sensitive)" : "use REST or GRPC"
                    return .error(
                        id, "endpoint type '\(type)' is neither REST nor GRPC; the operator would make a REST endpoint",
                        fix: fix, at: node.location, path: "\(unit.path).endpoint.type")
                }
            }
        }
    }
}
