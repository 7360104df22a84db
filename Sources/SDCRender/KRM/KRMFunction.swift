import SDCDiagnostics
import SDCModel
import SDCYAML

/// A finding of the KRM function, with the item it is about (for the result's `resourceRef` and `file`).
public struct KRMFinding: Sendable {
    public var diagnostic: Diagnostic
    public var item: Node?

    public init(_ diagnostic: Diagnostic, item: Node? = nil) {
        self.diagnostic = diagnostic
        self.item = item
    }
}

/// sdc as a KRM function (KRM Functions Specification, kpt's "fn" spec): every SeldonDeployment among the items is
/// replaced, in place, by the objects the operator would create for it; every other item is left exactly as it
/// came. A SeldonDeployment that fails to render stays as it was, and the failure is an error finding. Pure: the
/// CLI reads the ResourceList and writes the result.
public enum KRMFunction {
    /// Annotations kpt and kustomize put on items to track where they came from (KRM spec "Annotations"; kustomize's
    /// legacy plugin id). They describe the file, not the deployment, so the render never sees them.
    static let toolAnnotationPrefixes = [
        "config.kubernetes.io/", "internal.config.kubernetes.io/", "config.k8s.io/", "kustomize.config.k8s.io/",
    ]
    /// What a generated object inherits from its SeldonDeployment so kpt writes it into the same file. Ids are not
    /// inherited: a generated object is a new resource, not the deployment edited.
    static let inheritedAnnotations = [
        "config.kubernetes.io/path", "internal.config.kubernetes.io/path", "internal.config.kubernetes.io/seqindent",
    ]
    /// Position in the file; renumbered in every file whose SeldonDeployment was expanded, in output order.
    static let indexAnnotations = ["config.kubernetes.io/index", "internal.config.kubernetes.io/index"]
    static let pathAnnotations = ["internal.config.kubernetes.io/path", "config.kubernetes.io/path"]

    public static func run(items: [Node], config: KRMFunctionConfig) throws -> (items: [Node], findings: [KRMFinding]) {
        var findings = config.diagnostics.map { KRMFinding($0) }
        guard !findings.contains(where: { $0.diagnostic.severity == .error }) else { return (items, findings) }
        let loaded = try config.loadValues()
        findings += loaded.diagnostics.map { KRMFinding($0) }
        guard !loaded.failed else { return (items, findings) }
        let options = RenderOptions(namespace: config.namespace, values: loaded.values)

        var output: [Slotted] = []
        var expandedFiles: Set<String> = []
        for (position, item) in items.enumerated() {
            let slot = Slot(item, position: position)
            guard isSeldon(item) else {
                output.append(Slotted(node: item, slot: slot, sub: 0))
                continue
            }
            let stripped = withoutToolAnnotations(item)
            let document = Document(root: stripped, location: item.location ?? Location(file: "<items>", line: 1, column: 1))
            let result = Renderer.render([document], options: options)
            findings += result.diagnostics.map { KRMFinding($0, item: item) }
            guard !result.failed else {
                output.append(Slotted(node: item, slot: slot, sub: 0))
                continue
            }
            if let path = slot.path { expandedFiles.insert(path) }
            let inherited = toolAnnotations(of: item).filter { inheritedAnnotations.contains($0.key) || indexAnnotations.contains($0.key) }
            for (sub, object) in result.objects.enumerated() {
                output.append(Slotted(node: adding(inherited, to: object), slot: slot, sub: sub))
            }
        }
        return (renumbered(output, files: expandedFiles), findings)
    }

    static func isSeldon(_ item: Node) -> Bool {
        item["apiVersion"]?.string?.hasPrefix(KubernetesObject.seldonGroup + "/") ?? false
    }

    /// Where an item sits: its file and index annotations, else its position among the items.
    struct Slot {
        var path: String?
        var index: Int

        init(_ item: Node, position: Int) {
            let annotations = item["metadata"]?["annotations"]
            path = KRMFunction.pathAnnotations.lazy.compactMap { annotations?[$0]?.string }.first
            index = KRMFunction.indexAnnotations.lazy.compactMap { annotations?[$0]?.scalarText.flatMap { Int($0) } }.first ?? position
        }
    }

    struct Slotted {
        var node: Node
        var slot: Slot
        var sub: Int
    }

    static func toolAnnotations(of item: Node) -> [(key: String, value: Node)] {
        (item["metadata"]?["annotations"]?.pairs ?? []).compactMap { pair in
            guard let key = pair.key.scalarText, toolAnnotationPrefixes.contains(where: key.hasPrefix) else { return nil }
            return (key, pair.value)
        }
    }

    /// The deployment as its author wrote it: tool annotations removed, and `annotations` itself when nothing is left,
    /// so the render is byte-identical to `sdc render` of the same file.
    static func withoutToolAnnotations(_ item: Node) -> Node {
        guard var metadata = item["metadata"], let pairs = metadata["annotations"]?.pairs else { return item }
        let kept = pairs.filter { pair in !toolAnnotationPrefixes.contains { pair.key.scalarText?.hasPrefix($0) ?? false } }
        guard kept.count != pairs.count else { return item }
        var result = item
        var annotations = metadata["annotations"]!
        annotations.content = .mapping(kept)
        metadata["annotations"] = kept.isEmpty ? nil : annotations
        result["metadata"] = metadata
        return result
    }

    static func adding(_ annotations: [(key: String, value: Node)], to object: Node) -> Node {
        guard !annotations.isEmpty else { return object }
        var o = object
        var metadata = o["metadata"] ?? .emptyMapping
        var existing = metadata["annotations"] ?? .emptyMapping
        for (key, value) in annotations { existing[key] = value }
        metadata["annotations"] = existing
        o["metadata"] = metadata
        return o.sortingKeys()
    }

    /// In each file that held an expanded deployment, indices become 0… in (original index, generated order), so
    /// kpt writes the generated objects where the deployment was and no two objects claim one index.
    static func renumbered(_ output: [Slotted], files: Set<String>) -> [Node] {
        var nodes = output.map(\.node)
        for file in files {
            let positions = output.indices.filter { output[$0].slot.path == file }
                .sorted { (output[$0].slot.index, output[$0].sub, $0) < (output[$1].slot.index, output[$1].sub, $1) }
            for (newIndex, position) in positions.enumerated() {
                guard var metadata = nodes[position]["metadata"], var annotations = metadata["annotations"] else { continue }
                for key in indexAnnotations where annotations[key] != nil {
                    annotations[key] = .string(String(newIndex))
                }
                metadata["annotations"] = annotations
                nodes[position]["metadata"] = metadata
            }
        }
        return nodes
    }
}
