import SDCDiagnostics
import SDCYAML

/// `sdc render --explain`: for one generated object, a short note per object and per significant field naming the
/// render.md rule that produced it and, where there is one, the input location it came from. The notes are keyed by
/// the field's path in the emitted object (`spec.template.spec.containers[1]`); `""` is the object itself.
/// The rule is read off the finished object (kind, names, labels — the same facts §4–§14 decide on), so the notes
/// describe the output exactly as printed, whatever code path produced it.
public enum ExplainNotes {
    public static func notes(for object: Node, source: ExplainSource) -> [String: String] {
        let origin = source.origin(of: object)
        var notes: [String: String] = [:]
        let kind = object["kind"]?.string ?? ""
        let name = object["metadata"]?["name"]?.string ?? ""
        let labels = object["metadata"]?["labels"]
        func from(_ node: Node?) -> String { node?.location.map { " from \($0)" } ?? "" }

        // Generated objects are built from scratch; only an input object arrives with its own location.
        if let location = object.location {
            return ["": "§0.2 passed through unchanged from \(location)"]
        }
        switch kind {
        case "Deployment":
            let pod = "spec.template.spec"
            if labels?["seldon.io/explainer"] != nil {
                notes[""] = "§12 explainer Deployment" + from(origin?.predictor?["explainer"])
            } else if name.hasSuffix("-svc-orch") {
                notes[""] = "§9.5 separate engine Deployment" + from(origin?.predictor)
            } else {
                notes[""] = "§5 model Deployment for a componentSpec" + from(origin?.predictor)
            }
            notes["metadata.labels"] = "§5.1, §5.2 labels"
            notes["spec.selector"] = "§5.1 selector; §6.2, §9.4 labels"
            notes["spec.strategy"] = "§5.1 rolling update"
            notes["spec.template.metadata.annotations"] = "§5.1 prometheus and deployment annotations"
            notes["spec.template.metadata.labels"] = "§5.1, §5.2 pod labels"
            let userPodSpecs = (origin?.predictor?["componentSpecs"]?.sequence ?? []).compactMap { $0["spec"] }
            if !userPodSpecs.contains(where: { $0["securityContext"] != nil }) {
                notes["\(pod).securityContext"] = "§5.1 pod security context"
            }
            for (i, container) in (object[path: pod]?["containers"]?.sequence ?? []).enumerated() {
                containerNotes(container, at: "\(pod).containers[\(i)]", origin: origin, into: &notes)
            }
            for (i, container) in (object[path: pod]?["initContainers"]?.sequence ?? []).enumerated() {
                let cName = container["name"]?.string ?? ""
                let at = "\(pod).initContainers[\(i)].name"
                if let user = origin?.userContainer(named: cName, initContainer: true) {
                    notes[at] = (cName.hasSuffix("-model-initializer") ? "§8.3 step 1 user's initializer, used as given" : "§5.1 user init container") + from(user)
                } else if cName.hasSuffix("-model-initializer") {
                    // The URI the initializer downloads names its graph node (the target may be `tfserving`, §7.4).
                    let uri = container["args"]?.sequence?.first?.string
                    let target = String(cName.dropLast("-model-initializer".count))
                    let modelUri = origin?.graphNodes.first { $0["modelUri"]?.string == uri }?["modelUri"]
                        ?? origin?.graphNode(named: target)?["modelUri"] ?? origin?.predictor?["explainer"]?["modelUri"]
                    notes[at] = "§8.3 storage initializer for \(target)" + (modelUri?.location.map { ", modelUri \($0)" } ?? "")
                }
            }
            for (i, volume) in (object[path: pod]?["volumes"]?.sequence ?? []).enumerated() {
                let vName = volume["name"]?.string ?? ""
                let user = userPodSpecs.lazy.compactMap { $0["volumes"]?.sequence?.first { $0["name"]?.string == vName } }.first
                let note =
                    user != nil ? "§5.1 user volume" + from(user)
                    : vName == "seldon-podinfo" ? "§5.1 pod info volume"
                    : vName.hasSuffix("-provision-location") ? "§8.3 model volume"
                    : vName == "kfserving-pvc-source" ? "§8.3 model PVC" : "§5.1 user volume"
                notes["\(pod).volumes[\(i)].name"] = note
            }
        case "Service":
            if labels?["seldon.io/explainer"] != nil {
                notes[""] = "§12 explainer Service" + from(origin?.predictor?["explainer"])
                notes["spec.ports"] = "§12 explainer ports"
            } else if let key = labels?.pairs?.first(where: { $0.key.scalarText?.hasPrefix("seldon-app-svc-") ?? false }) {
                let container = String(key.key.scalarText!.dropFirst("seldon-app-svc-".count))
                notes[""] = "§6.1 container Service for \(container)" + from(origin?.graphNode(named: container))
                notes["metadata.labels"] = "§6.1, §5.3 labels"
                notes["spec.ports"] = "§6.1 http and grpc ports"
                notes["spec.selector"] = "§6.1 selects the container's pods"
            } else {
                notes[""] = "§10 predictor Service" + from(origin?.predictor)
                notes["metadata.labels"] = "§10 labels"
                notes["spec.ports"] = "§10 predictor ports"
                notes["spec.selector"] = "§10 selects the predictor's pods"
            }
        case "HorizontalPodAutoscaler":
            notes[""] = "§11.3 HPA from hpaSpec" + from(origin?.predictor)
        case "ScaledObject":
            notes[""] = "§11.4 KEDA ScaledObject from kedaSpec" + from(origin?.predictor)
        case "PodDisruptionBudget":
            notes[""] = "§11.5 PDB from pdbSpec" + from(origin?.predictor)
        case "VirtualService", "DestinationRule":
            notes[""] = "§14.1 Istio \(kind)" + from(origin?.deployment)
        case "Mapping", "TLSContext":
            notes[""] = "§14.3 Ambassador \(kind)" + from(origin?.deployment)
        default:
            break
        }
        if object["metadata"]?["ownerReferences"] != nil { notes["metadata.ownerReferences"] = "§15.3 owner reference" }
        return notes
    }

    /// A container's note goes on its `name:` line, which says which container it is; the `- ` line is often
    /// `- env:`, whose own note would otherwise be lost (one comment a line).
    static func containerNotes(_ container: Node, at path: String, origin: ExplainSource.Origin?, into notes: inout [String: String]) {
        let name = container["name"]?.string ?? ""
        func from(_ node: Node?) -> String { node?.location.map { " from \($0)" } ?? "" }
        let user = origin?.userContainer(named: name)
        switch name {
        case "seldon-container-engine":
            notes["\(path).name"] = "§9.3 service orchestrator" + from(origin?.predictor?["svcOrchSpec"] ?? origin?.predictor)
            notes["\(path).env"] = "§9.2, §9.3 ENGINE_PREDICTOR and logger env"
            notes["\(path).ports"] = "§9.3 engine ports"
            notes["\(path).livenessProbe"] = "§9.3 /live probe"
            notes["\(path).readinessProbe"] = "§9.3 /ready probe"
            return
        case "tfserving":
            notes["\(path).name"] = "§7.4 TensorFlow Serving container" + from(origin?.predictor)
            return
        default:
            break
        }
        if let node = origin?.graphNode(named: name) {
            let implementation = node["implementation"]?.string ?? ""
            let prepack = !implementation.isEmpty && implementation != "UNKNOWN_IMPLEMENTATION"
            let rule = user != nil ? "§11.1 user container for graph node \(name)" : prepack ? "§7 \(implementation) server" : "§6.3 graph node \(name)"
            notes["\(path).name"] = rule + from(user ?? node)
            notes["\(path).env"] = "§6.3 ports, ids and metrics env" + (prepack ? "; §7 model env" : "")
            notes["\(path).ports"] = "§6.3 http and grpc ports"
            if user?["livenessProbe"] == nil { notes["\(path).livenessProbe"] = "§6.3 TCP probe" }
            if user?["readinessProbe"] == nil { notes["\(path).readinessProbe"] = "§6.3 TCP probe" }
            if user?["lifecycle"] == nil { notes["\(path).lifecycle"] = "§6.3 preStop sleep" }
            if container["volumeMounts"] != nil, !(node["modelUri"]?.string ?? "").isEmpty {
                notes["\(path).volumeMounts"] = "§8.3 model mount"
            }
        } else if origin?.predictor?["explainer"] != nil, user == nil {
            notes["\(path).name"] = "§12 explainer container" + from(origin?.predictor?["explainer"])
        } else {
            notes["\(path).name"] = "§5.1 user container" + from(user)
        }
    }
}

extension Node {
    /// The node at a dotted path of mapping keys (`spec.template.spec`).
    subscript(path path: String) -> Node? {
        path.split(separator: ".").reduce(Optional(self)) { node, key in node?[String(key)] }
    }
}
