import ArgumentParser
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SDCDiagnostics
import SDCStorage

/// `sdc fetch`: the storage initializer. The operator runs it as `<image> <modelUri> /mnt/models`.
///
/// Thin on purpose: it gathers flags and the environment, installs the signal handlers, prints.
/// Everything else lives in SDCStorage (spec/storage.md §7).
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download a model from a storage URI into a directory (the model initializer's job).",
        discussion: """
            URIs: local paths, file://, http(s)://, s3://, gs://, Azure Blob, pvc:// and remote:path for any \
            rclone remote configured by RCLONE_CONFIG_<REMOTE>_<KEY> variables or an rclone.conf.

            Exit status (rclone's meanings): 0 success; 1 usage or configuration error; 2 other error; \
            3 source not found or empty; 4 object not found; 5 temporary error after retries; 7 authentication \
            failure; 10 integrity check failed; 11 unsafe object key; 12 destination error; 130/143 interrupted.

            Output: on a terminal, a progress line (files, bytes, rate) is redrawn on stderr while files \
            arrive; then one summary line on stderr, which is all a log sees. --quiet prints only errors; \
            --verbose prints a line per file instead of the progress line.
            """
    )

    @Argument(help: "Where the model is, for example s3://bucket/iris.")
    var uri: String

    @Argument(help: "Directory to write the model into, for example /mnt/models.")
    var destination: String

    @Option(help: ArgumentHelp("rclone config file (default: RCLONE_CONFIG, then rclone's usual locations).", valueName: "file"))
    var config: String?

    @Flag(help: "Resolve URIs exactly as rclone does: no pvc://, file://, direct URLs or implicit remotes (env SDC_STRICT=1).")
    var strict = false

    @Option(help: "Files downloading at once (env RCLONE_TRANSFERS).")
    var transfers: Int?

    @Option(help: "Accepted for rclone compatibility (env RCLONE_CHECKERS).")
    var checkers: Int?

    @Option(help: "Ranged GETs at once per large file; 1 disables (env RCLONE_MULTI_THREAD_STREAMS).")
    var multiThreadStreams: Int?

    @Option(help: "Files at least this big use ranged GETs, e.g. 250Mi (env RCLONE_MULTI_THREAD_CUTOFF).")
    var multiThreadCutoff: String?

    @Option(help: "Unit of work for ranged GETs, e.g. 64Mi (env RCLONE_MULTI_THREAD_CHUNK_SIZE).")
    var multiThreadChunkSize: String?

    @Option(help: "Attempts per request (env RCLONE_LOW_LEVEL_RETRIES).")
    var lowLevelRetries: Int?

    @Option(help: "Passes over failed files (env RCLONE_RETRIES).")
    var retries: Int?

    @Option(help: "Pause between retry passes, e.g. 5s (env RCLONE_RETRIES_SLEEP).")
    var retriesSleep: String?

    @Option(help: "Connect timeout, e.g. 1m (env RCLONE_CONTIMEOUT).")
    var contimeout: String?

    @Option(help: "Idle timeout, e.g. 5m (env RCLONE_TIMEOUT).")
    var timeout: String?

    @Flag(help: "Do not verify TLS certificates (env RCLONE_NO_CHECK_CERTIFICATE).")
    var noCheckCertificate = false

    @Option(help: ArgumentHelp("Extra CA certificates, PEM (env RCLONE_CA_CERT).", valueName: "file"))
    var caCert: String?

    @Flag(help: "Succeed when the source holds no objects, as rclone does.")
    var allowEmpty = false

    @Flag(help: "Warn about and skip unsafe object keys instead of failing with exit 11.")
    var skipUnsafeKeys = false

    @Flag(help: "Skip files that already exist in the destination.")
    var ignoreExisting = false

    @Flag(help: "Transfer every file, even when size and time match.")
    var ignoreTimes = false

    @Flag(help: "Compare size only when deciding whether a file is already present.")
    var sizeOnly = false

    @Option(help: ArgumentHelp("Refuse a source larger than this in all, e.g. 20Gi; bare numbers are KiB (env SDC_MAX_SIZE; default no cap).", valueName: "size"))
    var maxSize: String?

    @Flag(help: "Skip the free-space check before downloading.")
    var noSpaceCheck = false

    @Flag(name: [.customShort("L"), .long], help: "Follow symlinks in local sources (env RCLONE_COPY_LINKS).")
    var copyLinks = false

    @Option(help: ArgumentHelp("Fetch only paths matching this glob (repeatable; env STORAGE_ALLOW_PATTERNS).", valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Skip paths matching this glob (repeatable; env STORAGE_IGNORE_PATTERNS).", valueName: "glob"))
    var exclude: [String] = []

    @Option(help: ArgumentHelp("Also print a JSON summary on stdout: json.", valueName: "format"))
    var output: String?

    @Flag(help: "Extract a single fetched .tar, .tar.gz, .tgz or .zip into the destination (env SDC_EXTRACT=1).")
    var extract = false

    @Option(help: ArgumentHelp("Where pvc://<claim>/<path> is mounted (env SDC_PVC_ROOT).", valueName: "dir"))
    var pvcRoot: String?

    @Option(help: ArgumentHelp("Also write the exit reason here (default /dev/termination-log when writable).", valueName: "file"))
    var terminationLog: String?

    @Flag(name: .shortAndLong, help: "-v: one line per file; -vv: also one per request (env RCLONE_VERBOSE=1|2).")
    var verbose: Int

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var request: FetchRequest
        do {
            request = try makeRequest(environment: environment)
        } catch let failure as FetchFailure {
            Terminal.report([failure.diagnostic], options: diagnostics)
            throw ExitCode(failure.exitCode.rawValue)
        }
        let temporaries = TemporaryFiles()
        let signals = SignalCleanup(temporaries: temporaries)
        let level = max(verbose, Int(environment["RCLONE_VERBOSE"] ?? "") ?? 0)
        let verboseLog = level >= 1
        let display = FetchProgressDisplay.wanted(quiet: diagnostics.quiet, verboseLevel: level) ? FetchProgressDisplay() : nil
        request.progress = display?.progress
        display?.start()
        let started = Date()
        let outcome = await FetchSession.run(request, temporaries: temporaries) { line in
            if verboseLog { Terminal.writeStderr(Redaction.url(line) + "\n") }
        }
        await display?.stop()
        signals.cancel()
        Terminal.report(outcome.warnings + outcome.report.failures.map(\.diagnostic), options: diagnostics)
        let seconds = Date().timeIntervalSince(started)
        if outcome.exitCode == .success, !diagnostics.quiet {
            Terminal.writeStderr(outcome.report.summary(seconds: seconds) + "\n")
        }
        if output == "json" {
            Terminal.writeStdout(outcome.report.json(source: uri, destination: destination, seconds: seconds) + "\n")
        }
        if let first = outcome.report.failures.first {
            writeTerminationMessage(first.diagnostic.message)
        }
        if outcome.exitCode != .success { throw ExitCode(outcome.exitCode.rawValue) }
    }

    /// Flags first, then rclone's environment variables, then defaults (spec/storage.md §7.6, §7.7).
    private func makeRequest(environment env: [String: String]) throws -> FetchRequest {
        var request = FetchRequest(uri: uri, destination: destination, environment: env)
        request.configPath = config
        request.strict = strict || env["SDC_STRICT"] == "1"
        request.pvcRoot = pvcRoot ?? env["SDC_PVC_ROOT"] ?? "/mnt/pvc"
        request.copyLinks = copyLinks
        request.logRequests = max(verbose, Int(env["RCLONE_VERBOSE"] ?? "") ?? 0) >= 2
        var options = FetchOptions()
        options.transfers = try transfers ?? Self.int(env, "RCLONE_TRANSFERS") ?? 4
        options.lowLevelRetries = try lowLevelRetries ?? Self.int(env, "RCLONE_LOW_LEVEL_RETRIES") ?? 10
        options.retries = try retries ?? Self.int(env, "RCLONE_RETRIES") ?? 3
        options.retriesSleep = try Self.duration(retriesSleep ?? env["RCLONE_RETRIES_SLEEP"], name: "--retries-sleep") ?? 0
        options.multiThreadStreams = try multiThreadStreams ?? Self.int(env, "RCLONE_MULTI_THREAD_STREAMS") ?? 4
        options.multiThreadCutoff = try Self.size(multiThreadCutoff ?? env["RCLONE_MULTI_THREAD_CUTOFF"], name: "--multi-thread-cutoff") ?? (250 << 20)
        options.multiThreadChunkSize = try Self.size(multiThreadChunkSize ?? env["RCLONE_MULTI_THREAD_CHUNK_SIZE"], name: "--multi-thread-chunk-size") ?? (64 << 20)
        options.maxTotalBytes = try Self.size(maxSize ?? env["SDC_MAX_SIZE"], name: "--max-size").flatMap { $0 < 0 ? nil : $0 }
        options.allowEmpty = allowEmpty
        options.skipUnsafeKeys = skipUnsafeKeys
        options.ignoreExisting = ignoreExisting
        options.ignoreTimes = ignoreTimes
        options.sizeOnly = sizeOnly
        options.noSpaceCheck = noSpaceCheck
        options.extract = extract || env["SDC_EXTRACT"] == "1"
        options.filter = PathFilter(
            include: include + PathFilter.patterns(fromEnvironment: env["STORAGE_ALLOW_PATTERNS"]),
            exclude: exclude + PathFilter.patterns(fromEnvironment: env["STORAGE_IGNORE_PATTERNS"]))
        if let output, output != "json" { throw FetchFailure.config("usage", "--output takes json") }
        guard options.transfers >= 1 else { throw FetchFailure.config("usage", "--transfers must be at least 1") }
        request.options = options
        request.transport.connectTimeout = try Self.duration(contimeout ?? env["RCLONE_CONTIMEOUT"], name: "--contimeout") ?? 60
        request.transport.idleTimeout = try Self.duration(timeout ?? env["RCLONE_TIMEOUT"], name: "--timeout") ?? 300
        request.transport.skipCertificateVerification =
            noCheckCertificate || (try? OptionValueParser.bool(env["RCLONE_NO_CHECK_CERTIFICATE"] ?? "false")) == true
        request.transport.caCertificateFile = caCert ?? env["RCLONE_CA_CERT"]
        return request
    }

    private static func int(_ env: [String: String], _ name: String) throws -> Int? {
        guard let text = env[name], !text.isEmpty else { return nil }
        guard let value = try? OptionValueParser.int(text) else {
            throw FetchFailure.config("usage", "\(name)='\(text)' is not an integer")
        }
        return value
    }

    /// rclone sizes: bare numbers are KiB (spec/storage.md §1.4).
    private static func size(_ text: String?, name: String) throws -> Int64? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = try? OptionValueParser.size(text) else {
            throw FetchFailure.config("usage", "\(name) '\(text)' is not a size (e.g. 64Mi; bare numbers are KiB)")
        }
        return value
    }

    private static func duration(_ text: String?, name: String) throws -> Double? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = try? OptionValueParser.duration(text) else {
            throw FetchFailure.config("usage", "\(name) '\(text)' is not a duration (e.g. 30s, 5m)")
        }
        return value
    }

    /// One redacted line (≤ 4 KiB) so `kubectl describe pod` shows why the init container failed (§7.13).
    private func writeTerminationMessage(_ message: String) {
        let path = terminationLog ?? "/dev/termination-log"
        guard terminationLog != nil || FileManager.default.isWritableFile(atPath: path) else { return }
        let line = String(Redaction.url(message).utf8.prefix(4000)) ?? ""
        try? (line + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }
}

/// Removes in-flight temporaries on SIGINT/SIGTERM, then exits 130/143 (spec/storage.md §7.5, §7.13).
final class SignalCleanup {
    private let sources: [any DispatchSourceSignal]

    init(temporaries: TemporaryFiles) {
        var sources: [any DispatchSourceSignal] = []
        for (number, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                temporaries.removeAll()
                Terminal.writeStderr("interrupted: temporary files removed\n")
                exit(code)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
