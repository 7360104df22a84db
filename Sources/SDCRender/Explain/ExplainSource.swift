import SDCDiagnostics
import SDCYAML

/// The input SeldonDeployments, as parsed (every node located), so a generated object can name the part of its
/// deployment it came from. Generated objects are matched to their deployment by namespace and name prefix
/// (render.md §4: every generated name starts with `<sdep>-<predictor>`), which also covers PDBs and ScaledObjects
/// that carry no `seldon-deployment-id` label; hashed long names (§4) fall back to the deployment itself.
public struct ExplainSource: Sendable {
    struct Deployment: Sendable {
        var name: String
        var namespace: String
        var root: Node
    }

    var deployments: [Deployment] = []

    /// `namespace` is the `--namespace` override, as in `RenderOptions`.
    public init(_ documents: [Document], namespace: String?) {
        for document in documents where document.root["kind"]?.string == "SeldonDeployment"
            && document.root["apiVersion"]?.string?.hasPrefix(KubernetesObject.seldonGroup + "/") == true
        {
            let metadata = document.root["metadata"]
            let own = metadata?["namespace"]?.string ?? ""
            deployments.append(
                Deployment(
                    name: metadata?["name"]?.string ?? "", namespace: namespace ?? (own.isEmpty ? "default" : own),
                    root: document.root))
        }
    }

    /// Where a generated object came from: its deployment and, when its name says so, its predictor.
    struct Origin {
        var deployment: Node
        var predictor: Node?
    }

    func origin(of object: Node) -> Origin? {
        let metadata = object["metadata"]
        let name = metadata?["name"]?.string ?? ""
        let namespace = metadata?["namespace"]?.string ?? ""
        let label = metadata?["labels"]?["seldon-deployment-id"]?.string
        let candidates = deployments.filter { $0.namespace == namespace && (label == $0.name || name == $0.name || name.hasPrefix($0.name + "-")) }
        guard let d = candidates.max(by: { $0.name.count < $1.name.count }) else { return nil }
        let predictors = d.root["spec"]?["predictors"]?.sequence ?? []
        let predictor = predictors.filter { p in
            guard let pName = p["name"]?.string else { return false }
            let prefix = "\(d.name)-\(pName)"
            return name == prefix || name.hasPrefix(prefix + "-")
        }.max { ($0["name"]?.string?.count ?? 0) < ($1["name"]?.string?.count ?? 0) }
        return Origin(deployment: d.root, predictor: predictor)
    }
}

extension ExplainSource.Origin {
    /// The graph node named `name`, searched depth-first from the predictor's root.
    func graphNode(named name: String) -> Node? {
        func search(_ node: Node?) -> Node? {
            guard let node else { return nil }
            if node["name"]?.string == name { return node }
            for child in node["children"]?.sequence ?? [] {
                if let found = search(child) { return found }
            }
            return nil
        }
        return search(predictor?["graph"])
    }

    /// Every graph node of the predictor, depth-first.
    var graphNodes: [Node] {
        func collect(_ node: Node?) -> [Node] {
            guard let node else { return [] }
            return [node] + (node["children"]?.sequence ?? []).flatMap(collect)
        }
        return collect(predictor?["graph"])
    }

    /// The componentSpecs container named `name`, if the user wrote one.
    func userContainer(named name: String, initContainer: Bool = false) -> Node? {
        for spec in predictor?["componentSpecs"]?.sequence ?? [] {
            for container in spec["spec"]?[initContainer ? "initContainers" : "containers"]?.sequence ?? []
            where container["name"]?.string == name {
                return container
            }
        }
        return nil
    }
}
