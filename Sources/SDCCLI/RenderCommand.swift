import ArgumentParser
import SDCDiagnostics
import SDCRender
import SDCYAML

/// `sdc render`: SeldonDeployments in, every Kubernetes object the operator would create out.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Expand SeldonDeployments into the Kubernetes objects the Seldon operator would create.",
        discussion: """
            Reads every document of every input. SeldonDeployments are expanded; every other document \
            (Secrets, ConfigMaps, anything) passes through unchanged. The result is one YAML stream on stdout. \
            If any input has an error, nothing is printed on stdout and the exit status is 1.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    @Option(name: .shortAndLong, help: "Namespace for every SeldonDeployment, overriding metadata.namespace.")
    var namespace: String?

    func run() async throws {
        var findings: [Diagnostic] = []
        var documents: [Document] = []
        var status = ExitStatus.ok
        for path in input.files {
            switch InputReader().read(path) {
            case .success(let parsed):
                documents += parsed.documents
            case .failure(.unreadable(let d)):
                findings.append(d)
                status = .noInput
            case .failure(.invalid(let d)):
                findings.append(d)
                if status == .ok { status = .findings }
            }
        }
        // Render what did parse even when another input failed, so one run reports every finding.
        let result = Renderer.render(documents, options: RenderOptions(namespace: namespace))
        findings += result.diagnostics
        if result.failed, status == .ok { status = .findings }
        guard status == .ok else {
            Terminal.report(findings, options: diagnostics)
            throw ExitCode(status.rawValue)
        }
        let output = try YAMLEmitter().emit(result.objects)
        Terminal.report(findings, options: diagnostics)
        Terminal.writeStdout(output)
    }
}
