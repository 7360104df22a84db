import SDCDiagnostics
import SDCModel

/// `prepack-protocol`: a prepackaged implementation (built in or from `predictor_servers` in the values) has an image
/// for the deployment's protocol. Without one the operator leaves the server container without an image, and the
/// API server refuses the Deployment (render only warns, render.md §2.3).
struct PrepackProtocol: Rule {
    let id = "prepack-protocol"
    let defaultSeverity = Severity.error
    let summary = "a prepackaged server has an image for the requested protocol in predictor_servers"

    /// Servers the operator configures itself, whatever the protocol (render.md §7.4, §7.5).
    static let ownImages: Set<String> = ["TENSORFLOW_SERVER", "TRITON_SERVER"]
    static let renderChecksTensorflow: Set<String> = ["SKLEARN_SERVER", "XGBOOST_SERVER", "MLFLOW_SERVER", "HUGGINGFACE_SERVER"]
    static let nonPrepack: Set<String> = ["UNKNOWN_IMPLEMENTATION", "SIMPLE_MODEL", "SIMPLE_ROUTER", "RANDOM_ABTEST", "AVERAGE_COMBINER"]

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.deployments.flatMap { deployment in
            deployment.predictors.flatMap { predictor -> [Diagnostic] in
                let containers = predictor.containers("containers")
                return (predictor.graph?.preOrder ?? []).compactMap { unit in
                    guard let node = unit.node["implementation"], let impl = node.string, !impl.isEmpty,
                        !Self.nonPrepack.contains(impl), !Self.ownImages.contains(impl),
                        let protocols = context.values.predictorServers[impl]  // unknown servers: render's sdep-unknown-implementation
                    else { return nil }
                    // A user image on the node's container makes predictor_servers irrelevant.
                    if let c = containers.first(where: { $0["name"]?.string == unit.name }), !(c["image"]?.string ?? "").isEmpty {
                        return nil
                    }
                    let requested = deployment.protocolName.isEmpty ? "seldon" : deployment.protocolName
                    // Render already refuses these with sdep-protocol-implementation (render.md §1.4).
                    if requested == "tensorflow", Self.renderChecksTensorflow.contains(impl) { return nil }
                    let accepted = requested == "v2" || requested == "kfserving" ? ["v2", "kfserving"] : [requested]
                    guard !accepted.contains(where: { protocols[$0] != nil }) else { return nil }
                    return .error(
                        id,
                        "predictor_servers.\(impl) has no image for protocol \(requested) (it has \(protocols.keys.sorted().joined(separator: ", ")))",
                        fix: "use protocol \(protocols.keys.sorted().first ?? "seldon"), add predictor_servers.\(impl).protocols.\(accepted[0]) to the values, or set the container's image",
                        at: node.location, path: "\(unit.path).implementation")
                }
            }
        }
    }
}
