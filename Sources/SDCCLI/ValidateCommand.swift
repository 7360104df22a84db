import ArgumentParser
import SDCDiagnostics
import SDCRender
import SDCYAML

/// `sdc validate`: every finding about the inputs, located, without producing output.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check SeldonDeployments and Secrets before they reach a cluster.",
        discussion: """
            Reports every finding as file:line:col: severity: [rule] message, with a fix. This build checks \
            that each input is well-formed YAML made of Kubernetes objects.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    @Flag(help: "Count warnings as errors for the exit status.")
    var strict = false

    func run() async throws {
        var findings: [Diagnostic] = []
        var unreadable = false
        for path in input.files {
            switch InputReader().read(path) {
            case .success(let parsed):
                for document in parsed.documents {
                    if case .failure(let d) = KubernetesObject.classify(document) { findings.append(d) }
                }
            case .failure(.unreadable(let d)):
                findings.append(d)
                unreadable = true
            case .failure(.invalid(let d)):
                findings.append(d)
            }
        }
        Terminal.report(findings, options: diagnostics)
        if unreadable { throw ExitCode(ExitStatus.noInput.rawValue) }
        let failing = findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing { throw ExitCode(ExitStatus.findings.rawValue) }
    }
}
