import SDCDiagnostics
import SDCModel
import SDCYAML

/// What a render needs besides the documents: everything the CLI's flags decide, already parsed.
public struct RenderOptions: Sendable {
    /// Overrides every SeldonDeployment's namespace (`--namespace`).
    public var namespace: String?
    /// The operator configuration from the chart values (render.md §2).
    public var values: Values
    public var form: OutputForm
    /// Extra objects to emit with the rest (a generated rclone Secret).
    public var extraObjects: [Node]

    public init(namespace: String? = nil, values: Values = .chartDefaults, form: OutputForm = .apply, extraObjects: [Node] = []) {
        self.namespace = namespace
        self.values = values
        self.form = form
        self.extraObjects = extraObjects
    }
}

/// The objects a render produces, in output order, and every finding on the way.
public struct RenderResult: Sendable {
    public var objects: [Node]
    public var diagnostics: [Diagnostic]

    public init(objects: [Node] = [], diagnostics: [Diagnostic] = []) {
        self.objects = objects
        self.diagnostics = diagnostics
    }

    public var failed: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The render pipeline, top to bottom (render.md §0.2): classify each document; for SeldonDeployments load (§1.3),
/// validate (§1.4), default (§1.5), expand (§3–§12); pass everything else through; order by kind. Pure: no files,
/// no flags, no environment.
public enum Renderer {
    public static func render(_ documents: [Document], options: RenderOptions = RenderOptions()) -> RenderResult {
        var diagnostics: [Diagnostic] = []
        var generated: [Node] = options.extraObjects
        var passedThrough: [Node] = []
        for document in documents {
            switch KubernetesObject.classify(document) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let object) where object.group == KubernetesObject.seldonGroup:
                let version = String(object.apiVersion.dropFirst(KubernetesObject.seldonGroup.count + 1))
                guard object.kind == "SeldonDeployment", KubernetesObject.seldonVersions.contains(version) else {
                    diagnostics.append(unknownSeldonKind(object, document: document))
                    continue
                }
                let (objects, findings) = expand(object.root, document: document, options: options)
                generated += objects
                diagnostics += findings
            case .success(let object):
                diagnostics += PassThroughChecks.check(object, document: document)
                // Re-emitted like every other object: keys in yaml.v2 order, content unchanged.
                passedThrough.append(object.root.sortingKeys())
            }
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return RenderResult(objects: failed ? [] : Ordering.sorted(generated + passedThrough), diagnostics: diagnostics)
    }

    /// One SeldonDeployment through the whole pipeline; objects are already in their final form, keys sorted.
    static func expand(_ root: Node, document: Document, options: RenderOptions) -> ([Node], [Diagnostic]) {
        let (decoded, decodeFindings) = SeldonDeploymentDecoder().decode(root, documentLocation: document.location)
        guard var sdep = decoded, !decodeFindings.contains(where: { $0.severity == .error }) else { return ([], decodeFindings) }
        var findings = decodeFindings
        if !ApiServerChecks.isDNS1123Subdomain(sdep.name) {
            findings.append(
                .error("sdep-invalid-name", "metadata.name \(sdep.name) is not a valid DNS-1123 name", fix: "use lower-case letters, digits and '-'",
                    at: root["metadata"]?["name"]?.location ?? sdep.location, path: "metadata.name"))
        }
        // The API server's limit on one object's annotations (keys plus values); they are copied onto the
        // generated objects, so an SDep over it cannot produce objects either.
        let annotationBytes = (sdep.annotations.map { $0.key.utf8.count + $0.value.utf8.count }.reduce(0, +))
            + sdep.spec.annotations.map { $0.key.utf8.count + $0.value.utf8.count }.reduce(0, +)
        if annotationBytes > 256 * 1024 {
            findings.append(
                .error("sdep-annotations-too-large", "annotations total \(annotationBytes) bytes, more than Kubernetes' 256 KiB",
                    at: root["metadata"]?["annotations"]?.location ?? sdep.location, path: "metadata.annotations"))
        }
        let values = options.values
        if (sdep.labels["seldon.io/controller-id"] ?? "") != values.controllerId {
            findings.append(
                .warning("sdep-controller-id", "label seldon.io/controller-id \"\(sdep.labels["seldon.io/controller-id"] ?? "")\" does not match controllerId \"\(values.controllerId)\": that operator would ignore this SeldonDeployment",
                    at: sdep.location, path: "metadata.labels"))
        }
        if values.ambassadorEnabled, values.ambassadorVersion != "v1" {
            findings.append(
                .error("values-ambassador-v2-unsupported", "ambassador.enabled with version \(values.ambassadorVersion.isEmpty ? "\"\"" : values.ambassadorVersion) creates Ambassador v2 Mapping objects, which sdc render does not produce (render.md §14.3)",
                    fix: "set ambassador.version=v1 for the getambassador.io/config annotation, or ambassador.enabled=false", at: sdep.location))
        }
        var validation = Validation(sdep: sdep, values: values)
        validation.run()
        findings += validation.diagnostics
        guard !findings.contains(where: { $0.severity == .error }) else { return ([], findings) }

        let namespace = options.namespace ?? ((sdep.namespace ?? "").isEmpty ? "default" : sdep.namespace!)
        var defaulting = Defaulting(
            values: values, namespace: namespace,
            separateEnginePod: sdep.spec.annotations["seldon.io/engine-separate-pod"]?.lowercased() == "true")
        defaulting.apply(to: &sdep)

        var expansion = Expansion(sdep: sdep, values: values, namespace: namespace)
        expansion.run()
        findings += expansion.diagnostics
        for d in expansion.deployments {
            findings += ApiServerChecks.check(pod: d.pod, deployment: d.name, fallback: sdep.location, path: d.sourcePath)
            // A prepack server without an image for the protocol (§2.3 step 4, §7.6): the Deployment is accepted but
            // its pods can never start.
            for c in d.pod["containers"]?.listItems ?? [] where c["image"]?.string?.isEmpty ?? true {
                findings.append(
                    .warning("pod-container-without-image", "container \(c.name ?? "") of Deployment \(d.name) has no image; its pods cannot start",
                        fix: "set spec.protocol to one the server has an image for (predictor_servers), or give the container an image",
                        at: c.location ?? sdep.location, path: d.sourcePath))
            }
        }
        // Only graph nodes with a container get a container Service and its `seldon-app-svc-<name>` label (§4).
        let containerNodes = sdep.spec.predictors.flatMap { p in
            p.graph.preOrder.filter { pu in p.componentSpecs.contains { $0.containers.contains { $0.name == pu.name } } }
        }
        for pu in containerNodes where pu.name.utf8.count > 63 - "seldon-app-svc-".count {
            findings.append(
                .error("sdep-label-key-too-long", "graph node name \(pu.name) makes the label key seldon-app-svc-\(pu.name) longer than 63 characters",
                    at: pu.location, path: "\(pu.path).name"))
        }
        for object in expansion.services + expansion.deployments.map(\.node) {
            findings += ApiServerChecks.check(object: object, fallback: sdep.location)
        }
        guard !findings.contains(where: { $0.severity == .error }) else { return ([], findings) }
        // Creation order (§15.2): Services, HPAs, ScaledObjects, PDBs, Deployments, VirtualServices, DestinationRules.
        let ordered = expansion.services + expansion.hpas + expansion.scaledObjects + expansion.pdbs + expansion.deployments.map(\.node)
            + expansion.virtualServices + expansion.destinationRules
        return (ordered.map { options.form.finish($0, sdepName: sdep.name).sortingKeys() }, findings)
    }

    static func unknownSeldonKind(_ object: KubernetesObject, document: Document) -> Diagnostic {
        let valid = KubernetesObject.seldonVersions.map { "\(KubernetesObject.seldonGroup)/\($0)" }
        if object.kind != "SeldonDeployment" {
            let hint = Suggest.closest(object.kind, among: ["SeldonDeployment"]).map { "did you mean \($0)?" }
            return .error("sdep-unknown-kind", "kind \(object.kind) is not served by \(KubernetesObject.seldonGroup)", fix: hint,
                at: object.root["kind"]?.location ?? document.location, path: "kind")
        }
        let hint = Suggest.closest(object.apiVersion, among: valid).map { "did you mean \($0)?" } ?? "use \(valid[0])"
        return .error("sdep-unknown-version", "apiVersion \(object.apiVersion) is not a SeldonDeployment version", fix: hint,
            at: object.root["apiVersion"]?.location ?? document.location, path: "apiVersion")
    }
}
