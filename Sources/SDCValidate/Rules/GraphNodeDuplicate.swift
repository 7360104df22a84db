import SDCDiagnostics

/// `graph-node-duplicate`: graph node names are unique within a predictor. The operator matches nodes to containers
/// and Services by name, so a second node of the same name silently shares the first one's container.
struct GraphNodeDuplicate: Rule {
    let id = "graph-node-duplicate"
    let defaultSeverity = Severity.error
    let summary = "graph node names are unique within a predictor"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.deployments.flatMap { deployment in
            deployment.predictors.flatMap { predictor -> [Diagnostic] in
                var first: [String: DeploymentNodes.GraphNode] = [:]
                var findings: [Diagnostic] = []
                for node in predictor.graph?.preOrder ?? [] {
                    guard let name = node.name else { continue }
                    if let earlier = first[name] {
                        let line = earlier.node["name"]?.location.map { " (first at line \($0.line))" } ?? ""
                        findings.append(
                            .error(
                                id, "graph node name '\(name)' is used twice in predictor\(line)",
                                fix: "give each graph node its own name (and its own container)",
                                at: node.node["name"]?.location, path: "\(node.path).name"))
                    } else {
                        first[name] = node
                    }
                }
                return findings
            }
        }
    }
}
