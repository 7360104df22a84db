import NIOConcurrencyHelpers
import NIOCore

/// Reads a response body ahead of its consumer, up to a byte limit, so the network read of the next chunk
/// overlaps the hashing and writing of this one. async-http-client asks the socket for more only once its
/// consumer has taken every chunk it has (back-pressure of one chunk): without read-ahead, reading and
/// processing take turns and each waits for the other.
enum ReadAhead {
    /// Bytes held ahead of the consumer per stream; with the client's own batch this stays within the
    /// 1 MiB per active stream of spec/storage.md §7.6.
    static let limit = 512 << 10

    /// Runs `consume` over `chunks`, pulled by a child task into a bounded buffer.
    static func forEach<Chunks: AsyncSequence & Sendable>(
        _ chunks: Chunks, limit: Int = ReadAhead.limit, _ consume: (ByteBuffer) async throws -> Void
    ) async throws where Chunks.Element == ByteBuffer {
        let buffer = Buffer(limit: limit)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    for try await chunk in chunks {
                        guard await buffer.push(chunk) else { return }  // the consumer gave up
                    }
                    buffer.finish(nil)
                } catch {
                    buffer.finish(error)
                }
            }
            do {
                while let chunk = try await buffer.next() { try await consume(chunk) }
            } catch {
                buffer.abandon()
                group.cancelAll()
                throw error
            }
            try await group.waitForAll()
        }
    }

    /// Chunks between one producer and one consumer; each side waits on a continuation only when it must.
    final class Buffer: Sendable {
        private struct State {
            var chunks = CircularBuffer<ByteBuffer>()
            var bytes = 0
            var end: (any Error)?? = nil  // .some(nil): finished cleanly
            var abandoned = false
            var waitingConsumer: CheckedContinuation<ByteBuffer?, any Error>?
            var waitingProducer: CheckedContinuation<Bool, Never>?
        }

        private let state = NIOLockedValueBox(State())
        private let limit: Int

        init(limit: Int) { self.limit = limit }

        /// Hands a chunk over; waits while `limit` bytes are already queued. False once the consumer is gone.
        func push(_ chunk: ByteBuffer) async -> Bool {
            enum Step { case handedOver(CheckedContinuation<ByteBuffer?, any Error>), queued(full: Bool), abandoned }
            let step = state.withLockedValue { s -> Step in
                if s.abandoned { return .abandoned }
                if let consumer = s.waitingConsumer {
                    s.waitingConsumer = nil
                    return .handedOver(consumer)
                }
                s.chunks.append(chunk)
                s.bytes += chunk.readableBytes
                return .queued(full: s.bytes >= limit)
            }
            switch step {
            case .abandoned: return false
            case .handedOver(let consumer):
                consumer.resume(returning: chunk)
                return true
            case .queued(full: false): return true
            case .queued(full: true):
                return await withCheckedContinuation { producer in
                    let resumeNow = state.withLockedValue { s -> Bool? in
                        if s.abandoned { return false }
                        if s.bytes < limit { return true }
                        s.waitingProducer = producer
                        return nil
                    }
                    if let resumeNow { producer.resume(returning: resumeNow) }
                }
            }
        }

        /// The body ended, cleanly (nil) or with an error.
        func finish(_ error: (any Error)?) {
            let consumer = state.withLockedValue { s -> CheckedContinuation<ByteBuffer?, any Error>? in
                s.end = .some(error)
                defer { s.waitingConsumer = nil }
                return s.waitingConsumer
            }
            if let consumer {
                if let error { consumer.resume(throwing: error) } else { consumer.resume(returning: nil) }
            }
        }

        /// The next chunk, or nil at the end of the body; rethrows the body's error after the chunks before it.
        func next() async throws -> ByteBuffer? {
            if let step = state.withLockedValue({ take(&$0) }) { return try step.deliver() }
            return try await withCheckedThrowingContinuation { consumer in
                // A chunk may have arrived while we were getting ready to wait.
                let step = state.withLockedValue { s -> Taken? in
                    if let step = take(&s) { return step }
                    s.waitingConsumer = consumer
                    return nil
                }
                if let step { consumer.resume(with: Result { try step.deliver() }) }
            }
        }

        /// What the consumer gets without waiting: a chunk (waking a producer that waits for room), or the end.
        private enum Taken {
            case chunk(ByteBuffer, wake: CheckedContinuation<Bool, Never>?)
            case end((any Error)?)

            func deliver() throws -> ByteBuffer? {
                switch self {
                case .chunk(let chunk, let wake):
                    wake?.resume(returning: true)
                    return chunk
                case .end(let error):
                    if let error { throw error }
                    return nil
                }
            }
        }

        private func take(_ s: inout State) -> Taken? {
            if let chunk = s.chunks.popFirst() {
                s.bytes -= chunk.readableBytes
                var wake: CheckedContinuation<Bool, Never>?
                if s.bytes < limit, let producer = s.waitingProducer {
                    s.waitingProducer = nil
                    wake = producer
                }
                return .chunk(chunk, wake: wake)
            }
            if let end = s.end { return .end(end) }
            return nil
        }

        /// The consumer stopped early: release a waiting producer and refuse further chunks.
        func abandon() {
            let producer = state.withLockedValue { s -> CheckedContinuation<Bool, Never>? in
                s.abandoned = true
                s.chunks.removeAll()
                s.bytes = 0
                defer { s.waitingProducer = nil }
                return s.waitingProducer
            }
            producer?.resume(returning: false)
        }
    }
}
