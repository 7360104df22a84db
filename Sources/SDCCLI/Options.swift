import ArgumentParser
import SDCDiagnostics
import SDCModel
import SDCYAML

/// Input files shared by the commands that read manifests.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Input files, each holding one or more YAML documents; - reads standard input.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError("give at least one input file, or - to read standard input")
        }
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input (-) can be read only once")
        }
    }
}

/// How findings are printed.
struct DiagnosticOptions: ParsableArguments {
    @Option(name: .customLong("diagnostics"), help: "Format of errors and warnings on stderr: text or json.")
    var diagnosticsFormat: DiagnosticFormat = .text

    @Flag(name: .shortAndLong, help: "Print errors only, no warnings or notes.")
    var quiet = false
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// The chart values and namespace a SeldonDeployment is read with. Render and validate share them, so both read
/// a deployment with the same configuration and the same flags.
struct ChartValuesOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Namespace for every SeldonDeployment, overriding metadata.namespace.")
    var namespace: String?

    @Option(
        name: [.customShort("f"), .customLong("values")],
        help: ArgumentHelp("seldon-core-operator chart values file (repeatable; later files win).", valueName: "file"))
    var valuesFiles: [String] = []

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Set chart values like helm --set (a.b=c, a[0]=x, a={x,y}).", valueName: "key=value"))
    var set: [String] = []

    @Option(
        name: .customLong("set-string"), help: ArgumentHelp("Like --set, but every value is a string.", valueName: "key=value"))
    var setString: [String] = []

    func validate() throws {
        if let n = namespace, n.isEmpty { throw ValidationError("--namespace must not be empty") }
    }

    /// The values files, then every --set, then every --set-string, over the chart defaults (helm's precedence);
    /// a values file that cannot be read goes to `record` like any other input.
    func load(limits: YAMLLimits, record: (InputReader.Failure) -> Void) throws -> ValuesLoader.Loaded {
        var files: [ValuesFile] = []
        for path in valuesFiles {
            switch InputReader(limits: limits).read(path) {
            case .success(let parsed): files += parsed.documents.map { ValuesFile(root: $0.root, name: parsed.name) }
            case .failure(let failure): record(failure)
            }
        }
        return try ValuesLoader().load(files: files, set: set, setString: setString)
    }
}
