import ArgumentParser
import SDCDiagnostics
import SDCModel
import SDCValidate
import SDCYAML

/// `sdc validate`: every finding about the inputs, located, with a fix, before anything reaches a cluster.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check SeldonDeployments and Secrets before they reach a cluster.",
        discussion: """
            Runs everything sdc render checks, then checks each modelUri against the Secret its storage initializer \
            will get (envSecretRefName, else predictiveUnit.defaultEnvSecretRefName from the values): the scheme, the \
            bucket, the remote's RCLONE_CONFIG_<REMOTE>_TYPE, every option key (with the closest valid key for a \
            typo), credentials, endpoints and base64. Pass the Secrets' manifests with the SeldonDeployments to have \
            them checked; Secret values are never printed. Also checks prepackaged servers against predictor_servers, \
            graph node names and user-written model-initializer containers.

            Findings are printed as file:line:col: severity: [rule] message with a fix line, sorted by file and \
            position: on stderr as text, or on stdout with --format json or --format sarif (SARIF 2.1.0 for GitHub \
            code scanning). Exit status: 0 no errors; 1 errors (and warnings with --strict); 64 usage error; 66 an \
            input could not be read.
            """
    )

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Input limits") var inputLimits: LimitOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var chart: ChartValuesOptions

    @Option(help: ArgumentHelp("Check modelUris as this storage initializer reads them: sdc or rclone (default: from each storageInitializerImage).", valueName: "fetcher"))
    var fetcher: InitializerSemantics?

    @Option(help: "Report format: text (stderr), json or sarif (stdout).")
    var format: ReportFormat = .text

    @Flag(help: "Count warnings as errors for the exit status.")
    var strict = false

    func run() async throws {
        var findings: [Diagnostic] = []
        var documents: [Document] = []
        var unreadable = false
        func record(_ failure: InputReader.Failure) {
            switch failure {
            case .unreadable(let d):
                findings.append(d)
                unreadable = true
            case .invalid(let d): findings.append(d)
            }
        }
        for path in input.files {
            switch InputReader(limits: inputLimits.limits).read(path) {
            case .success(let parsed): documents += parsed.documents
            case .failure(let f): record(f)
            }
        }
        let loaded = try chart.load(limits: inputLimits.limits, record: record)
        findings += loaded.diagnostics
        // With broken values the rules would check against the wrong configuration; report what is known.
        if !loaded.failed {
            findings += Validator.validate(documents, values: loaded.values, namespace: chart.namespace, fetcher: fetcher)
        }
        report(findings.sortedByLocation())
        if unreadable { throw ExitCode(ExitStatus.noInput.rawValue) }
        let failing = findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failing { throw ExitCode(ExitStatus.findings.rawValue) }
    }

    private func report(_ findings: [Diagnostic]) {
        let shown = diagnostics.quiet ? findings.filter { $0.severity == .error } : findings
        switch format {
        case .text: Terminal.report(shown, options: diagnostics)
        case .json: Terminal.writeStdout(DiagnosticPrinter(format: .json).render(shown))
        case .sarif: Terminal.writeStdout(SARIFPrinter.render(shown, toolVersion: SDC.version))
        }
    }
}

extension InitializerSemantics: ExpressibleByArgument {}
