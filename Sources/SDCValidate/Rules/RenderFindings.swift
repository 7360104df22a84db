import SDCDiagnostics
import SDCRender

/// Everything `sdc render` would reject or warn about, under render's own rule ids (`sdep-…`, `schema-…`, `yaml-…`):
/// validate runs the render pipeline rather than re-implementing it (issue 6).
struct RenderFindings: Rule {
    let id = "render"
    let defaultSeverity = Severity.error
    let summary = "The render pipeline's own findings: what the API server, the webhook or the operator would refuse"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        Renderer.render(context.documents, options: RenderOptions(namespace: context.namespaceOverride, values: context.values))
            .diagnostics
    }
}
