import SDCDiagnostics
import SDCStorage

/// `graph-container-name`: a componentSpecs container whose name matches no graph node but is a near miss of a node
/// that has no container of its own (`clasifier` for node `classifier`). The operator matches by exact name, so the
/// node gets a fresh default container and the written one runs as an unwired sidecar. A warning: sidecars are legal.
struct GraphContainerName: Rule {
    let id = "graph-container-name"
    let defaultSeverity = Severity.warning
    let summary = "componentSpecs containers are named exactly like the graph node they implement"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.deployments.flatMap { deployment in
            deployment.predictors.flatMap { predictor -> [Diagnostic] in
                let containers = predictor.containers("containers")
                let containerNames = Set(containers.compactMap { $0["name"]?.string })
                let nodeNames = (predictor.graph?.preOrder ?? []).compactMap(\.name)
                let unmatchedNodes = nodeNames.filter { !containerNames.contains($0) }
                return containers.compactMap { container -> Diagnostic? in
                    guard let nameNode = container["name"], let name = nameNode.string, !nodeNames.contains(name),
                        let closest = ClosestName.closest(to: name, among: unmatchedNodes)
                    else { return nil }
                    return .warning(
                        id, "container '\(name)' matches no graph node; graph node '\(closest)' has no container of its own",
                        fix: "rename the container to \(closest)", at: nameNode.location)
                }
            }
        }
    }
}
