import Crypto
import Foundation
import Testing
@testable import SDCStorage

/// The hash of a file filled by ranged chunks out of order: read back from the start as it becomes whole.
struct ChunkedDigestTests {
    @Test func chunksLandingOutOfOrderHashToTheWholeFile() async throws {
        let size: Int64 = 5 << 20 + 123
        let chunk: Int64 = 1 << 20
        let bytes = (0..<Int(size)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 9) }
        let path = NSTemporaryDirectory() + "chunked-digest-\(UUID().uuidString)"
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        #expect(fd >= 0)
        defer { close(fd); unlink(path) }
        let file = PositionalWriter(descriptor: fd, path: path)
        let starts = Array(stride(from: Int64(0), to: size, by: Int(chunk)))
        let digest = ChunkedDigest(starts: starts, size: size)
        async let hashing = digest.run(listed: ObjectHashes(md5: Array(Insecure.MD5.hash(data: bytes))), reading: file)
        // The last chunks first, each in two writes, with pauses so the hasher runs in between.
        for index in starts.indices.reversed() {
            let start = Int(starts[index])
            let end = min(Int(size), start + Int(chunk))
            for piece in [start..<(start + end) / 2, (start + end) / 2..<end] {
                try bytes[piece].withUnsafeBytes { try file.write($0, at: Int64(piece.lowerBound)) }
                digest.received(Int64(piece.count), inChunk: index)
                try await Task.sleep(nanoseconds: 2_000_000)
            }
        }
        digest.end()
        let (digests, _) = try await hashing
        #expect(digests.byteCount == size)
        #expect(digests.md5.map { Array($0.finalize()) } == Array(Insecure.MD5.hash(data: bytes)))
    }

    @Test func withoutAHashOnlyTheWholeLengthIsCounted() async throws {
        let digest = ChunkedDigest(starts: [0, 10], size: 15)
        async let hashing = digest.run(listed: ObjectHashes(), reading: PositionalWriter(descriptor: -1, path: "/nonexistent"))
        digest.firstResponse(ObjectHashes())
        digest.received(10, inChunk: 0)
        digest.received(5, inChunk: 1)
        digest.end()
        let (digests, _) = try await hashing
        #expect(!digests.isHashing && digests.byteCount == 15)
    }
}
