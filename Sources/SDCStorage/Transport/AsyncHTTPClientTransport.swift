import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// The production transport: async-http-client, whose response body streams with back-pressure
/// (toolchain-notes: 25–37 MB RSS for large downloads).
public final class AsyncHTTPClientTransport: HTTPTransport {
    public struct Settings: Sendable {
        /// `--contimeout` (connect and TLS), seconds.
        public var connectTimeout: Double = 60
        /// `--timeout`: longest wait without receiving a byte, seconds.
        public var idleTimeout: Double = 300
        /// `--no-check-certificate`.
        public var skipCertificateVerification = false
        /// `--ca-cert FILE`: extra trust roots (PEM).
        public var caCertificateFile: String?

        public init() {}
    }

    private let client: HTTPClient

    public init(settings: Settings = Settings()) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        if settings.skipCertificateVerification { tls.certificateVerification = .none }
        if let file = settings.caCertificateFile {
            tls.additionalTrustRoots = [.file(file)]
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            // Backends decide about redirects: S3 must not follow a 301 blindly, HTTP listings need the Location.
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: .milliseconds(Int64(settings.connectTimeout * 1000)),
                read: .milliseconds(Int64(settings.idleTimeout * 1000))),
            // Stored bytes are what is verified: never let the client inflate (§7.8).
            decompression: .disabled)
        configuration.httpVersion = .http1Only
        // sdc retries per its own policy (§7.7); the pool's background reconnects would also hold shutdown
        // for up to the connect timeout after a refused connection.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        var clientRequest = HTTPClientRequest(url: request.url)
        clientRequest.method = HTTPMethod(rawValue: request.method)
        for header in request.headers {
            clientRequest.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            clientRequest.body = .bytes(ByteBuffer(bytes: body))
        }
        // The overall deadline is generous: progress is policed by the idle (read) timeout instead.
        let response = try await client.execute(clientRequest, timeout: .hours(48))
        let body = response.body
        // A body that fits in the read-ahead buffer gains nothing from a task reading ahead; most files of a
        // model tree are that small, and the task and its hand-overs cost more than the file's own bytes.
        let length = response.headers.first(name: "content-length").flatMap { Int($0) }
        let readsAhead = length.map { $0 > ReadAhead.limit } ?? true
        return HTTPResponse(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: HTTPResponseBody { consume in
                if readsAhead {
                    try await ReadAhead.forEach(body, consume)
                } else {
                    for try await chunk in body { try await consume(chunk) }
                }
            })
    }

    public func shutdown() async throws {
        try await client.shutdown()
    }
}
