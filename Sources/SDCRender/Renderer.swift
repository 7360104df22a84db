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
        let (objects, diagnostics) = render(documents, options: options) { $0.sortingKeys() }
        return RenderResult(objects: objects, diagnostics: diagnostics)
    }

    /// The same pipeline, handing each finished object to `encode` (the CLI turns it into YAML text) as soon as
    /// its document is expanded, so memory holds one document's trees at a time instead of the whole output.
    /// Objects reach `encode` with their keys not yet in `KeyOrder`: writers sort as they write
    /// (`YAMLEmitter(sortingKeys: true)`, `JSONOutput`), which saves a sorted copy of every tree; anything else
    /// calls `sortingKeys()`. Returns the encoded objects in output order, or none once any error is found.
    public static func render<Encoded>(
        _ documents: [Document], options: RenderOptions, encode: (Node) throws -> Encoded
    ) rethrows -> (objects: [Encoded], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var failed = false
        var generated: [(kind: String, object: Encoded)] = []
        var passedThrough: [(kind: String, object: Encoded)] = []
        func keep(_ node: Node, in list: inout [(kind: String, object: Encoded)]) throws {
            guard !failed else { return }
            list.append((node["kind"]?.string ?? "", try encode(node)))
        }
        for node in options.extraObjects { try keep(node, in: &generated) }
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
                diagnostics += findings
                failed = failed || findings.contains { $0.severity == .error }
                for node in objects { try keep(node, in: &generated) }
            case .success(let object):
                let findings = PassThroughChecks.check(object, document: document)
                diagnostics += findings
                failed = failed || findings.contains { $0.severity == .error }
                // Re-emitted like every other object (keys in yaml.v2 order, by `encode`), content unchanged.
                try keep(object.root, in: &passedThrough)
            }
            failed = failed || diagnostics.contains { $0.severity == .error }
        }
        guard !failed else { return ([], diagnostics) }
        return (Ordering.sorted(generated + passedThrough), diagnostics)
    }

    /// One SeldonDeployment through the whole pipeline (§0.2); objects come out final but for key order.
    static func expand(_ root: Node, document: Document, options: RenderOptions) -> ([Node], [Diagnostic]) {
        // 1. Load as the API server stores it (§1.3).
        let (decoded, decodeFindings) = SeldonDeploymentDecoder().decode(root, documentLocation: document.location)
        guard var sdep = decoded, !decodeFindings.contains(where: { $0.severity == .error }) else { return ([], decodeFindings) }
        // 2. What the API server and the validating webhook would refuse (§1.4).
        var findings = decodeFindings + Admission.check(sdep, root: root, values: options.values)
        guard !findings.contains(where: { $0.severity == .error }) else { return ([], findings) }
        // 3. In-memory defaulting (§1.5).
        let namespace = options.namespace ?? ((sdep.namespace ?? "").isEmpty ? "default" : sdep.namespace!)
        var defaulting = Defaulting(
            values: options.values, namespace: namespace,
            separateEnginePod: sdep.spec.annotations["seldon.io/engine-separate-pod"]?.lowercased() == "true")
        defaulting.apply(to: &sdep)
        // 4. createComponents (§3–§14).
        var expansion = Expansion(sdep: sdep, values: options.values, namespace: namespace)
        expansion.run()
        findings += expansion.diagnostics
        // 5. What the API server would refuse in the generated objects (sdc decisions). Deployment nodes are
        // built once here, for the checks and the output alike.
        let deployments = expansion.deployments.map(\.node)
        findings += ApiServerChecks.check(expansion, deploymentNodes: deployments)
        guard !findings.contains(where: { $0.severity == .error }) else { return ([], findings) }
        // 6. Creation order (§15.2): Services, HPAs, ScaledObjects, PDBs, Deployments, VirtualServices, DestinationRules.
        let ordered = expansion.services + expansion.hpas + expansion.scaledObjects + expansion.pdbs + deployments
            + expansion.virtualServices + expansion.destinationRules
        return (ordered.map { options.form.finish($0, sdepName: sdep.name) }, findings)
    }

    /// A kind or apiVersion is long and spelt by hand: allow about one typo in three characters, at least three.
    static func kindTypos(_ length: Int) -> Int { max(3, length / 3) }

    static func unknownSeldonKind(_ object: KubernetesObject, document: Document) -> Diagnostic {
        let valid = KubernetesObject.seldonVersions.map { "\(KubernetesObject.seldonGroup)/\($0)" }
        if object.kind != "SeldonDeployment" {
            let hint = ClosestName.closest(to: object.kind, among: ["SeldonDeployment"], tolerance: Self.kindTypos).map { "did you mean \($0)?" }
            return .error("sdep-unknown-kind", "kind \(object.kind) is not served by \(KubernetesObject.seldonGroup)", fix: hint,
                at: object.root["kind"]?.location ?? document.location, path: "kind")
        }
        let hint = ClosestName.closest(to: object.apiVersion, among: valid, tolerance: Self.kindTypos).map { "did you mean \($0)?" } ?? "use \(valid[0])"
        return .error("sdep-unknown-version", "apiVersion \(object.apiVersion) is not a SeldonDeployment version", fix: hint,
            at: object.root["apiVersion"]?.location ?? document.location, path: "apiVersion")
    }
}
