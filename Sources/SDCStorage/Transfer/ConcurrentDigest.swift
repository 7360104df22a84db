import NIOCore

/// Hashes a large body on a task of its own while the caller writes it to disk. MD5 is the slowest step of a
/// download (about 850 MB/s with BoringSSL's assembly on this project's machine) and cannot be split, so doing
/// the write on the same thread made hash + write the length of the whole transfer; apart, they overlap.
enum ConcurrentDigest {
    /// Objects below this are hashed inline: for them a second task costs more than it saves.
    static let threshold: Int64 = 4 << 20

    /// Bytes handed to the hashing task and not yet hashed (back-pressure on the writer beyond that).
    static let limit = 512 << 10

    /// Runs `produce`, whose `hash` callback queues each chunk for hashing into `digests`. When `produce` ends,
    /// normally or by throwing, every chunk it queued has been hashed, so a resumed download continues from
    /// `digests.byteCount`.
    static func feeding(
        _ digests: inout StreamingDigests,
        _ produce: (_ hash: (ByteBuffer) async -> Void) async throws -> Void
    ) async throws {
        let pipe = ReadAhead.Buffer(limit: limit)
        let start = digests
        try await withThrowingTaskGroup(of: StreamingDigests.self) { group in
            group.addTask {
                var hashed = start
                while let chunk = try await pipe.next() {
                    chunk.withUnsafeReadableBytes { hashed.update($0) }
                }
                return hashed
            }
            var failure: (any Error)?
            do {
                try await produce { chunk in _ = await pipe.push(chunk) }
            } catch {
                failure = error
            }
            pipe.finish(nil)
            if let hashed = try await group.next() { digests = hashed }
            if let failure { throw failure }
        }
    }
}
