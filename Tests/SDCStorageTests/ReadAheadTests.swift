import NIOConcurrencyHelpers
import NIOCore
import Testing
@testable import SDCStorage

/// The bounded read-ahead between the HTTP client and the file writer: order, ends, errors, the byte bound.
struct ReadAheadTests {
    /// One-byte chunks `0..<count`, then the end or `failure`; counts how many were handed out.
    struct Chunks: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        var count: Int
        var failure: (any Error)?
        let produced = NIOLockedValueBox(0)

        struct AsyncIterator: AsyncIteratorProtocol {
            var index = 0
            let source: Chunks

            mutating func next() async throws -> ByteBuffer? {
                guard index < source.count else {
                    if let failure = source.failure { throw failure }
                    return nil
                }
                defer { index += 1 }
                source.produced.withLockedValue { $0 += 1 }
                return ByteBuffer(bytes: [UInt8(truncatingIfNeeded: index)])
            }
        }

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(source: self) }
    }

    struct Broken: Error {}

    @Test func deliversEveryChunkInOrderAndStaysWithinTheLimit() async throws {
        let chunks = Chunks(count: 1000)
        var received: [UInt8] = []
        var furthestAhead = 0
        try await ReadAhead.forEach(chunks, limit: 8) { chunk in
            received += chunk.readableBytesView
            furthestAhead = max(furthestAhead, chunks.produced.withLockedValue { $0 } - received.count)
            await Task.yield()  // let the producer run ahead as far as it may
        }
        #expect(received == (0..<1000).map { UInt8(truncatingIfNeeded: $0) })
        // At most `limit` bytes queued, plus one chunk drawn from the body and waiting for room.
        #expect(furthestAhead <= 8 + 1)
    }

    @Test func aBodyErrorArrivesAfterTheChunksBeforeIt() async throws {
        var received = 0
        await #expect(throws: Broken.self) {
            try await ReadAhead.forEach(Chunks(count: 50, failure: Broken()), limit: 4) { chunk in
                received += chunk.readableBytes
            }
        }
        #expect(received == 50)
    }

    @Test func aConsumerErrorStopsTheProducer() async throws {
        let chunks = Chunks(count: 100_000)
        var received = 0
        await #expect(throws: Broken.self) {
            try await ReadAhead.forEach(chunks, limit: 4) { _ in
                received += 1
                if received == 10 { throw Broken() }
            }
        }
        // The producer was waiting for room or soon finds the consumer gone: it never reads the whole body.
        #expect(chunks.produced.withLockedValue { $0 } < 100_000)
    }

    @Test func anEmptyBodyEndsAtOnce() async throws {
        var calls = 0
        try await ReadAhead.forEach(Chunks(count: 0), limit: 4) { _ in calls += 1 }
        #expect(calls == 0)
    }
}
