import SDCDiagnostics
import SDCStorage

/// `graph-node-type`: a graph node's `type` is one the executor knows. The CRD stores any string, so a typo such as
/// `MODELL` reaches the cluster and the executor routes the node wrongly; on a prepackaged server the operator
/// overwrites the type with `MODEL` (render.md §1.5 step 2), so there it is only a warning that the value is ignored.
struct GraphNodeType: Rule {
    let id = "graph-node-type"
    let defaultSeverity = Severity.error
    let summary = "a graph node's type is UNKNOWN_TYPE, ROUTER, COMBINER, MODEL, TRANSFORMER or OUTPUT_TRANSFORMER"

    static let types = ["UNKNOWN_TYPE", "ROUTER", "COMBINER", "MODEL", "TRANSFORMER", "OUTPUT_TRANSFORMER"]

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.deployments.flatMap { deployment in
            deployment.predictors.flatMap { predictor in
                (predictor.graph?.preOrder ?? []).compactMap { unit -> Diagnostic? in
                    guard let node = unit.node["type"], let type = node.string, !Self.types.contains(type) else { return nil }
                    let suggestion = ClosestName.closest(to: type, among: Self.types)
                    let fix = suggestion.map { "write \($0)" } ?? "use one of \(Self.types.joined(separator: ", "))"
                    let implementation = unit.node["implementation"]?.string ?? ""
                    if !implementation.isEmpty, !PrepackProtocol.nonPrepack.contains(implementation) {
                        return .warning(
                            id, "graph node type '\(type)' is not a node type; the operator replaces it with MODEL for \(implementation)",
                            fix: fix, at: node.location, path: "\(unit.path).type")
                    }
                    return .error(
                        id, "graph node type '\(type)' is not a node type (\(Self.types.joined(separator: ", ")))",
                        fix: fix, at: node.location, path: "\(unit.path).type")
                }
            }
        }
    }
}
