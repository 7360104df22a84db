import ArgumentParser
import SDCDiagnostics

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
