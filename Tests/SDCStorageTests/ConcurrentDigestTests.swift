import Crypto
import NIOCore
import Testing
@testable import SDCStorage

/// The hashing task beside the file write: every queued chunk is hashed, in order, even when the writer fails,
/// so a download resumed at `byteCount` ends with the MD5 of the whole object.
struct ConcurrentDigestTests {
    /// 6 MiB in uneven chunks (1 byte to 64 KiB), more than the hashing queue's 512 KiB bound holds.
    let chunks: [[UInt8]] = {
        var chunks: [[UInt8]] = []
        var seed: UInt64 = 7
        var total = 0
        while total < 6 << 20 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            let size = Int(seed >> 48) % (64 << 10) + 1
            chunks.append((0..<size).map { UInt8(truncatingIfNeeded: (total + $0) &* 31) })
            total += size
        }
        return chunks
    }()

    func expectedMD5() -> [UInt8] {
        var md5 = Insecure.MD5()
        for chunk in chunks { md5.update(data: chunk) }
        return Array(md5.finalize())
    }

    struct Broken: Error {}

    @Test func hashesEveryChunkInOrder() async throws {
        var digests = StreamingDigests()
        digests.choose(for: ObjectHashes(md5: [0]))
        try await ConcurrentDigest.feeding(&digests) { hash in
            for chunk in chunks { await hash(ByteBuffer(bytes: chunk)) }
        }
        #expect(digests.byteCount == Int64(chunks.reduce(0) { $0 + $1.count }))
        #expect(digests.md5.map { Array($0.finalize()) } == expectedMD5())
    }

    @Test func aFailedAttemptKeepsWhatItQueuedSoAResumeEndsWithTheWholeHash() async throws {
        var digests = StreamingDigests()
        digests.choose(for: ObjectHashes(md5: [0]))
        let cut = chunks.count / 3
        await #expect(throws: Broken.self) {
            try await ConcurrentDigest.feeding(&digests) { hash in
                for chunk in chunks[..<cut] { await hash(ByteBuffer(bytes: chunk)) }
                throw Broken()
            }
        }
        #expect(digests.byteCount == Int64(chunks[..<cut].reduce(0) { $0 + $1.count }))
        try await ConcurrentDigest.feeding(&digests) { hash in
            for chunk in chunks[cut...] { await hash(ByteBuffer(bytes: chunk)) }
        }
        #expect(digests.md5.map { Array($0.finalize()) } == expectedMD5())
    }
}
