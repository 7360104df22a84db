import SDCDiagnostics
import SDCYAML

/// What a render needs besides the documents: everything the CLI's flags decide.
public struct RenderOptions: Sendable {
    /// Overrides every SeldonDeployment's namespace (`--namespace`).
    public var namespace: String?

    public init(namespace: String? = nil) {
        self.namespace = namespace
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

/// The render pipeline, top to bottom: classify each input document, expand SeldonDeployments, pass the rest
/// through. Pure: no files, no flags, no environment.
public enum Renderer {
    public static func render(_ documents: [Document], options: RenderOptions = RenderOptions()) -> RenderResult {
        var result = RenderResult()
        for document in documents {
            switch KubernetesObject.classify(document) {
            case .failure(let diagnostic):
                result.diagnostics.append(diagnostic)
            case .success(let object) where object.isSeldonDeployment:
                result.diagnostics.append(
                    .error(
                        "render-seldondeployment",
                        "SeldonDeployment expansion is not available in this build",
                        at: document.location))
            case .success(let object):
                result.objects.append(object.root)
            }
        }
        return result
    }
}
