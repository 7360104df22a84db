import ArgumentParser
import SDCDiagnostics
import SDCModel
import SDCRender
import SDCYAML

/// `sdc render`: SeldonDeployments in, every Kubernetes object the operator would create out.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Expand SeldonDeployments into the Kubernetes objects the Seldon operator would create.",
        discussion: """
            Reads every document of every input. SeldonDeployments are expanded as the Seldon Core v1.18.2 operator \
            would expand them with the given seldon-core-operator chart values; every other document (Secrets, \
            ConfigMaps, anything) passes through unchanged. The result is one YAML stream on stdout, in helm's \
            install order. If any input has an error, nothing is printed on stdout and the exit status is 1.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Input limits") var inputLimits: LimitOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var chart: ChartValuesOptions

    @Option(help: ArgumentHelp("rclone.conf to turn into a Secret of RCLONE_CONFIG_* variables (needs --secret-name).", valueName: "file"))
    var rcloneConfig: String?

    @Option(help: ArgumentHelp("Name of the Secret generated from --rclone-config.", valueName: "name"))
    var secretName: String?

    @Option(help: ArgumentHelp("UID of the SeldonDeployment: adds owner references to every generated object.", valueName: "uid"))
    var ownerUid: String?

    @Flag(help: "Print owner references and seldon.io/last-applied as placeholders, exactly as the operator's objects look (for diffing).")
    var faithful = false

    @Option(name: .shortAndLong, help: "Output format: yaml or json (a v1 List).")
    var output: OutputFormat = .yaml

    @Flag(help: "Add a YAML comment to each generated object and significant field naming the render.md rule and the input location behind it.")
    var explain = false

    func validate() throws {
        if (rcloneConfig == nil) != (secretName == nil) {
            throw ValidationError("--rclone-config and --secret-name go together")
        }
        if faithful, ownerUid != nil {
            throw ValidationError("--faithful prints a placeholder owner UID; it cannot be combined with --owner-uid")
        }
        if explain, output == .json { throw ValidationError("--explain writes YAML comments; JSON has none") }
    }

    func run() async throws {
        var findings: [Diagnostic] = []
        var documents: [Document] = []
        var status = ExitStatus.ok
        func record(_ failure: InputReader.Failure) {
            switch failure {
            case .unreadable(let d):
                findings.append(d)
                status = .noInput
            case .invalid(let d):
                findings.append(d)
                if status == .ok { status = .findings }
            }
        }
        for path in input.files {
            switch InputReader(limits: inputLimits.limits).read(path) {
            case .success(let parsed): documents += parsed.documents
            case .failure(let f): record(f)
            }
        }
        var extra: [Node] = []
        if let rcloneConfig, let secretName {
            switch InputReader(limits: inputLimits.limits).readText(rcloneConfig) {
            case .success(let text):
                do throws(Diagnostic) {
                    let config = try RcloneConfigReading.config(text: text, file: rcloneConfig)
                    extra.append(RcloneSecret.object(name: secretName, namespace: chart.namespace, config: config))
                } catch {
                    findings.append(error)
                    if status == .ok { status = .findings }
                }
            case .failure(let f): record(f)
            }
        }
        let loaded = try chart.load(limits: inputLimits.limits, record: record)
        findings += loaded.diagnostics
        if loaded.failed, status == .ok { status = .findings }

        // Render what did parse even when another input failed, so one run reports every finding.
        guard !loaded.failed else {
            Terminal.report(findings, options: diagnostics)
            throw ExitCode(status.rawValue)
        }
        let form: OutputForm = faithful ? .faithful : ownerUid.map { .ownedBy(uid: $0) } ?? .apply
        let options = RenderOptions(namespace: chart.namespace, values: loaded.values, form: form, extraObjects: extra)
        // Each object becomes text as soon as it is final, so memory holds text rather than every tree.
        let emitter = YAMLEmitter(sortingKeys: true)
        let source = explain ? ExplainSource(documents, namespace: chart.namespace) : nil
        let (objects, renderFindings) =
            output == .json
            ? Renderer.render(documents, options: options) { JSONOutput.item($0) }
            : try Renderer.render(documents, options: options) { object in
                guard let source else { return try emitter.emitDocument(object) }
                // The notes read the object in output order.
                let sorted = object.sortingKeys()
                return LineComments(ExplainNotes.notes(for: sorted, source: source)).apply(to: try emitter.emitDocument(sorted))
            }
        findings += renderFindings
        if renderFindings.contains(where: { $0.severity == .error }), status == .ok { status = .findings }
        guard status == .ok else {
            Terminal.report(findings, options: diagnostics)
            throw ExitCode(status.rawValue)
        }
        Terminal.report(findings, options: diagnostics)
        if output == .json {
            let list = JSONOutput.listParts(empty: objects.isEmpty)
            Terminal.writeStdout(list.head)
            Terminal.writeStdout(pieces: objects, separator: list.separator)
            Terminal.writeStdout(list.tail)
        } else {
            // Written piece by piece: joining first would hold the whole output twice.
            Terminal.writeStdout(pieces: objects, separator: "---\n")
        }
        LeftForExit.keep(documents, objects, loaded)
    }
}
