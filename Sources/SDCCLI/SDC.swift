import ArgumentParser
import Dispatch

/// The `sdc` root command: a manifest compiler, model fetcher and linter for Seldon Core v1.
public struct SDC: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "sdc",
        abstract: "Compile Seldon Core v1 SeldonDeployments into plain Kubernetes manifests.",
        discussion: """
            sdc expands SeldonDeployments exactly as the Seldon Core operator (v1.18.2) would, downloads models \
            as the operator's storage initializer does, and checks deployments before they reach a cluster.

            Exit status: 0 success; 1 invalid input or findings; 64 usage error; 66 input file missing or \
            unreadable; 70 internal error.
            """,
        version: version,
        subcommands: [RenderCommand.self, FetchCommand.self, ValidateCommand.self, KRMCommand.self]
    )

    public init() {}
}

extension SDC {
    /// The process entry point: parse, run the chosen subcommand, map errors to sdc's exit codes.
    /// Parsing — and with it `--version`, `--help` and usage errors — runs before the concurrency runtime starts
    /// its threads (an `await` in main.swift would start them first); only then does the subcommand run as a task.
    public static func runAsMain() -> Never {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(Self.arguments(invokedAs: CommandLine.arguments))
        } catch {
            exit(withError: error)
        }
        guard let asyncCommand = command as? any AsyncParsableCommand else {
            do { try command.run() } catch { exit(withError: error) }
            exit()
        }
        // The main thread waits for the task and exits itself. Not dispatchMain(): it pthread_exit()s the main
        // thread, and that forced unwind makes libgcc sort every unwind entry of the static binary (~100 ms of CPU
        // that exit() then waits for).
        let box = CommandBox(asyncCommand)
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await box.run() } catch { box.error = error }
            done.signal()
        }
        done.wait()
        if let error = box.error { exit(withError: error) }
        exit()
    }

    /// The arguments to parse. Invoked through a link named like the kustomize plugin (`RenderConfig`), sdc is a
    /// plugin: kustomize runs `RenderConfig <config file>`, which means `sdc krm <config file>`.
    static func arguments(invokedAs argv: [String]) -> [String] {
        let program = argv.first?.split(separator: "/").last.map(String.init) ?? ""
        let rest = Array(argv.dropFirst())
        return program == KRMCommand.pluginName ? ["krm"] + rest : rest
    }
}

/// The parsed subcommand, handed to the task that runs it (parsed once, on the main thread, then only used there).
private final class CommandBox: @unchecked Sendable {
    private var command: any AsyncParsableCommand
    /// What `run` threw, read by the main thread once the task has signalled.
    var error: (any Error)?
    init(_ command: any AsyncParsableCommand) { self.command = command }
    func run() async throws { try await command.run() }
}
