import SDCDiagnostics
import SDCModel
import SDCYAML

/// A SeldonDeployment read straight from its YAML nodes, so every finding can point at the exact key or value.
///
/// The typed model (`SDCModel`) drops locations of individual fields; the rules here need them.
public struct DeploymentNodes: Sendable {
    public var root: Node
    /// The namespace the objects will live in: `--namespace`, else `metadata.namespace`; nil when neither says, as
    /// `kubectl apply -n` decides then (any Secret of the right name matches).
    public var namespace: String?

    init(_ root: Node, namespaceOverride: String?) {
        self.root = root
        let own = root["metadata"]?["namespace"]?.string ?? ""
        namespace = namespaceOverride ?? (own.isEmpty ? nil : own)
    }

    public var protocolName: String { root["spec"]?["protocol"]?.string ?? "" }

    public struct PredictorNodes: Sendable {
        public var node: Node
        public var path: String
        public var graph: GraphNode?
        public var componentSpecs: [Node]

        /// Every container and init container named in the componentSpecs, with its node.
        public func containers(_ field: String) -> [Node] {
            componentSpecs.flatMap { $0["spec"]?[field]?.sequence ?? [] }
        }
    }

    /// One graph node with its YAML path.
    public struct GraphNode: Sendable {
        public var node: Node
        public var path: String
        public var name: String? { node["name"]?.string }

        /// This node and every descendant, pre-order (the operator's order).
        public var preOrder: [GraphNode] {
            let children = (node["children"]?.sequence ?? []).enumerated().map {
                GraphNode(node: $0.element, path: "\(path).children[\($0.offset)]")
            }
            return [self] + children.flatMap(\.preOrder)
        }
    }

    public var predictors: [PredictorNodes] {
        (root["spec"]?["predictors"]?.sequence ?? []).enumerated().map { i, p in
            let path = "spec.predictors[\(i)]"
            let graph = p["graph"].flatMap { $0.isMapping ? GraphNode(node: $0, path: "\(path).graph") : nil }
            return PredictorNodes(node: p, path: path, graph: graph, componentSpecs: p["componentSpecs"]?.sequence ?? [])
        }
    }

    /// Every graph node and explainer with a non-empty `modelUri`.
    func modelReferences(values: Values) -> [ModelReference] {
        var references: [ModelReference] = []
        for predictor in predictors {
            let initContainers = predictor.containers("initContainers")
            var units: [(node: Node, path: String, name: String, isExplainer: Bool)] =
                (predictor.graph?.preOrder ?? []).map { ($0.node, $0.path, $0.name ?? "", false) }
            if let explainer = predictor.node["explainer"], explainer.isMapping {
                // The operator names the explainer's container and initializer after the predictor (render.md §12).
                units.append((explainer, "\(predictor.path).explainer", "explainer", true))
            }
            for unit in units {
                guard let uriNode = unit.node["modelUri"], let uri = uriNode.string ?? uriNode.scalarText, !uri.isEmpty else {
                    continue
                }
                let ownSecret = unit.node["envSecretRefName"]
                let secretName: String? =
                    if let own = ownSecret?.string, !own.isEmpty { own } else if !values.defaultEnvSecretRefName.isEmpty {
                        values.defaultEnvSecretRefName
                    } else { nil }
                let ownImage = unit.node["storageInitializerImage"]?.string ?? ""
                let image =
                    !ownImage.isEmpty
                    ? ownImage
                    : values.relatedImage("RELATED_IMAGE_STORAGE_INITIALIZER") ?? values.storageInitializerImage
                let userInitializer = initContainers.first { $0["name"]?.string == "\(unit.name)-model-initializer" }
                references.append(
                    ModelReference(
                        uri: uri, uriNode: uriNode, unitName: unit.name, path: "\(unit.path).modelUri",
                        secretName: secretName,
                        secretNode: (ownSecret?.string ?? "").isEmpty ? nil : ownSecret,
                        namespace: namespace, initializerImage: image,
                        userInitializer: unit.isExplainer ? nil : userInitializer,
                        implementation: unit.node["implementation"]?.string))
            }
        }
        return references
    }
}

/// One unit that downloads a model: its URI, the Secret its init container gets and which initializer runs.
public struct ModelReference: Sendable {
    public var uri: String
    public var uriNode: Node
    public var unitName: String
    /// YAML path of the modelUri, e.g. `spec.predictors[0].graph.modelUri`.
    public var path: String
    /// The unit's `envSecretRefName`, else the chart's `predictiveUnit.defaultEnvSecretRefName` (storage.md §8.1).
    public var secretName: String?
    /// The unit's own `envSecretRefName` node; nil when the name came from the values.
    public var secretNode: Node?
    public var namespace: String?
    public var initializerImage: String
    /// A `<unit>-model-initializer` the user wrote: the operator uses it as given (render.md §8.3 step 1).
    public var userInitializer: Node?
    public var implementation: String?
    /// `--fetcher sdc|rclone`: overrides what the image implies.
    public var fetcherOverride: InitializerSemantics?

    public var location: Location? { uriNode.location }

    /// sdc's own image means sdc fetch semantics; anything else is taken to be rclone (storage.md §8.3, last paragraph).
    public var semantics: InitializerSemantics {
        if let fetcherOverride { return fetcherOverride }
        let name = initializerImage.split(separator: "/").last.map { String($0.prefix { $0 != ":" && $0 != "@" }) } ?? ""
        return name == "sdc" || name.hasPrefix("sdc-") ? .sdcFetch : .rclone
    }
}

public enum InitializerSemantics: String, Sendable, CaseIterable {
    case rclone
    case sdcFetch = "sdc"
}
