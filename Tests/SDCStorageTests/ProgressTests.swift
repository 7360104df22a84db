import Foundation
import Testing
@testable import SDCStorage

/// The counters behind `sdc fetch`'s terminal progress line, and the line's text.
struct ProgressTests {
    @Test func lineShowsFilesBytesAndRate() {
        let s = TransferProgress.Snapshot(filesDone: 12, filesTotal: 306, bytesDone: 45 << 20, bytesTotal: 110 << 20)
        #expect(ProgressLine.format(s, seconds: 1.5) == "12/306 files, 45.0 MiB/110.0 MiB, 30.0 MiB/s")
        #expect(ProgressLine.format(.init(filesTotal: 1), seconds: 0) == "0/1 file, 0 B, 0 B/s")
    }

    @Test func unknownTotalsAndRetriedBytesStayReadable() {
        // An HTTP file without Content-Length: no "/total".
        #expect(ProgressLine.format(.init(filesDone: 0, filesTotal: 1, bytesDone: 2048), seconds: 2) == "0/1 file, 2.0 KiB, 1.0 KiB/s")
        // A retried pass streams bytes again: done never shows more than planned.
        #expect(ProgressLine.format(.init(filesDone: 1, filesTotal: 1, bytesDone: 3000, bytesTotal: 1024), seconds: 1)
            .hasPrefix("1/1 file, 1.0 KiB/1.0 KiB, "))
    }

    @Test func countsEveryFileAndByteOfAFetch() async throws {
        let dest = try makeScratchDirectory("progress")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let big = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let backend = ScriptedBackend(entries: [
            .init(key: "a", bytes: Array("hello".utf8), advertisedMD5: nil),
            .init(key: "dir/big", bytes: big, advertisedMD5: nil),
            .init(key: "empty", bytes: [], advertisedMD5: nil),
        ])
        var options = FetchOptions()
        options.multiThreadCutoff = 1 << 20  // the big one goes through ranged chunks
        options.multiThreadChunkSize = 1 << 20
        let progress = TransferProgress()
        let report = await Fetcher(backend: backend, destination: dest, options: options, progress: progress).run(sourceDescription: "test:")
        #expect(report.failures.isEmpty)
        #expect(progress.snapshot == TransferProgress.Snapshot(filesDone: 3, filesTotal: 3, bytesDone: 5 + (3 << 20), bytesTotal: 5 + (3 << 20)))

        // Again into the same place: every file is already there, and still counts as done.
        let again = TransferProgress()
        _ = await Fetcher(backend: backend, destination: dest, options: options, progress: again).run(sourceDescription: "test:")
        #expect(again.snapshot.filesDone == 3)
        #expect(again.snapshot.bytesDone == again.snapshot.bytesTotal)
    }
}
