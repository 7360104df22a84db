#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// Everything one `sdc fetch URI DEST` needs, gathered at the edge (the CLI) and passed in as values.
public struct FetchRequest: Sendable {
    public var uri: String
    public var destination: String
    public var environment: [String: String]
    /// `--config`; else `RCLONE_CONFIG`; else rclone's default locations (§1.3).
    public var configPath: String?
    public var strict = false
    public var pvcRoot = "/mnt/pvc"
    public var copyLinks = false
    public var options = FetchOptions()
    public var transport = AsyncHTTPClientTransport.Settings()
    /// `-vv`: log every request (method, redacted URL, status).
    public var logRequests = false
    /// Updated as files and bytes arrive, for the CLI's progress line on a terminal.
    public var progress: TransferProgress?

    public init(uri: String, destination: String, environment: [String: String]) {
        self.uri = uri
        self.destination = destination
        self.environment = environment
    }
}

/// The result the CLI prints: warnings, the report, the exit code.
public struct FetchOutcome: Sendable {
    public var warnings: [Diagnostic] = []
    public var report = FetchReport()
    public var exitCode: FetchExitCode { report.exitCode }
}

/// Runs a fetch from URI to DEST: config, resolution, backend, transfer (spec/storage.md §7).
public enum FetchSession {
    public static func run(
        _ request: FetchRequest, temporaries: TemporaryFiles, transport injected: (any HTTPTransport)? = nil,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) async -> FetchOutcome {
        var outcome = FetchOutcome()
        var ownTransport: AsyncHTTPClientTransport?
        do {
            let file = try loadConfigFile(request)
            let config = RcloneConfig(environment: request.environment, file: file)
            let resolver = SourceResolver(config: config, strict: request.strict, pvcRoot: request.pvcRoot)
            let resolution = try resolver.resolve(request.uri)
            outcome.warnings += resolution.notes.map { .warning("implicit-remote", $0) }
            let transport: any HTTPTransport
            if let injected {
                transport = injected
            } else {
                do {
                    let made = try AsyncHTTPClientTransport(settings: request.transport)
                    ownTransport = made
                    transport = made
                } catch {
                    throw FetchFailure.config("tls-configuration", "cannot set up TLS: \(error)")
                }
            }
            let logged: any HTTPTransport = request.logRequests ? LoggingTransport(transport, log: log) : transport
            let factory = BackendFactory(
                environment: request.environment, transport: logged, destination: request.destination,
                copyLinks: request.copyLinks, log: log)
            let made = try await factory.backend(for: resolution.source)
            outcome.warnings += made.warnings
            let fetcher = Fetcher(
                backend: made.backend, destination: request.destination, options: request.options, temporaries: temporaries,
                progress: request.progress, log: log)
            outcome.report = await fetcher.run(sourceDescription: request.uri)
            outcome.warnings += outcome.report.warnings.map { .warning("fetch", $0) }
        } catch let failure as FetchFailure {
            outcome.report.failures.append(failure)
        } catch {
            outcome.report.failures.append(FetchFailure(.other, "fetch-failed", Redaction.url("\(error)")))
        }
        // Always shut the client down before returning: async-http-client traps if it is released running.
        try? await ownTransport?.shutdown()
        temporaries.removeAll()
        return outcome
    }

    /// rclone's lookup: `--config`, `RCLONE_CONFIG`, then the default locations; a missing file is not an error,
    /// and no notice is printed about it (P10).
    static func loadConfigFile(_ request: FetchRequest) throws(FetchFailure) -> RcloneConfigFile? {
        let env = request.environment
        var candidates: [String] = []
        if let path = request.configPath ?? env["RCLONE_CONFIG"] {
            let leaf = PathString.lastComponent(path)
            if path.isEmpty || leaf == "notfound" || path == "/dev/null" { return nil }
            candidates = [path]
        } else {
            if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty { candidates.append(xdg + "/rclone/rclone.conf") }
            if let home = env["HOME"], !home.isEmpty {
                candidates.append(home + "/.config/rclone/rclone.conf")
                candidates.append(home + "/.rclone.conf")
            }
        }
        for path in candidates {
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .config("config-file-unreadable", "cannot read rclone config \(path)")
            }
            do {
                return try RcloneConfigFile(parsing: String(decoding: data, as: UTF8.self))
            } catch {
                switch error {
                case .encrypted:
                    throw .config("config-file-encrypted", "encrypted rclone config is not supported (\(path))",
                        fix: "decrypt it, or define the remote with RCLONE_CONFIG_<NAME>_<KEY> variables")
                case .noSeparator(let line):
                    throw .config("config-file-syntax", "\(path):\(line): line has no '=' or ':'")
                }
            }
        }
        return nil
    }
}
