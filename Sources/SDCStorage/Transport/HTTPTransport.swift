import NIOCore

/// One HTTP request as the backends build it; the transport only moves bytes.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?

    public init(method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A response whose body has not been read yet: backends decide whether to stream it to disk or collect it.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: HTTPResponseBody

    public init(status: Int, headers: [(name: String, value: String)], body: HTTPResponseBody) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}

/// The bytes of a response, read chunk by chunk with back-pressure: never a whole object in memory (§7.6).
public struct HTTPResponseBody: Sendable {
    public typealias Chunks = @Sendable (_ consume: (ByteBuffer) async throws -> Void) async throws -> Void
    private let chunks: Chunks

    public init(chunks: @escaping Chunks) {
        self.chunks = chunks
    }

    public static func bytes(_ bytes: [UInt8]) -> HTTPResponseBody {
        HTTPResponseBody { consume in
            if !bytes.isEmpty { try await consume(ByteBuffer(bytes: bytes)) }
        }
    }

    public func forEachChunk(_ consume: (ByteBuffer) async throws -> Void) async throws {
        try await chunks(consume)
    }

    /// For small bodies only (listings, tokens, error documents): refuses more than `limit` bytes.
    public func collect(upTo limit: Int = 16 << 20) async throws -> [UInt8] {
        var out: [UInt8] = []
        try await forEachChunk { buffer in
            guard out.count + buffer.readableBytes <= limit else { throw BodyTooLarge(limit: limit) }
            out.append(contentsOf: buffer.readableBytesView)
        }
        return out
    }

    public struct BodyTooLarge: Error, Sendable {
        public var limit: Int
    }
}

/// The seam every network backend talks through, so tests can run them against real servers or stand-ins.
public protocol HTTPTransport: Sendable {
    func execute(_ request: HTTPRequest) async throws -> HTTPResponse
}
