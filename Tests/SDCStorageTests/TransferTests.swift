import Crypto
import Foundation
import Testing
@testable import SDCStorage

/// The transfer engine's own guarantees, driven by a scripted source (spec/storage.md §7.5, §7.7–§7.9).
struct TransferTests {
    func run(_ backend: ScriptedBackend, to dest: String, configure: (inout FetchOptions) -> Void = { _ in }) async -> FetchReport {
        var options = FetchOptions()
        options.backoffBase = 0
        configure(&options)
        let temporaries = TemporaryFiles()
        let report = await Fetcher(backend: backend, destination: dest, options: options, temporaries: temporaries).run(sourceDescription: "test:")
        #expect(temporaries.count == 0)
        return report
    }

    @Test func md5MismatchIsExit10AndLeavesNoFile() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let backend = ScriptedBackend(entries: [
            .init(key: "model.bin", bytes: Array("real bytes".utf8), advertisedMD5: Array(Insecure.MD5.hash(data: Array("other".utf8)))),
        ])
        let report = await run(backend, to: scratch)
        #expect(report.exitCode == .integrity)
        #expect(listTree(scratch).isEmpty)
        // Integrity failures are retried as a group: three passes by default.
        #expect(backend.opens.count("model.bin") == 3)
    }

    @Test func matchingMD5IsReportedAsVerified() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let bytes = Array("model".utf8)
        let report = await run(ScriptedBackend(entries: [.init(key: "m", bytes: bytes, advertisedMD5: Array(Insecure.MD5.hash(data: bytes)))]), to: scratch)
        #expect(report.exitCode == .success)
        #expect(report.outcomes.first?.verification == .md5)
    }

    @Test func crc32cIsUsedWhenThereIsNoMD5() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        struct CRCOnly: StorageBackend {
            var inner: ScriptedBackend
            var crc: UInt32
            var secretsForRedaction: [String] { [] }
            func list() async throws -> SourceListing {
                .tree(try await inner.list().objects.map { var o = $0; o.hashes = ObjectHashes(crc32c: crc); return o })
            }
            func open(_ object: RemoteObject, from offset: Int64, through last: Int64?) async throws -> ObjectStream {
                try await inner.open(object, from: offset, through: last)
            }
        }
        let bytes = Array("123456789".utf8)
        let good = await run2(CRCOnly(inner: ScriptedBackend(entries: [.init(key: "c", bytes: bytes)]), crc: 0xE306_9283), to: scratch + "/a")
        #expect(good.exitCode == .success)
        #expect(good.outcomes.first?.verification == .crc32c)
        let bad = await run2(CRCOnly(inner: ScriptedBackend(entries: [.init(key: "c", bytes: bytes)]), crc: 1), to: scratch + "/b")
        #expect(bad.exitCode == .integrity)
        #expect(bad.failures.first?.diagnostic.message.contains("crc32c") == true)
    }

    func run2(_ backend: any StorageBackend, to dest: String) async -> FetchReport {
        var options = FetchOptions()
        options.backoffBase = 0
        options.retries = 1
        return await Fetcher(backend: backend, destination: dest, options: options).run(sourceDescription: "test:")
    }

    @Test func brokenStreamResumesAtTheByteReached() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let bytes = Array((0..<100_000).map { UInt8($0 % 251) })
        let backend = ScriptedBackend(entries: [
            .init(key: "big", bytes: bytes, advertisedMD5: Array(Insecure.MD5.hash(data: bytes)), breakAfter: 30_000, failures: 2),
        ])
        let report = await run(backend, to: scratch)
        #expect(report.exitCode == .success)
        let same = FileManager.default.contents(atPath: scratch + "/big").map(Array.init) == bytes
        #expect(same)
        #expect(backend.opens.count("big") == 3)
    }

    @Test func largeFilesUseRangedChunksResumedInsideEachChunk() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let bytes = Array((0..<(3 << 20) + 12345).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        // The first two opens break after 100 KB: two chunks each resume once, inside themselves.
        let backend = ScriptedBackend(entries: [
            .init(key: "big", bytes: bytes, advertisedMD5: Array(Insecure.MD5.hash(data: bytes)), breakAfter: 100_000, failures: 2),
        ])
        let report = await run(backend, to: scratch) {
            $0.multiThreadCutoff = 1 << 20
            $0.multiThreadChunkSize = 1 << 20
            $0.multiThreadStreams = 3
        }
        #expect(report.exitCode == .success, "\(report.failures.map(\.diagnostic.message))")
        #expect(report.outcomes.first?.verification == .md5)
        let same = FileManager.default.contents(atPath: scratch + "/big").map(Array.init) == bytes
        #expect(same)
        // 4 chunks (3 MiB + a remainder) + 2 resumes.
        #expect(backend.opens.count("big") == 6)
    }

    @Test func unsafeKeysAreExit11OrSkippedOnRequest() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let backend = ScriptedBackend(entries: [
            .init(key: "../evil", bytes: [1]), .init(key: "ok", bytes: [2]),
        ])
        let refused = await run(backend, to: scratch + "/a")
        #expect(refused.exitCode == .unsafeKey)
        #expect(!FileManager.default.fileExists(atPath: scratch + "/a"))
        let skipped = await run(backend, to: scratch + "/b") { $0.skipUnsafeKeys = true }
        #expect(skipped.exitCode == .success)
        #expect(listTree(scratch + "/b") == ["ok"])
        #expect(skipped.warnings.contains { $0.contains("../evil") })
        #expect(!FileManager.default.fileExists(atPath: scratch + "/evil"))
    }

    @Test func fileDirectoryCollisionIsExit11() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let report = await run(ScriptedBackend(entries: [.init(key: "a", bytes: [1]), .init(key: "a/b", bytes: [2])]), to: scratch)
        #expect(report.exitCode == .unsafeKey)
    }

    @Test func exitCodePrecedenceFollowsTheSpec() {
        #expect(FetchExitCode.mostSevere([.transient, .integrity, .sourceNotFound]) == .integrity)
        #expect(FetchExitCode.mostSevere([.other, .usageOrConfig]) == .usageOrConfig)
        #expect(FetchExitCode.mostSevere([.authentication, .destination]) == .destination)
    }

    @Test func temporaryNamesFitAndAreRecognised() {
        let name = AtomicFile.temporaryName(forLeaf: String(repeating: "x", count: 300))
        #expect(name.utf8.count <= 255)
        #expect(AtomicFile.isStaleTemporaryName(name))
        #expect(AtomicFile.isStaleTemporaryName(AtomicFile.temporaryName(forLeaf: "model.bin")))
        #expect(!AtomicFile.isStaleTemporaryName("model.bin"))
    }
}
