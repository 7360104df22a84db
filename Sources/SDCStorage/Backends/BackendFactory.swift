import SDCDiagnostics

/// Builds the backend a resolved source needs, with credentials resolved and checked before any byte moves.
public struct BackendFactory: Sendable {
    public var environment: [String: String]
    public var transport: any HTTPTransport
    public var destination: String
    public var copyLinks: Bool
    public var log: @Sendable (String) -> Void

    public init(
        environment: [String: String], transport: any HTTPTransport, destination: String, copyLinks: Bool = false,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.environment = environment
        self.transport = transport
        self.destination = destination
        self.copyLinks = copyLinks
        self.log = log
    }

    public struct Made: Sendable {
        public var backend: any StorageBackend
        public var warnings: [Diagnostic]
    }

    public func backend(for source: FetchSource) async throws -> Made {
        switch source {
        case .local(let path, let description):
            let follow = copyLinks || ["RCLONE_COPY_LINKS", "RCLONE_LOCAL_COPY_LINKS"].contains {
                (try? OptionValueParser.bool(environment[$0] ?? "false")) == true
            }
            return Made(
                backend: LocalBackend(root: path, followSymlinks: follow, destination: destination, description: description),
                warnings: [])
        case .directURL(let url):
            return Made(backend: try HTTPBackend(directURL: url, transport: transport), warnings: [])
        case .remote(let remote, let path):
            let warnings = remote.warnings
            switch remote.backend.kind {
            case .local:
                let follow = copyLinks || remote.bool("copy_links")
                return Made(backend: LocalBackend(root: path, followSymlinks: follow, destination: destination), warnings: warnings)
            case .s3:
                let made = try await S3Backend.make(remote: remote, path: path, environment: environment, transport: transport)
                return Made(backend: made.backend, warnings: warnings + made.warnings)
            case .http:
                return Made(backend: try HTTPBackend(remote: remote, path: path, transport: transport), warnings: warnings)
            case .googleCloudStorage:
                let made = try await GCSBackend.make(remote: remote, path: path, environment: environment, transport: transport)
                return Made(backend: made, warnings: warnings)
            case .azureBlob:
                let made = try AzureBlobBackend.make(remote: remote, path: path, environment: environment, transport: transport)
                return Made(backend: made, warnings: warnings)
            }
        }
    }
}
