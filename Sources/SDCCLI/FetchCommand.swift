import ArgumentParser
import SDCDiagnostics

/// `sdc fetch`: the storage initializer. The operator runs it as `<image> <modelUri> /mnt/models`.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download a model from a storage URI into a directory (the model initializer's job).",
        discussion: """
            URIs: local paths, file://, http(s)://, s3://, gs://, Azure Blob, pvc:// and remote:path for any \
            rclone remote configured by RCLONE_CONFIG_<REMOTE>_<KEY> variables or an rclone.conf.
            """
    )

    @Argument(help: "Where the model is, for example s3://bucket/iris.")
    var uri: String

    @Argument(help: "Directory to write the model into, for example /mnt/models.")
    var destination: String

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() async throws {
        Terminal.report(
            [.error("fetch-unavailable", "this build of sdc has no storage backends yet; nothing was downloaded")],
            options: diagnostics)
        throw ExitCode(ExitStatus.findings.rawValue)
    }
}
