import SDCModel
import SDCYAML

/// A Deployment while the operator is still building it: label and annotation maps (later writes win), the pod
/// spec as a node tree. `node` gives the wire form (render.md §0.3, §5).
struct DeploymentDraft {
    var name: String
    var namespace: String
    var labels = StringMap()
    var annotations = StringMap()
    var selector = StringMap()
    var templateLabels = StringMap()
    var templateAnnotations = StringMap()
    var replicas: Int?
    var progressDeadlineSeconds: Int?
    var pod: Node = .emptyMapping
    /// The componentSpec this Deployment was built from, and how many containers it had: those containers are
    /// shared with the SDep's componentSpec in the operator (§3, last paragraph).
    var componentIndex: Int?
    var sharedContainerCount = 0
    /// YAML path of the pod spec this Deployment came from, for findings (`spec.predictors[0].componentSpecs[0].spec`).
    var sourcePath = "spec.predictors"

    /// Sets a label on metadata, selector and pod template (§5.2 "all three").
    mutating func labelEverywhere(_ key: String, _ value: String) {
        labels[key] = value
        selector[key] = value
        templateLabels[key] = value
    }

    func containerNames() -> [String] { (pod["containers"]?.listItems ?? []).compactMap(\.name) }

    func hasContainer(_ name: String) -> Bool { pod.hasItem("containers", named: name) }

    var node: Node {
        var metadata: [(String, Node)] = []
        if !annotations.isEmpty { metadata.append(("annotations", annotations.node)) }
        metadata += [("creationTimestamp", .null), ("labels", labels.node), ("name", .string(name)), ("namespace", .string(namespace))]
        var templateMetadata: [(String, Node)] = []
        if !templateAnnotations.isEmpty { templateMetadata.append(("annotations", templateAnnotations.node)) }
        templateMetadata.append(("creationTimestamp", .null))
        if !templateLabels.isEmpty { templateMetadata.append(("labels", templateLabels.node)) }
        var spec: [(String, Node)] = []
        if let progressDeadlineSeconds { spec.append(("progressDeadlineSeconds", .int(progressDeadlineSeconds))) }
        if let replicas { spec.append(("replicas", .int(replicas))) }
        spec += [
            ("selector", .mapping([("matchLabels", selector.node)])),
            // `maxUnavailable` is built as "10%" without the string flag, so it encodes as 0 (§0.3, §5.1 item 4).
            ("strategy", .mapping([("rollingUpdate", .mapping([("maxUnavailable", .int(0))])), ("type", .string("RollingUpdate"))])),
            ("template", .mapping([("metadata", .mapping(templateMetadata)), ("spec", GoTypes.normalize(pod, as: .object("PodSpec")))])),
        ]
        return .mapping([
            ("apiVersion", .string("apps/v1")), ("kind", .string("Deployment")), ("metadata", .mapping(metadata)),
            ("spec", .mapping(spec)), ("status", .emptyMapping),
        ])
    }

    /// The seldon-podinfo downward-API volume every generated pod gets (§5.1 item 14).
    static let podinfoVolume: Node = .mapping([
        ("name", .string("seldon-podinfo")),
        ("downwardAPI", .mapping([
            ("items", .sequence([.mapping([
                ("path", .string("annotations")),
                ("fieldRef", .mapping([("apiVersion", .string("v1")), ("fieldPath", .string("metadata.annotations"))])),
            ])])),
            ("defaultMode", .int(420)),
        ])),
    ])
}
