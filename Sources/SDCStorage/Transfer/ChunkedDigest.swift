import NIOConcurrencyHelpers

/// Hashes a file that ranged downloads fill out of order: the bytes from offset 0 are read back as soon as they
/// are all written, while later chunks still download. Reading the whole file back after the last chunk put the
/// hash (MD5: about 850 MB/s here, and it cannot be split) after the download instead of beside it (§7.8).
final class ChunkedDigest: Sendable {
    private struct State {
        /// Bytes written so far by each chunk, counted from the chunk's start.
        var received: [Int64]
        /// Whole-object hashes from the first chunk's response (S3 x-amz-meta-md5chksum, Azure's blob MD5).
        var firstResponse: ObjectHashes?
        /// Every chunk task has returned, or the download failed.
        var ended = false
    }

    private let state: NIOLockedValueBox<State>
    private let starts: [Int64]
    private let size: Int64

    init(starts: [Int64], size: Int64) {
        self.starts = starts
        self.size = size
        state = NIOLockedValueBox(State(received: Array(repeating: 0, count: starts.count)))
    }

    func received(_ count: Int64, inChunk index: Int) { state.withLockedValue { $0.received[index] += count } }
    func firstResponse(_ hashes: ObjectHashes) { state.withLockedValue { $0.firstResponse = $0.firstResponse ?? hashes } }
    func end() { state.withLockedValue { $0.ended = true } }

    /// How many bytes from offset 0 are all written, the first response's hashes, and whether the chunks are done.
    private func progress() -> (whole: Int64, firstResponse: ObjectHashes?, ended: Bool) {
        state.withLockedValue { s in
            var whole: Int64 = 0
            for (index, start) in starts.enumerated() {
                let length = min(size, index + 1 < starts.count ? starts[index + 1] : size) - start
                whole += s.received[index]
                if s.received[index] < length { break }
            }
            return (whole, s.firstResponse, s.ended)
        }
    }

    /// Runs beside the chunk tasks until `end()`: picks the hash to compute from the first response (or the
    /// listing), then hashes the file's whole prefix as it grows. Returns the digests of every byte that was
    /// whole at the end (all `size` of them when the download succeeded) and the first response's hashes.
    func run(listed: ObjectHashes, reading file: PositionalWriter) async throws -> (StreamingDigests, ObjectHashes) {
        var digests = StreamingDigests()
        var chosen = false
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let (whole, firstResponse, ended) = progress()
            if !chosen, firstResponse != nil || ended {
                digests.choose(for: ObjectHashes(
                    md5: firstResponse?.md5 ?? listed.md5, crc32c: firstResponse?.crc32c ?? listed.crc32c))
                chosen = true
            }
            if chosen, !digests.isHashing, ended {
                digests.byteCount = whole
                return (digests, firstResponse ?? ObjectHashes())
            }
            if chosen, digests.isHashing, whole > digests.byteCount {
                try file.digest(into: &digests, through: whole, buffer: &buffer)
                continue
            }
            if ended { return (digests, firstResponse ?? ObjectHashes()) }
            // Polling costs at most a thousand wake-ups a second; a chunk of 64 MiB takes far longer than that.
            try await Task.sleep(nanoseconds: 1_000_000)
        }
    }
}
