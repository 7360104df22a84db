import ArgumentParser
import SDCDiagnostics
import SDCRender
import SDCYAML

/// `sdc krm`: sdc as a KRM function (KRM Functions Specification) for `kpt fn eval --exec "sdc krm"`, and as a
/// kustomize exec plugin (a transformer whose config kind is `RenderConfig`).
struct KRMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "krm",
        abstract: "Run as a KRM function or kustomize plugin: expand the SeldonDeployments read on standard input.",
        discussion: """
            Standard input is a config.kubernetes.io/v1 ResourceList (kpt, kustomize KRM functions) or, for \
            kustomize's exec plugins, a plain YAML stream. Every SeldonDeployment among the items is replaced by the \
            objects the operator would create; every other item is kept unchanged. The function config is a v1 \
            ConfigMap (data: values.yaml text, namespace, and helm --set keys such as executor.enabled) or an \
            sdc.seldon.io/v1alpha1 RenderConfig (spec.values, spec.set, spec.namespace). A ResourceList comes back \
            with findings as results; a plain stream comes back as a stream, findings on stderr. The exit status is \
            1 when any finding is an error.

            Run as a program named RenderConfig (a kustomize plugin link to sdc), sdc behaves as sdc krm.
            """
    )

    /// The executable name kustomize looks for: $KUSTOMIZE_PLUGIN_HOME/sdc.seldon.io/v1alpha1/renderconfig/RenderConfig.
    static let pluginName = KRMFunctionConfig.kind

    @Argument(help: ArgumentHelp(
        "Function config file, overriding the ResourceList's functionConfig (kustomize exec plugins pass it here).",
        valueName: "config"))
    var config: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() async throws {
        let text: String
        switch InputReader().readText("/dev/stdin") {
        case .success(let t): text = t
        case .failure(.unreadable(let d)), .failure(.invalid(let d)): return try fail([d], status: .noInput)
        }
        let documents: [Document]
        do {
            documents = try YAMLParser().parse(text, file: InputReader.stdinName).filter { !$0.root.isNull }
        } catch let d as Diagnostic {
            return try fail([d], status: .findings)
        }
        let resourceList = documents.count == 1 && Self.isResourceList(documents[0].root) ? documents[0].root : nil
        let items = resourceList.map { $0["items"]?.sequence ?? [] } ?? documents.map(\.root)

        var functionConfig: (node: Node?, file: String) = (resourceList?["functionConfig"], "functionConfig")
        if let path = config {
            switch InputReader().read(path) {
            case .success(let parsed): functionConfig = (parsed.documents.first?.root, parsed.name)
            case .failure(.unreadable(let d)): return try fail([d], status: .noInput)
            case .failure(.invalid(let d)): return try fail([d], status: .findings)
            }
        }
        let (output, findings) = try KRMFunction.run(
            items: items, config: KRMFunctionConfig(functionConfig.node, file: functionConfig.file))
        let failed = findings.contains { $0.diagnostic.severity == .error }

        if var list = resourceList {
            // KRM spec: the function writes the ResourceList back, results included, even when it fails.
            list["items"] = .sequence(output)
            list["functionConfig"] = nil
            let shown = diagnostics.quiet ? findings.filter { $0.diagnostic.severity == .error } : findings
            list["results"] = shown.isEmpty ? nil : .sequence(shown.map(KRMResult.node))
            Terminal.writeStdout(try YAMLEmitter().emitDocument(list))
        } else {
            Terminal.report(findings.map(\.diagnostic), options: diagnostics)
            if !failed {
                let emitter = YAMLEmitter()
                Terminal.writeStdout(try output.map { try emitter.emitDocument($0) }.joined(separator: "---\n"))
            }
        }
        if failed { throw ExitCode(ExitStatus.findings.rawValue) }
    }

    static func isResourceList(_ root: Node) -> Bool {
        root["kind"]?.string == "ResourceList" && (root["apiVersion"]?.string?.hasPrefix("config.kubernetes.io/") ?? false)
    }

    private func fail(_ findings: [Diagnostic], status: ExitStatus) throws {
        Terminal.report(findings, options: diagnostics)
        throw ExitCode(status.rawValue)
    }
}
